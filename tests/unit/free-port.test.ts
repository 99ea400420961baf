import { createServer } from 'node:net';
import { expect, test } from 'vitest';
import { freePort } from '../../src/free-port';

test('a server can listen on the port freePort gives, and two calls in a row give ports a server can hold at once', async () => {
  const first = await freePort();
  const held = createServer();
  await new Promise<void>((resolve, reject) => held.once('error', reject).listen(first, '127.0.0.1', resolve));
  try {
    const second = await freePort();
    expect(second).not.toBe(first);
    const other = createServer();
    await new Promise<void>((resolve, reject) => other.once('error', reject).listen(second, '127.0.0.1', resolve));
    await new Promise((resolve) => other.close(resolve));
  } finally {
    await new Promise((resolve) => held.close(resolve));
  }
});
