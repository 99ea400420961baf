/**
 * Every environment variable the generator and its tools read, in one place, each with its default.
 * Node only (build, dev server, command-line tools); browser code gets what it needs from the page.
 */

export interface Settings {
  /** `LESSONS_DIR`: the course folder (course.yaml and the lessons); default `lessons`. */
  lessonsDir: string;
  /** `SITE_URL`: the origin the site is published at, for canonical URLs and the sitemap; default `http://localhost:4321`. */
  siteUrl: string;
  /** `BASE_PATH`: the path the site lives under, e.g. `/redis-mastery/`; default `/`. */
  basePath: string;
  /** `OUT_DIR`: where the built site is written; default `dist`. */
  outDir: string;
  /** `CACHE_DIR`: caches that survive builds (lesson checks, diagrams); default `node_modules/.cache/course-site`. */
  cacheDir: string;
  /** `ASTRO_CACHE_DIR`: Astro's own cache, Vite's dependency cache included; default `node_modules/.astro`. */
  astroCacheDir: string;
  /** `DIAGRAM_CACHE_DIR`: rendered diagrams; default `<cacheDir>/diagrams`. */
  diagramCacheDir: string;
  /** `MERMAID_RENDER=client`: draw diagrams in the reader's browser instead of at build time; default `build`. */
  mermaidRender: 'build' | 'client';
  /** `CHROME_PATH`: the Chromium used for diagrams, the PDF and the browser tests; default: the first one installed. */
  chromePath: string | undefined;
  /** `REDIS_SERVER`: the redis-server the Redis tools start; default: redis-server on PATH. */
  redisServer: string | undefined;
  /** `REDIS_SERVERS`: more servers by version, `7.2=/path/redis-server,7.4=/other/redis-server`; default none. */
  redisServers: string | undefined;
  /** `EDIT_URL`: the prefix of "Edit this lesson" links; overrides course.yaml's `editUrl`. */
  editUrl: string | undefined;
  /** `DEBUG`: tools print the full error (stack trace) after their one-line message. */
  debug: boolean;
  /** `CI=true`: a missing browser or server fails the tests instead of skipping them. */
  ci: boolean;
  /** `GITHUB_ACTIONS=true`: problems are also printed as pull-request annotations. */
  githubActions: boolean;
  /** `PATH`: where tools such as redis-server are looked for. */
  path: string;
  /**
   * `DEV_DIAGRAM_WAIT_MS`: how long `npm run dev` waits for a diagram it has not drawn yet (its browser still starting,
   * say) before it serves the lesson with the diagram's source in its place, redrawn once drawn; default 150.
   */
  devDiagramWaitMs: number;
  /** `COURSE_SITE_DIAGRAMS_FROM_PARENT`: set in Astro's process by `npm run build` and `npm run dev`, whose own process draws the diagrams. */
  diagramsFromParent: boolean;
}

/** The variable behind `diagramsFromParent`. */
export const DIAGRAMS_FROM_PARENT = 'COURSE_SITE_DIAGRAMS_FROM_PARENT';
/** Set in Astro's process by `npm run build` and `npm run dev`: the folder Node keeps its compiled code in (src/cli/astro-process.mjs). */
export const COMPILE_CACHE = 'COURSE_SITE_COMPILE_CACHE';

const text = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

/** A whole number of milliseconds, or undefined when the variable is unset or not one. */
const waitMs = (value: string | undefined): number | undefined => {
  const ms = Number(text(value) ?? Number.NaN);
  return Number.isInteger(ms) && ms >= 0 ? ms : undefined;
};

/** Reads the settings from an environment (the process's by default); pure, so tests pass their own. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const cacheDir = text(env['CACHE_DIR']) ?? 'node_modules/.cache/course-site';
  return {
    lessonsDir: text(env['LESSONS_DIR']) ?? 'lessons',
    siteUrl: text(env['SITE_URL']) ?? 'http://localhost:4321',
    basePath: text(env['BASE_PATH']) ?? '/',
    outDir: text(env['OUT_DIR']) ?? 'dist',
    cacheDir,
    astroCacheDir: text(env['ASTRO_CACHE_DIR']) ?? 'node_modules/.astro',
    diagramCacheDir: text(env['DIAGRAM_CACHE_DIR']) ?? `${cacheDir}/diagrams`,
    mermaidRender: env['MERMAID_RENDER'] === 'client' ? 'client' : 'build',
    chromePath: text(env['CHROME_PATH']),
    redisServer: text(env['REDIS_SERVER']),
    redisServers: text(env['REDIS_SERVERS']),
    editUrl: text(env['EDIT_URL']),
    debug: Boolean(text(env['DEBUG'])) && env['DEBUG'] !== '0',
    ci: env['CI'] === 'true',
    githubActions: env['GITHUB_ACTIONS'] === 'true',
    path: env['PATH'] ?? '',
    devDiagramWaitMs: waitMs(env['DEV_DIAGRAM_WAIT_MS']) ?? 150,
    diagramsFromParent: env[DIAGRAMS_FROM_PARENT] === '1',
  };
}

/**
 * A line for each setting that is set to a value the tools do not understand, saying what is used instead and what
 * to write: a typo such as MERMAID_RENDER=clinet would otherwise change nothing and say nothing.
 */
export function misreadSettings(env: NodeJS.ProcessEnv = process.env): string[] {
  const lines: string[] = [];
  const render = text(env['MERMAID_RENDER']);
  if (render !== undefined && render !== 'build' && render !== 'client') {
    lines.push(`[settings] MERMAID_RENDER=${render} is not "build" or "client": diagrams are drawn at build time. Set MERMAID_RENDER=client to draw them in the browser, or unset it.`);
  }
  const wait = text(env['DEV_DIAGRAM_WAIT_MS']);
  if (wait !== undefined && waitMs(wait) === undefined) {
    lines.push(`[settings] DEV_DIAGRAM_WAIT_MS=${wait} is not a whole number of milliseconds: 150 is used. Set it to 0 or more, such as DEV_DIAGRAM_WAIT_MS=500.`);
  }
  return lines;
}

/** The settings of this process. */
export const settings: Settings = readSettings();
