import { expect, it } from 'vitest';
import type { RunOptions } from '../../../../src/packs/redis/verify/run';
import { describeWithRedis } from '../../../support/redis';
import { binaryAt, fence, problemLines as lines, verifyText, watchRace } from './verify-helpers';

const SLOW = 60_000;

describeWithRedis('sessions with several clients', (redis) => {
  const run = (text: string, options: Partial<RunOptions> = {}) => verifyText('x.mdx', text, { servers: binaryAt(redis.server.path), ...options });

  const race = (shownExec: string) => fence('', ...watchRace(shownExec));

  it('interleaves the clients in the order the lines show them', async () => {
    expect(lines(await run(race('(nil)')))).toEqual([]);
    // Had B's write come after EXEC, the transaction would have run.
    expect(lines(await run(race('1) (integer) 0')))).toEqual(['x.mdx:18:1 error redis/reply `EXEC`: reply line 1 differs', '    expected: 1) (integer) 0', '    actual:   (nil)']);
  });

  it(
    'runs terminals shown as separate continue blocks as one session, messages after the publish',
    async () => {
      const text = [
        fence('title="Terminal 1" client="1"', '127.0.0.1:6379> SUBSCRIBE news', '1) "subscribe"', '2) "news"', '3) (integer) 1', '1) "message"', '2) "news"', '3) "hello"'),
        fence('title="Terminal 2" client="2" continue', '127.0.0.1:6379> PSUBSCRIBE n*', '1) "psubscribe"', '2) "n*"', '3) (integer) 1', '1) "pmessage"', '2) "n*"', '3) "news"', '4) "hello"'),
        fence('title="Terminal 3" client="3" continue', '127.0.0.1:6379> PUBLISH news hello', '(integer) 2'),
      ].join('\n');
      const report = await run(text);
      expect(lines(report)).toEqual([]);
      expect(report.blocksRun).toBe(3);
    },
    SLOW,
  );

  it(
    'compares as many messages as the lesson shows, and says so when fewer arrive',
    async () => {
      const text = [
        fence('client="1" vary="^\\d+\\.\\d+ \\[0 [\\d.:]+\\]"', '127.0.0.1:6379> MONITOR', 'OK', '1700000000.000001 [0 127.0.0.1:50000] "SET" "a" "1"'),
        fence('client="2" continue', '127.0.0.1:6379> SET a 1', 'OK', '127.0.0.1:6379> SET b 2', 'OK'),
        fence('client="1"', '127.0.0.1:6379> SUBSCRIBE quiet', '1) "subscribe"', '2) "quiet"', '3) (integer) 1', '1) "message"', '2) "quiet"', '3) "never sent"'),
      ].join('\n');
      expect(lines(await run(text, { commandTimeoutMs: 500 }))).toEqual([
        'x.mdx:15:1 error redis/reply `SUBSCRIBE quiet`: 1 of the 2 messages shown arrived within 0.5 s; show what arrives, or the client that sends the rest',
        '    expected:',
        '      1) "subscribe"',
        '      2) "quiet"',
        '      3) (integer) 1',
        '      1) "message"',
        '      2) "quiet"',
        '      3) "never sent"',
        '    actual:',
        '      1) "subscribe"',
        '      2) "quiet"',
        '      3) (integer) 1',
      ]);
    },
    SLOW,
  );

  it(
    'lets another client serve a blocking command, the reply shown where the blocked terminal prints it',
    async () => {
      const text = [
        fence('title="Terminal 1" client="1"', '127.0.0.1:6379> XREAD BLOCK 0 STREAMS s $', '1) 1) "s"', '   2) 1) 1) "1700000000000-0"', '         2) 1) "f"', '            2) "v"'),
        fence('title="Terminal 2" client="2" continue', '127.0.0.1:6379> XADD s * f v', '"1700000000000-0"'),
      ].join('\n');
      expect(lines(await run(text))).toEqual([]);
    },
    SLOW,
  );

  it(
    'puts the real id where a later command names the id CLIENT ID showed',
    async () => {
      const text = [
        fence('client="1"', '127.0.0.1:6379> CLIENT ID', '(integer) 42', '127.0.0.1:6379> BLPOP jobs 0', '(error) UNBLOCKED client unblocked via CLIENT UNBLOCK'),
        fence('client="2" continue', '127.0.0.1:6379> CLIENT UNBLOCK 42 ERROR', '(integer) 1'),
      ].join('\n');
      expect(lines(await run(text))).toEqual([]);
    },
    SLOW,
  );

  it(
    'answers another client BUSY while a script runs past the threshold, until SCRIPT KILL',
    async () => {
      const text = [
        fence('client="1" vary="(?<=^\\(error\\) ERR ).*$"', '127.0.0.1:6379> EVAL "while true do end" 0', '(error) ERR Script killed by user with SCRIPT KILL'),
        fence('client="2" continue', '127.0.0.1:6379> GET k', '(error) BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.', '127.0.0.1:6379> SCRIPT KILL', 'OK'),
      ].join('\n');
      expect(lines(await run(text))).toEqual([]);
    },
    SLOW,
  );

  it(
    'waits out a CLIENT PAUSE stall, ignoring the timing line redis-cli prints, then replaces the paused server',
    async () => {
      const text = [
        fence('', '127.0.0.1:6379> SET product:42 cached', 'OK', '127.0.0.1:6379> CLIENT PAUSE 1000', 'OK', '127.0.0.1:6379> GET product:42', '"cached"', '(1.00s)'),
        fence('', '127.0.0.1:6379> CLIENT PAUSE 100000', 'OK'),
        fence('', '127.0.0.1:6379> GET product:42', '(nil)'),
      ].join('\n');
      expect(lines(await run(text))).toEqual([]);
    },
    SLOW,
  );
});
