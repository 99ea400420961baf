import type { BlockContent, Heading, Nodes, RootContent } from 'mdast';
import { markdownToMdast, type MdastPluginEntry } from 'satteri';
import { questionAnchor } from '../course/conventions';
import type { InterviewQuestion } from '../course/schema';
import { interviewPlacement, type SectionHeading } from './interview-placement';
import { frontmatterOf } from './lesson-facts';

/** An answer's Markdown as blocks; raw HTML is dropped, as on the interview page. */
function answerBlocks(markdown: string): BlockContent[] {
  const withoutHtml = (node: Nodes): Nodes[] =>
    node.type === 'html' ? [] : 'children' in node ? [{ ...node, children: node.children.flatMap(withoutHtml) } as Nodes] : [node];
  return (markdownToMdast(markdown, { position: false }) as { children: RootContent[] }).children.flatMap(withoutHtml) as BlockContent[];
}

/** One question as a disclosure: level badge and question visible, the answer behind the reveal. */
export function questionNode(q: InterviewQuestion, number: number): BlockContent {
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
      { type: 'blockquote', data: { hName: 'div', hProperties: { className: ['question__answer'] } }, children: answerBlocks(q.answer) },
    ],
  };
}

export interface InterviewOptions {
  /** course.yaml's `interview.heading` and `interview.before`. */
  interview: { heading: string; before: string };
}

/** The frontmatter's questions that have a level, a question and an answer (the schema reports the others). */
const validQuestions = (questions: unknown): InterviewQuestion[] =>
  Array.isArray(questions)
    ? questions.filter((q): q is InterviewQuestion => typeof q?.question === 'string' && typeof q?.answer === 'string' && typeof q?.level === 'string')
    : [];

/**
 * Sätteri mdast plugin: renders the frontmatter's interview questions in the template's place, under the interview
 * heading (added in front of the section course.yaml names when the lesson does not write it). It reads only the
 * top-level `##` headings, and is left out of a lesson without questions.
 */
export function interviewQuestions({ interview }: InterviewOptions): MdastPluginEntry {
  return ({ data }) => {
    const questions = validQuestions(frontmatterOf(data)['interviewQuestions']);
    if (questions.length === 0) return null;
    const headings: SectionHeading[] = [];
    return {
      name: 'course-site:interview-questions',
      heading(node, ctx) {
        if (node.depth === 2 && ctx.parent(node).type === 'root') headings.push({ index: ctx.indexOf(node)!, text: ctx.textContent(node) });
      },
      after(root, ctx) {
        const { written, index } = interviewPlacement(headings, interview);
        const title: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: interview.heading }] };
        const nodes = [...(written ? [] : [title]), ...questions.map((q, i) => questionNode(q, i + 1))];
        if (index === undefined) ctx.appendChild(root, nodes);
        else ctx.insertChildAt(root, index, nodes);
      },
    };
  };
}
