/**
 * The service worker's logic, with its global scope passed in (Node tests hand it a fake one): on install it saves
 * every file offline.json lists into one cache per build, reusing unchanged files of the copy it replaces; on
 * activate it drops older copies and tells the pages; then it answers every request of the site from the copy.
 */
import {
  buildOfCache,
  cacheName,
  cachePrefix,
  OFFLINE_MANIFEST_FILE,
  requestPath,
  updatePlan,
  type OfflineFile,
  type OfflineManifest,
  type OfflineMessage,
} from '../course/offline-copy';

export interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

/** The part of a service worker's global scope this file uses. */
export interface OfflineWorkerScope {
  registration: { scope: string };
  caches: CacheStorage;
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { postMessage(message: OfflineMessage): void }[]>;
    claim(): Promise<void>;
  };
  fetch(input: string | Request, init?: RequestInit): Promise<Response>;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

/** Downloads at once while saving: as many as a browser opens to one host. */
const PARALLEL = 6;
/** Progress messages while saving: one per this share of the bytes. */
const PROGRESS_STEP = 0.02;

/** A failure the reader can act on, in their words. */
function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') return 'the browser has no room left for it: free some storage and try again';
  return error instanceof Error ? error.message : String(error);
}

export function attachOfflineWorker(scope: OfflineWorkerScope, build: string): void {
  const base = scope.registration.scope;
  const name = cacheName(base, build);
  const post = async (message: OfflineMessage) => {
    for (const client of await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
  };

  const fetchManifest = async (): Promise<OfflineManifest> => {
    const response = await scope.fetch(base + OFFLINE_MANIFEST_FILE, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${OFFLINE_MANIFEST_FILE} answered HTTP ${response.status}`);
    return (await response.json()) as OfflineManifest;
  };
  const changedWhileSaving = () => new Error('the course was updated while it was being saved: try again');

  /** The complete copy of another build of this site, if one is kept: its files are reused when unchanged. */
  const previousCopy = async (): Promise<{ cache: Cache; manifest: OfflineManifest } | undefined> => {
    for (const other of await scope.caches.keys()) {
      if (other === name || buildOfCache(other, base) === undefined) continue;
      const cache = await scope.caches.open(other);
      const manifest = await cache.match(base + OFFLINE_MANIFEST_FILE);
      if (manifest) return { cache, manifest: (await manifest.json()) as OfflineManifest };
    }
    return undefined;
  };

  const save = async () => {
    const manifest = await fetchManifest();
    if (manifest.build !== build) throw changedWhileSaving();
    const cache = await scope.caches.open(name);
    const previous = await previousCopy();
    const plan = updatePlan(previous?.manifest, manifest);
    let saved = 0;
    let reported = -1;
    const progress = async (file: OfflineFile) => {
      saved += file.size;
      const step = Math.floor(saved / Math.max(1, manifest.bytes) / PROGRESS_STEP);
      if (step === reported) return;
      reported = step;
      await post({ type: 'offline-progress', build, saved, bytes: manifest.bytes });
    };
    const download = async (file: OfflineFile) => {
      const url = base + file.url;
      // A file already in this build's cache is this build's file: a save that was interrupted resumes.
      if (!(await cache.match(url))) {
        const response = await scope.fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${file.url || 'the home page'} answered HTTP ${response.status}`);
        // Stored as a plain response: no redirect flag or encoding of the host's carries over.
        const headers = { 'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream' };
        await cache.put(url, new Response(await response.arrayBuffer(), { headers }));
      }
      await progress(file);
    };
    for (const file of plan.reuse) {
      const kept = await previous?.cache.match(base + file.url);
      if (kept) {
        await cache.put(base + file.url, kept);
        await progress(file);
      } else plan.download.push(file);
    }
    const queue = [...plan.download];
    // The first failure stops every download, and is reported once they have all stopped.
    let failure: unknown;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let file = queue.shift(); file && failure === undefined; file = queue.shift()) await download(file).catch((error: unknown) => (failure ??= error));
      }),
    );
    if (failure !== undefined) throw failure;
    // A deploy that landed while the files came in would mix two builds: refuse the copy.
    if ((await fetchManifest()).build !== build) throw changedWhileSaving();
    // Written last: a cache with its manifest is a complete copy.
    await cache.put(base + OFFLINE_MANIFEST_FILE, new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } }));
  };

  scope.addEventListener('install', (event) => {
    event.waitUntil(
      save().then(
        () => scope.skipWaiting(),
        async (error: unknown) => {
          await post({ type: 'offline-failed', message: describeFailure(error) });
          throw error;
        },
      ),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const older = (await scope.caches.keys()).filter((other) => other !== name && other.startsWith(cachePrefix(base)));
        await Promise.all(older.map((other) => scope.caches.delete(other)));
        await scope.clients.claim();
        const manifest = await scope.caches.match(base + OFFLINE_MANIFEST_FILE, { cacheName: name });
        const bytes = manifest ? ((await manifest.json()) as OfflineManifest).bytes : 0;
        await post({ type: 'offline-ready', build, bytes, updated: older.length > 0 });
      })(),
    );
  });

  const answer = async (request: Request, path: string): Promise<Response> => {
    // CacheStorage.match with a cache name never creates the cache: after "Remove offline copy" requests go to the network.
    const hit = await scope.caches.match(base + path, { cacheName: name });
    if (hit) return hit;
    if (path !== '' && !path.endsWith('/') && !/\.[^/]*$/.test(path) && (await scope.caches.match(`${base}${path}/`, { cacheName: name }))) {
      return Response.redirect(`${base}${path}/`, 301);
    }
    try {
      return await scope.fetch(request);
    } catch (error) {
      const notFound = request.mode === 'navigate' ? await scope.caches.match(`${base}404.html`, { cacheName: name }) : undefined;
      if (!notFound) throw error;
      return new Response(notFound.body, { status: 404, headers: notFound.headers });
    }
  };

  scope.addEventListener('fetch', (event) => {
    const path = requestPath(event.request.url, base);
    if (event.request.method !== 'GET' || path === undefined) return;
    event.respondWith(answer(event.request, path));
  });
}
