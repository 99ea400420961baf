/** Serves a built site on 127.0.0.1 as a static host would (gzip, right content types): for the browser tests, the benchmark, Lighthouse and the PDF. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
};

export interface StaticSite {
  /** Origin plus base, e.g. `http://127.0.0.1:4567/redis-mastery/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves a built site from `dir` under `base` on 127.0.0.1, the way static hosting does (404.html for misses, gzip). */
export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const inBase = path.startsWith(base) ? path.slice(base.length) : undefined;
    let file = inBase === undefined ? undefined : join(dir, normalize(`/${inBase}`));
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      response.writeHead(404, { 'Content-Type': TYPES['.html']! });
      createReadStream(join(dir, '404.html')).pipe(response);
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Compress text as static hosts do, so measurements see realistic transfer sizes.
    const gzip = /gzip/.test(String(request.headers['accept-encoding'])) && /text|javascript|json|svg|xml/.test(type);
    // Hashed build assets never change, as on any static host.
    const cache = path.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'max-age=3600';
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
