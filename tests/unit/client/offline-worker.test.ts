import { describe, expect, test } from 'vitest';
import { cacheName, type OfflineManifest, type OfflineMessage } from '../../../src/course/offline-copy';
import { attachOfflineWorker, type ExtendableEventLike, type FetchEventLike, type OfflineWorkerScope } from '../../../src/client/offline-worker';
import { offlineManifest } from '../../../src/integrations/offline-copy';

const SCOPE = 'https://example.org/course/';

/** Cache Storage in memory: what a browser keeps per origin, enough for the worker. */
class MemoryCaches {
  readonly stores = new Map<string, Map<string, { body: ArrayBuffer; headers: [string, string][] }>>();

  private cache(entries: Map<string, { body: ArrayBuffer; headers: [string, string][] }>) {
    return {
      match: async (url: string) => {
        const kept = entries.get(new URL(url).href);
        return kept && new Response(kept.body, { headers: kept.headers });
      },
      put: async (url: string, response: Response) => {
        entries.set(new URL(url).href, { body: await response.arrayBuffer(), headers: [...response.headers] });
      },
    };
  }

  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new Map());
    return this.cache(this.stores.get(name)!);
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
  async match(url: string, options: { cacheName: string }) {
    const entries = this.stores.get(options.cacheName);
    return entries ? this.cache(entries).match(url) : undefined;
  }
}

/** A site on a server: files by URL relative to the scope, and offline.json made from them as the build makes it. */
function server(files: Record<string, string>) {
  const site = {
    files,
    online: true,
    /** Paths the manifest lists that the server answers with 404, as a half-finished deploy would. */
    broken: new Set<string>(),
    requests: [] as string[],
    manifest: (): OfflineManifest =>
      offlineManifest(Object.entries(site.files).map(([url, text]) => ({ path: url === '' ? 'index.html' : url.endsWith('/') ? `${url}index.html` : url, bytes: Buffer.from(text) }))),
    fetch: async (input: string | Request): Promise<Response> => {
      const url = typeof input === 'string' ? input : input.url;
      site.requests.push(url);
      if (!site.online) throw new TypeError('Failed to fetch');
      const path = new URL(url).pathname.slice(new URL(SCOPE).pathname.length);
      if (path === 'offline.json') return Response.json(site.manifest());
      const text = site.broken.has(path) ? undefined : site.files[path];
      return text === undefined ? new Response('missing', { status: 404 }) : new Response(text, { headers: { 'Content-Type': 'text/html' } });
    },
  };
  return site;
}

/** A worker of one build in a fake scope: its events fired by hand, its messages recorded. */
function worker(site: ReturnType<typeof server>, caches: MemoryCaches, build = site.manifest().build) {
  const listeners = new Map<string, (event: never) => void>();
  const messages: OfflineMessage[] = [];
  const scope = {
    registration: { scope: SCOPE },
    caches,
    clients: { matchAll: async () => [{ postMessage: (m: OfflineMessage) => messages.push(m) }], claim: async () => undefined },
    fetch: site.fetch,
    skipWaiting: async () => undefined,
    addEventListener: (type: string, listener: (event: never) => void) => listeners.set(type, listener),
  } as unknown as OfflineWorkerScope;
  attachOfflineWorker(scope, build);
  const lifecycle = async (type: 'install' | 'activate') => {
    let work: Promise<unknown> = Promise.resolve();
    const event: ExtendableEventLike = { waitUntil: (p) => (work = p) };
    listeners.get(type)!(event as never);
    await work;
  };
  const request = async (url: string, init: { mode?: RequestMode | undefined; method?: string } = {}) => {
    let answered: Promise<Response> | undefined;
    const event: FetchEventLike = {
      request: { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' } as Request,
      respondWith: (r) => (answered = r),
      waitUntil: () => undefined,
    };
    listeners.get('fetch')!(event as never);
    return answered;
  };
  return { messages, install: () => lifecycle('install'), activate: () => lifecycle('activate'), request };
}

const SITE = { '': 'home', 'a/': 'lesson a', 'b/': 'lesson b', '404.html': 'not found', 'pagefind/pagefind-entry.json': '{}' };

describe('the offline worker', () => {
  test('saves every file offline.json lists into its build’s cache, and tells the pages as it goes', async () => {
    const site = server({ ...SITE });
    const caches = new MemoryCaches();
    const w = worker(site, caches);
    await w.install();
    await w.activate();
    const saved = caches.stores.get(cacheName(SCOPE, site.manifest().build))!;
    expect([...saved.keys()].sort()).toEqual([SCOPE, `${SCOPE}404.html`, `${SCOPE}a/`, `${SCOPE}b/`, `${SCOPE}offline.json`, `${SCOPE}pagefind/pagefind-entry.json`]);
    expect(w.messages.at(-2)).toEqual({ type: 'offline-progress', build: site.manifest().build, saved: site.manifest().bytes, bytes: site.manifest().bytes });
    expect(w.messages.at(-1)).toEqual({ type: 'offline-ready', build: site.manifest().build, bytes: site.manifest().bytes, updated: false });
  });

  test('answers every page and file from the copy with the network off', async () => {
    const site = server({ ...SITE });
    const w = worker(site, new MemoryCaches());
    await w.install();
    await w.activate();
    site.online = false;
    const text = async (url: string, mode?: RequestMode) => {
      const response = await w.request(url, { mode });
      return response && [response.status, await response.text()];
    };
    expect(await text(`${SCOPE}b/#summary`, 'navigate')).toEqual([200, 'lesson b']);
    expect(await text(`${SCOPE}pagefind/pagefind-entry.json?ts=1733`)).toEqual([200, '{}']);
    expect(await text(`${SCOPE}no-such-page/`, 'navigate')).toEqual([404, 'not found']);
    const redirect = await w.request(`${SCOPE}a`, { mode: 'navigate' });
    expect([redirect?.status, redirect?.headers.get('Location')]).toEqual([301, `${SCOPE}a/`]);
    await expect(w.request(`${SCOPE}_astro/missing.js`)).rejects.toThrow('Failed to fetch');
  });

  test('leaves requests outside the site, and those that are not GET, to the browser', async () => {
    const w = worker(server({ ...SITE }), new MemoryCaches());
    expect(await w.request('https://example.org/other-course/')).toBeUndefined();
    expect(await w.request(`${SCOPE}a/`, { method: 'POST' })).toBeUndefined();
  });

  test('goes to the network for what the copy does not hold, and after the copy was removed', async () => {
    const site = server({ ...SITE });
    const caches = new MemoryCaches();
    const w = worker(site, caches);
    await w.install();
    await caches.delete(cacheName(SCOPE, site.manifest().build));
    site.files['a/'] = 'lesson a, from the network';
    expect(await (await w.request(`${SCOPE}a/`))!.text()).toBe('lesson a, from the network');
    expect(caches.stores.size).toBe(0);
  });

  test('a new build downloads only the files that changed, then drops the old copy and says it was updated', async () => {
    const site = server({ ...SITE });
    const caches = new MemoryCaches();
    const first = worker(site, caches);
    await first.install();
    await first.activate();
    const oldBuild = site.manifest().build;

    site.files['b/'] = 'lesson b, revised';
    site.files['c/'] = 'lesson c';
    site.requests.length = 0;
    const second = worker(site, caches);
    await second.install();
    await second.activate();

    expect(site.requests.filter((url) => !url.endsWith('offline.json')).sort()).toEqual([`${SCOPE}b/`, `${SCOPE}c/`]);
    expect([...caches.stores.keys()]).toEqual([cacheName(SCOPE, site.manifest().build)]);
    expect(second.messages.at(-1)).toMatchObject({ type: 'offline-ready', build: site.manifest().build, updated: true });
    expect(site.manifest().build).not.toBe(oldBuild);
    site.online = false;
    expect(await (await second.request(`${SCOPE}b/`, { mode: 'navigate' }))!.text()).toBe('lesson b, revised');
    expect(await (await second.request(`${SCOPE}a/`, { mode: 'navigate' }))!.text()).toBe('lesson a');
  });

  test('refuses a copy of a build that is no longer the site’s, and says why', async () => {
    const site = server({ ...SITE });
    const w = worker(site, new MemoryCaches(), 'an-older-build');
    await expect(w.install()).rejects.toThrow('the course was updated while it was being saved');
    expect(w.messages.at(-1)).toEqual({ type: 'offline-failed', message: 'the course was updated while it was being saved: try again' });
  });

  test('fails a save whose file cannot be fetched, naming it, and keeps no complete copy', async () => {
    const site = server({ ...SITE });
    site.broken.add('b/');
    const caches = new MemoryCaches();
    const w = worker(site, caches);
    await expect(w.install()).rejects.toThrow('b/ answered HTTP 404');
    expect(w.messages.at(-1)).toEqual({ type: 'offline-failed', message: 'b/ answered HTTP 404' });
    expect(await caches.match(`${SCOPE}offline.json`, { cacheName: cacheName(SCOPE, site.manifest().build) })).toBeUndefined();
  });
});
