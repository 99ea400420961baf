import { slugify } from '../course/slug';
import { phaseByNumber } from '../course/phases';

/** Marker the template leaves in every place an author must write; the linter warns while any remain. */
export const PLACEHOLDER = 'TODO(author):';

/** The next free position in a phase: one after the highest order already used. */
export function nextOrder(existing: readonly { phase: number; order: number }[], phase: number): number {
  return Math.max(0, ...existing.filter((l) => l.phase === phase).map((l) => l.order)) + 1;
}

/** Where a new lesson goes: its phase's folder and a slug from its title (accents folded, emoji dropped). */
export function newLessonPath(lessonsDir: string, phase: number, title: string): string {
  const slug = slugify(title) || 'new-lesson';
  return `${lessonsDir}/${phaseByNumber(phase).slug}/${slug}.mdx`;
}

/** Fills the template's `{{title}}`, `{{phase}}` and `{{order}}`; the title is escaped for a YAML double-quoted string. */
export function renderTemplate(template: string, values: { title: string; phase: number; order: number }): string {
  const title = values.title.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return template.replaceAll('{{title}}', title).replaceAll('{{phase}}', String(values.phase)).replaceAll('{{order}}', String(values.order));
}
