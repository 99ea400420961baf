import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { BuiltPage } from '../../../src/integrations/built-site';
import { DiagramSlotError, drawSlots, writeFilledPages } from '../../../src/integrations/diagram-fill';
import { diagramSlot } from '../../../src/markdown/diagram-slots';
import { DiagramSyntaxError } from '../../../src/markdown/mermaid-renderer';

const page = (file: string, ...slots: { source: string; file: string; line: number }[]): BuiltPage => ({
  file,
  path: file.replace(/index\.html$/, ''),
  html: `<main>${slots.map((slot) => `<figure class="diagram">${diagramSlot(slot)}</figure>`).join('<p>text</p>')}</main>`,
});

/** Draws `<svg>source</svg>`; "bad …" sources fail to parse on their line 2; "crash" is a browser that went away. */
function renderer() {
  const asked: string[] = [];
  return {
    asked,
    render: async (source: string) => {
      asked.push(source);
      if (source.startsWith('bad')) throw new DiagramSyntaxError('Parse error on line 2:\n...\nExpecting NODE, got EOF', 2);
      if (source === 'crash') throw new Error('Target page, context or browser has been closed');
      return `<svg>${source}</svg>`;
    },
  };
}

test('each page with slots comes back with its drawings in; each diagram is asked for once; pages without slots are left out', async () => {
  const pages = [page('a/index.html', { source: 'one', file: '/l/a.mdx', line: 5 }, { source: 'two', file: '/l/a.mdx', line: 9 }), page('b/index.html', { source: 'one', file: '/l/b.mdx', line: 3 }), page('c/index.html')];
  const draw = renderer();
  const filled = await drawSlots(pages, draw);
  expect(filled.map((p) => [p.file, p.html])).toEqual([
    ['a/index.html', '<main><figure class="diagram"><svg>one</svg></figure><p>text</p><figure class="diagram"><svg>two</svg></figure></main>'],
    ['b/index.html', '<main><figure class="diagram"><svg>one</svg></figure></main>'],
  ]);
  expect(draw.asked.sort()).toEqual(['one', 'two']);

  const dir = mkdtempSync(join(tmpdir(), 'filled-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'index.html'), pages[0]!.html);
  writeFilledPages(dir, filled.slice(0, 1));
  expect(readFileSync(join(dir, 'a', 'index.html'), 'utf8')).toBe(filled[0]!.html);
});

test('every diagram Mermaid cannot parse is named with its lesson file and line, the first as the error\'s place', async () => {
  const pages = [page('a/index.html', { source: 'one', file: `${process.cwd()}/lessons/b.mdx`, line: 20 }, { source: 'bad two', file: `${process.cwd()}/lessons/b.mdx`, line: 30 }), page('b/index.html', { source: 'bad one', file: `${process.cwd()}/lessons/a.mdx`, line: 7 })];
  const error = await drawSlots(pages, renderer()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DiagramSlotError);
  expect((error as DiagramSlotError).loc).toEqual({ file: `${process.cwd()}/lessons/a.mdx`, line: 9, column: 1 });
  expect((error as DiagramSlotError).message).toBe(
    "Mermaid cannot parse the diagram that starts on line 7 (error on line 9): Expecting NODE, got EOF\nFix the diagram's syntax; `npm run dev` shows the result as you edit.\n" +
      'lessons/b.mdx:32:1 Mermaid cannot parse the diagram that starts on line 30 (error on line 32): Expecting NODE, got EOF',
  );
});

test('a browser that fails fails the build as itself, not as a lesson\'s mistake', async () => {
  const error = await drawSlots([page('a/index.html', { source: 'crash', file: '/l/a.mdx', line: 1 })], renderer()).catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(DiagramSlotError);
  expect((error as Error).message).toContain('browser has been closed');
});
