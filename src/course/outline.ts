import type { CourseConfig, Phase } from './config';
import { lessonPath, phasePath, plural } from './conventions';
import type { LessonData } from './schema';

/** What the outline needs to know of one lesson file. */
export interface OutlineSource {
  /** Path of the MDX file relative to the project, e.g. `lessons/redis-fundamentals/redis-home.mdx`. */
  filePath: string;
  slug: string;
  data: Pick<LessonData, 'title' | 'description' | 'phase' | 'order' | 'duration' | 'draft'>;
}

/** A lesson placed in the course: where it sits, how to reach it and its neighbours. */
export interface Lesson extends OutlineSource {
  phase: Phase;
  /** Site-relative path without the base, e.g. `redis-fundamentals/redis-home/`. */
  path: string;
  /** 1-based position inside the phase ("Lesson N of M"). */
  numberInPhase: number;
  lessonsInPhase: number;
  previous: Lesson | undefined;
  next: Lesson | undefined;
}

export interface PhaseOutline {
  phase: Phase;
  path: string;
  lessons: Lesson[];
  minutes: number;
}

export interface Course {
  phases: PhaseOutline[];
  /** Every lesson in reading order, across phase boundaries. */
  lessons: Lesson[];
  minutes: number;
}

/** A rule that spans lessons was broken; `message` names every file involved. */
export class CourseError extends Error {
  constructor(readonly problems: string[]) {
    super(`The course outline has ${plural(problems.length, 'problem')}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CourseError';
  }
}

/** Two or more lessons that claim the same place or the same URL. */
export interface OutlineClash {
  kind: 'position' | 'slug';
  files: string[];
  message: string;
}

/** Clashes no single lesson's schema can see: shared positions and shared slugs. */
export function findOutlineClashes(sources: readonly OutlineSource[]): OutlineClash[] {
  const groupBy = (key: (s: OutlineSource) => string) => {
    const groups = new Map<string, OutlineSource[]>();
    for (const s of sources) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
    return [...groups.values()].filter((group) => group.length > 1);
  };
  const files = (group: OutlineSource[]) => group.map((g) => g.filePath);
  return [
    ...groupBy((s) => `${s.data.phase}/${s.data.order}`).map((group): OutlineClash => ({
      kind: 'position',
      files: files(group),
      message: `${files(group).join(' and ')} both have phase: ${group[0]!.data.phase} and order: ${group[0]!.data.order}. Give each lesson of a phase its own order.`,
    })),
    ...groupBy((s) => s.slug).map((group): OutlineClash => ({
      kind: 'slug',
      files: files(group),
      message: `${files(group).join(' and ')} both have the slug "${group[0]!.slug}". Rename one of the files; a lesson's URL comes from its file name.`,
    })),
  ];
}

/** Orders lessons into the course's phases and links each to its neighbours; throws a CourseError on clashes. */
export function buildCourse(sources: readonly OutlineSource[], config: Pick<CourseConfig, 'phases'>): Course {
  const clashes = findOutlineClashes(sources);
  if (clashes.length > 0) throw new CourseError(clashes.map((c) => c.message));

  const sorted = [...sources].sort((a, b) => a.data.phase - b.data.phase || a.data.order - b.data.order);
  const lessons: Lesson[] = [];
  const phases = config.phases.map((phase): PhaseOutline => {
    const inPhase = sorted.filter((s) => s.data.phase === phase.number);
    const placed = inPhase.map(
      (s, i): Lesson => ({
        ...s,
        phase,
        path: lessonPath(phase.slug, s.slug),
        numberInPhase: i + 1,
        lessonsInPhase: inPhase.length,
        previous: undefined,
        next: undefined,
      }),
    );
    lessons.push(...placed);
    return { phase, path: phasePath(phase.slug), lessons: placed, minutes: sumMinutes(placed) };
  });
  lessons.forEach((lesson, i) => {
    lesson.previous = lessons[i - 1];
    lesson.next = lessons[i + 1];
  });
  return { phases, lessons, minutes: sumMinutes(lessons) };
}

function sumMinutes(lessons: readonly Lesson[]): number {
  return lessons.reduce((total, l) => total + l.data.duration, 0);
}
