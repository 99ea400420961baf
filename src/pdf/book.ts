/**
 * The course as one HTML document for Chromium to print: a cover, the contents with page numbers, a chapter per
 * phase and every lesson's article as the built site shows it, with its answers open and its links between lessons
 * turned into links inside the document. Pure: the built pages and course.yaml's words in, HTML out.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

export interface BookLesson {
  /** The lesson's path inside the site, e.g. `queries/joins/`. */
  path: string;
  /** "2.1", as the site numbers it. */
  number: string;
  title: string;
  /** The lesson's built page. */
  html: string;
}

export interface BookPhase {
  number: number;
  slug: string;
  title: string;
  summary: string;
  lessons: BookLesson[];
}

export interface BookInput {
  title: string;
  subtitle: string | undefined;
  /** The tagline as HTML (course.yaml's inline Markdown, rendered). */
  taglineHtml: string;
  /** "4 lessons in 3 phases · about 20 min of reading". */
  facts: string;
  /** The site's base path, `/` or `/redis-mastery/`: the lessons' links are read against it. */
  base: string;
  /** The published home page, e.g. `https://example.org/redis-mastery/`: links to pages the book does not hold go there. */
  home: string;
  /** The site's stylesheets, by the URLs its pages load them from: the book reuses their print rules. */
  stylesheets: string[];
  /** The book's own rules (src/pdf/book.css). */
  css: string;
  phases: BookPhase[];
}

/** Page numbers by anchor id, read from a first printing; empty on the first. */
export type PageNumbers = ReadonlyMap<string, number>;

export const CONTENTS_ANCHOR = 'contents';
export const phaseAnchor = (slug: string): string => `phase-${slug}`;
export const lessonAnchor = (path: string): string => `lesson-${path.replace(/\/+$/, '').split('/').join('--')}`;
const innerAnchor = (lesson: string, id: string) => `${lesson}--${id}`;

/** What a printed book has no use for: navigation, buttons, the completion control, the edit link, script-only parts. */
const DROPPED_CLASSES = ['breadcrumbs', 'complete', 'lesson__footer', 'prev-next', 'reading', 'js-only'];
const DROPPED_TAGS = new Set(['script', 'button', 'noscript']);
/** Attributes that name other elements by id: renamed with the ids. */
const ID_REFERENCES = ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'htmlFor'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const classes = (node: Element): string[] => (Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []);

/** The `<article class="lesson">` of a built lesson page; throws naming the page when it has none. */
function articleOf(lesson: BookLesson): Element {
  let article: Element | undefined;
  visit(fromHtml(lesson.html), 'element', (node: Element) => {
    if (article) return SKIP;
    if (node.tagName === 'article' && classes(node).includes('lesson')) article = node;
    return undefined;
  });
  if (!article) throw new Error(`${lesson.path} has no <article class="lesson">: build the site again with this version of the tools`);
  return article;
}

/** Ids of HTML elements outside inline SVG (a diagram's own ids stay as they are: its styles name them). */
function visitHtml(root: Element, each: (node: Element) => void): void {
  visit(root, 'element', (node: Element) => {
    if (node.tagName === 'svg') return SKIP;
    each(node);
    return undefined;
  });
}

interface Chapter {
  anchor: string;
  article: Element;
  ids: Set<string>;
}

/** Removes what a book does not print, opens every answer, and makes every id unique to its lesson. */
function prepare(lesson: BookLesson): Chapter {
  const article = articleOf(lesson);
  const anchor = lessonAnchor(lesson.path);
  visit(article, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (DROPPED_TAGS.has(node.tagName) || classes(node).some((c) => DROPPED_CLASSES.includes(c))) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.tagName === 'details') node.properties['open'] = true;
    return node.tagName === 'svg' ? SKIP : undefined;
  });
  const ids = new Set<string>();
  visitHtml(article, (node) => {
    const id = node.properties['id'];
    if (typeof id === 'string') {
      ids.add(id);
      node.properties['id'] = innerAnchor(anchor, id);
    }
    for (const key of ID_REFERENCES) {
      const refs = node.properties[key];
      if (Array.isArray(refs)) node.properties[key] = refs.map((r) => innerAnchor(anchor, String(r)));
    }
    // One level down, so the PDF's outline nests lessons under their phase and sections under their lesson.
    const level = /^h([1-5])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Number(level) + 1}`;
  });
  article.properties['id'] = anchor;
  article.properties['className'] = [...classes(article), 'book-lesson'];
  return { anchor, article, ids };
}

/** A URL's fragment as the id it names (URLs percent-encode what ids may hold as it is). */
function fragment(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** Every link and image of a lesson, pointed inside the book where the book holds the target, else at the published site. */
function relink(chapter: Chapter, lesson: BookLesson, book: ReadonlyMap<string, Chapter>, phases: ReadonlySet<string>, input: BookInput): void {
  const page = new URL(`${input.base}${lesson.path}`, 'http://book.invalid');
  visitHtml(chapter.article, (node) => {
    if (node.tagName === 'img' && typeof node.properties['src'] === 'string') {
      const src = new URL(node.properties['src'], page);
      if (src.origin === page.origin) node.properties['src'] = src.pathname;
    }
    const href = node.tagName === 'a' ? node.properties['href'] : undefined;
    if (typeof href !== 'string') return;
    const target = new URL(href, page);
    if (target.origin !== page.origin) return;
    if (!target.pathname.startsWith(input.base)) return;
    const path = target.pathname.slice(input.base.length);
    const id = fragment(target.hash);
    const into = book.get(path);
    if (into) node.properties['href'] = `#${id && into.ids.has(id) ? innerAnchor(into.anchor, id) : into.anchor}`;
    else if (phases.has(path)) node.properties['href'] = `#${phaseAnchor(path.replace(/\/$/, ''))}`;
    else if (path === '') node.properties['href'] = `#${CONTENTS_ANCHOR}`;
    else node.properties['href'] = new URL(`${path}${target.search}${target.hash}`, input.home).href;
  });
}

/** One line of the contents: the title, a dotted leader and the page (blank until the first printing is read). */
function contentsLine(anchor: string, title: string, pages: PageNumbers): string {
  const page = pages.get(anchor);
  return `<a href="#${anchor}"><span class="book-contents__title">${escape(title)}</span><span class="book-contents__leader" aria-hidden="true"></span><span class="book-contents__page">${page ?? ''}</span></a>`;
}

/** The book, prepared once: its anchors in the contents, and its HTML for the page numbers known so far. */
export interface Book {
  /** Every chapter's and lesson's anchor, in the contents' order: each must get a page number. */
  anchors: string[];
  html(pages?: PageNumbers): string;
}

/** The whole course as one HTML document: the lessons are prepared once, the contents written for each printing. */
export function composeBook(input: BookInput): Book {
  const lessons = input.phases.flatMap((p) => p.lessons);
  const chapters = new Map(lessons.map((lesson) => [lesson.path, prepare(lesson)]));
  const phasePaths = new Set(input.phases.map((p) => `${p.slug}/`));
  for (const lesson of lessons) relink(chapters.get(lesson.path)!, lesson, chapters, phasePaths, input);
  const body = input.phases
    .map((phase) => {
      const articles = phase.lessons.map((l) => toHtml(chapters.get(l.path)!.article)).join('\n');
      const anchor = phaseAnchor(phase.slug);
      return `<section class="book-chapter" aria-labelledby="${anchor}-title">
<header class="book-chapter__title" id="${anchor}"><p class="eyebrow">Phase ${phase.number} of ${input.phases.length}</p><h1 id="${anchor}-title">${escape(phase.title)}</h1><p class="lead">${escape(phase.summary)}</p></header>
${articles}
</section>`;
    })
    .join('\n');
  const head = `<!doctype html>
<html lang="en" data-theme="light">
<head>
<meta charset="utf-8">
<title>${escape(input.subtitle ? `${input.title}: ${input.subtitle}` : input.title)}</title>
${input.stylesheets.map((href) => `<link rel="stylesheet" href="${escape(href)}">`).join('\n')}
<style>${input.css}</style>
</head>
<body class="book">
<main>
<section class="book-cover">
<h1>${escape(input.title)}</h1>
${input.subtitle ? `<p class="book-cover__subtitle">${escape(input.subtitle)}</p>` : ''}
<p class="book-cover__tagline">${input.taglineHtml}</p>
<p class="book-cover__facts">${escape(input.facts)}</p>
<p class="book-cover__home"><a href="${escape(input.home)}">${escape(input.home)}</a></p>
</section>`;

  return {
    anchors: input.phases.flatMap((phase) => [phaseAnchor(phase.slug), ...phase.lessons.map((l) => lessonAnchor(l.path))]),
    html: (pages = new Map()) => {
      const contents = input.phases
        .map((phase) => {
          const items = phase.lessons.map((l) => `<li>${contentsLine(lessonAnchor(l.path), `${l.number} ${l.title}`, pages)}</li>`).join('');
          return `<li class="book-contents__phase">${contentsLine(phaseAnchor(phase.slug), `Phase ${phase.number}: ${phase.title}`, pages)}${items ? `<ol>${items}</ol>` : ''}</li>`;
        })
        .join('');
      return `${head}
<nav class="book-contents" id="${CONTENTS_ANCHOR}" aria-labelledby="${CONTENTS_ANCHOR}-title">
<h1 id="${CONTENTS_ANCHOR}-title">Contents</h1>
<ol>${contents}</ol>
</nav>
${body}
</main>
</body>
</html>
`;
    },
  };
}
