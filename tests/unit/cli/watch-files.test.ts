import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { watchFiles } from '../../../src/cli/watch-files';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** The files reported changed, collected for `ms` after `act`. */
async function changesAfter(files: string[], act: () => void, ms = 600): Promise<string[]> {
  const changed: string[] = [];
  stops.push(watchFiles(files, (file) => changed.push(file), 100));
  // inotify watches are in place once watch() returns; a short pause keeps slow machines honest.
  await new Promise((resolve) => setTimeout(resolve, 50));
  act();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return changed;
}

test('reports a burst of writes to a watched file once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'watch-'));
  const file = join(dir, 'astro.config.mjs');
  writeFileSync(file, 'a');
  const changed = await changesAfter([file], () => {
    writeFileSync(file, 'b');
    writeFileSync(file, 'c');
  });
  expect(changed).toEqual([file]);
});

test('sees a save that replaces the file by renaming a new one over it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'watch-'));
  const file = join(dir, 'course-site.ts');
  writeFileSync(file, 'a');
  const changed = await changesAfter([file], () => {
    writeFileSync(join(dir, '.course-site.ts.swp'), 'b');
    renameSync(join(dir, '.course-site.ts.swp'), file);
  });
  expect(changed).toEqual([file]);
});

test('ignores the other files of a watched folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'watch-'));
  const file = join(dir, 'astro.config.mjs');
  writeFileSync(file, 'a');
  expect(await changesAfter([file], () => writeFileSync(join(dir, 'notes.md'), 'b'))).toEqual([]);
});
