import { createServer } from 'node:net';

/**
 * A port on 127.0.0.1 that nobody listens on right now. Another process may take it before the caller does: callers
 * that start a server on it retry, or accept that rare failure (a benchmark, a test).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
