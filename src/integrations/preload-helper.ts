/**
 * Vite wraps every dynamic `import()` of the client code in a preload helper (0.9 KB gzip) that fetches the imported
 * chunk's dependencies ahead of it. Every page with a feature loaded on first use (search, the outline, the offline
 * copy, Redis in the browser) would load that helper before any interaction, for a head start of one small chunk
 * after a click. This plugin puts a helper of its own in its place (0.2 KB): it loads the chunk's stylesheets, if
 * any, and then the chunk, whose imports the browser follows by itself.
 */
import type { Plugin } from 'vite';

/** The helper's chunk, as Vite names it. */
const HELPER_CHUNK = 'preload-helper';
/** Changes when the code below does, so the helper's file name does too. */
const HELPER_VERSION = 'course-site 1';

/**
 * The helper as an ES module exporting `name`: `(load, deps) => Promise`, where `deps` are file paths relative to
 * `base` as Vite lists them. A stylesheet already on the page is not added again.
 */
export function slimPreloadHelper(name: string, base: string): string {
  const href = `${JSON.stringify(base)}+d`;
  return [
    `const css=d=>new Promise((ok,no)=>{const h=${href};if(document.querySelector('link[rel=stylesheet][href="'+h+'"]'))return ok();`,
    `document.head.append(Object.assign(document.createElement("link"),{rel:"stylesheet",href:h,onload:ok,onerror:no}))});`,
    `export const ${name}=(load,deps)=>Promise.all((deps||[]).filter(d=>d.endsWith(".css")).map(css)).then(()=>load());\n`,
  ].join('');
}

/** Vite plugin (build only): the helper chunk's code replaced by slimPreloadHelper's, under its own export name. */
export function slimPreloadHelperPlugin(): Plugin {
  let base = '/';
  return {
    name: 'course-site:slim-preload-helper',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    augmentChunkHash(chunk) {
      return chunk.name === HELPER_CHUNK ? `${HELPER_VERSION} ${base}` : undefined;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || chunk.name !== HELPER_CHUNK) continue;
          // Vite's helper exports one function; anything else is a Vite this plugin does not know, left as it is.
          if (chunk.exports.length !== 1) {
            this.warn(`the preload helper exports ${chunk.exports.join(', ')}; left as Vite wrote it`);
            continue;
          }
          chunk.code = slimPreloadHelper(chunk.exports[0]!, base);
        }
      },
    },
  };
}
