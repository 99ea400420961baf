import { describe, expect, it } from 'vitest';
import {
  decodeAll,
  decodeResp,
  encodeCommand,
  firstElementName,
  frameEnd,
  RespError,
  RespPush,
  splitFrames,
} from '../../../../../src/packs/redis/engine/resp';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('encodeCommand', () => {
  it('writes an array of bulk strings, counting bytes not characters', () => {
    expect(text(encodeCommand(['SET', 'ké', '']))).toBe('*3\r\n$3\r\nSET\r\n$3\r\nké\r\n$0\r\n\r\n');
  });

  it('keeps binary arguments as they are', () => {
    expect([...encodeCommand([new Uint8Array([0, 13, 10])])]).toEqual([...bytes('*1\r\n$3\r\n'), 0, 13, 10, 13, 10]);
  });
});

describe('frameEnd and splitFrames', () => {
  it.each([
    ['+OK\r\n'],
    ['-ERR x\r\n'],
    [':-12\r\n'],
    ['$-1\r\n'],
    ['$0\r\n\r\n'],
    ['$4\r\na\r\nb\r\n'],
    ['*-1\r\n'],
    ['*0\r\n'],
    ['*2\r\n*1\r\n:1\r\n$1\r\nx\r\n'],
    ['_\r\n'],
    [',3.14\r\n'],
    ['#t\r\n'],
    ['(3492890328409238509324850943850943825024385\r\n'],
    ['!5\r\nERR x\r\n'],
    ['=7\r\ntxt:abc\r\n'],
    ['%1\r\n+k\r\n*1\r\n:1\r\n'],
    ['~2\r\n:1\r\n:2\r\n'],
    ['>3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nm\r\n'],
    ['|1\r\n+ttl\r\n:3\r\n$1\r\nv\r\n'],
  ])('%j is one whole value', (value) => {
    const data = bytes(value);
    expect(frameEnd(data)).toBe(data.length);
    for (let cut = 0; cut < data.length; cut++) expect(frameEnd(data.subarray(0, cut))).toBe(-1);
  });

  it('splits several values and keeps an incomplete tail', () => {
    const { frames, rest } = splitFrames(bytes('+OK\r\n:1\r\n*2\r\n$1\r\na\r\n$1'));
    expect(frames.map(text)).toEqual(['+OK\r\n', ':1\r\n']);
    expect(text(rest)).toBe('*2\r\n$1\r\na\r\n$1');
  });

  it('handles deep nesting without recursion', () => {
    const depth = 100_000;
    const data = bytes('*1\r\n'.repeat(depth) + ':1\r\n');
    expect(frameEnd(data)).toBe(data.length);
  });

  it('throws on a byte that cannot start a RESP value', () => {
    expect(() => frameEnd(bytes('hello\r\n'))).toThrow(/not a RESP value/);
  });
});

describe('decodeResp', () => {
  it('decodes RESP2 and RESP3 types', () => {
    expect(decodeResp(bytes('+OK\r\n'))).toBe('OK');
    expect(decodeResp(bytes('-ERR bad\r\n'))).toEqual(new RespError('ERR bad'));
    expect(decodeResp(bytes(':42\r\n'))).toBe(42);
    expect(decodeResp(bytes('$-1\r\n'))).toBeNull();
    expect(decodeResp(bytes('_\r\n'))).toBeNull();
    expect(decodeResp(bytes(',1.5\r\n'))).toBe(1.5);
    expect(decodeResp(bytes(',inf\r\n'))).toBe(Infinity);
    expect(decodeResp(bytes('#f\r\n'))).toBe(false);
    expect(decodeResp(bytes('(12345678901234567890\r\n'))).toBe(12345678901234567890n);
    expect(decodeResp(bytes('=7\r\ntxt:abc\r\n'))).toBe('abc');
    expect(decodeResp(bytes('*2\r\n$1\r\na\r\n*-1\r\n'))).toEqual(['a', null]);
    expect(decodeResp(bytes('%1\r\n$1\r\nk\r\n:1\r\n'))).toEqual(new Map([['k', 1]]));
    expect(decodeResp(bytes('>2\r\n$1\r\na\r\n:1\r\n'))).toEqual(new RespPush(['a', 1]));
    expect(decodeResp(bytes('|1\r\n+a\r\n:1\r\n+v\r\n'))).toBe('v');
    expect(decodeAll(bytes(':1\r\n:2\r\n'))).toEqual([1, 2]);
  });

  it('names the kind of a push or pub/sub array', () => {
    expect(firstElementName(bytes('>3\r\n$7\r\nMessage\r\n$1\r\nc\r\n$1\r\nm\r\n'))).toBe('message');
    expect(firstElementName(bytes('*2\r\n+pong\r\n$0\r\n\r\n'))).toBe('pong');
    expect(firstElementName(bytes(':1\r\n'))).toBeNull();
    expect(firstElementName(bytes('*1\r\n:1\r\n'))).toBeNull();
  });
});
