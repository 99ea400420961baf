import type { Definition, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { phasePath } from '../../course/conventions';
import type { Problem } from '../../course/problems';
import { defineRule, report, startOf } from '../rule';
import { closest, truncate } from '../text';
import type { ParsedLesson } from '../types';

// Only the path matters: the host never appears in a message.
const ORIGIN = 'https://course.invalid';
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;
/** Pages that are not lessons but exist on every build: home and the phase pages. */
const pagesOf = (lesson: ParsedLesson) => new Set(['/', ...lesson.course.config.phases.map((p) => `/${phasePath(p.slug)}`)]);

/** The relative link from one lesson URL to a site path: `../sets/`, `../../advanced-patterns/streams/`. */
export function relativeLink(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  const up = '../'.repeat(a.length - shared);
  const down = b.slice(shared).join('/');
  return `${up || './'}${down}${down && to.endsWith('/') ? '/' : ''}`;
}

const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

const lastSegment = (path: string) => path.split('/').filter(Boolean).pop() ?? '';

/** The lesson a broken link probably meant: same file name in another phase, or a near spelling. */
function nearestLesson(lesson: ParsedLesson, path: string): string | undefined {
  const urls = [...lesson.course.lessons.keys()];
  if (lesson.course.lessons.has(path)) return path;
  const slug = lastSegment(path);
  const near = urls.some((u) => lastSegment(u) === slug) ? slug : closest(slug, urls.map(lastSegment));
  return near === undefined ? undefined : urls.find((u) => lastSegment(u) === near);
}

/** What is wrong with one link target, or undefined when it resolves. */
function checkLink(lesson: ParsedLesson, url: string): { message: string; severity?: 'warning' } | undefined {
  const shown = `"${truncate(url)}"`;
  if (url.trim() === '') return { message: 'Link has no target. Write the URL between the parentheses, or remove the link.' };
  if (EXTERNAL.test(url)) return undefined;
  if (url.startsWith('/')) {
    const path = withSlash(decode(url.split(/[?#]/)[0] ?? url));
    const hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
    const relative = lesson.url && (lesson.course.lessons.has(path) || pagesOf(lesson).has(path)) ? relativeLink(lesson.url, path) + hash : undefined;
    const fix = relative ? `Use a relative link: "${relative}".` : 'Use a relative link such as "../lesson-slug/" or "../../phase-slug/lesson-slug/".';
    return { message: `Link ${shown} is absolute and breaks when the site is served under a base path. ${fix}` };
  }
  const here = url.startsWith('#') ? undefined : lesson.url;
  if (!url.startsWith('#') && !here) return undefined; // Without a valid phase the lesson has no URL to resolve against (RM003 reports it).
  const resolved = URL.parse(url, `${ORIGIN}${here ?? '/'}`);
  if (!resolved) return { message: `Link ${shown} is not a valid URL. Check its characters; spaces must be written as %20.` };
  const anchor = decode(resolved.hash.slice(1));
  let target: { file: string; anchors: ReadonlySet<string>; draft: boolean } | undefined = { file: lesson.file, anchors: lesson.anchors, draft: false };
  if (!url.startsWith('#')) {
    const path = withSlash(decode(resolved.pathname));
    if (pagesOf(lesson).has(path)) return undefined;
    target = lesson.course.lessons.get(path);
    if (!target) {
      const guess = nearestLesson(lesson, path.replace(/\.mdx\/$/, '/'));
      const fix = guess ? `Did you mean "${relativeLink(here!, guess)}${resolved.hash}"?` : 'Check the phase and file name of the lesson you mean: a lesson\'s URL is /<phase-slug>/<file-name>/.';
      return { message: `Link ${shown} points to ${truncate(path)}, which is not a lesson in the course. ${fix}` };
    }
    if (target.draft && !lesson.data?.draft) {
      return { message: `Link ${shown} points to ${target.file}, a draft that is left out of the production build. Link to it once it is published.`, severity: 'warning' };
    }
  }
  if (anchor && !target.anchors.has(anchor)) {
    const guess = closest(anchor, target.anchors);
    const fix = guess ? `Did you mean "#${guess}"?` : 'Link to one of its headings; an anchor is the heading in lower case with hyphens for spaces.';
    return { message: `Link ${shown} points to "#${truncate(anchor, 40)}", which is not a heading in ${target.file}. ${fix}` };
  }
  return undefined;
}

export const internalLinks = defineRule({
  id: 'RM108',
  name: 'internal-links',
  severity: 'error',
  description: 'Links between lessons are relative and lead to a lesson and heading that exist.',
  check(lesson) {
    const problems: Problem[] = [];
    visit(lesson.tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const link = node as Link | Definition;
      const found = checkLink(lesson, link.url);
      if (found) problems.push(report(this, lesson, startOf(link), found.message, found.severity));
    });
    return problems;
  },
});
