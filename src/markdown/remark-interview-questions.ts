import type { BlockContent, Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { VFile } from 'vfile';
import { questionAnchor } from '../course/conventions';
import type { InterviewQuestion } from '../course/schema';
import { interviewInsertion } from './interview-placement';

/** One question as a disclosure: level badge and question visible, the answer behind the reveal. */
export function questionNode(q: InterviewQuestion, number: number): BlockContent {
  const answer = fromMarkdown(q.answer).children as BlockContent[];
  const level = q.level.toLowerCase();
  return {
    type: 'blockquote',
    data: {
      hName: 'details',
      // Questions are indexed as search results of their own, so the lesson's record leaves them out.
      hProperties: { id: questionAnchor(number), className: ['question', `question--${level}`], dataLevel: q.level, dataPagefindIgnore: '' },
    },
    children: [
      {
        type: 'paragraph',
        data: { hName: 'summary' },
        children: [
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['question__number'] } }, children: [{ type: 'text', value: `Q${number}` }] },
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['badge', `badge--${level}`] } }, children: [{ type: 'text', value: q.level }] },
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['question__text'] } }, children: [{ type: 'text', value: q.question }] },
        ],
      },
      { type: 'blockquote', data: { hName: 'div', hProperties: { className: ['question__answer'] } }, children: answer },
    ],
  };
}

export interface InterviewOptions {
  /** course.yaml's `interview.heading` and `interview.before`. */
  interview: { heading: string; before: string };
}

/**
 * Remark plugin: renders the frontmatter's interview questions in the template's place, under the interview
 * heading (added in front of the section course.yaml names when the lesson does not write it).
 */
export function remarkInterviewQuestions({ interview }: InterviewOptions) {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data.astro as { frontmatter?: { interviewQuestions?: unknown } } | undefined)?.frontmatter;
    const questions = frontmatter?.interviewQuestions;
    if (!Array.isArray(questions) || questions.length === 0) return;
    const valid = questions.filter(
      (q): q is InterviewQuestion => typeof q?.question === 'string' && typeof q?.answer === 'string' && typeof q?.level === 'string',
    );
    const nodes = valid.map((q, i) => questionNode(q, i + 1));
    const { written, index } = interviewInsertion(tree, interview);
    const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: interview.heading }] };
    tree.children.splice(index, 0, ...(written ? [] : [heading]), ...nodes);
  };
}
