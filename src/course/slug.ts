import { slug as githubSlug } from 'github-slugger';

/** URL slug of a lesson: its file name without folder, extension or an `NN-` ordering prefix. */
export function lessonSlug(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  const name = base.replace(/\.[^.]+$/, '').replace(/^\d+[-_]/, '');
  return githubSlug(name) || 'lesson';
}

/** A slug for free text such as a title: lower case, hyphens, letters of any script kept, emoji dropped. */
export function slugify(text: string): string {
  return githubSlug(text.trim()).replace(/-+/g, '-').replace(/^-|-$/g, '');
}
