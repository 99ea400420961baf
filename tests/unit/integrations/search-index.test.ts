import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readBuiltSite } from '../../../src/integrations/built-site';
import { questionRecords, writeSearchIndex } from '../../../src/integrations/search-index';

test('indexes the lesson pages of a built site into dist/pagefind', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'site-'));
  const page = (path: string, body: string) => {
    mkdirSync(join(dist, path), { recursive: true });
    writeFileSync(join(dist, path, 'index.html'), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
  };
  page('strings', '<main data-pagefind-body><h1>Strings</h1><p>INCR counts atomically.</p></main>');
  page('lists', '<main data-pagefind-body><h1>Lists</h1><p>LPUSH and BLMOVE build queues.</p></main>');
  page('', '<main><h1>Home</h1></main>');

  await writeSearchIndex(readBuiltSite(dist));

  // Only pages marked data-pagefind-body (lessons) are searchable; the home page is not.
  const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  expect(entry.languages.en.page_count).toBe(2);
  expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
});

test('reads each interview question of a lesson page as its own record', () => {
  const dist = mkdtempSync(join(tmpdir(), 'site-'));
  mkdirSync(join(dist, 'p', 'lesson'), { recursive: true });
  writeFileSync(
    join(dist, 'p', 'lesson', 'index.html'),
    '<article data-pagefind-body><p><span data-pagefind-meta="phase" data-pagefind-filter="phase">Phase 2 · Core Data Structures</span></p>' +
      '<h1 data-pagefind-meta="title">Sorted Sets &amp; Ranks</h1>' +
      '<details id="q-1" class="question question--advanced" data-level="Advanced" data-pagefind-ignore><summary><span class="question__number">Q1</span>' +
      '<span class="question__text">Why a &lt;skiplist&gt;?</span></summary><div class="question__answer"><p>Ranges in <code>O(log N)</code>.</p></div></details></article>',
  );
  expect(questionRecords(readBuiltSite(dist))).toEqual([
    {
      url: '/p/lesson/#q-1',
      content: 'Why a <skiplist>?\nRanges in O(log N) .',
      language: 'en',
      meta: { title: 'Why a <skiplist>?', phase: 'Phase 2 · Core Data Structures', lesson: 'Sorted Sets & Ranks', level: 'Advanced' },
      filters: { phase: ['Phase 2 · Core Data Structures'], type: ['Interview question'], level: ['Advanced'] },
    },
  ]);
});
