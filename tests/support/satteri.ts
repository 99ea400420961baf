import type { SatteriAstroData } from '@astrojs/markdown-satteri';

/** The data Astro seeds a Sätteri compile with: the lesson's frontmatter and empty collections. */
export const astroData = (frontmatter: Record<string, unknown> = {}): { astro: SatteriAstroData } => ({
  astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() },
});
