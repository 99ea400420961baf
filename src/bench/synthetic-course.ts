import { parseLessonSource } from '../course/lesson-source';
import { readingTime } from '../course/reading-time';

/** The synthetic course's phases, as its course.yaml lists them. */
const PHASES = ['redis-fundamentals', 'core-data-structures', 'advanced-patterns', 'high-availability-and-scaling', 'spring-boot-integration', 'production-operations'].map(
  (slug, i) => ({ number: i + 1, slug, title: slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) }),
);

/** course.yaml of the synthetic course. */
export const SYNTHETIC_COURSE_FILE = `title: Synthetic course
tagline: A generated course used to measure how the site builds and loads at scale.
audience: Whoever runs the benchmark.
outcomes:
  - Measure the build.
phases:
${PHASES.map((p) => `  - slug: ${p.slug}\n    title: ${p.title}\n    summary: Phase ${p.number} of the synthetic course.`).join('\n')}
`;

/** A small deterministic pseudo-random generator (mulberry32), so every run builds the same course. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'redis keeps data in memory and answers commands on one thread so every command is atomic while replicas copy the ' +
  'stream of writes and the cluster spreads keys across slots a cache key needs a time to live and a sorted set ranks ' +
  'members by score lists make queues hashes group fields streams keep an append only log with consumer groups'
).split(' ');

export interface SyntheticLesson {
  /** Path relative to the course folder, e.g. `redis-fundamentals/lesson-0007.mdx`; course.yaml is `course.yaml`. */
  path: string;
  text: string;
}

function sentence(next: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  return `${picked.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function paragraph(next: () => number): string {
  return Array.from({ length: 5 }, () => sentence(next, 12 + Math.floor(next() * 8))).join(' ');
}

/**
 * A course of `count` lessons spread over the six phases, each shaped like a real lesson: every template
 * section, prose, a redis-cli session, a Java block, one diagram of its own and five interview questions.
 */
export function syntheticCourse(count: number, seed = 42): SyntheticLesson[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const phase = PHASES[i % PHASES.length]!;
    const order = Math.floor(i / PHASES.length) + 1;
    const n = String(i + 1).padStart(4, '0');
    const questions = ['Beginner', 'Beginner', 'Intermediate', 'Intermediate', 'Advanced']
      .map((level, q) => `  - level: ${level}\n    question: "Question ${q + 1} of lesson ${n}?"\n    answer: "${sentence(next, 30)}"`)
      .join('\n');
    const section = (title: string, body = paragraph(next)) => `## ${title}\n\n${body}\n\n${paragraph(next)}\n`;
    const body = `${section('Introduction')}
## Understanding the topic

${paragraph(next)}

\`\`\`mermaid
flowchart LR
  accTitle: Data flow of lesson ${n}
  C${n}[Client ${n}] -->|command| R${n}[Redis]
  R${n} -->|reply| C${n}
  R${n} --> P${n}[(Replica ${n})]
\`\`\`

${section('Step-by-step explanation')}
## Syntax reference

\`\`\`redis-cli
127.0.0.1:6379> SET lesson:${n} "ready" EX 600
OK
127.0.0.1:6379> GET lesson:${n}
"ready"
\`\`\`

${section('Informative example', `\`\`\`java\npublic record Lesson${n}(String id, long score) {\n    public boolean isHigh() { return score > ${Math.floor(next() * 100)}; }\n}\n\`\`\``)}
${section('Real-world use')}
${section('Best practices')}
${section('Common mistakes')}
${section('Summary')}`;
    // Declared duration = measured reading time, as the linter expects of a real lesson.
    const questionText = [...questions.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    const text = `---
title: "Synthetic lesson ${n}"
description: "A generated lesson used to measure how the site builds and loads at scale."
phase: ${phase.number}
order: ${order}
duration: ${readingTime(parseLessonSource('', body).tree, questionText).minutes}
interviewQuestions:
${questions}
---

${body}`;
    return { path: `${phase.slug}/lesson-${n}.mdx`, text };
  });
}

/** A lesson of the synthetic course with its summary's first words changed, as an author's small edit would. */
export function editedLesson(text: string): string {
  const summary = '## Summary\n\n';
  if (!text.includes(summary)) throw new Error('A synthetic lesson has no summary to edit.');
  return text.replace(summary, `${summary}In short, `);
}
