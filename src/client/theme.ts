export type Theme = 'system' | 'light' | 'dark';

export const THEME_LABELS: Record<Theme, { label: string; icon: string }> = {
  system: { label: 'follows the system', icon: '◐' },
  light: { label: 'light', icon: '☀' },
  dark: { label: 'dark', icon: '☾' },
};

/** The theme switch cycles system → light → dark → system. */
export function nextTheme(theme: Theme): Theme {
  return theme === 'system' ? 'light' : theme === 'light' ? 'dark' : 'system';
}

/** The colour-scheme button: shows the current choice and cycles it, kept in the browser for every page. */
export function enhanceThemeToggle(button: HTMLButtonElement, key: string): void {
  const icon = button.querySelector<HTMLElement>('[data-theme-icon]');
  const root = document.documentElement;
  const show = (theme: Theme) => {
    button.setAttribute('aria-label', `Colour scheme: ${THEME_LABELS[theme].label}`);
    button.setAttribute('title', `Colour scheme: ${THEME_LABELS[theme].label}`);
    if (icon) icon.textContent = THEME_LABELS[theme].icon;
  };
  const current = (): Theme => (root.dataset.theme as Theme | undefined) ?? 'system';
  show(current());
  button.addEventListener('click', () => {
    const theme = nextTheme(current());
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    try {
      if (theme === 'system') localStorage.removeItem(key);
      else localStorage.setItem(key, theme);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    show(theme);
  });
}
