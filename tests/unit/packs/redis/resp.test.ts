import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCommand, parseReply, type Reply } from '../../../../src/packs/redis/resp';
import { RespConnection } from '../../../../src/packs/redis/verify/connection';

const bulk = (text: string): Reply => ({ kind: 'bulk', value: new TextEncoder().encode(text) });

describe('reading RESP replies', () => {
  it.each<[string, string, Reply]>([
    ['reads a simple string', '+OK\r\n', { kind: 'status', text: 'OK' }],
    ['reads an error', '-ERR wrong\r\n', { kind: 'error', text: 'ERR wrong' }],
    ['reads an integer', ':-42\r\n', { kind: 'integer', value: -42n }],
    ['reads a bulk string that contains CRLF', '$7\r\na\r\nb\r\nc\r\n', bulk('a\r\nb\r\nc')],
    ['reads an empty bulk string', '$0\r\n\r\n', bulk('')],
    ['reads a null bulk string', '$-1\r\n', { kind: 'bulk', value: null }],
    ['reads a null array', '*-1\r\n', { kind: 'array', items: null }],
    ['reads an empty array', '*0\r\n', { kind: 'array', items: [] }],
    ['reads nested arrays', '*2\r\n*1\r\n:1\r\n$1\r\nx\r\n', { kind: 'array', items: [{ kind: 'array', items: [{ kind: 'integer', value: 1n }] }, bulk('x')] }],
    ['reads a RESP3 map', '%1\r\n$1\r\nk\r\n,1.5\r\n', { kind: 'map', entries: [[bulk('k'), { kind: 'double', text: '1.5' }]] }],
    ['reads RESP3 null and booleans', '*3\r\n_\r\n#t\r\n#f\r\n', { kind: 'array', items: [{ kind: 'null' }, { kind: 'boolean', value: true }, { kind: 'boolean', value: false }] }],
  ])('%s', (_name, wire, reply) => {
    expect(parseReply(Buffer.from(wire))).toEqual({ reply, next: Buffer.byteLength(wire) });
  });

  it.each([
    ['a line without its CRLF', '+OK'],
    ['a bulk string cut short', '$5\r\nab'],
    ['an array missing elements', '*2\r\n:1\r\n'],
  ])('waits for the rest of %s', (_name, wire) => {
    expect(parseReply(Buffer.from(wire))).toBeUndefined();
  });

  it('rejects bytes that are not RESP', () => {
    expect(() => parseReply(Buffer.from('HTTP/1.1 400\r\n'))).toThrow(/unexpected reply type "H"/);
  });

  it('sends a command as an array of bulk strings', () => {
    expect(Buffer.from(encodeCommand(['SET', Buffer.from([0xff]), 'é'])).toString('latin1')).toBe('*3\r\n$3\r\nSET\r\n$1\r\n\xff\r\n$2\r\n\xc3\xa9\r\n');
  });
});

describe('talking to a server', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
  });

  /** A fake server that answers each chunk it receives with `reply`, or never when it is undefined. */
  const fake = (reply: string | undefined, closeAfter = false) =>
    new Promise<number>((resolve) => {
      server = createServer((socket) => {
        socket.on('data', () => {
          if (reply !== undefined) socket.write(reply);
          if (closeAfter) socket.end();
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const address = server?.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });

  it('matches replies split across packets to their commands', async () => {
    const port = await new Promise<number>((resolve) => {
      server = createServer((socket) => {
        socket.once('data', () => {
          socket.write('$5\r\nhel');
          setTimeout(() => socket.write('lo\r\n+PONG\r\n'), 20);
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const address = server?.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
    const connection = await RespConnection.connect({ port });
    const replies = await Promise.all([connection.command(['GET', 'k']), connection.command(['PING'])]);
    connection.close();
    expect(replies).toEqual([bulk('hello'), { kind: 'status', text: 'PONG' }]);
  });

  it('fails a command that gets no reply in time, naming the command', async () => {
    const port = await fake(undefined);
    const connection = await RespConnection.connect({ port });
    await expect(connection.command(['BLPOP', 'queue', '0'], 200)).rejects.toThrow('no reply to BLPOP within 0.2 s');
    await expect(connection.command(['PING'])).rejects.toThrow('no reply to BLPOP');
  });

  it('fails pending commands when the server closes the connection', async () => {
    const port = await fake(undefined, true);
    const connection = await RespConnection.connect({ port });
    await expect(connection.command(['SHUTDOWN'])).rejects.toThrow('the server closed the connection');
  });

  it('explains a connection that cannot be made', async () => {
    const port = await fake(undefined);
    server?.close();
    await expect(RespConnection.connect({ port })).rejects.toThrow(`could not connect to 127.0.0.1:${port}`);
  });
});
