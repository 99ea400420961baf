import type { Course, Lesson, PhaseOutline } from './outline';

/** Up to this many lessons, every page's sidebar lists every lesson of every phase. */
export const FULL_SIDEBAR_LIMIT = 120;
/** In a larger course, the current phase shows at most this many lessons around the current one. */
export const PHASE_WINDOW = 24;

export interface SidebarPhase {
  outline: PhaseOutline;
  /** The lessons listed under the phase; empty when only the phase's link is shown. */
  lessons: Lesson[];
  /** Lessons of the phase left out of the list (reached through the phase page). */
  hidden: number;
  open: boolean;
}

/**
 * What a page's sidebar lists. A course of normal size lists everything; a very large one lists the current
 * phase (a window of it around the current lesson) and links the other phases, so every page's HTML stays small.
 */
export function sidebarFor(course: Course, currentPath: string): SidebarPhase[] {
  const full = course.lessons.length <= FULL_SIDEBAR_LIMIT;
  return course.phases.map((outline) => {
    const current = currentPath.startsWith(outline.path);
    if (full) return { outline, lessons: outline.lessons, hidden: 0, open: current };
    if (!current) return { outline, lessons: [], hidden: outline.lessons.length, open: false };
    const at = Math.max(0, outline.lessons.findIndex((l) => l.path === currentPath));
    const start = Math.max(0, Math.min(at - Math.floor(PHASE_WINDOW / 2), outline.lessons.length - PHASE_WINDOW));
    const lessons = outline.lessons.slice(start, start + PHASE_WINDOW);
    return { outline, lessons, hidden: outline.lessons.length - lessons.length, open: true };
  });
}
