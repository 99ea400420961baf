/**
 * The only Redis code a page loads before it is used: a press of "Run in browser" or of a console button
 * (`data-redis-use`), or a focus inside the console, loads the runner and the console, which then take the event.
 * An Enter typed in the console while that code is still loading is handed over too, so the first line is not lost.
 */
export function enhanceRedis(): void {
  let loaded: Promise<typeof import('../packs/redis/on-first-use')> | undefined;
  // Once the code has taken an event, the console listens to its own keys.
  let started = false;
  const use = (event: Event) => {
    const target = event.target as HTMLElement;
    if (!target.closest(event.type === 'click' ? '[data-redis-use]' : '[data-redis-console]')) return;
    void (loaded ??= import('../packs/redis/on-first-use')).then((redis) => {
      redis.handle(event.type, target);
      started = true;
    });
  };
  document.addEventListener('click', use);
  document.addEventListener('focusin', use);
  document.addEventListener('keydown', (event) => {
    if (!started && event.key === 'Enter' && !event.isComposing) use(event);
  });
}
