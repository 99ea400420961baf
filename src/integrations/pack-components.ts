/**
 * `virtual:course-site/pack-components`: the lesson-page components of the packs a course uses, and only those, so
 * that a course without redis-cli blocks never bundles the Redis console, its runner or its engine.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { Pack } from '../packs/types';

export const PACK_COMPONENTS_MODULE = 'virtual:course-site/pack-components';
const RESOLVED = `\0${PACK_COMPONENTS_MODULE}`;

/** The module's source: one import per component file, and PACK_COMPONENTS listing them by pack. */
export function packComponentsSource(packs: readonly Pack[]): string {
  const imports: string[] = [];
  const entries = packs.flatMap((pack, k) => {
    const parts = pack.lessonComponents;
    if (!parts) return [];
    const fields = [`languages: ${JSON.stringify(pack.languages.map((language) => language.id))}`];
    for (const [name, file] of [['End', parts.end], ['Run', parts.run]] as const) {
      if (!file) continue;
      imports.push(`import ${name}${k} from ${JSON.stringify(fileURLToPath(file))};`);
      fields.push(`${name}: ${name}${k}`);
    }
    return [`{ ${fields.join(', ')} }`];
  });
  return `${imports.join('\n')}\nexport const PACK_COMPONENTS = [${entries.join(', ')}];\n`;
}

export function packComponentsPlugin(packs: readonly Pack[]): Plugin {
  return {
    name: 'course-site:pack-components',
    resolveId: (id) => (id === PACK_COMPONENTS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? packComponentsSource(packs) : undefined),
  };
}
