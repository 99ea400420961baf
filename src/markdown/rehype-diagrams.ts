import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sharedDiagramRenderer, type DiagramRenderer } from './diagram-service';
import { diagramSlot } from './diagram-slots';
import { DiagramSyntaxError, isDrawn } from './mermaid-renderer';

/**
 * `npm run dev`: a lesson is not held up by a diagram that takes long to draw (its browser still starting, say). A
 * diagram already drawn (in the cache folder) is always waited for, so a lesson never shows one as its source.
 */
export interface DiagramPatience {
  /** How long a lesson waits for a diagram not drawn yet before it shows the diagram's source instead. */
  ms: number;
  /** Told of each diagram shown as its source; `drawn` settles once it is drawn, or found broken. */
  drawing(file: string, drawn: Promise<void>): void;
}

export interface DiagramOptions {
  /** Folder for rendered SVGs, kept between builds. */
  cacheDir: string;
  /** Dev only: wait this long at most (see DiagramPatience); a build waits for every diagram. */
  patience?: DiagramPatience | undefined;
  /** Draws the diagrams; the process's shared renderer when not given. */
  renderer?: Pick<DiagramRenderer, 'render'> | null;
  /**
   * `npm run build`: a diagram becomes a slot (diagram-slots.ts), filled with its drawing once the pages are written,
   * so no compile waits for one; its syntax error then fails the build with its line as well.
   */
  slots?: boolean;
}

/** What an author reads when Mermaid cannot parse a diagram whose fence starts on `fenceLine`, and the line to point at. */
export function diagramSyntaxProblem(error: DiagramSyntaxError, fenceLine: number): { message: string; line: number } {
  const line = fenceLine + (error.line ?? 1);
  const detail = error.message.split('\n').filter((l) => l.trim() !== '').slice(-1)[0] ?? error.message;
  return {
    message: `Mermaid cannot parse the diagram that starts on line ${fenceLine} (error on line ${line}): ${detail}\nFix the diagram's syntax; \`npm run dev\` shows the result as you edit.`,
    line,
  };
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

/** Dev only: a diagram still being drawn shows its source, marked busy, until the page is redrawn with it. */
function drawingFigure(source: string): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagram', 'diagram--drawing'], ariaBusy: 'true' },
    children: [
      { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: source }] },
      { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: 'Drawing this diagram: the page shows it as soon as it is drawn.' }] },
    ],
  };
}

const STILL_DRAWING = Symbol('still drawing');

/** What `drawing` settles with, or STILL_DRAWING once `ms` have passed. */
async function within(drawing: Promise<string>, ms: number): Promise<string | typeof STILL_DRAWING> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof STILL_DRAWING>((resolve) => (timer = setTimeout(() => resolve(STILL_DRAWING), ms)));
  try {
    return await Promise.race([drawing, late]);
  } finally {
    clearTimeout(timer);
  }
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

    const renderer = options.renderer === undefined ? sharedDiagramRenderer(options.cacheDir) : options.renderer;
    const { patience } = options;
    await Promise.all(
      found.map(async ({ pre, parent, index, source }) => {
        if (!renderer) {
          parent.children[index] = clientFigure(source);
          return;
        }
        if (options.slots) {
          // Started now, if the parent has not drawn it already; what came of it is read when the slot is filled.
          renderer.render(source).catch(() => undefined);
          parent.children[index] = inlineFigure(diagramSlot({ source, file: file.path, line: pre.position?.start.line ?? 1 }));
          return;
        }
        try {
          const drawing = renderer.render(source);
          const drawn = !patience || isDrawn(options.cacheDir, source);
          const svg = drawn ? await drawing : await within(drawing, patience.ms);
          if (svg === STILL_DRAWING) {
            parent.children[index] = drawingFigure(source);
            // Drawn or broken, the lesson is compiled again then: a syntax error fails that compile, with its line.
            patience!.drawing(file.path, drawing.then(() => undefined, () => undefined));
            return;
          }
          parent.children[index] = inlineFigure(svg);
        } catch (error) {
          if (!(error instanceof DiagramSyntaxError)) throw error;
          const { message, line } = diagramSyntaxProblem(error, pre.position?.start.line ?? 1);
          file.fail(message, { line, column: 1 }, 'course-site:diagram');
        }
      }),
    );
    if (!renderer) {
      const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
      (astro.frontmatter ??= {}).clientDiagrams = true;
    }
  };
}
