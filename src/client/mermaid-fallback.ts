import { MERMAID_CONFIG, themeDiagram } from '../markdown/diagram-theme';

/** When the build had no browser: draws the page's diagrams in the reader's browser, themed by the page's CSS as at build. */
export async function drawDiagrams(): Promise<void> {
  const diagrams = [...document.querySelectorAll<HTMLElement>('pre.mermaid')];
  if (diagrams.length === 0) return;
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize(MERMAID_CONFIG);
  for (const [i, pre] of diagrams.entries()) {
    const { svg } = await mermaid.render(`mermaid-client-${i}`, pre.textContent ?? '');
    // The colours follow the scheme through CSS, so a change of scheme needs no second drawing.
    pre.outerHTML = themeDiagram(svg);
  }
}
