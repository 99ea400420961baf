import type { Root } from 'mdast';
import type { LessonFile } from '../course/lesson-file';
import type { Problem } from '../course/problems';
import type { LessonData } from '../course/schema';

export type Severity = Problem['severity'];

/** Where the MDX parser gave up, as it said it. */
export interface SyntaxError {
  line: number;
  column: number;
  reason: string;
}

/** What other lessons need to know of a lesson: where it lives and which anchors it has. */
export interface LinkTarget {
  file: string;
  /** Site path without the base, e.g. `/core-data-structures/sets/`. */
  url: string;
  /** Heading ids as Astro generates them, including the generated `interview-questions`. */
  anchors: ReadonlySet<string>;
  draft: boolean;
}

/** Every lesson of the course by URL, so links can be resolved whichever files are being reported. */
export interface CourseIndex {
  lessons: ReadonlyMap<string, LinkTarget>;
}

/** One lesson, parsed once and handed to every rule. */
export interface ParsedLesson {
  /** Path as reported, relative to the working directory. */
  file: string;
  /** The file's text without a byte-order mark and with `\n` line endings. */
  text: string;
  /** Frontmatter and body split, with YAML positions. */
  source: LessonFile;
  /** Frontmatter values as written (unvalidated); empty when there is no valid YAML. */
  frontmatter: Readonly<Record<string, unknown>>;
  /** Frontmatter that passed the schema; undefined when RM001–RM003 report a problem. */
  data: LessonData | undefined;
  /** What the tree was parsed from: the body, with blank lines in place of the frontmatter; node offsets index it. */
  markdown: string;
  /** MDX syntax tree of the body, with line numbers of the file; a Markdown-only tree when MDX failed. */
  tree: Root;
  /** Set when the body is not valid MDX (RM100 reports it). */
  syntaxError: SyntaxError | undefined;
  /** `/<phase-slug>/<slug>/`, or undefined when the frontmatter names no known phase. */
  url: string | undefined;
  anchors: ReadonlySet<string>;
  course: CourseIndex;
}

/** A lint rule: data about itself plus a pure check, and a fix only where it cannot change meaning. */
export interface Rule {
  /** `RM1xx`. */
  id: string;
  /** kebab-case name, shown after the id: `RM102/fence-language`. */
  name: string;
  /** The most severe level the rule reports; a rule may also report warnings below it. */
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Path and anchor of the rule's section in docs/lint-rules.md. */
  docs: string;
  /** Rewrites the whole file text (no BOM, `\n` endings) so the rule's problems disappear. */
  fix?: (text: string) => string;
  check(lesson: ParsedLesson): Problem[];
}

/** 1-based line and column in the lesson file. */
export interface Place {
  line: number;
  column: number;
}
