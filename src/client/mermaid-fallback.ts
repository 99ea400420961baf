/** When the build had no browser: draws the page's diagrams in the reader's browser, in the scheme they see. */
export async function drawDiagrams(): Promise<void> {
  const diagrams = document.querySelectorAll<HTMLElement>('pre.mermaid');
  if (diagrams.length === 0) return;
  const { default: mermaid } = await import('mermaid');
  const chosen = document.documentElement.dataset.theme;
  const dark = chosen ? chosen === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  await mermaid.run({ nodes: [...diagrams] });
}
