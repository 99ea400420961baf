/** `npm run reading-time [-- files or folders…]`: each lesson's computed reading time beside its declared duration. */
import { lessonFiles } from '../course/folder';
import { parseLessonSource } from '../course/lesson-source';
import { questionText, readingTime } from '../course/reading-time';
import { yamlErrors } from '../course/yaml-source';
import { settings } from '../env';
import { DURATION_TOLERANCE } from '../lint/rules/duration-matches-reading-time';
import type { CliMain } from './run';

export const main: CliMain = (args, io) => {
  let code = 0;
  for (const { file, raw } of lessonFiles(args, settings.lessonsDir)) {
    const source = parseLessonSource(file, raw);
    const [broken] = source.frontmatter ? yamlErrors(source.frontmatter) : [];
    if (broken) {
      io.err(`${file}:${broken.line}:${broken.column}: the frontmatter is not valid YAML (${broken.message}); fix it there, then run again (npm run lint:lessons explains it).`);
      code = 1;
      continue;
    }
    const declared = source.values['duration'];
    const time = readingTime(source.tree, questionText(source.values['interviewQuestions']));
    const off = typeof declared === 'number' && declared > 0 ? Math.abs(time.minutes - declared) / declared : 1;
    const flag = off > DURATION_TOLERANCE ? `  ← more than ${DURATION_TOLERANCE * 100}% off` : '';
    io.out(`${file}: reads in ${time.minutes} min (${time.proseWords} words, ${time.codeLines} code lines); declared ${typeof declared === 'number' ? declared : '—'} min${flag}`);
  }
  return code;
};
