import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import * as pagefind from 'pagefind';
import { visit } from 'unist-util-visit';

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

const hasClass = (node: Element, name: string) => Array.isArray(node.properties.className) && node.properties.className.includes(name);

/** Reads the interview questions out of the built lesson pages (the HTML is the single source of what readers see). */
export function questionRecords(distDir: string): QuestionRecord[] {
  const records: QuestionRecord[] = [];
  const files = readdirSync(distDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name === 'index.html');
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    const html = readFileSync(file, 'utf8');
    if (!html.includes('class="question ')) continue;
    const tree = fromHtml(html);
    let phase = '';
    let lesson = '';
    const questions: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.properties.dataPagefindMeta === 'phase') phase = toString(node);
      if (node.tagName === 'h1' && node.properties.dataPagefindMeta === 'title') lesson = toString(node);
      if (node.tagName === 'details' && hasClass(node, 'question') && typeof node.properties.id === 'string') questions.push(node);
    });
    if (!lesson) continue;
    const url = `/${relative(distDir, entry.parentPath).split('\\').join('/')}/`.replace(/\/+$/, '/');
    for (const node of questions) {
      const level = String(node.properties.dataLevel ?? '');
      let question = '';
      let answer = '';
      visit(node, 'element', (child: Element) => {
        if (hasClass(child, 'question__text')) question = toString(child);
        if (hasClass(child, 'question__answer')) answer = toString(child);
      });
      records.push({
        url: `${url}#${String(node.properties.id)}`,
        content: `${question}\n${answer}`,
        language: 'en',
        meta: { title: question, phase, lesson, level },
        filters: { phase: [phase], type: ['Interview question'], level: [level] },
      });
    }
  }
  return records.sort((a, b) => a.url.localeCompare(b.url, 'en', { numeric: true }));
}

/** Writes the Pagefind index for a built site into `<distDir>/pagefind/`: lesson pages plus one record per interview question. */
export async function writeSearchIndex(distDir: string): Promise<SearchIndexReport> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${distDir}: ${added.errors.join('; ')}`);
    const questions = questionRecords(distDir);
    for (const record of questions) {
      const result = await index.addCustomRecord(record);
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${result.errors.join('; ')}`);
    }
    const outputPath = join(distDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return { pages: added.page_count, questions: questions.length, outputPath };
  } finally {
    await pagefind.close();
  }
}
