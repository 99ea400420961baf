import { slimDiagram } from './diagram-slim';
import { themeDiagram } from './diagram-theme';

/** Mermaid's SVG as a page gets it: numbered on its own, coloured by the page's scheme, without what draws nothing. */
export function finishDiagram(svg: string): string {
  return slimDiagram(themeDiagram(withOwnParticipantNumbers(svg)));
}

/**
 * Sequence diagrams number their participants, and the stick figures of `actor` participants, with a counter that runs
 * on across every diagram a page draws: numbered from 0 in each diagram, an SVG no longer depends on what was drawn
 * before it.
 */
export function withOwnParticipantNumbers(svg: string): string {
  // Every numbered name; the diagram's first number is its participants' (actor…), as root-N may not start there.
  const numbered = /\b(actor-man-torso|actor-man-arms|actor|root-)(\d+)/g;
  const numbers = [...svg.matchAll(numbered)].filter((m) => m[1] !== 'root-').map((m) => Number(m[2]));
  if (numbers.length === 0) return svg;
  const first = Math.min(...numbers);
  return svg.replace(numbered, (_, name: string, n: string) => `${name}${Number(n) - first}`);
}
