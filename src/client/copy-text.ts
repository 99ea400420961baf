/** What the copy button puts on the clipboard: for a session transcript (a prompt pattern is given) only the commands, ready to paste. */
export function copyTextOf(text: string, prompt: string | undefined): string {
  if (!prompt) return text;
  const pattern = new RegExp(prompt);
  const commands = text
    .split('\n')
    .map((line) => pattern.exec(line)?.[2])
    .filter((command): command is string => command !== undefined && command !== '');
  return commands.length > 0 ? commands.join('\n') : text;
}

/** Reveals the copy buttons of code blocks and copies on click; without JavaScript the buttons stay hidden. */
export function enhanceCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const figure = button.closest('figure');
      const code = figure?.querySelector('code');
      if (!figure || !code) return;
      await navigator.clipboard.writeText(copyTextOf(code.textContent ?? '', figure.dataset.prompt));
      button.textContent = 'Copied';
      button.setAttribute('aria-live', 'polite');
      setTimeout(() => (button.textContent = 'Copy'), 2000);
    });
  }
}
