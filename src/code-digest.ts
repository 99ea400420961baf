import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What decides every cached result besides the lesson itself: the generator's code and its packages' versions (the lockfile). */
const CODE = ['src', 'package-lock.json'];
/** The generator's own folder, wherever the tool is run from. */
export const GENERATOR_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** SHA-256 of the parts, each ended by a NUL so that ["ab", "c"] and ["a", "bc"] differ. */
export function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Every file under `path` (or `path` itself, or nothing if it does not exist), sorted: the same list whatever order the file system gives. */
export function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Digest of the code that checks and compiles lessons; any change to it makes every cached verdict and compiled lesson stale. */
export function codeDigest(root = GENERATOR_ROOT): string {
  // A folder's TypeScript files; a file named in CODE itself.
  const files = CODE.flatMap((entry) => filesUnder(join(root, entry)).filter((file) => file === join(root, entry) || file.endsWith('.ts'))).sort();
  return sha256(...files.flatMap((file) => [file, readFileSync(file)]));
}
