/**
 * `npm run new:lesson -- --phase 2 --title "Sorted Sets"`: writes a lesson from templates/lesson.mdx, shaped by
 * course.yaml (its sections and interview levels), at the next free position of the phase. Without flags it asks.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { phaseByNumber } from '../course/config';
import { readCourseFolder } from '../course/folder';
import { parseIfLesson } from '../course/check';
import { loadCourseConfig } from '../course/read';
import { settings } from '../env';
import { newLessonPath, nextOrder, renderTemplate } from '../scaffold/lesson';
import { UserError } from '../user-error';
import type { CliMain } from './run';

/** The template every course's scaffold starts from. */
const TEMPLATE = fileURLToPath(new URL('../../templates/lesson.mdx', import.meta.url));

const ask = async (question: string) => {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
};

export const main: CliMain = async (args, io) => {
  let values: { phase?: string; title?: string };
  try {
    ({ values } = parseArgs({ args, options: { phase: { type: 'string' }, title: { type: 'string' } } }));
  } catch (error) {
    throw new UserError(`${(error as Error).message}. Usage: npm run new:lesson -- --phase 2 --title "Sorted Sets"`, 2);
  }
  const dir = settings.lessonsDir;
  const config = loadCourseConfig(dir);
  const phases = config.phases;
  const phaseText = values.phase ?? (await ask(`Phase (${phases.map((p) => `${p.number} ${p.title}`).join(', ')}): `));
  const phase = phaseByNumber(config, Number(phaseText));
  if (!phase) throw new UserError(`Phase must be a number from 1 to ${phases.length}, got "${phaseText}".`, 2);
  const title = (values.title ?? (await ask('Title: '))).trim();
  if (title === '') throw new UserError('The title is empty. Pass --title "Your lesson title".', 2);
  if (title.length > 80) throw new UserError('The title is longer than 80 characters; shorten it so it fits the sidebar.', 2);

  const existing = readCourseFolder(dir).files.flatMap((f) => {
    const values = parseIfLesson(f)?.values ?? {};
    return typeof values['phase'] === 'number' && typeof values['order'] === 'number' ? [{ phase: values['phase'], order: values['order'] }] : [];
  });
  const order = nextOrder(existing, phase.number);
  const file = newLessonPath(dir, phase, title);
  if (existsSync(file)) throw new UserError(`${file} already exists. Choose another title, or edit that lesson.`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderTemplate(readFileSync(TEMPLATE, 'utf8'), config, { title, phase: phase.number, order }));
  io.out(`Created ${join(file)} (phase ${phase.number}, order ${order}).
Next: replace every TODO(author), preview with \`npm run dev\`, then run \`npm run check\`.`);
  return 0;
};
