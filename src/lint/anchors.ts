import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { GENERATED_SECTION, sectionKey } from './outline';

/** A heading's text as Astro reads it for its id: text and inline code, not image alt text. */
export function headingText(heading: Heading): string {
  return toString(heading, { includeImageAlt: false });
}

/**
 * The ids Astro gives a lesson's headings: github-slugger over the document in order, with the
 * generated "Interview questions" heading inserted before "Summary" as remark-interview-questions does.
 */
export function headingAnchors(tree: Root, hasQuestions: boolean): Set<string> {
  const texts: string[] = [];
  const interviewKey = sectionKey(GENERATED_SECTION);
  let written = false;
  let summaryIndex = -1;
  visit(tree, 'heading', (node, _index, parent) => {
    const text = headingText(node);
    if (node.depth === 2 && sectionKey(text) === interviewKey) written = true;
    if (summaryIndex === -1 && parent === tree && node.depth === 2 && sectionKey(text) === 'summary') summaryIndex = texts.length;
    texts.push(text);
  });
  if (hasQuestions && !written) texts.splice(summaryIndex === -1 ? texts.length : summaryIndex, 0, GENERATED_SECTION);
  const slugger = new GithubSlugger();
  return new Set(texts.map((t) => slugger.slug(t)));
}
