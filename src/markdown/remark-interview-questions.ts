import type { BlockContent, Heading, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { InterviewQuestion } from '../course/schema';

/** The heading the questions go under; the template puts it right before "Summary". */
export const INTERVIEW_HEADING = 'Interview questions';

function isHeading(node: RootContent, text: string): node is Heading {
  return node.type === 'heading' && node.depth === 2 && toString(node).trim().toLowerCase() === text.toLowerCase();
}

/** One question as a disclosure: level badge and question visible, the answer behind the reveal. */
export function questionNode(q: InterviewQuestion, number: number): BlockContent {
  const answer = fromMarkdown(q.answer).children as BlockContent[];
  return {
    type: 'blockquote',
    data: {
      hName: 'details',
      // Questions are indexed as search results of their own, so the lesson's record leaves them out.
      hProperties: { id: `q-${number}`, className: ['question', `question--${q.level.toLowerCase()}`], dataLevel: q.level, dataPagefindIgnore: '' },
    },
    children: [
      {
        type: 'paragraph',
        data: { hName: 'summary' },
        children: [
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['question__number'] } }, children: [{ type: 'text', value: `Q${number}` }] },
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['badge', `badge--${q.level.toLowerCase()}`] } }, children: [{ type: 'text', value: q.level }] },
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['question__text'] } }, children: [{ type: 'text', value: q.question }] },
        ],
      },
      { type: 'blockquote', data: { hName: 'div', hProperties: { className: ['question__answer'] } }, children: answer },
    ],
  };
}

/**
 * Remark plugin: renders the frontmatter's interview questions in the template's place,
 * under "Interview questions" (added before "Summary" when the lesson does not write it).
 */
export function remarkInterviewQuestions() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data.astro as { frontmatter?: { interviewQuestions?: unknown } } | undefined)?.frontmatter;
    const questions = frontmatter?.interviewQuestions;
    if (!Array.isArray(questions) || questions.length === 0) return;
    const valid = questions.filter(
      (q): q is InterviewQuestion => typeof q?.question === 'string' && typeof q?.answer === 'string' && typeof q?.level === 'string',
    );
    const nodes = valid.map((q, i) => questionNode(q, i + 1));
    const existing = tree.children.findIndex((n) => isHeading(n, INTERVIEW_HEADING));
    if (existing !== -1) {
      tree.children.splice(existing + 1, 0, ...nodes);
      return;
    }
    const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: INTERVIEW_HEADING }] };
    const summary = tree.children.findIndex((n) => isHeading(n, 'Summary'));
    tree.children.splice(summary === -1 ? tree.children.length : summary, 0, heading, ...nodes);
  };
}
