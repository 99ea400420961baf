import { describe, expect, test } from 'vitest';
import { composeBook, type BookInput, type BookLesson } from '../../../src/pdf/book';
import { withDownloadLink } from '../../../src/pdf/download-link';

/** A built lesson page as the site writes one, around the article the book takes. */
const lessonPage = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav class="sidebar"><a href="/x/">x</a></nav><main id="main">` +
  `<article class="lesson" data-pagefind-body><nav class="breadcrumbs"><a href="/">Home</a></nav><header class="lesson__header"><p class="eyebrow">Phase · <span class="reading">(measured)</span></p><h1>${title}</h1></header>` +
  `<div class="prose">${body}</div><div class="complete"><button type="button" data-complete="">Mark lesson complete</button></div><nav class="prev-next"><a href="../next/">Next</a></nav></article></main><script src="/_astro/x.js"></script></body></html>`;

const lesson = (path: string, number: string, title: string, body: string): BookLesson => ({ path, number, title, html: lessonPage(title, body) });

const INPUT: BookInput = {
  title: 'SQL Field Guide',
  subtitle: 'queries that hold up',
  taglineHtml: 'Write <em>SQL</em> that scales.',
  facts: '3 lessons in 2 phases · about 9 min of reading',
  base: '/guide/',
  home: 'https://example.org/guide/',
  stylesheets: ['/guide/_astro/Base.x.css'],
  css: '.book-cover { color: black; }',
  phases: [
    {
      number: 1,
      slug: 'foundations',
      title: 'Foundations',
      summary: 'Tables & rows.',
      lessons: [
        lesson(
          'foundations/tables/',
          '1.1',
          'Tables',
          '<h2 id="overview">Overview</h2><p><a href="../../queries/joins/#syntax">joins syntax</a> · <a href="../../queries/joins/#no-such">joins</a> · ' +
            '<a href="../../queries/">the phase</a> · <a href="../../">home</a> · <a href="../../interview/?level=Warm-up#q">questions</a> · <a href="https://www.postgresql.org/docs/">docs</a> · <a href="#overview">top</a></p>' +
            '<figure class="diagram"><svg id="mermaid-1" aria-labelledby="t-1"><title id="t-1">A flow</title><style>#mermaid-1 .node{fill:red}</style></svg></figure>' +
            '<details id="q-1" class="question"><summary id="q-1-summary">Why?</summary><div class="question__answer" aria-labelledby="q-1-summary">Because of the planner.</div></details>' +
            '<p><img src="../diagram.png" alt="x"></p><div class="js-only">Run it</div>',
        ),
        lesson('foundations/select/', '1.2', 'Reading a SELECT', '<p>Select.</p>'),
      ],
    },
    { number: 2, slug: 'queries', title: 'Queries', summary: 'Joins.', lessons: [lesson('queries/joins/', '2.1', 'Joins & Plans', '<h2 id="syntax">Syntax</h2>')] },
  ],
};

describe('composeBook', () => {
  const book = composeBook(INPUT);
  const html = book.html();

  test('names every chapter and lesson anchor in the order of the contents', () => {
    expect(book.anchors).toEqual(['phase-foundations', 'lesson-foundations--tables', 'lesson-foundations--select', 'phase-queries', 'lesson-queries--joins']);
  });

  test('starts with a cover and the contents, blank page numbers until a printing has been read', () => {
    expect(html).toContain('<title>SQL Field Guide: queries that hold up</title>');
    expect(html).toContain('<p class="book-cover__tagline">Write <em>SQL</em> that scales.</p>');
    expect(html).toContain('<a href="#lesson-queries--joins"><span class="book-contents__title">2.1 Joins &amp; Plans</span><span class="book-contents__leader" aria-hidden="true"></span><span class="book-contents__page"></span></a>');
    const numbered = book.html(new Map([['lesson-queries--joins', 7]]));
    expect(numbered).toContain('<span class="book-contents__title">2.1 Joins &amp; Plans</span><span class="book-contents__leader" aria-hidden="true"></span><span class="book-contents__page">7</span>');
  });

  test('has one chapter per phase with its lessons in order, and reuses the site’s stylesheets', () => {
    const chapters = html.slice(html.indexOf('<section class="book-chapter"'));
    const titles = [...chapters.matchAll(/<h[12][^>]*>([^<]*)<\/h[12]>/g)].map((m) => m[1]);
    expect(titles).toEqual(['Foundations', 'Tables', 'Reading a SELECT', 'Queries', 'Joins &#x26; Plans']);
    expect(html).toContain('<link rel="stylesheet" href="/guide/_astro/Base.x.css">');
    expect(html).toContain('<style>.book-cover { color: black; }</style>');
  });

  test('points links between lessons, to a phase and to the home page inside the book, and other pages at the site', () => {
    expect(html).toContain('<a href="#lesson-queries--joins--syntax">joins syntax</a>');
    expect(html).toContain('<a href="#lesson-queries--joins">joins</a>');
    expect(html).toContain('<a href="#phase-queries">the phase</a>');
    expect(html).toContain('<a href="#contents">home</a>');
    expect(html).toContain('<a href="https://example.org/guide/interview/?level=Warm-up#q">questions</a>');
    expect(html).toContain('<a href="https://www.postgresql.org/docs/">docs</a>');
    expect(html).toContain('<a href="#lesson-foundations--tables--overview">top</a>');
    expect(html).toContain('<img src="/guide/foundations/diagram.png" alt="x">');
  });

  test('shows every answer, keeps ids unique to their lesson, and leaves a diagram’s own ids alone', () => {
    expect(html).toContain('<details id="lesson-foundations--tables--q-1" class="question" open>');
    expect(html).toContain('aria-labelledby="lesson-foundations--tables--q-1-summary"');
    expect(html).toContain('<svg id="mermaid-1" aria-labelledby="t-1"><title id="t-1">A flow</title><style>#mermaid-1 .node{fill:red}</style></svg>');
    expect(html).toContain('<h3 id="lesson-foundations--tables--overview">Overview</h3>');
    expect(html).toContain('<h2>Tables</h2>');
  });

  test('leaves out navigation, buttons, scripts, the completion control and script-only parts', () => {
    for (const gone of ['breadcrumbs', 'Mark lesson complete', 'prev-next', '(measured)', 'Run it', '<script', 'sidebar']) expect(html).not.toContain(gone);
  });

  test('refuses a page without a lesson article, naming it', () => {
    const broken = { ...INPUT, phases: [{ ...INPUT.phases[1]!, lessons: [{ path: 'queries/joins/', number: '2.1', title: 'Joins', html: '<p>not a lesson</p>' }] }] };
    expect(() => composeBook(broken)).toThrow('queries/joins/ has no <article class="lesson">: build the site again with this version of the tools');
  });
});

describe('withDownloadLink', () => {
  const home = '<p><a class="button" href="/x/">Start</a></p><p class="hero__download" data-course-pdf hidden></p><section>';

  test('fills the home page’s slot with the link and the PDF’s size, again on a second run', () => {
    const once = withDownloadLink(home, '/guide/sql-field-guide.pdf', 4_249_000)!;
    expect(once).toContain('<p class="hero__download" data-course-pdf><a href="/guide/sql-field-guide.pdf" download>Download the course (PDF, 4.2 MB)</a></p><section>');
    expect(withDownloadLink(once, '/guide/sql-field-guide.pdf', 300_000)).toContain('Download the course (PDF, 300 KB)</a></p><section>');
  });

  test('says when the page has no slot for it', () => {
    expect(withDownloadLink('<p>old home page</p>', '/x.pdf', 1)).toBeUndefined();
  });
});
