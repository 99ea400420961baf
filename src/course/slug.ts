import { slug as githubSlug } from 'github-slugger';

/** URL slug of a lesson: its file name without folder, extension or an `NN-` ordering prefix. */
export function lessonSlug(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  const name = base.replace(/\.[^.]+$/, '').replace(/^\d+[-_]/, '');
  return githubSlug(name) || 'lesson';
}

/** A slug for free text such as a title: lower case, hyphens, accents folded (é → e), other scripts kept, emoji dropped. */
export function slugify(text: string): string {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '');
  return githubSlug(folded.trim()).replace(/-+/g, '-').replace(/^-|-$/g, '');
}
