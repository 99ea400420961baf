import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/course/problems';
import { sessionSummary } from '../../../../src/packs/redis/verify/run';
import { findRedisServer, missingServerHint } from '../../../../src/packs/redis/verify/server';
import { describeWithRedis } from '../../../support/redis';
import { binaryAt, verifyText as verifyLesson } from './verify-helpers';

const ROOT = resolve(import.meta.dirname, '../../../..');
const problemLines = (problem: Parameters<typeof formatProblem>[0]) => formatProblem(problem).split('\n');
const CLI = join(ROOT, 'scripts/verify-snippets.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

// File line numbers matter: the assertions below name them.
const FIXTURE = [
  '---', //                                                  1
  'title: Fixture', //                                       2
  '---', //                                                  3
  '', //                                                     4
  '```redis-cli', //                                         5  matches, with a TTL and a generated stream ID
  '127.0.0.1:6379> SET session:1 "alice" EX 100', //         6
  'OK', //                                                   7
  '127.0.0.1:6379> TTL session:1', //                        8
  '(integer) 100', //                                        9
  '127.0.0.1:6379> XADD events * type login', //            10
  '"1700000000000-0"', //                                   11
  '127.0.0.1:6379> XRANGE events - +', //                   12
  '1) 1) "1700000000000-0"', //                             13
  '   2) 1) "type"', //                                     14
  '      2) "login"', //                                    15
  '```', //                                                 16
  '', //                                                    17
  '```redis-cli continue', //                               18  keeps the data; mismatches on line 25
  '127.0.0.1:6379> GET session:1', //                       19
  '"alice"', //                                             20
  '127.0.0.1:6379> RPUSH letters a b c', //                 21
  '(integer) 3', //                                         22
  '127.0.0.1:6379> LRANGE letters 0 -1', //                 23
  '1) "a"', //                                              24
  '2) "x"', //                                              25
  '3) "c"', //                                              26
  '```', //                                                 27
  '', //                                                    28
  '```redis-cli skip="needs a three-node cluster"', //      29
  '127.0.0.1:6379> CLUSTER INFO', //                        30
  'cluster_state:ok', //                                    31
  '```', //                                                 32
  '', //                                                    33
  '```redis-cli', //                                        34  starts from an empty server again
  '127.0.0.1:6379> EXISTS session:1 letters', //            35
  '(integer) 0', //                                         36
  '```', //                                                 37
  '', //                                                    38
  '```java title="Broken.java"', //                         39
  'class Broken {', //                                      40
  '  void f() { int x = ; }', //                            41
  '}', //                                                   42
  '```', //                                                 43
  '',
].join('\n');

const PROBLEMS = [
  'lesson.mdx:25:1 error redis/reply `LRANGE letters 0 -1`: reply line 2 differs',
  '    expected:',
  '      1) "a"',
  '      2) "x"',
  '      3) "c"',
  '    actual:',
  '      1) "a"',
  '      2) "b"',
  '      3) "c"',
];
const JAVA_PROBLEM = "lesson.mdx:41:22 error java/parse The Java block that starts on line 39 does not parse as a class, class members or statements: unexpected ';'. Fix the code at this line.";

describeWithRedis('verify:snippets on a fixture lesson', (redis) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'verify-snippets-test-'));
    writeFileSync(join(dir, 'lesson.mdx'), FIXTURE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts blocks, commands, skips and failures and names each problem by line', async () => {
    const report = await verifyLesson('lesson.mdx', FIXTURE, { servers: binaryAt(redis.server.path) });
    expect(report).toMatchObject({ blocksRun: 3, commands: 8, mismatches: 1, invalid: 0 });
    expect(report.skipped).toEqual([{ line: 29, reason: 'needs a three-node cluster' }]);
    expect(report.problems.flatMap(problemLines)).toEqual(PROBLEMS);
    expect(sessionSummary(report)).toBe(`3 blocks ran on ${redis.server.version} (8 commands, 1 mismatch), 1 skipped (needs a three-node cluster)`);
  });

  it('skips a block that needs a newer Redis than the server', async () => {
    const text = '```redis-cli redis="99.0"\n127.0.0.1:6379> PING\nPONG\n```\n';
    const report = await verifyLesson('new.mdx', text, { servers: binaryAt(redis.server.path) });
    expect(report.skipped).toEqual([{ line: 1, reason: `needs Redis 99.0, available: ${redis.server.version}; set REDIS_SERVERS=7.2=/path/to/redis-server,7.4=/path/to/other/redis-server` }]);
    expect(report.blocksRun).toBe(0);
  });

  it.each([
    ['a block without prompts', '```redis-cli\nPONG\n```\n', 'x.mdx:1:1 error redis/session no `127.0.0.1:6379>` prompt lines: write the session as redis-cli prints it, or mark the block skip="why it cannot run"'],
    ['an unbalanced quote', '```redis-cli\n127.0.0.1:6379> SET k "v\nOK\n```\n', 'x.mdx:2:1 error redis/session redis-cli would answer "Invalid argument(s)": unbalanced double quote in `SET k "v`; close it or escape it as \\"'],
    ['a skip without a reason', '```redis-cli skip\n127.0.0.1:6379> PING\nPONG\n```\n', 'x.mdx:1:1 error redis/session skip needs a reason, e.g. skip="needs a three-node cluster"'],
    ['an invalid vary pattern', '```redis-cli vary="(\\d+"\n127.0.0.1:6379> PING\nPONG\n```\n', 'x.mdx:1:1 error redis/session vary="(\\d+" is not a valid regular expression: Invalid regular expression: /(\\d+/g: Unterminated group'],
    ['a command that streams until Ctrl-C', '```redis-cli\n127.0.0.1:6379> SYNC\n```\n', 'x.mdx:2:1 error redis/command `SYNC` makes redis-cli print the replication stream until Ctrl-C, so the session cannot be checked; mark the block skip="…"'],
    ['a command typed in a subscribed client', '```redis-cli\n127.0.0.1:6379> SUBSCRIBE news\n1) "subscribe"\n2) "news"\n3) (integer) 1\n127.0.0.1:6379> GET k\n(nil)\n```\n', 'x.mdx:6:1 error redis/command `GET k` is typed in a client that is in subscribed mode, where redis-cli only prints messages; type it in another client (# client B)'],
  ])('reports %s as an error', async (_name, text, line) => {
    const report = await verifyLesson('x.mdx', text, { servers: binaryAt(redis.server.path) });
    expect(report.problems.map((problem) => problemLines(problem)[0])).toEqual([line]);
  });

  it('fails a blocking command that gets no reply in time, with a hint', async () => {
    const text = '```redis-cli\n127.0.0.1:6379> BLPOP queue 0\n(nil)\n```\n';
    const report = await verifyLesson('x.mdx', text, { servers: binaryAt(redis.server.path), commandTimeoutMs: 300 });
    expect(report.problems.map((p) => problemLines(p)[0])[0]).toBe(
      'x.mdx:2:1 error redis/command `BLPOP queue 0`: no reply to BLPOP within 0.3 s; a blocking command waits for another client: give it a timeout under 0.3 s, or show the client that unblocks it (# client B)',
    );
  });

  it('starts the block in the database its prompt shows', async () => {
    const text = '```redis-cli\n127.0.0.1:6379> SELECT 2\nOK\n127.0.0.1:6379[2]> SET k v\nOK\n```\n\n```redis-cli continue\n127.0.0.1:6379[2]> GET k\n"v"\n```\n';
    const report = await verifyLesson('x.mdx', text, { servers: binaryAt(redis.server.path) });
    expect(report.problems).toEqual([]);
  });

  it('reads RESP3 replies after HELLO 3', async () => {
    const text = '```redis-cli vary="\\d+\\.\\d+\\.\\d+|\\(integer\\) \\d+"\n127.0.0.1:6379> HELLO 3\n1# "server" => "redis"\n2# "version" => "7.2.4"\n3# "proto" => (integer) 3\n4# "id" => (integer) 7\n5# "mode" => "standalone"\n6# "role" => "master"\n7# "modules" => (empty array)\n127.0.0.1:6379> HSET h f v\n(integer) 1\n127.0.0.1:6379> HGETALL h\n1# "f" => "v"\n```\n';
    const report = await verifyLesson('x.mdx', text, { servers: binaryAt(redis.server.path) });
    expect(report.problems).toEqual([]);
  });

  it('prints the lesson line, the problems and the totals, and exits 1', () => {
    const run = spawnSync(TSX, [CLI, 'lesson.mdx'], { cwd: dir, encoding: 'utf8', env: { ...process.env, REDIS_SERVER: redis.server.path, REDIS_SERVERS: '' } });
    const version = redis.server.version;
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `Redis servers: ${version} (${redis.server.path})`,
      `lesson.mdx: 3 blocks ran on ${version} (8 commands, 1 mismatch), 1 skipped (needs a three-node cluster); 1 Java block, 1 does not parse`,
      '',
      ...PROBLEMS,
      JAVA_PROBLEM,
      `redis-cli on ${version}: 3 blocks, 8 commands in 1 lesson`,
      'redis-cli: 3 of 4 blocks ran (75.0 %), 8 commands, 1 skipped, 1 mismatch',
      'Java: 1 block checked, 1 failed to parse',
      'Total: 1 lesson; 2 problems',
    ]);
    expect(run.status).toBe(1);
  });

  it('stops every server it started and removes their folders when interrupted', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'verify-snippets-interrupt-'));
    writeFileSync(join(temp, 'wait.mdx'), '```redis-cli topology="replica"\n127.0.0.1:6379> BLPOP never 0\n(nil)\n```\n');
    // Servers change their process titles, but each runs in its folder under the run's TMPDIR.
    const servers = () =>
      readdirSync('/proc').filter((pid) => {
        try {
          return /^\d+$/.test(pid) && readlinkSync(`/proc/${pid}/cwd`).startsWith(temp);
        } catch {
          return false;
        }
      });
    const run = spawn(TSX, [CLI, 'wait.mdx'], { cwd: temp, env: { ...process.env, REDIS_SERVER: redis.server.path, REDIS_SERVERS: '', TMPDIR: temp } });
    const exited = new Promise<number | null>((done) => run.once('exit', (code) => done(code)));
    try {
      while (servers().length < 2) await new Promise((wait) => setTimeout(wait, 100));
      run.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(servers()).toEqual([]);
      expect(readdirSync(temp).filter((name) => name.startsWith('verify-snippets-redis-'))).toEqual([]);
    } finally {
      run.kill('SIGKILL');
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('verify:snippets without redis-server', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'verify-snippets-test-'));
    writeFileSync(join(dir, 'ok.mdx'), '```redis-cli\n127.0.0.1:6379> PING\nPONG\n```\n\n```java\nint x = 1;\n```\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (ci: string) =>
    spawnSync(TSX, [CLI, 'ok.mdx'], { cwd: dir, encoding: 'utf8', env: { ...process.env, REDIS_SERVER: join(dir, 'no-redis-server'), REDIS_SERVERS: '', CI: ci } });

  it('says how to fix it, checks Java and exits 0', () => {
    const result = run('false');
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      `REDIS_SERVER=${join(dir, 'no-redis-server')} is not an executable redis-server: fix the path, or unset it and install redis-server (\`apt-get install redis-server\`); redis-cli blocks are checked for form only`,
      'ok.mdx: 1 block not run (no redis-server); 1 Java block parses',
    ]);
    expect(result.status).toBe(0);
  });

  it('fails when CI=true', () => {
    const result = run('true');
    expect(result.stdout).toMatch(/^error: REDIS_SERVER=.* is not an executable redis-server.*\(CI=true, so redis-cli blocks must run\)$/m);
    expect(result.status).toBe(1);
  });
});

describe('finding redis-server', () => {
  it('tells how to install it when nothing is configured', () => {
    expect(missingServerHint({ redisServer: undefined })).toBe(
      'redis-server not found: install it (`apt-get install redis-server`, or `brew install redis`) or set REDIS_SERVER=/path/to/redis-server',
    );
  });

  it('prefers REDIS_SERVER and does not fall back when it points nowhere', () => {
    expect(findRedisServer({ redisServer: '/nonexistent/redis-server', path: '/usr/bin' })).toBeUndefined();
  });

  it('looks on PATH when REDIS_SERVER is not set', () => {
    const bin = mkdtempSync(join(tmpdir(), 'verify-snippets-bin-'));
    writeFileSync(join(bin, 'redis-server'), '#!/bin/sh\n', { mode: 0o755 });
    try {
      expect(findRedisServer({ redisServer: undefined, path: `/nonexistent${delimiter}${bin}` })).toBe(join(bin, 'redis-server'));
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
