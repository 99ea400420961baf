/** Turns a stack of labelled sections into an accessible tab list (arrow keys, Home, End). */
export function enhanceTabs(container: HTMLElement, index: number): void {
  const panels = [...container.querySelectorAll<HTMLElement>(':scope > .tab')];
  if (panels.length < 2) return;
  const list = document.createElement('div');
  list.setAttribute('role', 'tablist');
  list.className = 'tabs__list';
  const tabs = panels.map((panel, i) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = `tabs-${index}-tab-${i}`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', (panel.id = `tabs-${index}-panel-${i}`));
    tab.textContent = panel.dataset.label ?? `Tab ${i + 1}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.tabIndex = 0;
    list.append(tab);
    return tab;
  });
  const select = (at: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === at));
      tab.tabIndex = i === at ? 0 : -1;
      panels[i]!.hidden = i !== at;
    });
    if (focus) tabs[at]!.focus();
  };
  list.addEventListener('click', (event) => {
    const at = tabs.indexOf(event.target as HTMLButtonElement);
    if (at !== -1) select(at, false);
  });
  list.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select((to + tabs.length) % tabs.length, true);
  });
  container.classList.add('tabs--enhanced');
  container.prepend(list);
  select(0, false);
}
