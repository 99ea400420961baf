import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition, MdastPluginEntry, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { componentList, LESSON_COMPONENTS } from './components';
import { LessonError } from './lesson-error';

const IMPORT = /import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+['"]([^'"]+)['"]/g;

/** The names an `import` line brings in and the file it reads, e.g. `import { A as B } from './c'` → [B], ./c. */
export function importedNames(esm: string): { names: string[]; specifier: string }[] {
  return [...esm.matchAll(IMPORT)].map((match) => ({
    names: [match[1] ?? '', ...(match[2] ?? '').split(',').map((name) => name.trim().split(/\s+as\s+/).pop() ?? '')].filter(Boolean),
    specifier: match[3] ?? '',
  }));
}

/**
 * Sätteri mdast plugins: a component that is neither provided nor imported fails the build at its line, not at render.
 * Imports are gathered first (MDX hoists them, so one may follow its use), then every capitalised tag is checked; a
 * lesson with neither skips both.
 */
export const knownComponents: MdastPluginEntry = ({ fileURL, source }) => {
  const imported = new Set<string>(LESSON_COMPONENTS);
  const dir = fileURL && dirname(fileURLToPath(fileURL));
  const check = (node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>) => {
    const name = node.name ?? '';
    if (!/^[A-Z]/.test(name) || imported.has(name.split('.')[0] ?? name)) return;
    throw new LessonError(`Unknown component <${name}>. Lessons can use ${componentList()} without an import; check the spelling or import it.`, node.position);
  };
  const imports: MdastPluginDefinition = {
    name: 'course-site:component-imports',
    options: { position: true },
    mdxjsEsm(node) {
      for (const { names, specifier } of importedNames(node.value)) {
        for (const name of names) imported.add(name);
        if (dir && specifier.startsWith('.') && !existsSync(resolve(dir, specifier))) {
          throw new LessonError(`The import "${specifier}" points to a file that does not exist (looked in ${dir}). Fix the path or remove the import.`, node.position);
        }
      }
    },
  };
  const components: MdastPluginDefinition = { name: 'course-site:components', options: { position: true }, mdxJsxFlowElement: check, mdxJsxTextElement: check };
  return [/^\s*(import|export)\s/m.test(source) && imports, /<[A-Z]/.test(source) && components];
};
