/**
 * The book's contents read from a built site and its course.yaml: the phases in course.yaml's order, each with the
 * lessons its built phase page lists, and every lesson's built page. The site is the truth of what readers see.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { CourseConfig } from '../course/config';
import { formatMinutes, phasePath, plural } from '../course/conventions';
import { renderInlineMarkdown } from '../course/markdown';
import { UserError } from '../user-error';
import type { BookInput, BookPhase } from './book';

const hasClass = (node: Element, name: string) => Array.isArray(node.properties['className']) && node.properties['className'].includes(name);
const isLink = (node: Element, rel: string) => node.tagName === 'link' && Array.isArray(node.properties['rel']) && node.properties['rel'].includes(rel);

/** The elements of a page (its HTML, or a part already parsed) that `keep` picks, in document order. */
function elements(html: string | Element, keep: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(typeof html === 'string' ? fromHtml(html) : html, 'element', (node: Element) => {
    if (keep(node)) found.push(node);
  });
  return found;
}

/** A built page of the site, or a UserError saying to build it again. */
function page(dir: string, path: string): string {
  const file = join(dir, path, 'index.html');
  if (!existsSync(file)) throw new UserError(`${file} is missing: build the site again with \`npm run build\` (the built site must match lessons/course.yaml).`);
  return readFileSync(file, 'utf8');
}

/** Everything the book needs, from the site built in `dir` and its course.yaml (minus the book's own stylesheet). */
export function readBuiltCourse(dir: string, course: CourseConfig): Omit<BookInput, 'css'> {
  const home = page(dir, '');
  const root = elements(home, (n) => n.tagName === 'html')[0];
  const base = String(root?.properties['dataBase'] ?? '/');
  const canonical = elements(home, (n) => isLink(n, 'canonical'))[0];
  let minutes = 0;
  const phases = course.phases.map((phase): BookPhase => {
    const items = elements(page(dir, phasePath(phase.slug)), (n) => n.tagName === 'li' && hasClass(n, 'lesson-list__item'));
    return {
      number: phase.number,
      slug: phase.slug,
      title: phase.title,
      summary: phase.summary,
      lessons: items.map((item) => {
        const path = String(item.properties['dataLesson']);
        minutes += Number(item.properties['dataMinutes'] ?? 0);
        const number = elements(item, (n) => hasClass(n, 'lesson-list__number'))[0];
        return { path, number: number ? toString(number).trim() : '', title: String(item.properties['dataTitle']), html: page(dir, path) };
      }),
    };
  });
  const lessons = phases.reduce((n, p) => n + p.lessons.length, 0);
  const firstLesson = phases.flatMap((p) => p.lessons)[0];
  const stylesheets = elements(firstLesson?.html ?? home, (n) => isLink(n, 'stylesheet')).map((n) => String(n.properties['href']));
  return {
    title: course.title,
    subtitle: course.subtitle,
    taglineHtml: renderInlineMarkdown(course.tagline),
    facts: `${plural(lessons, 'lesson')} in ${plural(phases.length, 'phase')} · about ${formatMinutes(minutes)} of reading`,
    base,
    home: String(canonical?.properties['href'] ?? base),
    stylesheets,
    phases,
  };
}
