import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Inside the project's node_modules, so the bundle's package imports resolve as astro.config.mjs's do. */
const DIR = join('node_modules', '.course-site');
const BUNDLE = join(DIR, 'astro.config.mjs');

export interface BundledConfig {
  /** The bundle, relative to the project root, as Astro's `configFile` takes it. */
  file: string;
  /** The project's files in it (astro.config.mjs and what it imports, outside node_modules), absolute. */
  inputs: string[];
}

/**
 * astro.config.mjs and the generator's TypeScript it imports, bundled into one ES module that Node loads as it is.
 * Without it Astro's first try (Node's import) fails on the TypeScript imports, and it starts a Vite server of
 * its own to transform them: about a second of every build and `npm run dev`. Each module keeps its own
 * `import.meta.url`, so the files it finds beside itself are found; what the generator imports when it is used (a
 * pack's verifier) stays in a chunk of its own, loaded then. Undefined (Astro loads the config itself) if the
 * bundle cannot be made.
 */
export async function bundleAstroConfig(root = process.cwd()): Promise<BundledConfig | undefined> {
  const outdir = resolve(root, DIR);
  try {
    mkdirSync(outdir, { recursive: true });
    const { build } = await import('esbuild');
    const { outputFiles, metafile } = await build({
      entryPoints: [resolve(root, 'astro.config.mjs')],
      absWorkingDir: resolve(root),
      metafile: true,
      outdir,
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      outExtension: { '.js': '.mjs' },
      splitting: true,
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      external: ['astro:*', 'virtual:*'],
      logLevel: 'silent',
      plugins: [
        {
          name: 'own-import-meta-url',
          setup(bundler) {
            bundler.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => ({
              contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
            }));
          },
        },
      ],
    });
    // Each file written whole and renamed, the entry last: builds running side by side (the tests') never read half a bundle.
    const entry = resolve(root, BUNDLE);
    for (const file of [...outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry))) {
      const partial = `${file.path}.${process.pid}.tmp`;
      writeFileSync(partial, file.contents);
      renameSync(partial, file.path);
    }
    // Chunks of an earlier version of the generator.
    const current = new Set(outputFiles.map((file) => file.path));
    for (const name of readdirSync(outdir)) if (name.startsWith('chunk-') && !current.has(join(outdir, name)) && !name.endsWith('.tmp')) rmSync(join(outdir, name), { force: true });
    const inputs = Object.keys(metafile.inputs).filter((input) => !input.split(/[\\/]/).includes('node_modules')).map((input) => resolve(root, input));
    // Relative: Astro joins the path to its root.
    return { file: BUNDLE, inputs };
  } catch {
    return undefined;
  }
}
