import type { CourseConfig, Phase } from '../course/config';
import { PLACEHOLDER_MARKER } from '../course/conventions';
import { slugify } from '../course/slug';

/** The next free position in a phase: one after the highest order already used. */
export function nextOrder(existing: readonly { phase: number; order: number }[], phase: number): number {
  return Math.max(0, ...existing.filter((l) => l.phase === phase).map((l) => l.order)) + 1;
}

/** Where a new lesson goes: its phase's folder and a slug from its title (accents folded, emoji dropped). */
export function newLessonPath(lessonsDir: string, phase: Pick<Phase, 'slug'>, title: string): string {
  const slug = slugify(title) || 'new-lesson';
  return `${lessonsDir}/${phase.slug}/${slug}.mdx`;
}

const todo = (text: string) => `${PLACEHOLDER_MARKER}: ${text}`;
const yamlString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A question placeholder per level: the first for a newcomer, the last a design question, the others about trade-offs. */
function questionPlaceholders(levels: readonly string[]): string {
  return levels
    .map((level, i) => {
      const ask = i === 0 ? 'a question a newcomer should answer after this lesson?' : i === levels.length - 1 ? 'a design or production question?' : 'a question about a trade-off or a failure mode?';
      return `  - level: ${level}\n    question: ${yamlString(todo(ask))}\n    answer: |\n      ${todo('the answer a senior engineer would accept, in a few sentences.')}`;
    })
    .join('\n');
}

/** The course's sections, each with its hint and, where a diagram is required, a diagram to replace. */
function sectionPlaceholders(config: Pick<CourseConfig, 'sections'>): string {
  return config.sections
    .map(({ heading, diagram, hint }) => {
      const body = todo(hint ?? 'write this section.');
      const chart = diagram ? `\n\n\`\`\`mermaid\nflowchart LR\n  accTitle: ${PLACEHOLDER_MARKER} describe the diagram in one sentence\n  A[First part] -->|what flows| B[Second part]\n\`\`\`` : '';
      return `## ${heading}\n\n${body}${chart}\n`;
    })
    .join('\n');
}

/** Fills the template's `{{title}}`, `{{phase}}`, `{{order}}`, `{{questions}}` and `{{sections}}` from the course and the new lesson. */
export function renderTemplate(template: string, config: Pick<CourseConfig, 'sections' | 'interview'>, values: { title: string; phase: number; order: number }): string {
  const fill: Record<string, string> = {
    title: yamlString(values.title).slice(1, -1),
    phase: String(values.phase),
    order: String(values.order),
    questions: questionPlaceholders(config.interview.levels),
    sections: sectionPlaceholders(config),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => fill[name] ?? whole);
}
