import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readBuiltSite } from '../../../src/integrations/built-site';
import { diagramSlot } from '../../../src/markdown/diagram-slots';
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

test('a lesson page reads the same to the search index with a diagram slot as with its drawing, so the index is written before the slots are filled', async () => {
  const index = async (figure: string) => {
    const dist = mkdtempSync(join(tmpdir(), 'site-'));
    mkdirSync(join(dist, 'keys'), { recursive: true });
    writeFileSync(
      join(dist, 'keys', 'index.html'),
      `<!doctype html><html lang="en"><head><title>t</title></head><body><main data-pagefind-body><h1>Keys</h1><p>Every key has a type.</p><figure class="diagram">${figure}</figure><h2 id="expiry">Expiry</h2><p>EXPIRE sets a time to live.</p></main></body></html>`,
    );
    await writeSearchIndex(readBuiltSite(dist));
    const fragments = readdirSync(join(dist, 'pagefind', 'fragment')).map((name) => {
      const text = gunzipSync(readFileSync(join(dist, 'pagefind', 'fragment', name))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as { anchors: { element: string }[] };
    });
    // Pagefind lists every element with an id as an anchor; the drawing's <svg> is one, with no text. The search UI reads no anchors.
    return fragments.map((f) => ({ ...f, anchors: f.anchors.filter((a) => a.element !== 'svg') }));
  };
  const drawn = '<svg id="mermaid-1" xmlns="http://www.w3.org/2000/svg"><g><text>Client</text><text>Redis replica</text></g></svg>';
  const slotted = await index(diagramSlot({ source: 'flowchart LR\n  Client --> R[Redis replica]', file: '/lessons/keys.mdx', line: 4 }));
  expect(slotted).toEqual(await index(drawn));
  expect(JSON.stringify(slotted)).toContain('EXPIRE sets a time to live');
  expect(JSON.stringify(slotted)).not.toContain('replica');
});
