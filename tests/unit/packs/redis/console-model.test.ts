import { describe, expect, it } from 'vitest';
import { CommandHistory, FRESH_PROMPT, nextPrompt, promptText, READING_MESSAGES, readLine, replyLines, repliesIn, subscriptionsAfter, type PromptState } from '../../../../src/packs/redis/console-model';
import type { Reply } from '../../../../src/packs/redis/resp';

const bytes = (text: string) => new TextEncoder().encode(text);
const ok: Reply = { kind: 'status', text: 'OK' };
const error: Reply = { kind: 'error', text: 'ERR nope' };

describe('a line typed into the console', () => {
  it.each<[string, string, unknown]>([
    ['a command, split as redis-cli splits it', 'SET k "hello world"', { kind: 'command', words: ['SET', 'k', 'hello world'] }],
    ['a blank line', '   ', { kind: 'empty' }],
    ['an unbalanced quote', 'SET k "oops', { kind: 'invalid', hint: expect.stringContaining('unbalanced double quote') }],
    ['CLEAR, in any case', 'clear', { kind: 'clear' }],
    ['HELP, answered by the console as redis-cli answers it itself', 'help set', { kind: 'local', lines: [expect.stringContaining('type a Redis command')] }],
    ['QUIT', 'QUIT', { kind: 'local', lines: [expect.stringContaining('press Reset')] }],
  ])('%s', (_name, line, expected) => {
    expect(readLine(line)).toMatchObject(expected as object);
  });
});

describe('the prompt', () => {
  const after = (steps: [string, Reply][]) =>
    steps.reduce<PromptState>((state, [line, reply]) => nextPrompt(state, line.split(' '), reply), FRESH_PROMPT);

  it.each<[string, [string, Reply][], string]>([
    ['starts in database 0', [], '127.0.0.1:6379>'],
    ['shows the selected database', [['SELECT 2', ok]], '127.0.0.1:6379[2]>'],
    ['stays when SELECT fails', [['SELECT 99', error]], '127.0.0.1:6379>'],
    ['shows (TX) inside MULTI', [['MULTI', ok]], '127.0.0.1:6379(TX)>'],
    ['keeps a SELECT queued in MULTI after EXEC', [['MULTI', ok], ['SELECT 3', { kind: 'status', text: 'QUEUED' }], ['EXEC', { kind: 'array', items: [ok] }]], '127.0.0.1:6379[3]>'],
    ['goes back to the database of MULTI after a failed EXEC', [['MULTI', ok], ['SELECT 3', { kind: 'status', text: 'QUEUED' }], ['EXEC', { kind: 'array', items: null }]], '127.0.0.1:6379>'],
    ['goes back after DISCARD', [['SELECT 1', ok], ['MULTI', ok], ['SELECT 4', { kind: 'status', text: 'QUEUED' }], ['DISCARD', ok]], '127.0.0.1:6379[1]>'],
    ['starts over after RESET', [['SELECT 5', ok], ['MULTI', ok], ['RESET', { kind: 'status', text: 'RESET' }]], '127.0.0.1:6379>'],
  ])('%s', (_name, steps, prompt) => {
    expect(promptText(after(steps))).toBe(prompt);
  });
});

describe('subscriptions', () => {
  const confirmations = repliesIn(bytes('*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$6\r\nalerts\r\n:2\r\n'));

  it('reads every confirmation of a SUBSCRIBE to several channels', () => {
    expect(confirmations).toHaveLength(2);
    expect(subscriptionsAfter(0, confirmations)).toBe(2);
  });

  it('counts down to zero with UNSUBSCRIBE and ignores other replies', () => {
    expect(subscriptionsAfter(2, repliesIn(bytes('*3\r\n$11\r\nunsubscribe\r\n$4\r\nnews\r\n:0\r\n')))).toBe(0);
    expect(subscriptionsAfter(2, [ok])).toBe(2);
  });

  it('prints what redis-cli prints when reading messages starts, then the confirmations', () => {
    expect(replyLines(['SUBSCRIBE', 'news', 'alerts'], confirmations)).toEqual([READING_MESSAGES, '1) "subscribe"', '2) "news"', '3) (integer) 1', '1) "subscribe"', '2) "alerts"', '3) (integer) 2']);
    expect(replyLines(['PUBLISH', 'news', 'hi'], [{ kind: 'integer', value: 1n }])).toEqual(['(integer) 1']);
  });
});

describe('the history', () => {
  it('goes back with ↑ and forward with ↓, keeping the line being typed', () => {
    const history = new CommandHistory();
    history.add('SET a 1');
    history.add('GET a');
    expect(history.up('GET b')).toBe('GET a');
    expect(history.up('GET a')).toBe('SET a 1');
    expect(history.up('SET a 1')).toBe('SET a 1');
    expect(history.down('SET a 1')).toBe('GET a');
    expect(history.down('GET a')).toBe('GET b');
    expect(history.down('GET b')).toBe('GET b');
  });

  it('keeps no blank lines, no repeats in a row, and at most its limit', () => {
    const history = new CommandHistory(2);
    for (const line of ['PING', 'PING', '  ', 'DBSIZE', 'TIME']) history.add(line);
    expect(history.up('')).toBe('TIME');
    expect(history.up('TIME')).toBe('DBSIZE');
    expect(history.up('DBSIZE')).toBe('DBSIZE');
  });
});
