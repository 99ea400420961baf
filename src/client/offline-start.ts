/**
 * The offline controls' first touch: a click loads their code. A page the saved copy serves loads it at once, to show
 * that the copy is saved and to tell of an update; on any other page nothing more loads, and nothing is registered.
 */
export function startOfflineControls(): void {
  const controls = [...document.querySelectorAll<HTMLElement>('[data-offline]')];
  if (controls.length === 0) return;
  const load = () => import('./offline');
  for (const control of controls) {
    control.addEventListener('click', (event) => {
      const action = (event.target as Element).closest<HTMLElement>('[data-offline-action]')?.dataset['offlineAction'];
      if (action === 'save' || action === 'remove') void load().then((m) => m.runOfflineAction(action, control, controls));
    });
  }
  if (navigator.serviceWorker?.controller) void load().then((m) => m.showOfflineState(controls));
}
