/**
 * The offline copy of a built site: which files it holds, its size written into every "Save for offline" control,
 * offline.json (every file with its size and hash, and the build hash) and service-worker.js (bundled with that hash).
 * Runs after the build, and again after `npm run build:pdf` changes the home page. The same files give the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { formatBytes, OFFLINE_MANIFEST_FILE, offlineUrl, SERVICE_WORKER_FILE, type OfflineManifest } from '../course/offline-copy';
import { listBuiltFiles, type BuiltPage } from './built-site';

/** A file of the built site: its path inside the output folder, with `/` separators, and its bytes. */
export interface BuiltFile {
  path: string;
  bytes: Buffer;
}

export interface OfflineCopyReport {
  manifest: OfflineManifest;
  /** Files of the output folder no page loads, left out of the copy. */
  leftOut: number;
}

/** Files whose text can name another file: what is followed to find what pages load. */
const TEXT_FILE = /\.(html|css|js|mjs|json|svg|xml|webmanifest|txt)$/;
/** Pagefind's loader picks its index files by names it computes at run time: the whole folder is searched. */
const SEARCH_INDEX = /^pagefind\//;
/** A token that may be a file name: words joined by dots (`chunk-X1.y2.js`), cut at `/`, quotes and spaces. */
const NAME = /[\w-]+(?:\.[\w-]+)+/g;
/** Where the build writes the copy's size; the component renders the element empty. */
const SIZE_SLOT = /(<span data-offline-size>)[^<]*(<\/span>)/g;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Which files the copy holds: every page, the search index, and every file one of those names by its file name,
 * followed through stylesheets and scripts (a hashed script chunk is named by the page or chunk that loads it).
 * Scripts no page loads, such as the in-browser diagram renderer of a site whose diagrams were drawn at build time, stay out.
 */
export function offlineFiles(files: readonly BuiltFile[]): BuiltFile[] {
  const byName = new Map<string, BuiltFile[]>();
  for (const file of files) byName.set(basename(file.path), [...(byName.get(basename(file.path)) ?? []), file]);
  const kept = new Set(files.filter((f) => f.path.endsWith('.html') || SEARCH_INDEX.test(f.path)));
  const queue = [...kept];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (!TEXT_FILE.test(file.path)) continue;
    for (const [token] of file.bytes.toString('utf8').matchAll(NAME)) {
      for (const named of byName.get(token) ?? []) {
        if (kept.has(named)) continue;
        kept.add(named);
        queue.push(named);
      }
    }
  }
  return files.filter((f) => kept.has(f));
}

/**
 * The size label the controls show, settled: the label is part of the pages it measures, so the total is computed
 * with the label in place until the label no longer changes. `fixedBytes` counts every file with its slots empty.
 */
export function settleSizeLabel(fixedBytes: number, slots: number): string {
  const total = (label: string) => fixedBytes + slots * Buffer.byteLength(label);
  let label = formatBytes(total(''));
  for (let i = 0; i < 5; i++) {
    const next = formatBytes(total(label));
    if (next === label) break;
    label = next;
  }
  return label;
}

/** The files with the copy's size written into every slot of every page. */
export function withSizeLabels(files: readonly BuiltFile[]): BuiltFile[] {
  let fixedBytes = 0;
  let slots = 0;
  const emptied = files.map((file) => {
    let count = 0;
    const empty = file.path.endsWith('.html')
      ? file.bytes.toString('utf8').replace(SIZE_SLOT, (_slot, open: string, close: string) => {
          count++;
          return open + close;
        })
      : undefined;
    fixedBytes += empty === undefined ? file.bytes.length : Buffer.byteLength(empty);
    slots += count;
    return count > 0 ? empty : undefined;
  });
  if (slots === 0) return [...files];
  const label = settleSizeLabel(fixedBytes, slots);
  return files.map((file, i) => {
    const empty = emptied[i];
    if (empty === undefined) return file;
    const bytes = Buffer.from(empty.replace(SIZE_SLOT, (_slot, open: string, close: string) => open + label + close));
    return bytes.equals(file.bytes) ? file : { path: file.path, bytes };
  });
}

/** The manifest of a copy: files by URL in code-point order, each with size and hash, and a build hash over them all. */
export function offlineManifest(files: readonly BuiltFile[]): OfflineManifest {
  const entries = files
    .map((f) => ({ url: offlineUrl(f.path), size: f.bytes.length, hash: sha256(f.bytes).slice(0, 16) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const build = sha256(entries.map((e) => `${e.url}\0${e.hash}\n`).join('')).slice(0, 16);
  return { build, bytes: entries.reduce((sum, e) => sum + e.size, 0), files: entries };
}

/** The service worker for one build: src/client/service-worker.ts bundled into one classic script. */
export async function serviceWorkerScript(build: string): Promise<string> {
  const result = await bundle({
    entryPoints: [fileURLToPath(new URL('../client/service-worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { __OFFLINE_BUILD__: JSON.stringify(build) },
  });
  return result.outputFiles[0]!.text;
}

/**
 * Every file of a built site, in a stable order; `leaveOut` names files (paths in the folder) that are downloads of
 * their own. Pages already read after the build (`pages`) are not read again.
 */
export function builtFiles(distDir: string, leaveOut: readonly string[] = [], pages: readonly BuiltPage[] = []): BuiltFile[] {
  const skip = new Set([OFFLINE_MANIFEST_FILE, SERVICE_WORKER_FILE, ...leaveOut]);
  const html = new Map(pages.map((page) => [page.file, page.html]));
  return listBuiltFiles(distDir)
    .filter((path) => !skip.has(path))
    .map((path) => {
      const known = html.get(path);
      return { path, bytes: known === undefined ? readFileSync(join(distDir, path)) : Buffer.from(known, 'utf8') };
    });
}

/**
 * Writes the offline copy of the site in `distDir`: the size into its pages, then offline.json and service-worker.js.
 * `pages`: the HTML the build already read, unchanged since.
 */
export async function writeOfflineCopy(distDir: string, leaveOut: readonly string[] = [], pages: readonly BuiltPage[] = []): Promise<OfflineCopyReport> {
  const site = builtFiles(distDir, leaveOut, pages);
  const chosen = offlineFiles(site);
  const labelled = withSizeLabels(chosen);
  labelled.forEach((file, i) => {
    if (file !== chosen[i]) writeFileSync(join(distDir, file.path), file.bytes);
  });
  const manifest = offlineManifest(labelled);
  writeFileSync(join(distDir, OFFLINE_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  writeFileSync(join(distDir, SERVICE_WORKER_FILE), await serviceWorkerScript(manifest.build));
  return { manifest, leftOut: site.length - chosen.length };
}
