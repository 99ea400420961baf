import { join } from 'node:path';

/** The fixture course every end-to-end test builds and drives. */
export const FIXTURE_COURSE = 'tests/fixtures/course';

/** The builds the end-to-end suite makes once, before any test runs. */
export const SITES = {
  /** Served at the domain root. */
  root: { outDir: join('node_modules', '.cache', 'redis-mastery', 'e2e', 'root'), base: '/', env: {} },
  /** Served under a sub-path, as on GitHub Pages. */
  subpath: { outDir: join('node_modules', '.cache', 'redis-mastery', 'e2e', 'subpath'), base: '/redis-mastery/', env: {} },
  /** Built as if no browser were installed: diagrams are drawn in the reader's browser. */
  clientDiagrams: { outDir: join('node_modules', '.cache', 'redis-mastery', 'e2e', 'client'), base: '/', env: { MERMAID_RENDER: 'client' } },
} as const;

export type SiteName = keyof typeof SITES;
