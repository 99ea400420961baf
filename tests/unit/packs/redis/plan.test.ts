import { describe, expect, it } from 'vitest';
import { parseLessonSource } from '../../../../src/course/lesson-source';
import { changesServer, compareVersions, firstReplies, messagesShown, observes, parseDirectives, planLesson, renameNodes, stepKind, TOPOLOGY_NODES } from '../../../../src/packs/redis/plan';

const plans = (body: string, frontmatter: Record<string, unknown> = {}) => planLesson(parseLessonSource('x.mdx', body).fences, frontmatter);
const one = (meta: string, session = '127.0.0.1:6379> PING\nPONG', frontmatter: Record<string, unknown> = {}) => {
  const [plan] = plans(`\`\`\`redis-cli ${meta}\n${session}\n\`\`\`\n`, frontmatter);
  if (!plan) throw new Error('no plan');
  return plan;
};
const problems = (meta: string, session?: string) => one(meta, session).problems.map((problem) => `${problem.line}: ${problem.message}`);

describe('planning a block from its fence and the lesson', () => {
  it.each([
    ['no version when neither the lesson nor the block names one', '', {}, undefined],
    ["the lesson's redisVersion", '', { redisVersion: '7.2' }, '7.2'],
    ['a block that asks for more than the lesson', 'redis="7.4"', { redisVersion: '7.2' }, '7.4'],
    ['the lesson when the block asks for less', 'redis="7.0"', { redisVersion: '7.2' }, '7.2'],
  ])('needs %s', (_name, meta, frontmatter, version) => {
    expect(one(meta, undefined, frontmatter).environment.version).toBe(version);
  });

  it.each([
    ['a plain block: the lesson’s shared server', '', { topology: 'standalone', directives: undefined, down: [], attached: true }],
    ['server="…": a server of its own with these directives', 'server="requirepass s3cret; maxmemory 4gb"', { topology: 'standalone', directives: ['requirepass s3cret', 'maxmemory 4gb'] }],
    ['a bare server: a fresh server with default settings', 'server', { topology: 'standalone', directives: [] }],
    ['topology="cluster": six nodes', 'topology="cluster"', { topology: 'cluster' }],
    ['down="primary": a node stopped first', 'topology="replica" down="primary"', { topology: 'replica', down: ['primary'] }],
  ])('runs %s', (_name, meta, environment) => {
    expect(one(meta, '127.0.0.1:6379> PING\nPONG').environment).toMatchObject(environment);
  });

  it('reads which client types each line: a # client line, else the fence’s client, else the one terminal', () => {
    const plan = one('client="main"', '127.0.0.1:6379> GET a\n(nil)\n# client B, meanwhile\n127.0.0.1:6379> SET a 1\nOK\n# terminal 3\n127.0.0.1:6379> GET a\n"1"');
    expect(plan.steps.map((step) => [step.command, step.client])).toEqual([
      ['GET a', 'main'],
      ['SET a 1', 'B'],
      ['GET a', '3'],
    ]);
    expect(plan.clients).toEqual(['main', 'B', '3']);
    expect(one('').clients).toEqual(['']);
  });

  it('sends each line of a topology to the node its prompt shows, in the database it shows', () => {
    const plan = one('topology="sentinel"', '127.0.0.1:26380> SENTINEL MASTERS\n...\n127.0.0.1:6381[2]> DBSIZE\n(integer) 0');
    expect(plan.steps.map((step) => [step.node, step.db])).toEqual([
      ['sentinel2', 0],
      ['replica2', 2],
    ]);
  });

  it('lets nodes="…" show the nodes at the lesson’s addresses', () => {
    const plan = one('topology="replica" nodes="primary=10.0.0.11:6379 replica=127.0.0.1:6379"', '127.0.0.1:6379> ROLE\n...');
    expect(plan.environment.nodes.map((spec) => `${spec.name}=${spec.host}:${spec.port}`)).toEqual(['primary=10.0.0.11:6379', 'replica=127.0.0.1:6379']);
    expect(plan.steps[0]?.node).toBe('replica');
  });

  it('starts the replica on its own when the session attaches it with REPLICAOF', () => {
    expect(one('topology="replica"', '127.0.0.1:6380> ROLE\n...').environment.attached).toBe(true);
    expect(one('topology="replica"', '127.0.0.1:6380> REPLICAOF 127.0.0.1 6379\nOK').environment.attached).toBe(false);
    expect(one('topology="replica"', '127.0.0.1:6380> REPLICAOF NO ONE\nOK').environment.attached).toBe(true);
  });

  it('classifies commands: listeners, blocking commands, status reads retried by eventually', () => {
    const plan = one('eventually', '127.0.0.1:6379> SUBSCRIBE news\n...\n127.0.0.1:6379> XREAD BLOCK 0 STREAMS s $\n...\n127.0.0.1:6379> INFO replication\n...\n127.0.0.1:6379> INCR n\n(integer) 1');
    expect(plan.steps.map((step) => [step.kind, step.retries])).toEqual([
      ['listen', false],
      ['block', false],
      ['once', true],
      ['once', false],
    ]);
    expect(plan.eventuallyMs).toBe(10_000);
    expect(one('eventually="2.5s"').eventuallyMs).toBe(2500);
    expect(one('').steps[0]?.retries).toBe(false);
  });

  it('marks a block that leaves the server changed', () => {
    expect(one('', '127.0.0.1:6379> CONFIG SET maxmemory 1mb\nOK').changesServer).toBe(true);
    expect(one('', '127.0.0.1:6379> CONFIG GET maxmemory\n...').changesServer).toBe(false);
  });

  it('compiles vary with the g flag and keeps skip reasons', () => {
    expect(one('vary="\\d+ bytes"').vary?.flags).toBe('g');
    expect(one('skip="needs a datacenter"').skip).toBe('needs a datacenter');
  });
});

describe('continue chains', () => {
  const lesson = [
    '```redis-cli topology="replica"', //        1
    '127.0.0.1:6379> SET a 1', //                 2
    'OK', //                                      3
    '```', //                                     4
    '```redis-cli skip="not today"', //           5
    '127.0.0.1:6379> PING', //                    6
    '```', //                                     7
    '```redis-cli continue redis="7.4"', //       8
    '127.0.0.1:6380> GET a', //                   9
    '"1"', //                                    10
    '```', //                                    11
    '```redis-cli', //                           12
    '127.0.0.1:6379> GET a', //                  13
    '(nil)', //                                  14
    '```', //                                    15
  ].join('\n');

  it('share the first block’s servers across a skipped block, and a later redis="…" raises the whole chain', () => {
    const [first, skipped, second, third] = plans(lesson, { redisVersion: '7.2' });
    expect([first?.chain, skipped?.skip, second?.chain, second?.continue, third?.chain]).toEqual([1, 'not today', 1, true, 12]);
    expect(second?.environment).toBe(first?.environment);
    expect(first?.environment.version).toBe('7.4');
    expect(second?.steps[0]?.node).toBe('replica');
  });

  it('refuse servers of their own', () => {
    const [, second] = plans('```redis-cli\n127.0.0.1:6379> PING\nPONG\n```\n```redis-cli continue server="maxmemory 1mb"\n127.0.0.1:6379> PING\nPONG\n```\n');
    expect(second?.problems.map((problem) => problem.message)).toEqual([
      'server="…" on a continue block: it runs on the servers of the block it continues (line 1); move server there or remove continue',
    ]);
  });
});

describe('mistakes in a block’s meta or transcript', () => {
  it.each([
    ['a skip without a reason', 'skip', undefined, ['1: skip needs a reason, e.g. skip="needs a three-node cluster"']],
    ['a version that is not one', 'redis="7.x"', undefined, ['1: redis="7.x" is not a version; write it like redis="7.4"']],
    ['an invalid vary pattern', 'vary="(\\d+"', undefined, ['1: vary="(\\d+" is not a valid regular expression: Invalid regular expression: /(\\d+/g: Unterminated group']],
    ['an unknown topology', 'topology="mesh"', undefined, ['1: topology="mesh" is not one the verifier can start; use topology="replica", "sentinel" or "cluster"']],
    ['a directive the verifier owns', 'server="port 7000"', undefined, ['1: server="port 7000": the verifier sets port itself; remove "port 7000"']],
    ['a replica made by a directive', 'server="replicaof 10.0.0.1 6379"', undefined, ['1: server="replicaof 10.0.0.1 6379": the verifier sets replicaof itself; remove "replicaof 10.0.0.1 6379" and use topology="replica"']],
    ['nodes outside a topology', 'nodes="primary=10.0.0.1:6379"', undefined, ['1: nodes="…" names the nodes of a topology; add topology="replica", "sentinel" or "cluster", or remove it']],
    ['a node the topology does not have', 'topology="replica" nodes="leader=10.0.0.1:6379"', '127.0.0.1:6379> PING\nPONG', ['1: nodes="leader=10.0.0.1:6379": topology="replica" has no node "leader"; its nodes are primary, replica']],
    ['two nodes at one address', 'topology="replica" nodes="replica=127.0.0.1:6379"', '127.0.0.1:6379> PING\nPONG', ['1: nodes="replica=127.0.0.1:6379": primary and replica are both at 127.0.0.1:6379; give each node its own address']],
    ['a prompt no node answers', 'topology="replica"', '127.0.0.1:7000> PING\nPONG', ['2: prompt 127.0.0.1:7000> addresses no node of topology="replica" (primary=127.0.0.1:6379, replica=127.0.0.1:6380); use one of those ports or rename a node with nodes="name=host:port"']],
    ['stopping a node outside a topology', 'down="primary"', undefined, ['1: down="…" stops nodes of a topology; add topology="replica", "sentinel" or "cluster", or remove it']],
    ['stopping a node that does not exist', 'topology="replica" down="sentinel1"', undefined, ['1: down="sentinel1": topology="replica" has no node "sentinel1"; name one of primary, replica']],
    ['a time that is not one', 'eventually="soon"', undefined, ['1: eventually="soon" is not a time; write it like eventually="20s", or just eventually for 10 s']],
    ['a client without a name', 'client', undefined, ['1: client needs a name, e.g. client="B"']],
    ['a block without prompts', '', 'PONG', ['1: no `127.0.0.1:6379>` prompt lines: write the session as redis-cli prints it, or mark the block skip="why it cannot run"']],
    ['text after a client line, before its prompt', '', '127.0.0.1:6379> PING\nPONG\n# client B\nPONG', ['5: text before the first prompt is not part of any command: PONG; move it out of the block']],
    ['an unbalanced quote', '', '127.0.0.1:6379> SET k "v\nOK', ['2: redis-cli would answer "Invalid argument(s)": unbalanced double quote in `SET k "v`; close it or escape it as \\"']],
  ])('reports %s', (_name, meta, session, expected) => {
    expect(problems(meta, session)).toEqual(expected);
  });
});

describe('the facts the plan is made of', () => {
  it.each([
    ['7.4', '7.0.15', 1],
    ['7.2', '7.2.0', 0],
    ['7.2.6', '7.10', -1],
  ])('compares %s with %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it.each<[string[], string]>([
    [['MONITOR'], 'listen'],
    [['ssubscribe', 'orders'], 'listen'],
    [['BLPOP', 'q', '0'], 'block'],
    [['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '100', 'STREAMS', 's', '>'], 'block'],
    [['XREAD', 'STREAMS', 's', '0'], 'once'],
    [['GET', 'BLOCK'], 'once'],
  ])('%j is a %s step', (words, kind) => {
    expect(stepKind(words)).toBe(kind);
  });

  it.each<[string[], number, number, string[]]>([
    [['SUBSCRIBE', 'a', 'b'], 2, 2, ['1) "subscribe"', '2) "a"', '3) (integer) 1', '1) "subscribe"', '2) "b"', '3) (integer) 2']],
    [['SUBSCRIBE', 'a'], 1, 2, ['1) "subscribe"', '2) "a"', '3) (integer) 1', '1) "message"', '2) "a"', '3) "hi"', '...']],
    [['MONITOR'], 1, 2, ['OK', '1700000000.000001 [0 127.0.0.1:50000] "PING"', '(1.02s)']],
  ])('%j gets %i replies at once; its lesson shows %i in all', (words, first, shown, expected) => {
    expect([firstReplies(words), messagesShown(expected, words[0]!)]).toEqual([first, shown]);
  });

  it.each<[string[], boolean, boolean]>([
    [['INFO', 'replication'], true, false],
    [['sentinel', 'get-master-addr-by-name', 'mymaster'], true, false],
    [['SENTINEL', 'FAILOVER', 'mymaster'], false, true],
    [['SENTINEL', 'CONFIG', 'GET', '*'], false, false],
    [['CLUSTER', 'KEYSLOT', 'k'], false, false],
    [['CLUSTER', 'FAILOVER'], false, true],
    [['ACL', 'SETUSER', 'u'], false, true],
    [['BGSAVE'], false, true],
    [['SET', 'k', 'v'], false, false],
  ])('%j: observes %s, changes the server %s', (words, reads, changes) => {
    expect([observes(words), changesServer(words)]).toEqual([reads, changes]);
  });

  it('reads directives as redis.conf lines, blanks and all', () => {
    expect(parseDirectives(' requirepass "a b" ;; user app on >pw ~* +@all ;')).toEqual({ directives: ['requirepass "a b"', 'user app on >pw ~* +@all'], problems: [] });
    expect(parseDirectives('maxmemory=4gb').problems).toEqual(['server="maxmemory=4gb": "maxmemory=4gb" is not a redis.conf directive; write it as name and value, e.g. server="maxmemory 4gb"']);
  });

  it('renames nodes without touching the table every plan starts from', () => {
    expect(renameNodes('cluster', 'replica2=127.0.0.1:7001').nodes.find((spec) => spec.name === 'replica2')).toMatchObject({ host: '127.0.0.1', port: 7001, of: 'primary2' });
    expect(TOPOLOGY_NODES.cluster.find((spec) => spec.name === 'replica2')?.port).toBe(6383);
  });
});
