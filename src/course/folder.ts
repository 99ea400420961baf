import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../user-error';
import { COURSE_FILE } from './config';

/** One file found under the course folder, with its raw text. */
export interface SourceFile {
  file: string;
  raw: string;
}

/** The course folder as read from disk: course.yaml and every other file. */
export interface CourseFolder {
  dir: string;
  /** `<dir>/course.yaml`, or undefined when it is missing. */
  courseFile: SourceFile | undefined;
  /** Every other file except dotfiles, sorted, with paths relative to the working directory. */
  files: SourceFile[];
}

/** Throws a UserError naming the folder and the fix when it does not exist. */
export function assertCourseFolder(dir: string): void {
  if (existsSync(dir) && statSync(dir).isDirectory()) return;
  const what = existsSync(dir) ? `"${dir}" is a file, not a folder` : `There is no course folder at "${dir}"`;
  throw new UserError(`${what}. Run from the project root, or set LESSONS_DIR to the folder that holds course.yaml and the lessons.`);
}

/** The path of the course file of a folder, as reported in messages. */
export const courseFilePath = (dir: string): string => relative(process.cwd(), join(dir, COURSE_FILE)) || COURSE_FILE;

/** Reads a course folder; a missing folder is a UserError. */
export function readCourseFolder(dir: string): CourseFolder {
  assertCourseFolder(dir);
  const configPath = courseFilePath(dir);
  const all = readSourceFiles(dir);
  return { dir, courseFile: all.find((f) => f.file === configPath), files: all.filter((f) => f.file !== configPath) };
}

/** Every file under a folder except dotfiles, with paths relative to the working directory. */
export function readSourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !relative(dir, entry.parentPath).split(/[\\/]/).some((part) => part.startsWith('.')))
    .map((entry) => relative(process.cwd(), join(entry.parentPath, entry.name)))
    .sort()
    .map((file) => ({ file, raw: readFileSync(file, 'utf8') }));
}

/**
 * The `.mdx` files a tool was pointed at: the files and folders named on its command line, or every lesson of
 * the course folder. A path that does not exist is a UserError naming it.
 */
export function lessonFiles(paths: readonly string[], dir: string): SourceFile[] {
  if (paths.length === 0) return readCourseFolder(dir).files.filter((f) => f.file.endsWith('.mdx'));
  const seen = new Map<string, SourceFile>();
  for (const path of paths) {
    const rel = relative(process.cwd(), resolve(path)) || '.';
    if (!existsSync(rel)) throw new UserError(`${path}: no such file or folder. Pass lesson files or folders, such as ${dir}/<phase>/<lesson>.mdx or ${dir}/<phase>.`, 2);
    const found = statSync(rel).isDirectory() ? readSourceFiles(rel).filter((f) => f.file.endsWith('.mdx')) : [{ file: rel, raw: readFileSync(rel, 'utf8') }];
    for (const f of found) seen.set(f.file, f);
  }
  return [...seen.values()];
}
