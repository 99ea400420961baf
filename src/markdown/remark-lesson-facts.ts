import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { questionText, readingTime, type ReadingTime } from '../course/reading-time';

/** What the lesson page shows about the lesson's text, measured on the tree the page renders. */
export interface LessonFacts {
  readingTime: ReadingTime;
  /** True when the lesson has a code block other than a diagram: the page then loads the copy button's script. */
  hasCode: boolean;
}

/** Remark plugin: measures the lesson (before the interview questions are added) into `remarkPluginFrontmatter`. */
export function remarkLessonFacts() {
  return (tree: Root, file: VFile) => {
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    const frontmatter = (astro.frontmatter ??= {});
    const time = readingTime(tree, questionText(frontmatter['interviewQuestions']));
    const facts: LessonFacts = { readingTime: time, hasCode: time.codeLines > 0 };
    Object.assign(frontmatter, facts);
  };
}
