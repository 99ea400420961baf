import type { BlockContent, Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { MdastPluginDefinition } from 'satteri';
import { questionAnchor } from '../course/conventions';
import type { InterviewQuestion } from '../course/schema';
import { interviewInsertion } from './interview-placement';
import { frontmatterOf } from './lesson-facts';

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

/** The nodes a lesson's questions add and where they go: under the interview heading, added when the lesson does not write it. */
export function interviewNodes(tree: Root, questions: unknown, { interview }: InterviewOptions): { index: number; nodes: BlockContent[] } | undefined {
  if (!Array.isArray(questions) || questions.length === 0) return undefined;
  const valid = questions.filter(
    (q): q is InterviewQuestion => typeof q?.question === 'string' && typeof q?.answer === 'string' && typeof q?.level === 'string',
  );
  const { written, index } = interviewInsertion(tree, interview);
  const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: interview.heading }] };
  return { index, nodes: [...(written ? [] : [heading]), ...valid.map((q, i) => questionNode(q, i + 1))] };
}

/** Sätteri mdast plugin: renders the frontmatter's interview questions in the template's place. */
export function interviewQuestions(options: InterviewOptions): MdastPluginDefinition {
  return {
    name: 'course-site:interview-questions',
    before(root, ctx) {
      const added = interviewNodes(root as Root, frontmatterOf(ctx.data)['interviewQuestions'], options);
      if (added) ctx.insertChildAt(root, added.index, added.nodes);
    },
  };
}
