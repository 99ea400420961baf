import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatBytes } from '../../../src/course/offline-copy';
import { offlineFiles, offlineManifest, serviceWorkerScript, settleSizeLabel, withSizeLabels, writeOfflineCopy, type BuiltFile } from '../../../src/integrations/offline-copy';

const file = (path: string, text: string): BuiltFile => ({ path, bytes: Buffer.from(text) });
const SLOT = '<span data-offline-size></span>';

describe('offlineFiles', () => {
  const site = [
    file('index.html', '<link href="/_astro/Base.a1.css"><script src="/_astro/Page.b2.js"></script><img src="/favicon.svg">'),
    file('queries/joins/index.html', '<script src="/_astro/Page.b2.js"></script>'),
    file('_astro/Base.a1.css', '@font-face{src:url(./font.c3.woff2)}'),
    file('_astro/font.c3.woff2', 'binary naming unused.d4.js'),
    file('_astro/Page.b2.js', 'const m=["_astro/search.e5.js"];import("./search.e5.js")'),
    file('_astro/search.e5.js', 'import"./chunk.f6.js"'),
    file('_astro/chunk.f6.js', 'x'),
    file('_astro/unused.d4.js', 'the diagram renderer no page loads'),
    file('_astro/MermaidClient.g7.js', 'import"./unused.d4.js"'),
    file('pagefind/pagefind.js', 'loads fragments by computed names'),
    file('pagefind/fragment/en_1.pf_fragment', 'binary'),
    file('favicon.svg', '<svg/>'),
    file('robots.txt', 'User-agent: *'),
  ];

  test('holds every page, the search index and what they name, through stylesheets and script chunks', () => {
    expect(offlineFiles(site).map((f) => f.path)).toEqual([
      'index.html',
      'queries/joins/index.html',
      '_astro/Base.a1.css',
      '_astro/font.c3.woff2',
      '_astro/Page.b2.js',
      '_astro/search.e5.js',
      '_astro/chunk.f6.js',
      'pagefind/pagefind.js',
      'pagefind/fragment/en_1.pf_fragment',
      'favicon.svg',
    ]);
  });

  test('leaves out scripts no page loads, and does not read names out of binary files', () => {
    const paths = offlineFiles(site).map((f) => f.path);
    expect(paths).not.toContain('_astro/MermaidClient.g7.js');
    expect(paths).not.toContain('_astro/unused.d4.js');
    expect(paths).not.toContain('robots.txt');
  });
});

describe('the size label', () => {
  test('is the size of the files with the label written into them', () => {
    const files = [file('index.html', `<p>${SLOT} and ${SLOT}</p>`), file('a/index.html', `x${SLOT}`), file('big.js', 'y'.repeat(1_234_000))];
    const labelled = withSizeLabels(files);
    const total = labelled.reduce((sum, f) => sum + f.bytes.length, 0);
    expect(labelled[0]!.bytes.toString()).toBe(`<p><span data-offline-size>${formatBytes(total)}</span> and <span data-offline-size>${formatBytes(total)}</span></p>`);
    expect(formatBytes(total)).toBe('1.2 MB');
    expect(labelled[2]).toBe(files[2]);
  });

  test('is rewritten, not added to, when the copy is written again', () => {
    const once = withSizeLabels([file('index.html', SLOT), file('big.js', 'y'.repeat(2_000_000))]);
    const twice = withSizeLabels([once[0]!, file('big.js', 'y'.repeat(3_000_000))]);
    expect(twice[0]!.bytes.toString()).toBe('<span data-offline-size>3.0 MB</span>');
  });

  test('settles where writing it would change it: 9,949,990 bytes plus ten labels of 6 bytes is 10 MB', () => {
    expect(settleSizeLabel(9_949_990, 10)).toBe('10 MB');
    expect(settleSizeLabel(9_940_000, 10)).toBe('9.9 MB');
  });

  test('leaves files without a slot as they are', () => {
    const files = [file('index.html', '<p>no control</p>')];
    expect(withSizeLabels(files)[0]).toBe(files[0]);
  });
});

describe('offlineManifest', () => {
  const files = [file('index.html', 'home'), file('b/index.html', 'b'), file('_astro/x.js', 'x')];

  test('lists every file by URL with its size and hash, and the total', () => {
    const manifest = offlineManifest(files);
    expect(manifest.files.map((f) => [f.url, f.size])).toEqual([['', 4], ['_astro/x.js', 1], ['b/', 1]]);
    expect(manifest.bytes).toBe(6);
    expect(manifest.build).toMatch(/^[0-9a-f]{16}$/);
    expect(manifest.files[0]!.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  test('is the same for the same files in any order, and another build when one byte changes', () => {
    expect(offlineManifest([...files].reverse())).toEqual(offlineManifest(files));
    expect(offlineManifest([file('index.html', 'homE'), ...files.slice(1)]).build).not.toBe(offlineManifest(files).build);
  });
});

describe('serviceWorkerScript', () => {
  test('bundles the worker with the build it saves, byte for byte the same each time', async () => {
    const script = await serviceWorkerScript('0123456789abcdef');
    expect(script).toContain('"0123456789abcdef"');
    expect(script).not.toMatch(/^\s*import /m);
    expect(await serviceWorkerScript('0123456789abcdef')).toBe(script);
  });
});

describe('writeOfflineCopy', () => {
  test('writes offline.json and service-worker.js and the size into the pages, leaving named downloads out', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'offline-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    };
    write('index.html', `<a href="/course.pdf">PDF</a>${SLOT}`);
    write('a/index.html', `<p>${SLOT}</p>`);
    write('course.pdf', 'p'.repeat(50_000));

    const report = await writeOfflineCopy(dist, ['course.pdf']);

    const manifest = JSON.parse(readFileSync(join(dist, 'offline.json'), 'utf8'));
    expect(manifest).toEqual(report.manifest);
    expect(manifest.files.map((f: { url: string }) => f.url)).toEqual(['', 'a/']);
    expect(readFileSync(join(dist, 'a', 'index.html'), 'utf8')).toBe(`<p><span data-offline-size>${formatBytes(manifest.bytes)}</span></p>`);
    expect(readFileSync(join(dist, 'service-worker.js'), 'utf8')).toContain(`"${manifest.build}"`);

    // Written again over its own output (as `npm run build:pdf` does), the copy is the same.
    await writeOfflineCopy(dist, ['course.pdf']);
    expect(JSON.parse(readFileSync(join(dist, 'offline.json'), 'utf8'))).toEqual(manifest);
  });
});
