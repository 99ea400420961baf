// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { courseIntegration } from './src/integrations/course.ts';
import { rehypeCodeBlocks } from './src/markdown/rehype-code-blocks.ts';
import { rehypeDiagrams } from './src/markdown/rehype-diagrams.ts';
import { rehypeTables } from './src/markdown/rehype-tables.ts';
import { remarkInterviewQuestions } from './src/markdown/remark-interview-questions.ts';
import { remarkKnownComponents } from './src/markdown/remark-known-components.ts';

/** Rendered diagrams survive `astro build` wiping dist/; DIAGRAM_CACHE_DIR moves them (the benchmark starts cold). */
const diagramCacheDir = process.env.DIAGRAM_CACHE_DIR || new URL('./node_modules/.cache/redis-mastery/diagrams/', import.meta.url).pathname;

// SITE_URL and BASE_PATH let one build serve from a domain root or a sub-path (GitHub Pages).
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  // OUT_DIR lets tests and benchmarks build several sites side by side.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'ignore',
  // External files only: pages share cached assets and a strict CSP needs no inline script hashes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0 },
    // Mermaid is only imported by the no-browser fallback; pre-bundling it would stall the dev server's start.
    optimizeDeps: { exclude: ['mermaid'] },
  },
  markdown: {
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [remarkKnownComponents, remarkInterviewQuestions],
      rehypePlugins: [[rehypeDiagrams, { cacheDir: diagramCacheDir }], rehypeCodeBlocks, rehypeTables],
      smartypants: false,
    }),
  },
  integrations: [mdx({ optimize: true }), sitemap(), courseIntegration({ diagramCacheDir })],
  devToolbar: { enabled: false },
});
