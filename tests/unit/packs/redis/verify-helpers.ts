/** Helpers shared by the suites that run lessons' sessions on real servers. */
import { parseLessonSource } from '../../../../src/course/lesson-source';
import { formatProblem } from '../../../../src/course/problems';
import { verifyLesson, type LessonReport, type RunOptions } from '../../../../src/packs/redis/verify/run';
import { redisVersionOf } from '../../../../src/packs/redis/verify/server';
import type { RedisBinary } from '../../../../src/packs/redis/verify/servers';

/** A ```redis-cli fence with its meta and session lines, and a blank line after it. */
export const fence = (meta: string, ...session: string[]) => ['```redis-cli ' + meta, ...session, '```', ''].join('\n');

/** The report's problems as the CLI prints them, one array element per line. */
export const problemLines = (report: Pick<LessonReport, 'problems'>) => report.problems.flatMap((problem) => formatProblem(problem).split('\n'));

/** The binary at `path` as the verifier lists it. */
export const binaryAt = (path: string): RedisBinary[] => [{ path, version: redisVersionOf(path) ?? 'unknown', from: 'PATH' }];

/** Verifies a lesson given as text. */
export const verifyText = (file: string, text: string, options: RunOptions) => verifyLesson(file, parseLessonSource(file, text).fences, options);
