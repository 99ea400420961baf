import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexReport {
  pages: number;
  outputPath: string;
}

/** Writes the Pagefind index for a built site into `<distDir>/pagefind/`; throws with Pagefind's own errors. */
export async function writeSearchIndex(distDir: string): Promise<SearchIndexReport> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${distDir}: ${added.errors.join('; ')}`);
    const outputPath = join(distDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return { pages: added.page_count, outputPath };
  } finally {
    await pagefind.close();
  }
}
