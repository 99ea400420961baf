/**
 * The offline controls' first touch: a click loads their code. A page the saved copy serves loads it at once, to show
 * that the copy is saved and to tell of an update; on any other page nothing more loads, and nothing is registered.
 */
export function startOfflineControls(): void {
  const load = () => import('./offline');
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-offline] [data-offline-action]');
    if (button) void load().then((m) => m.runOfflineAction(button));
  });
  if (navigator.serviceWorker?.controller) void load().then((m) => m.showOfflineState());
}
