import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sharedDiagramRenderer } from './diagram-service';
import { DiagramSyntaxError } from './mermaid-renderer';

export interface DiagramOptions {
  /** Folder for rendered SVGs, kept between builds. */
  cacheDir: string;
}

/** A diagram rendered at build: one SVG whose colours come from the page's CSS, in either scheme. */
function inlineFigure(svg: string): Element {
  // The SVG goes in as an HTML string (`<Fragment set:html>`): parsing it into a tree only to print it again is the slow part.
  const svgNode = { type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: svg }], children: [] } as unknown as Element;
  return { type: 'element', tagName: 'figure', properties: { className: ['diagram'] }, children: [svgNode] };
}

/** No browser at build: keep the source, which a script on this page renders when it loads. */
function clientFigure(source: string): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagram', 'diagram--client'] },
    children: [{ type: 'element', tagName: 'pre', properties: { className: ['mermaid'] }, children: [{ type: 'text', value: source }] }],
  };
}

/** Rehype plugin: ```mermaid fences become inline SVG at build time; a syntax error fails with file and line. */
export function rehypeDiagrams(options: DiagramOptions) {
  return async (tree: Root, file: VFile) => {
    const found: { pre: Element; parent: Root | Element; index: number; source: string }[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const classes = code?.properties.className;
      if (!code || !Array.isArray(classes) || !classes.includes('language-mermaid')) return;
      found.push({ pre: node, parent: parent as Root | Element, index, source: toString(code).replace(/\n$/, '') });
    });
    if (found.length === 0) return;

    const renderer = sharedDiagramRenderer(options.cacheDir);
    await Promise.all(
      found.map(async ({ pre, parent, index, source }) => {
        if (!renderer) {
          parent.children[index] = clientFigure(source);
          return;
        }
        try {
          parent.children[index] = inlineFigure(await renderer.render(source));
        } catch (error) {
          if (!(error instanceof DiagramSyntaxError)) throw error;
          const fenceLine = pre.position?.start.line ?? 1;
          const line = fenceLine + (error.line ?? 1);
          const detail = error.message.split('\n').filter((l) => l.trim() !== '').slice(-1)[0] ?? error.message;
          file.fail(
            `Mermaid cannot parse the diagram that starts on line ${fenceLine} (error on line ${line}): ${detail}\nFix the diagram's syntax; \`npm run dev\` shows the result as you edit.`,
            { line, column: 1 },
            'course-site:diagram',
          );
        }
      }),
    );
    if (!renderer) {
      const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
      (astro.frontmatter ??= {}).clientDiagrams = true;
    }
  };
}
