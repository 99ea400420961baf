import type { LanguageRegistration } from 'shiki';
import type { z } from 'astro/zod';
import type { Settings } from '../env';
import type { Fence } from '../course/lesson-source';
import type { Problem } from '../course/problems';

/**
 * Tooling for one subject's code fences (Redis sessions, Java, …). A course turns a pack on by using one of
 * its fence languages; a course that never writes one gets none of it, in the build, the tools or the browser.
 */
export interface Pack {
  /** Short name, e.g. `redis`. */
  name: string;
  /** The fence languages the pack brings. */
  languages: readonly PackLanguage[];
  /** Frontmatter fields the pack reads, each optional (e.g. `redisVersion`). */
  frontmatter?: Readonly<Record<string, z.ZodType>>;
  /** A short line for the lesson header from those fields, e.g. "Redis 7.2+"; undefined shows nothing. */
  lessonNote?(data: Readonly<Record<string, unknown>>): string | undefined;
  /** Loaded by `npm run verify:snippets` only when a lesson has a fence of one of the pack's languages. */
  verifier?: () => Promise<SnippetVerifier>;
  /** Pages the site gets when a lesson uses the pack, e.g. the Redis console at `/playground/`. */
  pages?: readonly PackPage[];
  /**
   * An Astro component that closes a lesson with one of the pack's fences (the Redis console, whose script also reveals
   * the Run buttons), by file, so that a course without the pack never bundles it.
   */
  lessonEnd?: URL;
}

/** A page a pack adds to the site: its path under the base, and the `.astro` file that renders it. */
export interface PackPage {
  /** e.g. `/playground` */
  pattern: string;
  entrypoint: URL;
}

/** A fence language: how it is labelled, highlighted and copied. */
export interface PackLanguage {
  /** The fence's language word, e.g. `redis-cli`. */
  id: string;
  /** The label on the code block, e.g. `Java`. */
  label: string;
  /** The Shiki language it is highlighted as; default `id`. */
  highlightAs?: string;
  /** A TextMate grammar for a language Shiki does not have. */
  grammar?: LanguageRegistration;
  /**
   * For session transcripts: matches a line the reader types, capture 1 the prompt, capture 2 the command.
   * Copy then takes only the commands, and the prompt is not selectable.
   */
  prompt?: RegExp;
  /**
   * For blocks a learner can run in the browser: given the lesson's fences of this language in order (info string
   * after the language, content, line) and its frontmatter, the data attributes of each block's figure by dataset name (`runAfter` is `data-run-after`; it
   * then gets a "Run in browser" button), or undefined for a block that cannot run there.
   */
  browserRun?(fences: readonly { meta: string; value: string; line: number }[], frontmatter: Readonly<Record<string, unknown>>): (Readonly<Record<string, string>> | undefined)[];
}

/** One lesson as a verifier sees it: its fences of the verifier's languages and its frontmatter. */
export interface LessonToVerify {
  /** Path as shown in messages. */
  file: string;
  fences: readonly Fence[];
  /** Frontmatter values as written. */
  values: Readonly<Record<string, unknown>>;
}

/** What a verifier found in one lesson. */
export interface VerifiedLesson {
  problems: Problem[];
  /** One phrase for the lesson's summary line, e.g. "6 blocks ran (23 commands)". */
  summary: string;
}

/** Checks fences by running or parsing them: `npm run verify:snippets`. */
export interface SnippetVerifier {
  /** The fence languages it checks. */
  languages: readonly string[];
  /** Prepares what the checks need (finds servers, …); returns lines to print first. */
  start?(settings: Settings): Promise<string[]>;
  verify(lesson: LessonToVerify): Promise<VerifiedLesson>;
  /** Totals and a breakdown to print at the end; the second value is true when the run must fail. */
  finish(): Promise<{ lines: string[]; failed: boolean }>;
}
