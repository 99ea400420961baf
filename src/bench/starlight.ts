import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SyntheticLesson } from './synthetic-course';

/** The Starlight the benchmark compares against, pinned; installed from the npm registry into the benchmark's folder. */
export const STARLIGHT_VERSIONS = { '@astrojs/starlight': '0.42.4', astro: '7.3.5' } as const;

/** A plain Starlight site: its defaults (content layer, Expressive Code, Pagefind), nothing configured but the title. */
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'starlight-bench', private: true, type: 'module', dependencies: STARLIGHT_VERSIONS }, null, 2),
  'astro.config.mjs': `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({ integrations: [starlight({ title: 'Synthetic course' })] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
};

/** Writes the Starlight project into `dir` and installs it (npm's cache makes later installs quick). */
export function prepareStarlight(dir: string): void {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, stdio: 'ignore' });
}

/** The lesson files as Starlight pages (same files, same paths; the fields Starlight does not know are ignored) and a home page. */
export function writeStarlightContent(dir: string, lessons: readonly SyntheticLesson[]): void {
  const docs = join(dir, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  for (const lesson of lessons) {
    mkdirSync(dirname(join(docs, lesson.path)), { recursive: true });
    writeFileSync(join(docs, lesson.path), lesson.text);
  }
  writeFileSync(join(docs, 'index.mdx'), '---\ntitle: Synthetic course\ndescription: A generated course used to measure the build.\n---\n\nStart with the first lesson.\n');
}

/** Everything a Starlight build keeps between builds; deleting it makes the next build cold. */
export const starlightCaches = (dir: string): string[] => [join(dir, '.astro'), join(dir, 'node_modules', '.astro'), join(dir, 'node_modules', '.vite')];

/** The command that builds the Starlight site, as `astro build` does. */
export const starlightCommand = (dir: string, command: 'build' | 'dev', ...args: string[]): [string, string[]] => [
  process.execPath,
  [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), command, ...args],
];
