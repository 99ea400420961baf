/** The "Run in browser" buttons of code blocks: shown once JavaScript runs; the first press loads the runner (and its engine), nothing before. */

export interface Runner {
  press(button: HTMLButtonElement): void;
}

export function enhanceRunButtons(load: () => Promise<Runner>, root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-run-button]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      load().then(
        (runner) => runner.press(button),
        () => (button.textContent = 'Could not load: reload the page'),
      );
    });
  }
}
