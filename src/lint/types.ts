import type { CourseConfig } from '../course/config';
import type { LessonSource } from '../course/lesson-source';
import type { Problem } from '../course/problems';
import type { LessonData } from '../course/schema';

export type Severity = Problem['severity'];

/** What other lessons need to know of a lesson: where it lives and which anchors it has. */
export interface LinkTarget {
  file: string;
  /** Site path without the base, e.g. `/core-data-structures/sets/`. */
  url: string;
  /** Heading ids as the site generates them, including the generated interview heading's. */
  anchors: ReadonlySet<string>;
  draft: boolean;
}

/** The course a lesson belongs to: its course.yaml and every lesson by URL, so links resolve whichever files are reported. */
export interface CourseIndex {
  config: CourseConfig;
  lessons: ReadonlyMap<string, LinkTarget>;
}

/** One lesson, parsed once and handed to every rule. */
export interface ParsedLesson extends LessonSource {
  /** Frontmatter that passed the schema; undefined when RM001–RM003 report a problem. */
  data: LessonData | undefined;
  /** `/<phase-slug>/<slug>/`, or undefined when the frontmatter names no phase of the course. */
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
  fix?: (text: string, config: CourseConfig) => string;
  check(lesson: ParsedLesson): Problem[];
}

/** 1-based line and column in the lesson file. */
export interface Place {
  line: number;
  column: number;
}
