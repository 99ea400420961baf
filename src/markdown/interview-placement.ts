import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sectionKey } from '../course/conventions';

/** A `##` heading among a lesson's top-level nodes: where it is and what it says. */
export interface SectionHeading {
  index: number;
  text: string;
}

/**
 * Where a lesson's interview questions go, decided once for the renderer and the linter's anchors: after a heading
 * the author wrote, else in front of the section course.yaml names, else at the end (`index` undefined). Headings
 * are compared as authors mean them (case, emoji and punctuation aside).
 */
export function interviewPlacement(headings: readonly SectionHeading[], interview: { heading: string; before: string }): { written: boolean; index: number | undefined } {
  const find = (section: string) => headings.find((h) => sectionKey(h.text) === sectionKey(section))?.index;
  const written = find(interview.heading);
  if (written !== undefined) return { written: true, index: written + 1 };
  return { written: false, index: interview.before === '' ? undefined : find(interview.before) };
}

/** interviewPlacement over a whole syntax tree. */
export function interviewInsertion(tree: Root, interview: { heading: string; before: string }): { written: boolean; index: number | undefined } {
  const headings = tree.children.flatMap((node, index) => (node.type === 'heading' && node.depth === 2 ? [{ index, text: toString(node) }] : []));
  return interviewPlacement(headings, interview);
}
