/**
 * `npm run new:lesson -- --phase 2 --title "Sorted Sets"`: writes a lesson from templates/lesson.mdx at the
 * next free position of the phase. Without flags it asks for both.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { checkCourse } from '../src/course/check';
import { PHASES } from '../src/course/phases';
import { lessonsDir, readSourceFiles } from '../src/course/sources';
import { newLessonPath, nextOrder, renderTemplate } from '../src/cli/new-lesson';

const { values } = parseArgs({ options: { phase: { type: 'string' }, title: { type: 'string' } } });
const ask = async (question: string) => {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
};

const phaseText = values.phase ?? (await ask(`Phase (${PHASES.map((p) => `${p.number} ${p.title}`).join(', ')}): `));
const phase = Number(phaseText);
if (!PHASES.some((p) => p.number === phase)) fail(`Phase must be a number from 1 to ${PHASES.length}, got "${phaseText}".`);
const title = (values.title ?? (await ask('Title: '))).trim();
if (title === '') fail('The title is empty. Pass --title "Your lesson title".');
if (title.length > 80) fail('The title is longer than 80 characters; shorten it so it fits the sidebar.');

const { lessons } = checkCourse(readSourceFiles());
const order = nextOrder(lessons.map((l) => l.source.data), phase);
const file = newLessonPath(lessonsDir(), phase, title);
if (existsSync(file)) fail(`${file} already exists. Choose another title, or edit that lesson.`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, renderTemplate(readFileSync('templates/lesson.mdx', 'utf8'), { title, phase, order }));
console.log(`Created ${file} (phase ${phase}, order ${order}).
Next: replace every TODO(author), preview with \`npm run dev\`, then run \`npm run check\`.`);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
