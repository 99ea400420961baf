/**
 * `npm run build` does not hold a lesson's compile until its diagrams are drawn: each diagram becomes a slot that
 * names its source and where it is, and once Astro has written the pages every slot is filled with its drawing
 * (src/integrations/diagram-fill.ts). Drawing then goes on while Astro bundles, renders and indexes the pages.
 * A slot holds no text, so the search index reads a page the same with the slot or the drawing (Pagefind skips SVG).
 * Pure: strings in, strings out.
 */

/** One diagram waiting in a built page: its Mermaid source, and the lesson file and line its fence starts on. */
export interface DiagramSlot {
  source: string;
  file: string;
  line: number;
}

const TAG = 'course-site-diagram';
// Written only by diagramSlot, so always in this shape: the source in base64, which no HTML step can change.
const SLOT = new RegExp(`<${TAG} data-file="([^"]*)" data-line="(\\d+)" data-source="([A-Za-z0-9+/=]*)"></${TAG}>`, 'g');

/** The slot's HTML, which a built page carries until fillDiagramSlots puts the drawing in its place. */
export function diagramSlot({ source, file, line }: DiagramSlot): string {
  return `<${TAG} data-file="${encodeURIComponent(file)}" data-line="${line}" data-source="${Buffer.from(source, 'utf8').toString('base64')}"></${TAG}>`;
}

/** The slot a match of SLOT spells, its groups as diagramSlot wrote them. */
const slotOf = (file: string, line: string, source: string): DiagramSlot => ({ source: Buffer.from(source, 'base64').toString('utf8'), file: decodeURIComponent(file), line: Number(line) });

/** Every slot of a page, in page order. */
export function readDiagramSlots(html: string): DiagramSlot[] {
  return [...html.matchAll(SLOT)].map(([, file, line, source]) => slotOf(file!, line!, source!));
}

/** The page with each slot replaced by `drawing(slot)`; a page without slots comes back as it is. */
export function fillDiagramSlots(html: string, drawing: (slot: DiagramSlot) => string): string {
  if (!html.includes(`<${TAG} `)) return html;
  return html.replace(SLOT, (_, file: string, line: string, source: string) => drawing(slotOf(file, line, source)));
}
