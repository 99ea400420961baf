import type { Settings } from '../../../env';
import type { SnippetVerifier } from '../../types';
import { serverLines, sessionSummary, totalsLine, verifyLesson, type LessonReport } from './run';
import { missingServerHint } from './server';
import { findServers, type RedisBinary } from './servers';

/** `npm run verify:snippets` for ```redis-cli fences: each lesson's sessions on the servers its blocks need. */
export function redisVerifier(): SnippetVerifier {
  let servers: RedisBinary[] | undefined;
  let required = false;
  let misconfigured = false;
  const reports: LessonReport[] = [];
  return {
    languages: ['redis-cli'],
    async start(settings: Settings) {
      required = settings.ci;
      const found = findServers(settings);
      misconfigured = found.problems.length > 0;
      const lines = found.problems.map((problem) => (required ? `error: ${problem}` : problem));
      if (found.binaries.length === 0) {
        const hint = missingServerHint(settings);
        lines.push(required ? `error: ${hint} (CI=true, so redis-cli blocks must run)` : `${hint}; redis-cli blocks are checked for form only`);
        return lines;
      }
      servers = found.binaries;
      lines.push(`Redis servers: ${servers.map((binary) => `${binary.version} (${binary.path})`).join(', ')}`);
      return lines;
    },
    async verify(lesson) {
      const report = await verifyLesson(lesson.file, lesson.fences, { servers, frontmatter: lesson.values, required });
      reports.push(report);
      return { problems: report.problems, summary: sessionSummary(report) };
    },
    async finish() {
      return { lines: [...serverLines(reports), totalsLine(reports)], failed: required && (servers === undefined || misconfigured) };
    },
  };
}
