import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { componentList, LESSON_COMPONENTS } from './components';

interface JsxNode {
  type: string;
  name?: string | null;
  value?: string;
  position?: { start: { line: number; column: number } };
}

/** Remark plugin: a component that is neither provided nor imported fails the build at its line, not at render. */
export function remarkKnownComponents() {
  return (tree: Root, file: VFile) => {
    const imported = new Set<string>(LESSON_COMPONENTS);
    visit(tree, (visited) => {
      const node = visited as JsxNode;
      if (node.type !== 'mdxjsEsm') return;
      for (const match of (node.value ?? '').matchAll(/import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+['"]([^'"]+)['"]/g)) {
        if (match[1]) imported.add(match[1]);
        for (const name of (match[2] ?? '').split(',')) imported.add(name.trim().split(/\s+as\s+/).pop() ?? '');
        const specifier = match[3] ?? '';
        if (specifier.startsWith('.') && file.path && !existsSync(resolve(dirname(file.path), specifier))) {
          file.fail(
            `The import "${specifier}" points to a file that does not exist (looked in ${dirname(file.path)}). Fix the path or remove the import.`,
            node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined,
            'course-site:components',
          );
        }
      }
    });
    visit(tree, (visited) => {
      const node = visited as JsxNode;
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = node.name ?? '';
      if (!/^[A-Z]/.test(name) || imported.has(name.split('.')[0] ?? name)) return;
      file.fail(
        `Unknown component <${name}>. Lessons can use ${componentList()} without an import; check the spelling or import it.`,
        node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined,
        'course-site:components',
      );
    });
  };
}
