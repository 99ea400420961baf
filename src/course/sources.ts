import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from './check';

/** The lessons folder in use: LESSONS_DIR (fixtures, benchmarks) or `lessons`. */
export function lessonsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LESSONS_DIR ?? 'lessons';
}

/** Every file under the lessons folder except dotfiles, with paths relative to the working directory. */
export function readSourceFiles(dir = lessonsDir()): SourceFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(process.cwd(), join(entry.parentPath, entry.name)))
    .sort()
    .map((file) => ({ file, raw: readFileSync(file, 'utf8') }));
}
