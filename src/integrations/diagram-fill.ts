import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DiagramRenderer } from '../markdown/diagram-service';
import { fillDiagramSlots, readDiagramSlots, type DiagramSlot } from '../markdown/diagram-slots';
import { DiagramSyntaxError } from '../markdown/mermaid-renderer';
import { diagramSyntaxProblem } from '../markdown/rehype-diagrams';
import type { BuiltPage } from './built-site';

/** Diagrams Mermaid cannot parse, found while filling the slots: the first one's place, as Astro's own errors carry it. */
export class DiagramSlotError extends Error {
  constructor(
    message: string,
    readonly loc: { file: string; line: number; column: number },
  ) {
    super(message);
    this.name = 'DiagramSlotError';
  }
}

/**
 * Every diagram slot of the built pages drawn by `renderer` (most are drawn by now: each was asked for when its lesson
 * compiled): resolves with each page that had slots, with the drawings in; writes nothing. A diagram Mermaid cannot
 * parse rejects with a DiagramSlotError naming the lesson file and line of each such diagram.
 */
export async function drawSlots(pages: readonly BuiltPage[], renderer: Pick<DiagramRenderer, 'render'>): Promise<BuiltPage[]> {
  // Each page's slots, read once: they ask for the drawings and name the broken ones.
  const slotted = pages.map((page) => ({ page, slots: readDiagramSlots(page.html) })).filter(({ slots }) => slots.length > 0);
  const slots = slotted.flatMap((entry) => entry.slots);
  const drawings = new Map<string, Promise<string>>();
  for (const { source } of slots) if (!drawings.has(source)) drawings.set(source, renderer.render(source));
  const drawn = new Map<string, string>();
  const broken = new Map<string, DiagramSyntaxError>();
  await Promise.all(
    [...drawings].map(async ([source, drawing]) => {
      try {
        drawn.set(source, await drawing);
      } catch (error) {
        // A browser that failed is the build's failure, not the lesson's.
        if (!(error instanceof DiagramSyntaxError)) throw error;
        broken.set(source, error);
      }
    }),
  );
  if (broken.size > 0) throw slotError(slots, broken);
  return slotted.map(({ page }) => ({ ...page, html: fillDiagramSlots(page.html, ({ source }) => drawn.get(source)!) }));
}

/** Writes the pages drawSlots filled into the site folder `dir`. */
export function writeFilledPages(dir: string, pages: readonly BuiltPage[]): void {
  for (const page of pages) writeFileSync(join(dir, page.file), page.html);
}

/** One error for every slot whose diagram Mermaid cannot parse, each with its lesson file and line, once each. */
function slotError(slots: readonly DiagramSlot[], broken: ReadonlyMap<string, DiagramSyntaxError>): DiagramSlotError {
  const seen = new Set<string>();
  const problems: (DiagramSlot & { message: string; at: number })[] = [];
  for (const slot of slots) {
    const error = broken.get(slot.source);
    const place = `${slot.file}:${slot.line}`;
    if (!error || seen.has(place)) continue;
    seen.add(place);
    const { message, line } = diagramSyntaxProblem(error, slot.line);
    problems.push({ ...slot, message, at: line });
  }
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  const [first, ...rest] = problems;
  const more = rest.map((p) => `\n${relative(process.cwd(), p.file)}:${p.at}:1 ${p.message.split('\n')[0]}`).join('');
  return new DiagramSlotError(`${first!.message}${more}`, { file: first!.file, line: first!.at, column: 1 });
}
