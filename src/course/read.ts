import { existsSync, readFileSync } from 'node:fs';
import { settings } from '../env';
import { UserError } from '../user-error';
import { checkCourseFile } from './check';
import type { CourseConfig } from './config';
import { assertCourseFolder, courseFilePath } from './folder';
import { formatProblem } from './problems';

const configs = new Map<string, CourseConfig>();

/** course.yaml of a course folder with its defaults, read once per process; an invalid one is a UserError listing its problems. */
export function loadCourseConfig(dir = settings.lessonsDir): CourseConfig {
  const known = configs.get(dir);
  if (known) return known;
  assertCourseFolder(dir);
  const file = courseFilePath(dir);
  const raw = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const { config, problems } = checkCourseFile({ dir, courseFile: raw === undefined ? undefined : { file, raw } });
  if (!config) throw new UserError(problems.map(formatProblem).join('\n'));
  configs.set(dir, config);
  return config;
}
