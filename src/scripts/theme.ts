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
