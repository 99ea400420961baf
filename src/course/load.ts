import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCourse, type Course, type Lesson } from './outline';
import { loadCourseConfig } from './read';
import { lessonSlug } from './slug';

export type LessonEntry = CollectionEntry<'lessons'>;

/** course.yaml of the course being built. */
export const courseConfig = loadCourseConfig();

let course: Promise<{ course: Course; entries: Map<string, LessonEntry> }> | undefined;

/** The whole course, built once per build; drafts are kept in dev and dropped in production. */
export function loadCourse() {
  course ??= (async () => {
    const all = await getCollection('lessons', (entry) => import.meta.env.DEV || !entry.data.draft);
    const entries = new Map<string, LessonEntry>();
    const sources = all.map((entry) => {
      const filePath = entry.filePath ?? `${entry.id}.mdx`;
      entries.set(filePath, entry);
      return { filePath, slug: lessonSlug(filePath), data: entry.data };
    });
    return { course: buildCourse(sources, courseConfig), entries };
  })();
  return course;
}

/** The collection entry behind a placed lesson, for rendering its body. */
export async function entryOf(lesson: Lesson): Promise<LessonEntry> {
  const { entries } = await loadCourse();
  const entry = entries.get(lesson.filePath);
  if (!entry) throw new Error(`No content entry for ${lesson.filePath}`);
  return entry;
}
