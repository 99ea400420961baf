import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sectionKey } from '../course/conventions';

/** True for a `##` heading that names `section`, compared as authors mean it (case, emoji and punctuation aside). */
export function isSectionHeading(node: RootContent, section: string): node is Heading {
  return node.type === 'heading' && node.depth === 2 && sectionKey(toString(node)) === sectionKey(section);
}

/**
 * Where a lesson's interview questions go, decided once for the renderer and the linter's anchors: after a
 * heading the author wrote, else in front of the section course.yaml names, else at the end.
 */
export function interviewInsertion(tree: Root, interview: { heading: string; before: string }): { written: boolean; index: number } {
  const written = tree.children.findIndex((n) => isSectionHeading(n, interview.heading));
  if (written !== -1) return { written: true, index: written + 1 };
  const before = interview.before === '' ? -1 : tree.children.findIndex((n) => isSectionHeading(n, interview.before));
  return { written: false, index: before === -1 ? tree.children.length : before };
}
