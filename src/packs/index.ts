import type { FrontmatterFields } from '../course/schema';
import { javaPack } from './java/index';
import { redisPack } from './redis/index';
import type { Pack, PackLanguage } from './types';

/** Every pack the generator ships; a course uses one by writing a fence in one of its languages. Add yours here. */
export const PACKS: readonly Pack[] = [redisPack, javaPack];

/** The pack that brings a fence language, if any. */
export function packOf(lang: string, packs: readonly Pack[] = PACKS): Pack | undefined {
  return packs.find((pack) => pack.languages.some((l) => l.id === lang));
}

/** A fence language a pack brings, if any. */
export function packLanguage(lang: string, packs: readonly Pack[] = PACKS): PackLanguage | undefined {
  return packOf(lang, packs)?.languages.find((l) => l.id === lang);
}

/** The packs a set of fence languages turns on. */
export function packsUsing(langs: Iterable<string>, packs: readonly Pack[] = PACKS): Pack[] {
  const used = new Set(langs);
  return packs.filter((pack) => pack.languages.some((l) => used.has(l.id)));
}

// A fence's opening line and its language word; enough to tell, before the build, which packs a course uses.
const FENCE_OPENING = /^[ \t>]*(?:`{3,}|~{3,})[ \t]*([^\s`{]+)/gm;

/** The packs the lessons use, read from their fences' opening lines (no full parse: the build has not started yet). */
export function packsOfLessons(lessons: readonly { raw: string }[], packs: readonly Pack[] = PACKS): Pack[] {
  return packsUsing(lessons.flatMap((lesson) => [...lesson.raw.matchAll(FENCE_OPENING)].map((match) => match[1] ?? '')), packs);
}

/** The frontmatter fields every pack adds to the lesson schema (all optional). */
export function packFrontmatter(packs: readonly Pack[] = PACKS): FrontmatterFields {
  return Object.assign({}, ...packs.map((pack) => pack.frontmatter ?? {}));
}

/** The lines packs add to a lesson's header, e.g. "Redis 7.2+". */
export function lessonNotes(data: Readonly<Record<string, unknown>>, packs: readonly Pack[] = PACKS): string[] {
  return packs.flatMap((pack) => pack.lessonNote?.(data) ?? []);
}
