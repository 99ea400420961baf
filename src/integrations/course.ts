import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ErrorPayload } from 'vite';
import { closeSharedMermaidRenderer, sharedMermaidRenderer } from '../markdown/mermaid-renderer';
import { checkLinks, formatBrokenLink } from './link-check';
import { writeSearchIndex } from './search-index';
import { EDIT_URL } from '../edit-url';
import { formatProblem, sortProblems } from '../course/problems';
import { lessonsDir, readSourceFiles } from '../course/sources';
import { lintSources } from '../lint/lint';

/** External links printed after a build; a very large course prints a count for the rest. */
const MAX_LISTED = 100;

/** Build steps the course needs after Astro has written the pages: diagrams closed, search indexed, links checked. */
export function courseIntegration(options: { diagramCacheDir: string }): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'redis-mastery',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const renderer = sharedMermaidRenderer(options.diagramCacheDir, (m) => logger.warn(m));
        if (renderer) logger.info(`diagrams: ${renderer.stats.rendered} rendered, ${renderer.stats.cached} from cache`);
        await closeSharedMermaidRenderer();
        const report = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${report.pages} pages and ${report.questions} interview questions indexed into ${report.outputPath}`);

        const links = checkLinks(fileURLToPath(dir), base.replace(/\/?$/, '/'), site);
        const external = links.external.filter((url) => !url.startsWith(EDIT_URL));
        logger.info(`links: ${links.internalLinks} internal links in ${links.pages} pages checked; ${external.length} external links (listed, not fetched)${external.length ? ':' : ''}`);
        for (const url of external.slice(0, MAX_LISTED)) logger.info(`  ${url}`);
        if (external.length > MAX_LISTED) logger.info(`  … and ${external.length - MAX_LISTED} more`);
        if (links.broken.length > 0) {
          throw new Error(
            `${links.broken.length} broken link${links.broken.length === 1 ? '' : 's'} in the built site:\n${links.broken.map(formatBrokenLink).join('\n')}\nFix the link in the lesson (links between lessons are relative, e.g. ../sorted-sets/).`,
          );
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        // In `npm run dev`, every saved lesson is checked with the build's rules; errors show in the terminal and the browser overlay.
        const dir = resolve(lessonsDir());
        let overlay: ErrorPayload | undefined;
        const check = (file: string) => {
          if (!resolve(file).startsWith(dir)) return;
          const errors = sortProblems(lintSources(readSourceFiles()).filter((p) => p.severity === 'error'));
          for (const problem of errors) logger.error(formatProblem(problem));
          const [first] = errors;
          overlay = first && {
            type: 'error' as const,
            err: {
              message: errors.map(formatProblem).join('\n'),
              stack: '',
              id: resolve(first.file),
              loc: { file: resolve(first.file), line: first.line, column: first.column },
              plugin: 'redis-mastery lesson check',
            },
          };
          if (overlay) server.ws.send(overlay);
        };
        // The content reload that follows a save reconnects the page: show the error again until it is fixed.
        server.ws.on('connection', () => {
          if (overlay) setTimeout(() => overlay && server.ws.send(overlay), 100);
        });
        server.watcher.on('change', check);
        server.watcher.on('add', check);
      },
      'astro:server:done': async () => {
        await closeSharedMermaidRenderer();
      },
    },
  };
}
