import type { MdastPluginEntry } from 'satteri';
import { questionText, ReadingTally, readingTimeOf, type ReadingTime } from '../course/reading-time';

/** What the lesson page shows about the lesson's text, measured on the tree the page renders. */
export interface LessonFacts {
  readingTime: ReadingTime;
  /** True when the lesson has a code block other than a diagram: the page then loads the copy button's script. */
  hasCode: boolean;
}

/** The frontmatter Astro exports with a compiled lesson (`remarkPluginFrontmatter` on the page). */
export function frontmatterOf(data: { astro?: unknown }): Record<string, unknown> {
  const astro = (data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
  return (astro.frontmatter ??= {});
}

/**
 * Sätteri mdast plugin: measures the lesson (before the interview questions are added) into the exported frontmatter.
 * Visitors see only the nodes that are read, which is far cheaper than walking the whole tree from JavaScript.
 */
export const lessonFacts: MdastPluginEntry = () => {
  const tally = new ReadingTally();
  return {
    name: 'course-site:lesson-facts',
    text: (node) => tally.text(node.value),
    inlineCode: (node) => tally.text(node.value),
    code: (node) => tally.code(node.lang, node.value),
    after(_root, ctx) {
      const frontmatter = frontmatterOf(ctx.data);
      const time = readingTimeOf(tally, questionText(frontmatter['interviewQuestions']));
      const facts: LessonFacts = { readingTime: time, hasCode: time.codeLines > 0 };
      Object.assign(frontmatter, facts);
    },
  };
};
