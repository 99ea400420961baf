import { join } from 'node:path';

const CACHE = join('node_modules', '.cache', 'redis-mastery', 'e2e');

/** The fixture course every end-to-end test builds and drives. */
export const FIXTURE_COURSE = 'tests/fixtures/course';
/** A second course on another subject, with its own template and levels: built by the same code, with no change to src/. */
export const OTHER_COURSE = 'tests/fixtures/other-course';
/** A copy of the fixture course plus one lesson written by `npm run new:lesson`, as an author would start. */
export const COURSE_DIR = join(CACHE, 'course');
export const SCAFFOLDED = { phase: 3, title: 'Scaffolded Lesson', path: 'advanced-patterns/scaffolded-lesson/' } as const;

/** The builds the end-to-end suite makes once, before any test runs. */
export const SITES = {
  /** Served at the domain root. */
  root: { outDir: join(CACHE, 'root'), base: '/', env: {} },
  /** Served under a sub-path, as on GitHub Pages. */
  subpath: { outDir: join(CACHE, 'subpath'), base: '/redis-mastery/', env: {} },
  /** Built as if no browser were installed: diagrams are drawn in the reader's browser. */
  clientDiagrams: { outDir: join(CACHE, 'client'), base: '/', env: { MERMAID_RENDER: 'client' } },
  /** The real course. */
  course: { outDir: join(CACHE, 'course-site'), base: '/', env: {} },
  /** The other course. */
  other: { outDir: join(CACHE, 'other'), base: '/', env: {} },
} as const;

export type SiteName = keyof typeof SITES;
