import { expect, it, vi } from 'vitest';
import { parseLessonSource } from '../../../../src/course/lesson-source';
import { verifyLesson } from '../../../../src/packs/redis/verify/run';
import { redisVersionOf } from '../../../../src/packs/redis/verify/server';
import { describeWithRedis } from '../../../support/redis';

// A bug inside the verifier, stood in for by a comparison that throws on one command.
vi.mock('../../../../src/packs/redis/compare', async (original) => {
  const actual = await original<typeof import('../../../../src/packs/redis/compare')>();
  return {
    ...actual,
    compareReply: (input: Parameters<typeof actual.compareReply>[0]) => {
      if (input.args[0] === 'PING') throw new TypeError('comparison exploded');
      return actual.compareReply(input);
    },
  };
});

describeWithRedis('an error of the verifier itself', (redis) => {
  it('is reported as the verifier’s own failure, not as a redis-server that could not run', async () => {
    const fences = parseLessonSource('x.mdx', '```redis-cli\n127.0.0.1:6379> PING\nPONG\n```\n').fences;
    await expect(verifyLesson('x.mdx', fences, { servers: [{ path: redis.server.path, version: redisVersionOf(redis.server.path) ?? 'unknown', from: 'PATH' }] })).rejects.toThrow('comparison exploded');
  });

  it('names redis-server when it is the server that fails', async () => {
    const fences = parseLessonSource('x.mdx', '```redis-cli\n127.0.0.1:6379> GET k\n(nil)\n```\n').fences;
    const report = await verifyLesson('x.mdx', fences, { servers: [{ path: '/bin/false', version: '7.2.0', from: 'REDIS_SERVER' }] });
    expect(report.problems.map((p) => `${p.rule} ${p.message.split('\n')[0]}`)).toEqual([expect.stringMatching(/^redis\/server redis-server failed: \/bin\/false .*: exited with code 1$/)]);
  });
});
