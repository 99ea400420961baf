/** The search box's first touch: `/` focuses it, and focusing it loads the search code and index (nothing before). */
export function enhanceSearchBox(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input');
  if (!input) return;
  let loaded: Promise<void> | undefined;
  const start = () => (loaded ??= import('./search').then((m) => m.startSearch(root, input)));
  input.addEventListener('focus', start, { once: true });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
  });
}
