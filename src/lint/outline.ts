/** The `##` sections every lesson has, in this order (CONTRIBUTING.md, "The lesson template"). */
export const REQUIRED_SECTIONS = [
  'Introduction',
  'Understanding the topic',
  'Step-by-step explanation',
  'Syntax reference',
  'Informative example',
  'Real-world use',
  'Best practices',
  'Common mistakes',
  'Summary',
] as const;

/** The section that must hold at least one diagram. */
export const DIAGRAM_SECTION = 'Understanding the topic';

/** Generated from the frontmatter's interviewQuestions; authors do not write it. */
export const GENERATED_SECTION = 'Interview questions';

/** What the scaffold template marks as "write this": `TODO(author): …`. */
export const PLACEHOLDER_MARKER = 'TODO(author)';

/** Compares headings as an author means them: case, punctuation, emoji and spacing do not matter. */
export function sectionKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
