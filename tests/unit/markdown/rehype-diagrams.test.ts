import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { afterAll, expect, test } from 'vitest';
import { diagramFile, diagramKey, DiagramSyntaxError } from '../../../src/markdown/mermaid-renderer';
import { diagramSlot } from '../../../src/markdown/diagram-slots';
import { rehypeDiagrams } from '../../../src/markdown/rehype-diagrams';

const SOURCE = 'flowchart LR\n  Client --> Redis';
const cacheDir = mkdtempSync(join(tmpdir(), 'diagrams-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** A lesson's tree with one mermaid fence, as the Markdown stage leaves it, and its file. */
const lesson = (source = SOURCE) => {
  const pre: Element = { type: 'element', tagName: 'pre', properties: {}, position: { start: { line: 10, column: 1 }, end: { line: 13, column: 4 } }, children: [{ type: 'element', tagName: 'code', properties: { className: ['language-mermaid'] }, children: [{ type: 'text', value: `${source}\n` }] }] };
  return { tree: { type: 'root', children: [pre] } as Root, file: new VFile({ path: '/course/lessons/keys.mdx' }) };
};
/** A renderer whose drawing takes `ms`, or fails to parse. */
const drawsIn = (ms: number, outcome: 'svg' | 'syntax error' = 'svg') => ({
  render: (source: string) =>
    new Promise<string>((resolve, reject) =>
      setTimeout(() => (outcome === 'svg' ? resolve(`<svg><text>${source.length}</text></svg>`) : reject(new DiagramSyntaxError('Parse error on line 2:\n...', 2))), ms),
    ),
});
/** The lesson's figure: its classes, and the SVG it inlines (the MDX `<Fragment set:html>`), if any. */
const figure = (tree: Root) => {
  const node = tree.children[0] as Element;
  const inlined = node.children[0] as unknown as { type: string; attributes?: { name: string; value: string }[] };
  return { className: node.properties.className, svg: inlined.type === 'mdxJsxFlowElement' ? inlined.attributes?.find((a) => a.name === 'set:html')?.value : undefined };
};
const told = () => {
  const calls: { file: string; drawn: Promise<void> }[] = [];
  return { calls, drawing: (file: string, drawn: Promise<void>) => void calls.push({ file, drawn }) };
};

test('a build waits for each diagram, however long it takes to draw', async () => {
  const { tree, file } = lesson();
  await rehypeDiagrams({ cacheDir, renderer: drawsIn(60) })(tree, file);
  expect(figure(tree)).toEqual({ className: ['diagram'], svg: `<svg><text>${SOURCE.length}</text></svg>` });
});

test('a build does not wait: the diagram becomes a slot naming its source, file and line, and its drawing is started', async () => {
  const { tree, file } = lesson();
  const asked: string[] = [];
  const never = { render: (source: string) => (asked.push(source), new Promise<string>(() => {})) };
  await rehypeDiagrams({ cacheDir, renderer: never, slots: true })(tree, file);
  expect(figure(tree)).toEqual({ className: ['diagram'], svg: diagramSlot({ source: SOURCE, file: '/course/lessons/keys.mdx', line: 10 }) });
  expect(asked).toEqual([SOURCE]);
});

test('in dev, a diagram not drawn within the wait shows its source, marked busy, and the drawing is handed on', async () => {
  const { tree, file } = lesson();
  const patience = told();
  await rehypeDiagrams({ cacheDir, renderer: drawsIn(200), patience: { ms: 20, drawing: patience.drawing } })(tree, file);
  const html = toHtml(tree);
  expect(html).toContain('<figure class="diagram diagram--drawing" aria-busy="true"><pre>flowchart LR\n  Client --> Redis</pre>');
  expect(html).not.toContain('<svg');
  expect(patience.calls.map((c) => c.file)).toEqual(['/course/lessons/keys.mdx']);
  await expect(patience.calls[0]!.drawn).resolves.toBeUndefined();
});

test('in dev, a diagram drawn within the wait is inlined, and no one is told', async () => {
  const { tree, file } = lesson();
  const patience = told();
  await rehypeDiagrams({ cacheDir, renderer: drawsIn(5), patience: { ms: 500, drawing: patience.drawing } })(tree, file);
  expect(figure(tree)).toEqual({ className: ['diagram'], svg: `<svg><text>${SOURCE.length}</text></svg>` });
  expect(patience.calls).toEqual([]);
});

test('in dev, a diagram in the cache folder is always waited for, so a lesson never shows a drawn one as its source', async () => {
  const source = `${SOURCE}\n  Redis --> Disk`;
  writeFileSync(diagramFile(cacheDir, diagramKey(source)), '<svg></svg>');
  const { tree, file } = lesson(source);
  const patience = told();
  await rehypeDiagrams({ cacheDir, renderer: drawsIn(60), patience: { ms: 0, drawing: patience.drawing } })(tree, file);
  expect(figure(tree).svg).toBe(`<svg><text>${source.length}</text></svg>`);
  expect(patience.calls).toEqual([]);
});

test('in dev, a syntax error found within the wait fails the lesson at its line; one found later settles the drawing', async () => {
  const early = lesson();
  const failed = await rehypeDiagrams({ cacheDir, renderer: drawsIn(5, 'syntax error'), patience: { ms: 500, drawing: () => {} } })(early.tree, early.file).catch((e: unknown) => e);
  expect(failed).toMatchObject({ line: 12, message: expect.stringContaining('Mermaid cannot parse the diagram that starts on line 10') });

  const late = lesson();
  const patience = told();
  await rehypeDiagrams({ cacheDir, renderer: drawsIn(100, 'syntax error'), patience: { ms: 10, drawing: patience.drawing } })(late.tree, late.file);
  expect(toHtml(late.tree)).toContain('diagram--drawing');
  // Settled, not rejected: the lesson's next compile meets the error and reports it with its line.
  await expect(patience.calls[0]!.drawn).resolves.toBeUndefined();
});
