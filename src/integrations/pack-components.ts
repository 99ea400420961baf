/**
 * `virtual:course-site/pack-components`: the lesson-end components of the packs a course uses, and only those, so
 * that a course without redis-cli blocks never bundles the Redis console, its runner or its engine.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { Pack } from '../packs/types';

export const PACK_COMPONENTS_MODULE = 'virtual:course-site/pack-components';
const RESOLVED = `\0${PACK_COMPONENTS_MODULE}`;

/** The module's source: one import per component file, and PACK_COMPONENTS listing them with their pack's languages. */
export function packComponentsSource(packs: readonly Pack[]): string {
  const used = packs.filter((pack) => pack.lessonEnd);
  const imports = used.map((pack, k) => `import End${k} from ${JSON.stringify(fileURLToPath(pack.lessonEnd!))};`);
  const entries = used.map((pack, k) => `{ languages: ${JSON.stringify(pack.languages.map((language) => language.id))}, End: End${k} }`);
  return `${imports.join('\n')}\nexport const PACK_COMPONENTS = [${entries.join(', ')}];\n`;
}

export function packComponentsPlugin(packs: readonly Pack[]): Plugin {
  return {
    name: 'course-site:pack-components',
    resolveId: (id) => (id === PACK_COMPONENTS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? packComponentsSource(packs) : undefined),
  };
}
