/**
 * The conventions build, linter and browser code share, stated once. Pure and dependency-free, so it
 * bundles into client code as well as it runs in Node.
 */

/** `q-3`: the anchor of a lesson's third interview question. */
export const questionAnchor = (number: number): string => `q-${number}`;

/** `core-data-structures/strings/#q-3`: a question's id, stable while the lesson keeps its URL. */
export const questionId = (lessonPath: string, number: number): string => `${lessonPath}#${questionAnchor(number)}`;

/** `core-data-structures/`: a phase page's path inside the site, without the base. */
export const phasePath = (phaseSlug: string): string => `${phaseSlug}/`;

/** `core-data-structures/strings/`: a lesson page's path inside the site, without the base. */
export const lessonPath = (phaseSlug: string, lessonSlug: string): string => `${phaseSlug}/${lessonSlug}/`;

/** "Phase 2: Core Data Structures", as headings, breadcrumbs and titles name a phase. */
export const phaseLabel = (phase: { number: number; title: string }): string => `Phase ${phase.number}: ${phase.title}`;

/** "1 lesson", "3 lessons"; `many` for irregular plurals ("mismatches"). */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** Compares headings as an author means them: case, punctuation, emoji and spacing do not matter. */
export function sectionKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "six" for 6, "14" for 14: numbers in running text, spelled out up to twelve. */
export const numberWord = (n: number): string => WORDS[n] ?? String(n);

/** Where the browser keeps this course's data: `<course id>:progress:v2` (v1 before spaced review, read once to migrate), `<course id>:theme`. */
export const storageKeys = (courseId: string) => ({
  progress: `${courseId}:progress:v2`,
  progressV1: `${courseId}:progress:v1`,
  theme: `${courseId}:theme`,
});

/** "3 h 20 min", "45 min": how long a stretch of the course takes to read. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** What the lesson scaffold marks as "write this": `TODO(author): …`; the linter warns while any is left. */
export const PLACEHOLDER_MARKER = 'TODO(author)';

/** The search index's `type` filter value for an interview question's own record (lessons are `Lesson`). */
export const QUESTION_TYPE = 'Interview question';

/** The interview-prep page's path inside the site. */
export const INTERVIEW_PATH = 'interview/';
