import { fieldPosition } from '../../course/yaml-source';
import { defineRule, report } from '../rule';

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|cf|incl|no|fig)\.$/i;

/** Sentences of a one-paragraph text: a full stop, ! or ? followed by space and a capital or digit starts a new one. */
export function countSentences(text: string): number {
  let count = 1;
  for (const match of text.matchAll(/[.!?]["')\]]*\s+(?=["'(`]?[\p{Lu}\p{N}])/gu)) {
    if (!ABBREVIATIONS.test(text.slice(0, (match.index ?? 0) + 1))) count++;
  }
  return count;
}

export const descriptionLength = defineRule({
  id: 'RM106',
  name: 'description-length',
  severity: 'warning',
  description: 'The description is one sentence (its 40–200 characters are checked by RM003/frontmatter-schema).',
  check(lesson) {
    // Length and presence are schema rules (RM003); an invalid description is reported there.
    const description = lesson.data?.description;
    if (description === undefined) return [];
    const sentences = countSentences(description);
    if (sentences <= 1) return [];
    return [
      report(this, lesson, fieldPosition(lesson.frontmatter, ['description']), `description has ${sentences} sentences. It is shown as one line on cards and in search results: keep it to one sentence that says what the learner gets.`),
    ];
  },
});
