/** The "Run in browser" buttons of code blocks: shown once JavaScript runs; the first press loads the runner and its engine, nothing before. */

interface Runner {
  press(button: HTMLButtonElement): void;
}

/** The runner of each fence language whose blocks can run in the browser. */
const RUNNERS: Readonly<Record<string, () => Promise<Runner>>> = {
  'redis-cli': () => import('../packs/redis/run-button'),
};

export function enhanceRunButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-run-button]')) {
    const load = RUNNERS[button.closest<HTMLElement>('figure')?.dataset.lang ?? ''];
    if (!load) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      load().then(
        (runner) => runner.press(button),
        () => (button.textContent = 'Could not load: reload the page'),
      );
    });
  }
}
