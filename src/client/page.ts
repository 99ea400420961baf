/** What every page tells its scripts on `<html>`: the base path and the course's id, for links and stored data. */
import { storageKeys } from '../course/conventions';

export interface PageContext {
  /** The site's base path with a trailing slash, e.g. `/` or `/redis-mastery/`. */
  base: string;
  /** course.yaml's id: the prefix of everything the site keeps in the browser. */
  courseId: string;
  /** The course's title, for file names and messages. */
  courseTitle: string;
  keys: ReturnType<typeof storageKeys>;
}

export function pageContext(root: HTMLElement = document.documentElement): PageContext {
  const courseId = root.dataset.course ?? 'course';
  return { base: root.dataset.base ?? '/', courseId, courseTitle: root.dataset.courseTitle ?? courseId, keys: storageKeys(courseId) };
}

/** localStorage, or undefined where the browser refuses it (private modes, disabled storage): kept data is a nicety, never a crash. */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
