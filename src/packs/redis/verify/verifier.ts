import type { Settings } from '../../../env';
import type { SnippetVerifier } from '../../types';
import { sessionSummary, totalsLine, verifyLesson, type LessonReport } from './run';
import { findRedisServer, missingServerHint } from './server';

/** `npm run verify:snippets` for ```redis-cli fences: each lesson's sessions against a throwaway redis-server. */
export function redisVerifier(): SnippetVerifier {
  let serverPath: string | undefined;
  let required = false;
  const reports: LessonReport[] = [];
  return {
    languages: ['redis-cli'],
    async start(settings: Settings) {
      serverPath = findRedisServer(settings);
      required = settings.ci;
      if (serverPath) return [];
      const hint = missingServerHint(settings);
      return [required ? `error: ${hint} (CI=true, so redis-cli blocks must run)` : `${hint}; redis-cli blocks are checked for form only`];
    },
    async verify(lesson) {
      const report = await verifyLesson(lesson.file, lesson.fences, { serverPath });
      reports.push(report);
      return { problems: report.problems, summary: sessionSummary(report) };
    },
    async finish() {
      return { lines: [totalsLine(reports)], failed: serverPath === undefined && required };
    },
  };
}
