/**
 * What the offline copy is, shared by the build (which writes its manifest and service worker) and the browser
 * (which saves and serves it). Pure and dependency-free, so it bundles into the service worker as well as it runs in Node.
 */

/** One file of the offline copy, by the URL it is requested at. */
export interface OfflineFile {
  /** Relative to the site's base: `` for the home page, `queries/joins/` for a lesson, `_astro/Base.x.css`. */
  url: string;
  /** Bytes as stored. */
  size: number;
  /** Content hash: an update downloads only the files whose hash changed. */
  hash: string;
}

/** `offline.json` at the site's base, written by the build: every file of the copy and the build it belongs to. */
export interface OfflineManifest {
  /** Changes whenever any file of the copy changes: a new deploy. */
  build: string;
  /** The sum of the files' sizes: what saving downloads. */
  bytes: number;
  files: OfflineFile[];
}

/** What the service worker tells the pages while it saves and when a copy is ready. */
export type OfflineMessage =
  | { type: 'offline-progress'; build: string; saved: number; bytes: number }
  | { type: 'offline-ready'; build: string; bytes: number; updated: boolean }
  | { type: 'offline-failed'; message: string };

export const OFFLINE_MANIFEST_FILE = 'offline.json';
export const SERVICE_WORKER_FILE = 'service-worker.js';

/** Where the browser keeps the build the reader was last told about: `<course id>:offline`. */
export const offlineStorageKey = (courseId: string): string => `${courseId}:offline`;

/** `queries/joins/index.html` → `queries/joins/`, `index.html` → ``: a page is requested by its folder, as links name it. */
export function offlineUrl(filePath: string): string {
  return filePath === 'index.html' ? '' : filePath.replace(/\/index\.html$/, '/');
}

/** The Cache Storage names of one site's copies start with this; the scope keeps two courses on one origin apart. */
export const cachePrefix = (scope: string): string => `offline ${scope} `;

/** The Cache Storage name of one build's copy. */
export const cacheName = (scope: string, build: string): string => `${cachePrefix(scope)}${build}`;

/** The build a cache name holds, or undefined for a cache of another scope or another feature. */
export function buildOfCache(name: string, scope: string): string | undefined {
  return name.startsWith(cachePrefix(scope)) ? name.slice(cachePrefix(scope).length) : undefined;
}

/** A request's URL relative to the scope, without query or fragment (the copy holds one version of each file); undefined outside the scope. */
export function requestPath(url: string, scope: string): string | undefined {
  const request = new URL(url);
  const base = new URL(scope);
  if (request.origin !== base.origin || !request.pathname.startsWith(base.pathname)) return undefined;
  return request.pathname.slice(base.pathname.length);
}

/** Updating a saved copy to a new build: files with the same URL and hash are copied over, the rest downloaded. */
export function updatePlan(previous: OfflineManifest | undefined, next: OfflineManifest): { reuse: OfflineFile[]; download: OfflineFile[] } {
  const kept = new Map((previous?.files ?? []).map((f) => [f.url, f.hash]));
  const reuse = next.files.filter((f) => kept.get(f.url) === f.hash);
  const download = next.files.filter((f) => kept.get(f.url) !== f.hash);
  return { reuse, download };
}

/** "340 KB", "4.2 MB", "12 MB": a size as the controls and the download link show it (1 MB = 1,000,000 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 999_500) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  const mb = bytes / 1_000_000;
  return mb < 9.95 ? `${mb.toFixed(1)} MB` : `${Math.round(mb)} MB`;
}
