declare module 'virtual:course-site/pack-components' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

  /** The lesson-end components of the packs this course uses (src/integrations/pack-components.ts). */
  export const PACK_COMPONENTS: readonly {
    /** The fence languages of the pack: a lesson with one of them ends with `End`. */
    languages: readonly string[];
    /** e.g. the Redis console. */
    End: AstroComponentFactory;
  }[];
}
