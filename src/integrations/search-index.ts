import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { QUESTION_TYPE } from '../course/conventions';
import type { BuiltPage, BuiltSite } from './built-site';

export interface SearchIndexReport {
  pages: number;
  questions: number;
  outputPath: string;
}

/** An interview question as its own search result, filterable by phase and level. */
export interface QuestionRecord {
  url: string;
  content: string;
  language: 'en';
  meta: { title: string; phase: string; lesson: string; level: string };
  filters: { phase: string[]; type: string[]; level: string[] };
}

// The lesson page template writes these elements, always in this shape; scanning is far faster than parsing 1,000 pages.
const QUESTION = /<details id="(q-\d+)" class="question[^"]*" data-level="([^"]+)"[^>]*>([\s\S]*?)<\/details>/g;
const QUESTION_TEXT = /<span class="question__text">([\s\S]*?)<\/span>/;
const ANSWER = /<div class="question__answer">([\s\S]*)<\/div>/;
const PHASE = /data-pagefind-meta="phase"[^>]*>([^<]*)</;
const TITLE = /<h1 data-pagefind-meta="title">([^<]*)<\/h1>/;

/** Text of an HTML fragment: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[e.toLowerCase()] ?? e;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The interview questions of one built lesson page, as search records (the HTML is the single source of what readers see). */
export function pageQuestionRecords(page: BuiltPage): QuestionRecord[] {
  const { html } = page;
  const lesson = TITLE.exec(html)?.[1];
  if (!lesson || !html.includes('class="question ')) return [];
  const phase = htmlText(PHASE.exec(html)?.[1] ?? '');
  const url = `/${page.path}`;
  return [...html.matchAll(QUESTION)].map(([, id, level, body]) => {
    const question = htmlText(QUESTION_TEXT.exec(body!)?.[1] ?? '');
    const answer = htmlText(ANSWER.exec(body!)?.[1] ?? '');
    return {
      url: `${url}#${id}`,
      content: `${question}\n${answer}`,
      language: 'en',
      meta: { title: question, phase, lesson: htmlText(lesson), level: level! },
      filters: { phase: [phase], type: [QUESTION_TYPE], level: [level!] },
    };
  });
}

/** Every interview question of a built site as its own search record, in page order. */
export function questionRecords(site: BuiltSite): QuestionRecord[] {
  return site.pages.flatMap(pageQuestionRecords).sort((a, b) => a.url.localeCompare(b.url, 'en', { numeric: true }));
}

/**
 * Writes the Pagefind index of a built site into `<dir>/pagefind/`: every page plus one record per interview question.
 * Pagefind reads the pages from disk itself, on its own threads: sending it each page's HTML instead took three times
 * as long (510 pages: 1.5 s against 0.5 s), and both make the same fragments.
 */
export async function writeSearchIndex(site: BuiltSite): Promise<SearchIndexReport> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const questions = questionRecords(site);
    // Sent together: Pagefind's service answers each request by id, so they need not wait for one another.
    const pages = index.addDirectory({ path: site.dir });
    const records = Promise.all(questions.map((record) => index.addCustomRecord(record)));
    const failed = [
      ...(await pages).errors,
      ...(await records).flatMap((r, i) => (r.errors.length > 0 ? [`${questions[i]!.url}: ${r.errors.join('; ')}`] : [])),
    ];
    if (failed.length > 0) throw new Error(`Pagefind could not index ${failed.join(', ')}`);
    const outputPath = join(site.dir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return { pages: site.pages.length, questions: questions.length, outputPath };
  } finally {
    await pagefind.close();
  }
}
