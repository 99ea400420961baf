import type { Heading, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { sectionKey } from '../../course/conventions';
import type { Problem } from '../../course/problems';
import { headingText } from '../../course/anchors';
import { defineRule, lastLine, report, startOf } from '../rule';
import type { Place } from '../types';

interface Section {
  text: string;
  place: Place;
  /** Position in course.yaml's sections, or -1 for a section of the author's own. */
  index: number;
}

const q = (text: string) => `"${text}"`;

/** Indexes of the longest run of sections already in template order; ties keep the later section. */
function inOrder(indexes: readonly number[]): Set<number> {
  const length = indexes.map(() => 1);
  const previous = indexes.map(() => -1);
  for (let i = 0; i < indexes.length; i++) {
    for (let j = 0; j < i; j++) {
      // `>=` lets a later section win a tie, so of two swapped sections the one written too early is reported.
      if (indexes[j]! < indexes[i]! && length[j]! + 1 >= length[i]!) [length[i], previous[i]] = [length[j]! + 1, j];
    }
  }
  const best = Math.max(0, ...length);
  const kept = new Set<number>();
  for (let i = length.lastIndexOf(best); i !== -1 && best > 0; i = previous[i]!) kept.add(i);
  return kept;
}

export const requiredSections = defineRule({
  id: 'RM101',
  name: 'required-sections',
  severity: 'error',
  description: "The `##` sections of course.yaml's `sections` are present, in order, and the interview heading is not written by hand.",
  check(lesson) {
    const { sections: template, interview } = lesson.course.config;
    const required = template.map((s) => s.heading);
    const keys = required.map(sectionKey);
    const where = interview.before ? `before "${interview.before}"` : 'at the end';
    const problems: Problem[] = [];
    visit(lesson.tree, 'heading', (node: Heading) => {
      if (sectionKey(headingText(node)) === sectionKey(interview.heading)) {
        problems.push(report(this, lesson, startOf(node), `Remove the "${interview.heading}" heading: the site generates that section from the frontmatter's interviewQuestions and places it ${where}.`));
      }
    });

    const sections: Section[] = lesson.tree.children
      .filter((n: RootContent): n is Heading => n.type === 'heading' && n.depth === 2)
      .map((h) => ({ text: headingText(h).trim(), place: startOf(h), index: keys.indexOf(sectionKey(headingText(h))) }));

    // A section written twice: the first one counts, the second is reported.
    const first = new Map<number, Section>();
    for (const s of sections.filter((s) => s.index !== -1)) {
      const earlier = first.get(s.index);
      if (earlier) problems.push(report(this, lesson, s.place, `Section "${required[s.index]}" appears twice (also at line ${earlier.place.line}). Merge the two into one section.`));
      else first.set(s.index, s);
    }
    const present = [...first.values()].sort((a, b) => a.place.line - b.place.line);
    if (required.length === 0) return problems;
    if (present.length === 0) {
      return [...problems, report(this, lesson, lastLine(lesson), `None of the template's sections is present. Add the \`##\` sections ${required.map(q).join(', ')}, in that order.`)];
    }
    const kept = inOrder(present.map((s) => s.index));
    const keptIndexes = new Set(present.filter((_, i) => kept.has(i)).map((s) => s.index));
    const keptBefore = (index: number) => [...keptIndexes].filter((i) => i < index).sort((a, b) => b - a)[0];
    const keptAfter = (index: number) => [...keptIndexes].filter((i) => i > index).sort((a, b) => a - b)[0];
    const name = (index: number) => required[index] ?? '';
    // What the document actually has right after a section (any `##`), for the "Actual" part.
    const after = (section: Section | undefined) => {
      const i = section ? sections.indexOf(section) + 1 : 0;
      return sections[i];
    };
    const actualAfter = (section: Section | undefined) => {
      const next = after(section);
      const subject = next ? q(next.text) : 'the end of the lesson';
      return section ? `${subject} after ${q(section.text)}` : `${subject} first`;
    };

    present.forEach((s, i) => {
      if (kept.has(i)) return;
      const before = keptBefore(s.index);
      const previous = sections[sections.indexOf(s) - 1];
      const actual = previous ? `${q(s.text)} after ${q(previous.text)}` : `${q(s.text)} first`;
      const expected = before !== undefined ? `${q(name(s.index))} after ${q(name(before))}` : `${q(name(s.index))} before ${q(name(keptAfter(s.index) ?? 0))}`;
      const move = before !== undefined ? `move it after the "${name(before)}" section` : `move it before "${name(keptAfter(s.index) ?? 0)}"`;
      problems.push(report(this, lesson, s.place, `Section "${name(s.index)}" is out of order; ${move}. [Expected: ${expected}; Actual: ${actual}]`));
    });

    required.forEach((section, index) => {
      if (first.has(index)) return;
      const before = keptBefore(index);
      const previous = before !== undefined ? first.get(before) : undefined;
      // It belongs right after the previous template section, i.e. where the next `##` heading now is.
      const next = after(previous);
      const place = next ? next.place : lastLine(lesson);
      const where = previous ? `after the "${previous.text}" section` : 'as the first section';
      const expected = previous ? `${q(section)} after ${q(name(before!))}` : `${q(section)} first`;
      const actual = actualAfter(previous);
      problems.push(report(this, lesson, { line: place.line, column: 1 }, `Section "${section}" is missing. Add \`## ${section}\` ${where}. [Expected: ${expected}; Actual: ${actual}]`));
    });
    return problems;
  },
});
