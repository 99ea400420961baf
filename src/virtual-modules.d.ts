declare module 'virtual:course-site/pack-components' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

  /** The lesson-page components of the packs this course uses (src/integrations/pack-components.ts). */
  export const PACK_COMPONENTS: readonly {
    /** The fence languages of the pack: a lesson with one of them gets `End`. */
    languages: readonly string[];
    /** At the end of the lesson, e.g. the Redis console. */
    End?: AstroComponentFactory;
    /** Once on a page where a block runs in the browser: reveals the Run buttons. */
    Run?: AstroComponentFactory;
  }[];
}
