import { resolve } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import type { Element } from 'hast';
import type { CourseConfig } from '../course/config';
import { codeBlocks, codeRuns } from './code-blocks';
import { cachedRenderer, type CompileStats } from './compile-cache';
import { interviewQuestions } from './interview-questions';
import { knownComponents } from './known-components';
import { lessonFacts } from './lesson-facts';
import { rehypeDiagrams, type DiagramPatience } from './rehype-diagrams';
import { rehypeOnElements } from './rehype-on-elements';
import { tables } from './tables';

const isDiagram = (pre: Element) =>
  pre.children.some((c) => c.type === 'element' && c.tagName === 'code' && Array.isArray(c.properties.className) && c.properties.className.includes('language-mermaid'));

export interface ProcessorOptions {
  /** Rendered diagrams, kept between builds. */
  diagramCacheDir: string;
  /** Compiled lessons, kept between builds; none when undefined. */
  compileCacheDir?: string | undefined;
  /** What the output depends on besides the lessons: the generator's code digest and how diagrams are drawn. */
  cacheContext?: string;
  /** Counted as lessons compile. */
  stats?: CompileStats;
  /** `npm run dev`: how long a lesson waits for a diagram (see DiagramPatience); a build waits for each. */
  patience?: DiagramPatience | undefined;
  /** `npm run build`: diagrams become slots filled once the pages are written (see DiagramOptions.slots). */
  diagramSlots?: boolean;
}

/**
 * How lessons compile: Sätteri (Astro's Rust Markdown/MDX engine, as Starlight uses) with the course's plugins,
 * each compiled lesson kept in a cache. Facts are measured before the questions are added; diagrams are drawn
 * before code blocks are highlighted.
 */
export function lessonProcessor(course: Pick<CourseConfig, 'interview'>, { diagramCacheDir, compileCacheDir, cacheContext = '', stats = { compiled: 0, cached: 0 }, patience, diagramSlots = false }: ProcessorOptions) {
  // Lessons compiled with a diagram still being drawn in them: such a compile is not kept.
  const unfinished = new Set<string>();
  const waiting = patience && {
    ms: patience.ms,
    drawing: (file: string, drawn: Promise<void>) => {
      unfinished.add(resolve(file));
      patience.drawing(file, drawn);
    },
  };
  const processor = satteri({
    // GFM tables and task lists; quotes and dashes stay as the author typed them, as in code.
    features: { gfm: true, smartPunctuation: false },
    mdastPlugins: [knownComponents, lessonFacts, codeRuns, interviewQuestions({ interview: course.interview })],
    hastPlugins: [rehypeOnElements('course-site:diagrams', ['pre'], isDiagram, rehypeDiagrams({ cacheDir: diagramCacheDir, patience: waiting, slots: diagramSlots })), codeBlocks, tables],
  });
  const { createMdxRenderer } = processor;
  if (compileCacheDir && createMdxRenderer) {
    processor.createMdxRenderer = async (shared, mdx) =>
      cachedRenderer(await createMdxRenderer.call(processor, shared, mdx), compileCacheDir, `${cacheContext}\n${JSON.stringify(shared)}\n${JSON.stringify(mdx)}`, stats, (filePath) => !unfinished.delete(resolve(filePath)));
  }
  return processor;
}
