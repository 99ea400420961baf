import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { writeSearchIndex } from '../../../src/integrations/search-index';

test('indexes the lesson pages of a built site into dist/pagefind', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'site-'));
  const page = (path: string, body: string) => {
    mkdirSync(join(dist, path), { recursive: true });
    writeFileSync(join(dist, path, 'index.html'), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
  };
  page('strings', '<main data-pagefind-body><h1>Strings</h1><p>INCR counts atomically.</p></main>');
  page('lists', '<main data-pagefind-body><h1>Lists</h1><p>LPUSH and BLMOVE build queues.</p></main>');
  page('', '<main><h1>Home</h1></main>');

  await writeSearchIndex(dist);

  // Only pages marked data-pagefind-body (lessons) are searchable; the home page is not.
  const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  expect(entry.languages.en.page_count).toBe(2);
  expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
});
