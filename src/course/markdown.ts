import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);

/** Renders an author's Markdown (an interview answer, course.yaml's audience) to HTML; raw HTML in it is not passed through. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Renders one line of Markdown (a tagline, an outcome) without the paragraph around it. */
export function renderInlineMarkdown(markdown: string): string {
  return renderMarkdown(markdown).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
