import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { ErrorPayload, Plugin, Rolldown } from 'vite';
import { codeDigest } from '../code-digest';
import { COURSE_FILE } from '../course/config';
import { formatBytes } from '../course/offline-copy';
import { formatProblem, sortProblems } from '../course/problems';
import { readCourseFolder } from '../course/folder';
import { loadCourseConfig } from '../course/read';
import { settings } from '../env';
import { packsOfLessons } from '../packs/index';
import { CourseChecker } from '../lint/cache';
import type { CompileStats } from '../markdown/compile-cache';
import { closeSharedDiagramRenderer, prefetchCourseDiagrams, sharedDiagramRenderer } from '../markdown/diagram-service';
import { lessonProcessor } from '../markdown/processor';
import { readBuiltSite } from './built-site';
import { DEV_GENERATION_ATTRIBUTE } from './dev-generation';
import { attachLessonRefresh, LESSON_REFRESH_EVENT, LESSON_REFRESH_READY_EVENT, LessonRefresh } from './lesson-refresh';
import { checkLinks, formatBrokenLink } from './link-check';
import { drawSlots, writeFilledPages } from './diagram-fill';
import { writeOfflineCopy } from './offline-copy';
import { packComponentsPlugin } from './pack-components';
import { slimPreloadHelperPlugin } from './preload-helper';
import { writeSearchIndex } from './search-index';

/** External links printed after a build; a very large course prints a count for the rest. */
const MAX_LISTED = 100;

/**
 * The course site: course.yaml and the lessons of LESSONS_DIR built into a static site. Registers MDX, the sitemap
 * and every Markdown plugin, takes site URL, base path and folders from the environment (src/env.ts), and after
 * the build writes the search index and checks every link. In `npm run dev`, every saved lesson is checked.
 */
export function courseSite(): AstroIntegration {
  // Lessons compiled by this build and lessons taken from the compile cache, for the build log.
  const compiled: CompileStats = { compiled: 0, cached: 0 };
  // In `npm run dev`: what a save of a lesson changed, told from the lessons as the server found them.
  const refresh = new LessonRefresh();
  // Dev: what to do once a diagram a lesson showed as its source is drawn (set when the server is).
  let redraw: (file: string) => void = () => {};
  return {
    name: 'course-site',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, addWatchFile, injectRoute, injectScript, logger }) => {
        const course = loadCourseConfig();
        const diagramsAtBuild = sharedDiagramRenderer(settings.diagramCacheDir, (m) => logger.warn(m)) !== null;
        // Diagrams render in the browser while Astro starts, syncs content and compiles MDX; lessons then find them done.
        if (command === 'build') prefetchCourseDiagrams(settings.lessonsDir, settings.diagramCacheDir, (m) => logger.warn(m));
        // What a pack brings to the site (the Redis console, Run in browser) exists only in a course whose lessons use it;
        // a pack first used while `npm run dev` runs shows after a restart.
        const sources = readCourseFolder(settings.lessonsDir).files;
        const packs = packsOfLessons(sources);
        for (const pack of packs) for (const page of pack.pages ?? []) injectRoute(page);
        if (command === 'dev') {
          for (const { file, raw } of sources) if (file.endsWith('.mdx')) refresh.know(file, raw);
          // A save that changed only a lesson's words updates the open page in place (dev only: built pages get nothing).
          const names = { event: LESSON_REFRESH_EVENT, ready: LESSON_REFRESH_READY_EVENT, attribute: DEV_GENERATION_ATTRIBUTE };
          injectScript('page', `import { startDevRefresh } from ${JSON.stringify(DEV_REFRESH)}; startDevRefresh(${JSON.stringify(names)});`);
        }
        // A change to course.yaml restarts the dev server, so every page and the schema see it.
        addWatchFile(resolve(settings.lessonsDir, COURSE_FILE));
        updateConfig({
          site: settings.siteUrl,
          base: settings.basePath,
          outDir: pathToFileURL(resolve(fileURLToPath(config.root), settings.outDir, '.') + '/'),
          cacheDir: pathToFileURL(resolve(fileURLToPath(config.root), settings.astroCacheDir, '.') + '/'),
          trailingSlash: 'ignore',
          // External files only: pages share cached assets and a strict CSP needs no inline script hashes.
          build: { format: 'directory', inlineStylesheets: 'never' },
          vite: {
            // Vite's dependency cache lives with Astro's, so deleting ASTRO_CACHE_DIR leaves no cache behind.
            cacheDir: resolve(fileURLToPath(config.root), settings.astroCacheDir, 'vite'),
            build: {
              assetsInlineLimit: 0,
              rolldownOptions: {
                // Compiled MDX carries Astro's own "use astro:head-inject" directive; the bundler's note on each lesson that it drops it is noise.
                onwarn(warning: Rolldown.RolldownLog, warn: (warning: Rolldown.RolldownLog) => void) {
                  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
                  warn(warning);
                },
              },
            },
            plugins: [packComponentsPlugin(packs), slimPreloadHelperPlugin(), ...(diagramsAtBuild ? [withoutDiagramFallback()] : [])],
            // Mermaid is only imported by the no-browser fallback; pre-bundling it would stall the dev server's start.
            optimizeDeps: { exclude: ['mermaid'] },
            // Dev: the server transforms the pages and what they import as soon as it starts, and each module's imports
            // while the runner is still evaluating it, instead of one import at a time on the first request (0.5 s of
            // the first lesson's 3.9 s on 42 lessons).
            ...(command === 'dev' ? { environments: { ssr: { dev: { preTransformRequests: true, warmup: ['./src/pages/**/*.astro'] } } } } : {}),
            // Module workers (the in-browser Redis) are bundled as ES modules, as they are started, and name their assets
            // as the pages do: the page and the worker then point at one and the same hashed engine file.
            worker: {
              format: 'es',
              rolldownOptions: { output: { entryFileNames: `${config.build.assets}/[name].[hash].js`, assetFileNames: `${config.build.assets}/[name].[hash][extname]` } },
            },
          },
          markdown: {
            syntaxHighlight: false,
            processor: lessonProcessor(course, {
              diagramCacheDir: settings.diagramCacheDir,
              compileCacheDir: join(settings.cacheDir, 'lessons'),
              cacheContext: `${codeDigest()}\ndiagrams ${diagramsAtBuild ? (command === 'build' ? 'in slots' : 'at build') : 'in the browser'}`,
              stats: compiled,
              // Dev: a lesson is served before a diagram that is slow to draw (the browser starting), then redrawn.
              patience: command === 'dev' && diagramsAtBuild ? { ms: settings.devDiagramWaitMs, drawing: (file, drawn) => void drawn.then(() => redraw(file)) } : undefined,
              // A build: no lesson waits for its diagrams, which fill their slots once the pages are written.
              diagramSlots: command === 'build' && diagramsAtBuild,
            }),
          },
          // The site's own checks come last, after the sitemap is written, so its links are checked too.
          integrations: [mdx({ optimize: true }), sitemap(), afterBuild(compiled)],
          devToolbar: { enabled: false },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        // In `npm run dev`, every saved lesson is checked with the build's rules; errors show in the terminal and the browser overlay.
        const dir = resolve(settings.lessonsDir);
        const inCourse = (file: string) => resolve(file).startsWith(dir);
        // Only a saved file is parsed and checked again (with the rules that span lessons); the rest comes from memory.
        const checker = new CourseChecker(settings.lessonsDir, join(settings.cacheDir, 'lesson-checks.json'));
        let overlay: ErrorPayload | undefined;
        // A save waiting to be checked, and the latest the check may wait until.
        let saved = false;
        let due: NodeJS.Timeout | undefined;
        const check = () => {
          clearTimeout(due);
          saved = false;
          const errors = sortProblems(checker.check().problems.filter((p) => p.severity === 'error'));
          for (const problem of errors) logger.error(formatProblem(problem));
          const [first] = errors;
          overlay = first && {
            type: 'error' as const,
            err: {
              message: errors.map(formatProblem).join('\n'),
              stack: '',
              id: resolve(first.file),
              loc: { file: resolve(first.file), line: first.line, column: first.column },
              plugin: 'course-site lesson check',
            },
          };
          if (overlay) server.ws.send(overlay);
        };
        // The content reload that follows a save reconnects the page: show the error again until it is fixed.
        server.ws.on('connection', () => {
          if (overlay) setTimeout(() => overlay && server.ws.send(overlay), 100);
        });
        // A save is checked once the page showing it has been served (or half a second later): the check never delays the preview.
        const onSave = (file: string) => {
          if (!inCourse(file)) return;
          saved = true;
          clearTimeout(due);
          due = setTimeout(check, 500);
        };
        server.middlewares.use((_req, res, next) => {
          if (saved) res.once('finish', () => saved && check());
          next();
        });
        server.watcher.on('change', onSave);
        server.watcher.on('add', onSave);
        attachLessonRefresh(server, refresh, (file) => file.endsWith('.mdx') && inCourse(file));
        redraw = (file) => {
          // As a save would: Astro compiles the lesson again, now with the drawing, and the pages showing it update.
          for (const environment of Object.values(server.environments)) {
            for (const module of environment.moduleGraph.getModulesByFile(resolve(file)) ?? []) environment.moduleGraph.invalidateModule(module);
          }
          server.ws.send(refresh.redrawn());
        };
      },
      'astro:server:done': async () => {
        await closeSharedDiagramRenderer();
      },
    },
  };
}

const DEV_REFRESH = fileURLToPath(new URL('../client/dev-refresh.ts', import.meta.url));
const DIAGRAM_FALLBACK = fileURLToPath(new URL('../client/mermaid-fallback.ts', import.meta.url));
const NO_FALLBACK = '\0course-site:no-diagram-fallback';

/**
 * Vite plugin for builds that draw every diagram: no page loads the browser fallback, so it is replaced by a no-op
 * and Mermaid (5 MB of chunks, the slowest part of the client build) is neither bundled nor written to the site.
 */
function withoutDiagramFallback(): Plugin {
  return {
    name: 'course-site:without-diagram-fallback',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.includes('mermaid-fallback')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === DIAGRAM_FALLBACK ? NO_FALLBACK : null;
    },
    load: (id) => (id === NO_FALLBACK ? 'export async function drawDiagrams() {}' : null),
  };
}

/** After every other integration has written its files: diagrams closed, search indexed, links checked, offline copy written. */
function afterBuild(compiled: CompileStats): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'course-site:after-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(`lessons: ${compiled.compiled} compiled, ${compiled.cached} from cache`);
        const siteDir = fileURLToPath(dir);
        const renderer = sharedDiagramRenderer(settings.diagramCacheDir, (m) => logger.warn(m));
        // One read of the built pages feeds the search index's question records, the link check and the offline copy.
        const built = readBuiltSite(siteDir);
        // The diagrams still being drawn fill their slots meanwhile: the search index and the link check read no drawing.
        const filling = renderer ? drawSlots(built.pages, renderer) : Promise.resolve([]);
        filling.catch(() => undefined);
        const report = await writeSearchIndex(built);
        logger.info(`search index: ${report.pages} pages and ${report.questions} interview questions indexed into ${report.outputPath}`);

        const links = checkLinks(built, base.replace(/\/?$/, '/'), site);
        const editUrl = settings.editUrl ?? loadCourseConfig().editUrl;
        const external = links.external.filter((url) => !editUrl || !url.startsWith(editUrl));
        logger.info(`links: ${links.internalLinks} internal links in ${links.pages} pages checked; ${external.length} external links (listed, not fetched)${external.length ? ':' : ''}`);
        for (const url of external.slice(0, MAX_LISTED)) logger.info(`  ${url}`);
        if (external.length > MAX_LISTED) logger.info(`  … and ${external.length - MAX_LISTED} more`);
        if (links.broken.length > 0) {
          throw new Error(
            `${links.broken.length} broken link${links.broken.length === 1 ? '' : 's'} in the built site:\n${links.broken.map(formatBrokenLink).join('\n')}\nFix the link in the lesson (links between lessons are relative, e.g. ../sorted-sets/).`,
          );
        }
        const filled = await filling;
        if (renderer && renderer.stats.rendered + renderer.stats.cached > 0) logger.info(`diagrams: ${renderer.stats.rendered} rendered, ${renderer.stats.cached} from cache, into ${filled.length} pages`);
        await closeSharedDiagramRenderer();
        // Written once Pagefind, which reads the pages from disk, is done with them.
        writeFilledPages(siteDir, filled);
        const byFile = new Map(filled.map((page) => [page.file, page]));
        const offline = await writeOfflineCopy(siteDir, [], built.pages.map((page) => byFile.get(page.file) ?? page));
        logger.info(`offline copy: ${offline.manifest.files.length} files, ${formatBytes(offline.manifest.bytes)}, build ${offline.manifest.build} (${offline.leftOut} files no page loads left out)`);
      },
    },
  };
}
