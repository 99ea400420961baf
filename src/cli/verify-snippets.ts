/**
 * `npm run verify:snippets [-- files or folders…]`: runs or parses the code fences the course's packs can check
 * (redis-cli sessions against a real redis-server, Java blocks through a parser) and reports what does not match.
 */
import { lessonFiles } from '../course/folder';
import { parseLessonSource } from '../course/lesson-source';
import { formatProblem, type Problem } from '../course/problems';
import { plural } from '../course/conventions';
import { settings } from '../env';
import { packsUsing } from '../packs/index';
import type { SnippetVerifier } from '../packs/types';
import type { CliMain } from './run';

export const main: CliMain = async (args, io) => {
  const lessons = lessonFiles(args, settings.lessonsDir).map((f) => parseLessonSource(f.file, f.raw));
  const used = new Set(lessons.flatMap((l) => l.fences.map((f) => f.lang)));
  const verifiers: SnippetVerifier[] = [];
  for (const pack of packsUsing(used)) if (pack.verifier) verifiers.push(await pack.verifier());
  if (verifiers.length === 0) {
    io.out(`${plural(lessons.length, 'lesson')}: no fence in a language a pack can check (redis-cli, java).`);
    return 0;
  }
  for (const verifier of verifiers) for (const line of (await verifier.start?.(settings)) ?? []) io.out(line);

  const problems: Problem[] = [];
  for (const lesson of lessons) {
    const parts: string[] = [];
    for (const verifier of verifiers) {
      const fences = lesson.fences.filter((f) => verifier.languages.includes(f.lang));
      if (fences.length === 0) continue;
      const result = await verifier.verify({ file: lesson.file, fences, values: lesson.values });
      parts.push(result.summary);
      problems.push(...result.problems);
    }
    io.out(`${lesson.file}: ${parts.length > 0 ? parts.join('; ') : 'nothing to check'}`);
  }
  if (problems.length > 0) io.out('');
  for (const problem of problems) io.out(formatProblem(problem));
  let failed = problems.length > 0;
  for (const verifier of verifiers) {
    const finished = await verifier.finish();
    for (const line of finished.lines) io.out(line);
    failed ||= finished.failed;
  }
  io.out(`Total: ${plural(lessons.length, 'lesson')}; ${plural(problems.length, 'problem')}`);
  return failed ? 1 : 0;
};
