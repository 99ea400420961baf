import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { SiteCache, siteFingerprint, type SiteInputs } from '../../src/site-cache';

const write = (file: string, text: string | Buffer) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
/** Every file under a folder with its bytes, by path. */
const tree = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name)).toString('base64')]));

describe('siteFingerprint', () => {
  let root: string;
  let inputs: SiteInputs;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'site-fingerprint-'));
    write(join(root, 'src', 'pages', 'index.astro'), '<h1>Course</h1>');
    write(join(root, 'public', 'favicon.svg'), '<svg/>');
    write(join(root, 'astro.config.mjs'), 'export default {}');
    write(join(root, 'package-lock.json'), '{}');
    write(join(root, 'lessons', 'course.yaml'), 'title: A course');
    write(join(root, 'lessons', 'phase-1', 'strings.mdx'), '---\ntitle: Strings\n---\n\nWords.');
    inputs = { root, lessonsDir: join(root, 'lessons'), env: { SITE_URL: 'https://example.org', HOME: '/root' }, diagramsAtBuild: true };
  });
  const changedBy = (change: () => SiteInputs | void) => {
    const before = siteFingerprint(inputs);
    const after = siteFingerprint(change() ?? inputs);
    return after !== before;
  };

  test('is the same for the same inputs, whatever else changes in the checkout or the environment', () => {
    expect(changedBy(() => undefined)).toBe(false);
    expect(changedBy(() => write(join(root, 'README.md'), 'Docs'))).toBe(false);
    expect(changedBy(() => write(join(root, 'tests', 'a.test.ts'), 'test'))).toBe(false);
    expect(changedBy(() => ({ ...inputs, env: { ...inputs.env, HOME: '/home/author', CI: 'true' } }))).toBe(false);
  });

  test('changes with a lesson, course.yaml, a file the course adds, the code, the static files or the packages', () => {
    expect(changedBy(() => write(join(root, 'lessons', 'phase-1', 'strings.mdx'), '---\ntitle: Strings\n---\n\nOther words.'))).toBe(true);
    expect(changedBy(() => write(join(root, 'lessons', 'course.yaml'), 'title: Another course'))).toBe(true);
    expect(changedBy(() => write(join(root, 'lessons', 'phase-1', 'diagram.png'), Buffer.from([1, 2, 3])))).toBe(true);
    expect(changedBy(() => write(join(root, 'src', 'styles', 'site.css'), 'body {}'))).toBe(true);
    expect(changedBy(() => write(join(root, 'public', 'favicon.svg'), '<svg viewBox="0 0 1 1"/>'))).toBe(true);
    expect(changedBy(() => write(join(root, 'astro.config.mjs'), 'export default { trailingSlash: "always" }'))).toBe(true);
    expect(changedBy(() => write(join(root, 'node_modules', '.package-lock.json'), '{"packages":{}}'))).toBe(true);
    expect(changedBy(() => write(join(root, '.env.production'), 'PUBLIC_NAME=x'))).toBe(true);
  });

  test('changes with a lesson renamed, though its words are the same', () => {
    expect(changedBy(() => {
      rmSync(join(root, 'lessons', 'phase-1', 'strings.mdx'));
      write(join(root, 'lessons', 'phase-1', 'strings-and-numbers.mdx'), '---\ntitle: Strings\n---\n\nWords.');
    })).toBe(true);
  });

  test('changes with the settings that change pages: site URL, base path, diagrams in the browser, Vite\'s public variables', () => {
    expect(changedBy(() => ({ ...inputs, env: { ...inputs.env, SITE_URL: 'https://example.com' } }))).toBe(true);
    expect(changedBy(() => ({ ...inputs, env: { ...inputs.env, BASE_PATH: '/course/' } }))).toBe(true);
    expect(changedBy(() => ({ ...inputs, env: { ...inputs.env, EDIT_URL: 'https://example.org/edit/' } }))).toBe(true);
    expect(changedBy(() => ({ ...inputs, env: { ...inputs.env, NODE_ENV: 'development' } }))).toBe(true);
    expect(changedBy(() => ({ ...inputs, env: { ...inputs.env, PUBLIC_ANALYTICS: 'off' } }))).toBe(true);
    expect(changedBy(() => ({ ...inputs, diagramsAtBuild: false }))).toBe(true);
  });

  test('changes with another course folder of the same lessons', () => {
    write(join(root, 'other', 'course.yaml'), 'title: A course');
    write(join(root, 'other', 'phase-1', 'strings.mdx'), '---\ntitle: Strings\n---\n\nWords.');
    expect(changedBy(() => ({ ...inputs, lessonsDir: join(root, 'other') }))).toBe(true);
  });
});

describe('SiteCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'site-cache-'));
    write(join(dir, 'dist', 'index.html'), '<h1>Home</h1>');
    write(join(dir, 'dist', 'phase-1', 'strings', 'index.html'), '<h1>Strings</h1>');
    write(join(dir, 'dist', '_astro', 'engine.wasm'), Buffer.from([0, 97, 115, 109, 255, 10, 0]));
    write(join(dir, 'dist', 'pagefind', 'pagefind-entry.json'), '{}\n');
  });

  test('writes back the site it kept, byte for byte, in place of what the output folder holds', () => {
    const cache = new SiteCache(join(dir, 'cache'), join(dir, 'dist'));
    const built = tree(join(dir, 'dist'));
    cache.store('fingerprint-1');
    rmSync(join(dir, 'dist', 'phase-1'), { recursive: true });
    write(join(dir, 'dist', 'leftover.html'), 'from another build');
    expect(cache.has('fingerprint-1')).toBe(true);
    expect(cache.restore('fingerprint-1')).toBe(4);
    expect(tree(join(dir, 'dist'))).toEqual(built);
  });

  test('writes back nothing for another fingerprint, or a pack whose storing was cut short', () => {
    const cache = new SiteCache(join(dir, 'cache'), join(dir, 'dist'));
    cache.store('fingerprint-1');
    expect(cache.has('fingerprint-2')).toBe(false);
    expect(cache.restore('fingerprint-2')).toBeUndefined();
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('<h1>Home</h1>');
    // The key is written last: a store cut short before it leaves no site that would be written back.
    const slot = readdirSync(join(dir, 'cache'))[0]!;
    rmSync(join(dir, 'cache', slot, 'key'));
    expect(cache.restore('fingerprint-1')).toBeUndefined();
  });

  test('writes back nothing from a pack damaged on disk, and leaves the output folder as it was', () => {
    const cache = new SiteCache(join(dir, 'cache'), join(dir, 'dist'));
    cache.store('fingerprint-1');
    const pack = join(dir, 'cache', readdirSync(join(dir, 'cache'))[0]!, 'pack');
    const whole = readFileSync(pack);
    writeFileSync(pack, whole.subarray(0, whole.length - 3));
    expect(cache.restore('fingerprint-1')).toBeUndefined();
    writeFileSync(pack, Buffer.concat([Buffer.from('not json\n'), whole]));
    expect(cache.restore('fingerprint-1')).toBeUndefined();
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('<h1>Home</h1>');
  });

  test('keeps one site per output folder', () => {
    write(join(dir, 'other', 'index.html'), '<h1>Other</h1>');
    const first = new SiteCache(join(dir, 'cache'), join(dir, 'dist'));
    const second = new SiteCache(join(dir, 'cache'), join(dir, 'other'));
    first.store('a');
    second.store('b');
    rmSync(join(dir, 'dist'), { recursive: true });
    expect(first.restore('a')).toBe(4);
    expect(second.has('b')).toBe(true);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('<h1>Home</h1>');
  });
});
