/**
 * The course outline on narrow screens: the header's "Lessons" button shows the sidebar as a panel under the header.
 * While it is open the rest of the page is inert and Tab cycles through the button and the panel; Escape or the button
 * closes it and focus returns to the button.
 */

/** Where the sidebar is a column of its own (global.css): wider than this, the button is hidden and the panel never opens. */
const NARROW = '(max-width: 55.99rem)';

/** Makes everything outside `keep` inert, up to <body>; returns what undoes it. */
export function inertOutside(keep: readonly Element[]): () => void {
  const made: HTMLElement[] = [];
  for (const element of keep) {
    for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement?.children ?? []) {
        if (!(sibling instanceof HTMLElement) || sibling.inert || keep.some((k) => sibling.contains(k))) continue;
        sibling.inert = true;
        made.push(sibling);
      }
    }
  }
  return () => made.forEach((element) => (element.inert = false));
}

/** The controls of the panel a keyboard reaches: the summaries of phases, and the links of open ones. */
const stopsIn = (panel: HTMLElement) =>
  [...panel.querySelectorAll<HTMLElement>('a[href], summary')].filter((el) => el.getClientRects().length > 0 && !el.closest('details:not([open]) > :not(summary)'));

/** Makes the button open and close the outline; `toggle` is what a press does, for the press that loaded this code. */
export function enhanceOutlineToggle(button: HTMLButtonElement, outline: HTMLElement): { toggle: () => void } {
  const header = button.closest('header') ?? button;
  let open: { listening: AbortController; restore: () => void } | undefined;

  const place = () => outline.style.setProperty('--outline-top', `${Math.max(0, header.getBoundingClientRect().bottom)}px`);

  function close(returnFocus: boolean): void {
    if (!open) return;
    open.listening.abort();
    open.restore();
    open = undefined;
    delete outline.dataset.open;
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) button.focus();
  }

  function keepFocus(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      close(true);
    } else if (event.key === 'Tab') {
      const stops = [button, ...stopsIn(outline)];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const wrap = event.shiftKey ? (at <= 0 ? stops.at(-1) : undefined) : at === -1 || at === stops.length - 1 ? stops[0] : undefined;
      if (!wrap) return;
      event.preventDefault();
      wrap.focus();
    }
  }

  function show(): void {
    const listening = new AbortController();
    const { signal } = listening;
    place();
    outline.dataset.open = '';
    button.setAttribute('aria-expanded', 'true');
    open = { listening, restore: inertOutside([button, outline]) };
    (outline.querySelector<HTMLElement>('[aria-current="page"]') ?? stopsIn(outline)[0])?.focus();
    document.addEventListener('keydown', keepFocus, { signal });
    addEventListener('scroll', place, { passive: true, signal });
    // Wider than the breakpoint the sidebar is a column again; a page left with the panel open comes back closed.
    matchMedia(NARROW).addEventListener('change', () => close(false), { signal });
    addEventListener('pagehide', () => close(false), { signal });
  }

  const toggle = () => (open ? close(true) : show());
  button.addEventListener('click', toggle);
  return { toggle };
}
