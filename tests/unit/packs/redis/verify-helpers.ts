/** Helpers shared by the suites that run lessons' sessions on real servers. */
import { parseLessonSource } from '../../../../src/course/lesson-source';
import { formatProblem } from '../../../../src/course/problems';
import { verifyLesson, type LessonReport, type RunOptions } from '../../../../src/packs/redis/verify/run';
import { redisVersionOf } from '../../../../src/packs/redis/verify/server';
import type { RedisBinary } from '../../../../src/packs/redis/verify/servers';

/** A ```redis-cli fence with its meta and session lines, and a blank line after it. */
export const fence = (meta: string, ...session: string[]) => ['```redis-cli ' + meta, ...session, '```', ''].join('\n');

/** Client A watches a wallet of 10 and client B takes 8 before A's EXEC, which the lesson shows as `exec`. */
export const watchRace = (exec: string) => [
  '127.0.0.1:6379> SET wallet 10',
  'OK',
  '# client A',
  '127.0.0.1:6379> WATCH wallet',
  'OK',
  '127.0.0.1:6379> GET wallet',
  '"10"',
  '# client B, before A calls EXEC',
  '127.0.0.1:6379> DECRBY wallet 8',
  '(integer) 2',
  '# client A',
  '127.0.0.1:6379> MULTI',
  'OK',
  '127.0.0.1:6379(TX)> DECRBY wallet 10',
  'QUEUED',
  '127.0.0.1:6379(TX)> EXEC',
  exec,
];

/** The report's problems as the CLI prints them, one array element per line. */
export const problemLines = (report: Pick<LessonReport, 'problems'>) => report.problems.flatMap((problem) => formatProblem(problem).split('\n'));

/** The binary at `path` as the verifier lists it. */
export const binaryAt = (path: string): RedisBinary[] => [{ path, version: redisVersionOf(path) ?? 'unknown', from: 'PATH' }];

/** Verifies a lesson given as text. */
export const verifyText = (file: string, text: string, options: RunOptions) => verifyLesson(file, parseLessonSource(file, text).fences, options);
