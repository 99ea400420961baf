import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../code-digest';

/** A processor's MDX renderer, as @astrojs/mdx calls it; its results are plain data (code, metadata). */
interface MdxRenderer {
  process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<unknown>;
}

/** How many lessons were compiled and how many came from the cache, for the build log. */
export interface CompileStats {
  compiled: number;
  cached: number;
}

/**
 * An MDX renderer that keeps each compiled lesson in `dir`, keyed by everything the output depends on: the lesson's
 * path, text and frontmatter, and `context` (the generator's code digest, the options, how diagrams are drawn). An
 * unchanged lesson is then neither parsed nor highlighted nor drawn again; a lesson that fails is not kept, nor one
 * `keep` refuses.
 */
export function cachedRenderer<R extends MdxRenderer>(renderer: R, dir: string, context: string, stats: CompileStats, keep: (filePath: string) => boolean = () => true): R {
  mkdirSync(dir, { recursive: true });
  type Result = Awaited<ReturnType<R['process']>>;
  return {
    ...renderer,
    async process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<Result> {
      const file = join(dir, `${sha256(context, filePath, content, JSON.stringify(frontmatter))}.json`);
      try {
        const cached = JSON.parse(readFileSync(file, 'utf8')) as Result;
        stats.cached++;
        return cached;
      } catch {
        // Not compiled yet: compile below.
      }
      const result = (await renderer.process(content, filePath, frontmatter)) as Result;
      stats.compiled++;
      // `keep` refuses a compile that is not final (in dev, one with a diagram still being drawn in it).
      if (!keep(filePath)) return result;
      // Written whole and then renamed, so a build stopped halfway never leaves half an entry.
      writeFileSync(`${file}.tmp`, JSON.stringify(result));
      renameSync(`${file}.tmp`, file);
      return result;
    },
  };
}
