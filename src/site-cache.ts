/**
 * The last site `npm run build` made in each output folder, kept in one file with a fingerprint of everything it was
 * built from. When nothing it was built from has changed (the course, the generator's code and packages, the settings
 * that change pages), the build writes that site back, byte for byte, instead of building it again.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { filesUnder, sha256 } from './code-digest';
import { listBuiltFiles } from './integrations/built-site';

/** Raised whenever what a fingerprint covers or how a site is kept changes, so that sites kept before are not reused. */
const FORMAT = 'site-cache 1';

/** The generator's files a site is made from: its code, its static files, its configuration and the packages installed. */
const GENERATOR_FILES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', join('node_modules', '.package-lock.json')];
/** The settings that change pages (src/env.ts), and NODE_ENV, which changes how Vite builds. */
const PAGE_SETTINGS = ['SITE_URL', 'BASE_PATH', 'MERMAID_RENDER', 'EDIT_URL', 'NODE_ENV'];
/** Variables Vite puts into the pages' code, and its .env files. */
const exposedToPages = (name: string) => name.startsWith('PUBLIC_') || name.startsWith('VITE_');
const isEnvFile = (name: string) => name === '.env' || name.startsWith('.env.');

/** What a site is built from, besides the files the fingerprint reads. */
export interface SiteInputs {
  /** The generator's folder. */
  root: string;
  /** The course folder. */
  lessonsDir: string;
  /** The build's environment. */
  env: NodeJS.ProcessEnv;
  /** Whether diagrams are drawn at build (a browser was found), rather than in the reader's browser. */
  diagramsAtBuild: boolean;
}

/** A digest of everything a built site depends on: equal fingerprints, equal sites. */
export function siteFingerprint({ root, lessonsDir, env, diagramsAtBuild }: SiteInputs): string {
  const course = resolve(lessonsDir);
  const generator = [
    ...GENERATOR_FILES.flatMap((entry) => filesUnder(join(root, entry))),
    ...readdirSync(root).filter(isEnvFile).map((name) => join(root, name)),
  ];
  const settings = Object.keys(env)
    .filter((name) => PAGE_SETTINGS.includes(name) || exposedToPages(name))
    .sort()
    .map((name) => `${name}=${env[name]}`);
  return sha256(
    FORMAT,
    process.version,
    `diagrams at build: ${diagramsAtBuild}`,
    `course: ${relative(root, course)}`,
    ...settings,
    // A file's path is written relative to its folder, so that a moved checkout keeps its fingerprints.
    ...generator.flatMap((file) => [`generator: ${relative(root, file)}`, readFileSync(file)]),
    ...filesUnder(course).flatMap((file) => [`course: ${relative(course, file)}`, readFileSync(file)]),
  );
}

/** One file of a kept site: its path in the output folder (with /) and its length in the pack. */
type Entry = [path: string, bytes: number];

/** The sites kept for one output folder: `key` holds the fingerprint, `pack` the files (a JSON list, a newline, their bytes). */
export class SiteCache {
  private readonly dir: string;

  constructor(
    cacheDir: string,
    private readonly outDir: string,
  ) {
    // One site per output folder: the tests build several, each into its own.
    this.dir = join(cacheDir, sha256(resolve(outDir)).slice(0, 16));
  }

  /** Whether a site built from `fingerprint` is kept. */
  has(fingerprint: string): boolean {
    try {
      return readFileSync(join(this.dir, 'key'), 'utf8') === fingerprint;
    } catch {
      return false;
    }
  }

  /** Writes the site kept for `fingerprint` into the output folder, replacing what is there; returns how many files, or undefined if none is kept. */
  restore(fingerprint: string): number | undefined {
    if (!this.has(fingerprint)) return undefined;
    let pack: Buffer;
    try {
      pack = readFileSync(join(this.dir, 'pack'));
    } catch {
      return undefined;
    }
    // A pack damaged on disk is not written back: the build then builds the site.
    const newline = pack.indexOf(10);
    if (newline < 0) return undefined;
    let entries: Entry[];
    try {
      entries = JSON.parse(pack.subarray(0, newline).toString('utf8')) as Entry[];
    } catch {
      return undefined;
    }
    if (entries.reduce((sum, [, bytes]) => sum + bytes, newline + 1) !== pack.length) return undefined;
    rmSync(this.outDir, { recursive: true, force: true });
    const made = new Set<string>();
    let at = newline + 1;
    for (const [path, bytes] of entries) {
      const file = join(this.outDir, ...path.split('/'));
      const folder = dirname(file);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(file, pack.subarray(at, at + bytes));
      at += bytes;
    }
    return entries.length;
  }

  /** Keeps the site now in the output folder as the one built from `fingerprint`. */
  store(fingerprint: string): void {
    const files = listBuiltFiles(this.outDir);
    const contents = files.map((file) => readFileSync(join(this.outDir, file)));
    const entries: Entry[] = files.map((file, i) => [file, contents[i]!.length]);
    mkdirSync(this.dir, { recursive: true });
    // The key goes last, after the pack is whole: a build stopped half-way leaves no key that matches a broken pack.
    rmSync(join(this.dir, 'key'), { force: true });
    const partial = join(this.dir, 'pack.partial');
    writeFileSync(partial, Buffer.concat([Buffer.from(`${JSON.stringify(entries)}\n`), ...contents]));
    renameSync(partial, join(this.dir, 'pack'));
    writeFileSync(join(this.dir, 'key'), fingerprint);
  }
}
