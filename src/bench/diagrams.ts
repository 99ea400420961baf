import type { Root } from 'hast';
import { VFile } from 'vfile';
import { rehypeDiagrams } from '../markdown/rehype-diagrams';

/** A lesson body as the rehype stage sees it: one `<pre><code class="language-mermaid">` per diagram. */
export function diagramTree(sources: readonly string[]): Root {
  return {
    type: 'root',
    children: sources.map((source, i) => ({
      type: 'element',
      tagName: 'pre',
      properties: {},
      position: { start: { line: 10 * i + 1, column: 1 }, end: { line: 10 * i + 2, column: 1 } },
      children: [{ type: 'element', tagName: 'code', properties: { className: ['language-mermaid'] }, children: [{ type: 'text', value: `${source}\n` }] }],
    })),
  };
}

/**
 * Runs the build's diagram stage over `lessons` (one tree of diagrams each), every lesson at once as MDX compiles
 * them, and returns the seconds until the last one is done.
 */
export async function timeDiagramStage(lessons: readonly string[][], cacheDir: string): Promise<number> {
  const transform = rehypeDiagrams({ cacheDir });
  const start = performance.now();
  await Promise.all(lessons.map((sources, i) => transform(diagramTree(sources), new VFile({ path: `lesson-${i}.mdx` }))));
  return (performance.now() - start) / 1000;
}
