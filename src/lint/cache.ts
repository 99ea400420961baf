import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SourceFile } from '../course/check';
import type { Problem } from '../course/problems';

/** The code whose output the cache stores: a change to any rule invalidates it. */
const RULE_SOURCES = ['src/lint', 'src/course'];

/** Digest of the lessons and of the rules that judge them. */
export function courseDigest(files: readonly SourceFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.file}\0${f.raw}\0`);
  for (const dir of RULE_SOURCES) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
      hash.update(readFileSync(join(entry.parentPath, entry.name)));
    }
  }
  return hash.digest('hex');
}

/** Lints unless nothing changed since the last build: an unchanged course reuses the last result. */
export async function lintWithCache(
  files: readonly SourceFile[],
  cacheFile: string,
  lint: (files: readonly SourceFile[]) => Problem[] | Promise<Problem[]>,
): Promise<Problem[]> {
  const digest = courseDigest(files);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { digest: string; problems: Problem[] };
    if (cached.digest === digest) return cached.problems;
  } catch {
    // No usable cache: lint below.
  }
  const problems = await lint(files);
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify({ digest, problems }));
  return problems;
}
