import { slimDiagram } from './diagram-slim';
import { themeDiagram } from './diagram-theme';
import { withOwnParticipantNumbers } from './mermaid-renderer';

/** Mermaid's SVG as a page gets it: numbered on its own, coloured by the page's scheme, without what draws nothing. */
export function finishDiagram(svg: string): string {
  return slimDiagram(themeDiagram(withOwnParticipantNumbers(svg)));
}
