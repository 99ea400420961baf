/**
 * "Save for offline" and "Remove offline copy": registers the service worker (which saves every file of
 * offline.json), shows its progress, the saved state and, once, that a new build replaced the copy.
 */
import { buildOfCache, formatBytes, OFFLINE_MANIFEST_FILE, offlineStorageKey, SERVICE_WORKER_FILE, type OfflineManifest, type OfflineMessage } from '../course/offline-copy';
import { browserStorage, pageContext } from './page';

const part = <T extends HTMLElement>(control: HTMLElement, selector: string) => control.querySelector<T>(selector)!;
const say = (control: HTMLElement, text: string) => {
  part(control, '[data-offline-status]').textContent = text;
};

/** Every offline control of the page: the home page's panel and the footer's. */
const allControls = () => [...document.querySelectorAll<HTMLElement>('[data-offline]')];

/** The site's scope as the browser writes it: an absolute URL ending in `/`. */
const siteScope = () => new URL(pageContext().base, location.href).href;

/** The complete copy this browser keeps of the site, if any: a cache that holds its manifest. */
async function savedCopy(scope: string): Promise<{ build: string; bytes: number } | undefined> {
  for (const name of await caches.keys()) {
    const build = buildOfCache(name, scope);
    const manifest = build === undefined ? undefined : await caches.match(scope + OFFLINE_MANIFEST_FILE, { cacheName: name });
    if (build !== undefined && manifest) return { build, bytes: ((await manifest.json()) as OfflineManifest).bytes };
  }
  return undefined;
}

/** Shows every control as saved or not; focus that was on a button the change hides moves to the one shown. */
function showSaved(controls: readonly HTMLElement[], saved: boolean): void {
  for (const control of controls) {
    const save = part<HTMLButtonElement>(control, '[data-offline-action="save"]');
    const remove = part<HTMLButtonElement>(control, '[data-offline-action="remove"]');
    const focused = document.activeElement === save || document.activeElement === remove;
    save.hidden = saved;
    remove.hidden = !saved;
    save.disabled = false;
    if (focused) (saved ? remove : save).focus();
  }
}

/** Tells the reader, once per build, that the copy now holds a new version of the course. */
function announceBuild(build: string, reload: boolean): void {
  const storage = browserStorage();
  const key = offlineStorageKey(pageContext().courseId);
  const known = storage?.getItem(key);
  storage?.setItem(key, build);
  if (!known || known === build || document.querySelector('.offline-notice')) return;
  const notice = document.createElement('div');
  notice.className = 'offline-notice';
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => notice.remove());
  notice.append(text, close);
  document.body.append(notice);
  // Filled once the live region is in the page, so that screen readers announce it.
  requestAnimationFrame(() => {
    text.textContent = `The course has been updated, and your offline copy with it.${reload ? ' Reload to see this page as it is now.' : ''}`;
  });
}

/** On a page the saved copy serves: show it as saved, and listen for a new build taking its place. */
export async function showOfflineState(): Promise<void> {
  const controls = allControls();
  const scope = siteScope();
  const copy = await savedCopy(scope);
  const registration = await navigator.serviceWorker.getRegistration(scope);
  if (!copy || registration?.scope !== scope) return;
  showSaved(controls, true);
  for (const control of controls) say(control, `Saved for offline (${formatBytes(copy.bytes)}).`);
  announceBuild(copy.build, false);
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<OfflineMessage>) => {
    if (event.data.type === 'offline-ready' && event.data.updated) announceBuild(event.data.build, true);
  });
  navigator.serviceWorker.startMessages();
}

async function save(control: HTMLElement, controls: readonly HTMLElement[]): Promise<void> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    say(control, 'This browser cannot keep an offline copy here (a private window may not allow it).');
    return;
  }
  const scope = siteScope();
  const button = part<HTMLButtonElement>(control, '[data-offline-action="save"]');
  const saved = (bytes: number) => {
    showSaved(controls, true);
    for (const other of controls) say(other, `Saved for offline (${formatBytes(bytes)}).`);
    say(control, `Saved for offline (${formatBytes(bytes)}): every page and the search now work without a network.`);
  };
  button.disabled = true;
  say(control, 'Saving for offline…');
  // Asked on the reader's click: a persisted copy is not cleared when the browser runs short of space.
  void navigator.storage?.persist?.().catch(() => false);
  let listen: ((event: MessageEvent<OfflineMessage>) => void) | undefined;
  try {
    const ready = new Promise<OfflineMessage & { type: 'offline-ready' }>((resolve, reject) => {
      listen = ({ data }) => {
        if (data.type === 'offline-progress') say(control, `Saving for offline: ${formatBytes(data.saved)} of ${formatBytes(data.bytes)}…`);
        else if (data.type === 'offline-failed') reject(new Error(data.message));
        else resolve(data);
      };
      navigator.serviceWorker.addEventListener('message', listen);
      navigator.serviceWorker.startMessages();
    });
    const register = () => navigator.serviceWorker.register(scope + SERVICE_WORKER_FILE, { scope });
    const registration = await register();
    const installing = Boolean(registration.installing || registration.waiting);
    // Already saved (a page loaded past the worker, e.g. by a forced reload): nothing to install.
    const copy = installing ? undefined : await savedCopy(scope);
    // A worker whose copy was cleared away: start again from a fresh registration.
    if (!installing && !copy) await registration.unregister().then(register);
    const message = copy ?? (await ready);
    announceBuild(message.build, false);
    saved(message.bytes);
  } catch (error) {
    button.disabled = false;
    say(control, `Could not save for offline: ${error instanceof Error ? error.message : String(error)}.`);
  } finally {
    if (listen) navigator.serviceWorker.removeEventListener('message', listen);
  }
}

async function remove(control: HTMLElement, controls: readonly HTMLElement[]): Promise<void> {
  const scope = siteScope();
  const registration = await navigator.serviceWorker.getRegistration(scope);
  // Another site on this origin may have a worker for a scope around this one: only this site's is removed.
  if (registration?.scope === scope) await registration.unregister();
  for (const name of await caches.keys()) if (buildOfCache(name, scope) !== undefined) await caches.delete(name);
  browserStorage()?.removeItem(offlineStorageKey(pageContext().courseId));
  showSaved(controls, false);
  for (const other of controls) say(other, '');
  say(control, 'Offline copy removed: pages come from the network again.');
}

/** A click on one control's button: its own status says how it went, every control shows the new state. */
export function runOfflineAction(button: HTMLElement): Promise<void> {
  const control = button.closest<HTMLElement>('[data-offline]')!;
  return button.dataset['offlineAction'] === 'remove' ? remove(control, allControls()) : save(control, allControls());
}
