import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { closeSharedMermaidRenderer, sharedMermaidRenderer } from '../markdown/mermaid-renderer';
import { writeSearchIndex } from './search-index';

/** Build steps the course needs after Astro has written the pages: diagrams closed, search indexed. */
export function courseIntegration(options: { diagramCacheDir: string }): AstroIntegration {
  return {
    name: 'redis-mastery',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const renderer = sharedMermaidRenderer(options.diagramCacheDir, (m) => logger.warn(m));
        if (renderer) logger.info(`diagrams: ${renderer.stats.rendered} rendered, ${renderer.stats.cached} from cache`);
        await closeSharedMermaidRenderer();
        const report = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${report.pages} pages indexed into ${report.outputPath}`);
      },
      'astro:server:done': async () => {
        await closeSharedMermaidRenderer();
      },
    },
  };
}
