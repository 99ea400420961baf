import { describe, expect, it } from 'vitest';
import { parseLessonSource } from '../../../../src/course/lesson-source';
import { toSessionBlock } from '../../../../src/packs/redis/session';

const fencesOf = (text: string) => parseLessonSource('lesson.mdx', text).fences;
const extractSnippets = (text: string) => {
  const fences = fencesOf(text);
  return {
    sessions: fences.filter((f) => f.lang === 'redis-cli').map(toSessionBlock),
    java: fences.filter((f) => f.lang === 'java').map((f) => ({ fenceLine: f.line, code: f.value })),
  };
};

const lesson = [
  '---', //                                          1
  'title: Demo', //                                  2
  'answer: |', //                                    3
  '  ```redis-cli', //                               4  inside frontmatter: not lesson code
  '  127.0.0.1:6379> PING', //                       5
  '  ```', //                                        6
  '---', //                                          7
  '', //                                             8
  '```redis-cli continue vary="\\d+ bytes"', //      9
  '127.0.0.1:6379> SET greeting "hello world"', //  10
  'OK', //                                          11
  '127.0.0.1:6379> LRANGE list 0 -1', //            12
  '1) "a"', //                                      13
  '2) "b"', //                                      14
  '', //                                            15  trailing blank lines are not part of the reply
  '```', //                                         16
  '', //                                            17
  '````markdown', //                                18  a fence shown inside another fence is content
  '```redis-cli', //                                19
  '127.0.0.1:6379> GET nope', //                    20
  '```', //                                         21
  '````', //                                        22
  '', //                                            23
  '~~~java title="App.java"', //                    24
  'class App {}', //                                25
  '~~~', //                                         26
  '<Tab label="redis-cli">', //                     27
  '    ```redis-cli skip="needs a cluster"', //     28  indented inside JSX
  '    127.0.0.1:6379[1]> DBSIZE', //               29
  '    (integer) 0', //                             30
  '    ```', //                                     31
  '</Tab>', //                                      32
].join('\n');

describe('reading the sessions of a lesson from its one parse', () => {
  const { sessions, java } = extractSnippets(lesson);

  it('finds only top-level redis-cli fences outside the frontmatter', () => {
    expect(sessions.map((block) => block.fenceLine)).toEqual([9, 28]);
  });

  it('reads each command with its file line and reply lines', () => {
    expect(sessions[0]?.steps).toEqual([
      { prompt: '127.0.0.1:6379>', command: 'SET greeting "hello world"', line: 10, expected: ['OK'] },
      { prompt: '127.0.0.1:6379>', command: 'LRANGE list 0 -1', line: 12, expected: ['1) "a"', '2) "b"'] },
    ]);
  });

  it('reads the fence meta with parseCodeMeta', () => {
    const attributes = sessions[0]?.meta.attributes;
    expect(attributes?.get('continue')).toBe(true);
    expect(attributes?.get('vary')).toBe('\\d+ bytes');
    expect(sessions[1]?.meta.attributes.get('skip')).toBe('needs a cluster');
  });

  it('removes the fence indentation and keeps a prompt with a database number', () => {
    expect(sessions[1]?.steps).toEqual([{ prompt: '127.0.0.1:6379[1]>', command: 'DBSIZE', line: 29, expected: ['(integer) 0'] }]);
  });

  it('finds java blocks in ~~~ fences with their fence line', () => {
    expect(java).toEqual([{ fenceLine: 24, code: 'class App {}' }]);
  });

  it('gives the same lines for CRLF input', () => {
    const crlf = extractSnippets(lesson.replaceAll('\n', '\r\n'));
    expect(crlf.sessions).toEqual(sessions);
    expect(crlf.java).toEqual(java);
  });

  it.each([
    ['keeps text before the first prompt as stray lines', '```redis-cli\nredis-cli -p 6379\n127.0.0.1:6379> PING\nPONG\n```', [{ line: 2, text: 'redis-cli -p 6379' }], 1],
    ['returns no steps for a block without prompts', '```redis-cli\nPONG\n```', [{ line: 2, text: 'PONG' }], 0],
    ['runs an unclosed fence to the end of the file', 'text\n```redis-cli\n127.0.0.1:6379> PING\nPONG', [], 1],
  ])('%s', (_name, text, stray, steps) => {
    const [block] = extractSnippets(text).sessions;
    expect(block?.strayLines).toEqual(stray);
    expect(block?.steps.length).toBe(steps);
  });

  it('gives each command the client of the # client or # terminal line above it', () => {
    const [block] = extractSnippets('```redis-cli\n127.0.0.1:6379> PING\nPONG\n# client B, meanwhile\n127.0.0.1:6379> GET k\n(nil)\n# Terminal 2\n127.0.0.1:6379> PING\nPONG\n```').sessions;
    expect(block?.steps.map((step) => [step.command, step.client, step.expected])).toEqual([
      ['PING', undefined, ['PONG']],
      ['GET k', 'B', ['(nil)']],
      ['PING', '2', ['PONG']],
    ]);
  });

  it('keeps INFO section headers such as # Clients as reply lines', () => {
    const [block] = extractSnippets('```redis-cli\n127.0.0.1:6379> INFO clients\n# Clients\nconnected_clients:1\n```').sessions;
    expect(block?.steps[0]?.expected).toEqual(['# Clients', 'connected_clients:1']);
  });

  it('does not treat ```inline``` code as a fence', () => {
    expect(fencesOf('use ```redis-cli``` here\n\n```java\nint x;\n```')).toHaveLength(1);
  });

  it('needs a closing fence at least as long as the opening one', () => {
    const [fence] = fencesOf('````redis-cli\n127.0.0.1:6379> PING\n```\nPONG\n````');
    expect(fence?.value.split('\n')).toEqual(['127.0.0.1:6379> PING', '```', 'PONG']);
  });

  it('keeps a vary pattern as written, backslashes and all', () => {
    expect(fencesOf('```redis-cli vary="\\(integer\\) \\d+"\n127.0.0.1:6379> PING\nPONG\n```')[0]?.meta).toBe('vary="\\(integer\\) \\d+"');
  });
});
