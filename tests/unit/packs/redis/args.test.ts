import { describe, expect, it } from 'vitest';
import { ArgsError, splitArgs, splitArgsText } from '../../../../src/packs/redis/args';

describe('splitting a redis-cli command line', () => {
  it.each([
    ['splits plain words on spaces', 'SET  key   value', ['SET', 'key', 'value']],
    ['ignores leading and trailing blanks', '  PING\t', ['PING']],
    ['returns nothing for a blank line', '   ', []],
    ['keeps spaces inside double quotes', 'SET k "hello world"', ['SET', 'k', 'hello world']],
    ['keeps spaces inside single quotes', "SET k 'hello world'", ['SET', 'k', 'hello world']],
    ['reads an empty double-quoted argument', 'SET k ""', ['SET', 'k', '']],
    ['reads an empty single-quoted argument', "SET k ''", ['SET', 'k', '']],
    ['turns \\n, \\r, \\t, \\a and \\b into control characters', 'ECHO "a\\nb\\rc\\td\\ae\\bf"', ['ECHO', 'a\nb\rc\td\u0007e\u0008f']],
    ['unescapes \\" and \\\\ inside double quotes', 'ECHO "say \\"hi\\" \\\\ bye"', ['ECHO', 'say "hi" \\ bye']],
    ['takes any other escaped character literally', 'ECHO "\\q\\x"', ['ECHO', 'qx']],
    ['reads \\xHH as a byte', 'ECHO "\\x41\\x42"', ['ECHO', 'AB']],
    ['treats \\x without two hex digits as a plain x', 'ECHO "\\xzz"', ['ECHO', 'xzz']],
    ['only unescapes \\\' inside single quotes', "ECHO 'it\\'s \\n'", ['ECHO', "it's \\n"]],
    ['joins a quoted part to the word before it', 'SET k a"b c"', ['SET', 'k', 'ab c']],
    ['keeps UTF-8 text as is', 'SET city "Zürich 🚲"', ['SET', 'city', 'Zürich 🚲']],
    ['keeps a JSON document in single quotes', `SET p '{"id":1,"name":"x"}'`, ['SET', 'p', '{"id":1,"name":"x"}']],
  ])('%s', (_name, line, expected) => {
    expect(splitArgsText(line)).toEqual(expected);
  });

  it('keeps a 10 MB argument whole, quoted or not', () => {
    const value = 'x'.repeat(10 * 1024 * 1024);
    expect(splitArgs(`SET big ${value}`)[2]?.length).toBe(value.length);
    expect(splitArgs(`SET big "${value}\\n"`)[2]?.length).toBe(value.length + 1);
  });

  it('keeps bytes that are not UTF-8', () => {
    expect(splitArgs('SET k "\\xff\\x00"')[2]).toEqual(Uint8Array.from([0xff, 0x00]));
  });

  it.each([
    ['rejects an unbalanced double quote', 'SET k "abc', /line 12: unbalanced double quote/],
    ['rejects an unbalanced single quote', "SET k 'abc", /line 12: unbalanced single quote/],
    ['rejects a closing quote followed by more text', 'SET k "a"b', /line 12: closing " .* must be followed by a space/],
    ['rejects a trailing backslash inside quotes', 'SET k "abc\\', /line 12: unbalanced double quote/],
  ])('%s, naming the line', (_name, line, message) => {
    expect(() => splitArgs(line, 12)).toThrow(ArgsError);
    expect(() => splitArgs(line, 12)).toThrow(message);
  });
});
