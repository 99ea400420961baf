/** The phone header's "Lessons" button: the outline panel's code loads on the first press, which it then answers. */
export function startOutlineToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-outline-toggle]');
  const outline = document.getElementById('course-outline');
  if (button && outline) button.addEventListener('click', () => void import('./outline-panel').then((m) => m.enhanceOutlineToggle(button, outline).toggle()), { once: true });
}
