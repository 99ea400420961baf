import { satteri } from '@astrojs/markdown-satteri';
import type { Element } from 'hast';
import type { CourseConfig } from '../course/config';
import { codeBlocks } from './code-blocks';
import { interviewQuestions } from './interview-questions';
import { knownComponents } from './known-components';
import { lessonFacts } from './lesson-facts';
import { rehypeDiagrams } from './rehype-diagrams';
import { rehypeOnElements } from './rehype-on-elements';
import { tables } from './tables';

const isDiagram = (pre: Element) =>
  pre.children.some((c) => c.type === 'element' && c.tagName === 'code' && Array.isArray(c.properties.className) && c.properties.className.includes('language-mermaid'));

/**
 * How lessons compile: Sätteri (Astro's Rust Markdown/MDX engine, as Starlight uses) with the course's plugins.
 * Facts are measured before the questions are added; diagrams are drawn before code blocks are highlighted.
 */
export function lessonProcessor(course: Pick<CourseConfig, 'interview'>, diagramCacheDir: string) {
  return satteri({
    // GFM tables and task lists; quotes and dashes stay as the author typed them, as in code.
    features: { gfm: true, smartPunctuation: false },
    mdastPlugins: [knownComponents, lessonFacts, interviewQuestions({ interview: course.interview })],
    hastPlugins: [rehypeOnElements('course-site:diagrams', ['pre'], isDiagram, rehypeDiagrams({ cacheDir: diagramCacheDir })), codeBlocks, tables],
  });
}
