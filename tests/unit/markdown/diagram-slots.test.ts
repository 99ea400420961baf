import { expect, test } from 'vitest';
import { diagramSlot, fillDiagramSlots, readDiagramSlots } from '../../../src/markdown/diagram-slots';

// A source and a path with what HTML, base64 and String.replace treat specially: quotes, &, <, $&, non-ASCII.
const AWKWARD = { source: 'flowchart LR\n  A["say \\"hi\\" & <b>"] -->|$& café| B', file: '/course/lessons/a "quoted" & odd/été.mdx', line: 12 };

test('a slot gives back the source, file and line it was made from, however they are spelled', () => {
  const page = `<p>before</p><figure class="diagram">${diagramSlot(AWKWARD)}</figure><figure class="diagram">${diagramSlot({ source: 'flowchart TD\n  X', file: '/b.mdx', line: 3 })}</figure>`;
  expect(readDiagramSlots(page)).toEqual([AWKWARD, { source: 'flowchart TD\n  X', file: '/b.mdx', line: 3 }]);
  // Nothing of the source shows as text in the page, so the search index reads none of it.
  expect(diagramSlot(AWKWARD)).not.toMatch(/flowchart|café|<b>/);
});

test('filling puts each drawing where its slot was, word for word, and leaves the rest of the page alone', () => {
  const page = `<main><figure class="diagram">${diagramSlot(AWKWARD)}</figure><p>$& stays</p></main>`;
  const filled = fillDiagramSlots(page, (slot) => `<svg data-line="${slot.line}">$&${slot.source.length}</svg>`);
  expect(filled).toBe(`<main><figure class="diagram"><svg data-line="12">$&${AWKWARD.source.length}</svg></figure><p>$& stays</p></main>`);
  expect(readDiagramSlots(filled)).toEqual([]);
});

test('a page without slots comes back as it is, and the drawing is not asked for', () => {
  const page = '<main><figure class="diagram"><svg></svg></figure></main>';
  expect(fillDiagramSlots(page, () => expect.unreachable())).toBe(page);
});
