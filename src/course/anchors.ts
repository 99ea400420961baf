import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { interviewInsertion } from '../markdown/interview-placement';

/** A heading's text as Astro reads it for its id: text and inline code, not image alt text. */
export function headingText(heading: Heading): string {
  return toString(heading, { includeImageAlt: false });
}

/**
 * The ids the site gives a lesson's headings: github-slugger over the document in order, with the
 * generated interview heading inserted where src/markdown/interview-questions.ts puts it.
 */
export function headingAnchors(tree: Root, hasQuestions: boolean, interview: { heading: string; before: string }): Set<string> {
  const texts: string[] = [];
  const placement = hasQuestions ? interviewInsertion(tree, interview) : undefined;
  let insertAt: number | undefined;
  visit(tree, 'heading', (node, index, parent) => {
    if (placement && parent === tree && index === placement.index && !placement.written) insertAt = texts.length;
    texts.push(headingText(node));
  });
  if (placement && !placement.written) texts.splice(insertAt ?? texts.length, 0, interview.heading);
  const slugger = new GithubSlugger();
  return new Set(texts.map((t) => slugger.slug(t)));
}
