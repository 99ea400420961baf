/**
 * The only Redis code a page loads before it is used: a press of "Run in browser" or of a console button
 * (`data-redis-use`), or a focus inside the console, loads the runner and the console, which then take the event.
 */
export function enhanceRedis(): void {
  let loaded: Promise<typeof import('../packs/redis/on-first-use')> | undefined;
  const use = (event: Event) => {
    const target = event.target as HTMLElement;
    if (!target.closest(event.type === 'click' ? '[data-redis-use]' : '[data-redis-console]')) return;
    void (loaded ??= import('../packs/redis/on-first-use')).then((redis) => redis.handle(event.type, target));
  };
  document.addEventListener('click', use);
  document.addEventListener('focusin', use);
}
