import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeDigest, GENERATOR_ROOT, sha256 } from '../code-digest';
import { analyzeFile, checkCourseFile, crossLessonProblems, parseIfLesson, type FileFacts } from '../course/check';
import { readCourseFolder, type SourceFile } from '../course/folder';
import type { LessonSource } from '../course/lesson-source';
import type { Problem } from '../course/problems';
import { courseIndex, courseLessonSchema, lintLesson } from './lint';

interface CachedFile {
  facts: FileFacts;
  /** The index digest the problems were found under: links to other lessons depend on it. */
  index: string;
  problems: Problem[];
}

interface CacheFile {
  version: 1;
  /** Code digest plus course.yaml. */
  digest: string;
  /** File content digest → what was found. */
  files: Record<string, CachedFile>;
}

export interface CheckOutcome {
  problems: Problem[];
  /** Lesson files checked. */
  lessons: number;
  /** Files parsed this time, and files whose verdict came from the cache. */
  parsed: number;
  cached: number;
}

/**
 * The checks of `npm run lint:lessons`, cached per file by content: an unchanged lesson is neither parsed nor
 * checked again unless the checks' code, course.yaml or the headings and URLs other lessons link to changed.
 */
export class CourseChecker {
  private cache: CacheFile = { version: 1, digest: '', files: {} };
  private readonly code: string;

  constructor(
    private readonly dir: string,
    private readonly cacheFile: string | undefined,
    root = GENERATOR_ROOT,
  ) {
    this.code = codeDigest(root);
    if (!cacheFile) return;
    try {
      const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
      if (stored.version === 1) this.cache = stored;
    } catch {
      // No usable cache: every file is checked.
    }
  }

  check(): CheckOutcome {
    const folder = readCourseFolder(this.dir);
    const { config, problems } = checkCourseFile(folder);
    if (!config) return { problems, lessons: folder.files.length, parsed: 0, cached: 0 };
    const digest = sha256(this.code, folder.courseFile?.raw ?? '');
    const previous = digest === this.cache.digest ? this.cache.files : {};
    const schema = courseLessonSchema(config);
    const keys = folder.files.map((f) => sha256(f.file, f.raw));
    const parsed = new Map<number, LessonSource | undefined>();
    const parse = (i: number, f: SourceFile) => {
      if (!parsed.has(i)) parsed.set(i, parseIfLesson(f));
      return parsed.get(i);
    };
    const facts = folder.files.map((f, i) => previous[keys[i]!]?.facts ?? analyzeFile(f.file, parse(i, f), config, schema));
    const index = courseIndex(config, facts);
    const indexDigest = sha256(JSON.stringify(facts.map((f) => [f.url, f.anchors, f.draft])));
    const files: Record<string, CachedFile> = {};
    let cached = 0;
    folder.files.forEach((f, i) => {
      const key = keys[i]!;
      const hit = previous[key];
      if (hit && hit.index === indexDigest) {
        cached++;
        files[key] = hit;
      } else {
        const source = parse(i, f);
        files[key] = { facts: facts[i]!, index: indexDigest, problems: source ? lintLesson(source, facts[i]!, index) : [] };
      }
      problems.push(...facts[i]!.problems, ...files[key]!.problems);
    });
    problems.push(...crossLessonProblems(facts));
    this.cache = { version: 1, digest, files };
    if (this.cacheFile) {
      mkdirSync(dirname(this.cacheFile), { recursive: true });
      writeFileSync(this.cacheFile, JSON.stringify(this.cache));
    }
    return { problems, lessons: folder.files.length, parsed: parsed.size, cached };
  }
}

/** One cached check of a course folder, the cache kept in `cacheDir`. */
export async function checkCourseCached(dir: string, cacheDir: string): Promise<CheckOutcome> {
  return new CourseChecker(dir, join(cacheDir, 'lesson-checks.json')).check();
}
