import { z } from 'astro/zod';
import { toString } from 'mdast-util-to-string';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { slugify } from './slug';
import { quoted, requiredText, slugText } from './text-schema';

/** The file in the lessons folder that describes the course. */
export const COURSE_FILE = 'course.yaml';

/** One `##` section of the lesson template. */
export const sectionSchema = z.union([
  requiredText('a section', '- Introduction').transform((heading) => ({ heading, diagram: false, hint: undefined as string | undefined })),
  z.object({
    /** The `##` heading as authors write it. */
    heading: requiredText('heading', 'heading: Understanding the topic'),
    /** True when the section must hold at least one ```mermaid diagram (RM103); default false. */
    diagram: z.boolean({ error: 'diagram must be true or false.' }).default(false),
    /** What the scaffold asks the author to write there, after `TODO(author):`; default a generic prompt. */
    hint: z.string().trim().min(1).optional(),
  }),
]);
export type Section = z.infer<typeof sectionSchema>;

/** Today's template: what `sections` is when course.yaml leaves it out. */
export const DEFAULT_SECTIONS: readonly Section[] = [
  { heading: 'Introduction', diagram: false, hint: 'two or three paragraphs. What problem does this topic solve, and why does the reader care?' },
  { heading: 'Understanding the topic', diagram: true, hint: 'the key concepts the rest of the lesson builds on, each in one or two sentences, and a diagram of how they fit together.' },
  { heading: 'Step-by-step explanation', diagram: false, hint: 'walk through what happens, in order, with the numbers that matter.' },
  { heading: 'Syntax reference', diagram: false, hint: 'the commands or APIs of this topic, what each does and what it costs.' },
  { heading: 'Informative example', diagram: false, hint: 'one realistic example and what it shows.' },
  { heading: 'Real-world use', diagram: false, hint: 'where teams use this in production, and why.' },
  { heading: 'Best practices', diagram: false, hint: 'the habits that keep this fast and safe.' },
  { heading: 'Common mistakes', diagram: false, hint: 'the mistakes you have seen, and what they cost.' },
  { heading: 'Summary', diagram: false, hint: 'three or four sentences the learner should remember.' },
];

/** Interview levels when course.yaml does not name its own, easiest first. */
export const DEFAULT_LEVELS = ['Beginner', 'Intermediate', 'Advanced'] as const;

const phaseSchema = z.object({
  /** URL segment of the phase page and the folder its lessons go in, e.g. `core-data-structures`. */
  slug: slugText('slug', 'slug: core-data-structures'),
  /** Heading on cards, breadcrumbs and the sidebar. */
  title: requiredText('title', 'title: Core Data Structures'),
  /** One paragraph: what the phase covers and what the learner can do after it. */
  summary: requiredText('summary', 'summary: Strings, lists and sets, and when to use each.'),
});

const interviewSchema = z
  .object({
    /** The heading the questions are rendered under, in each lesson and in the search filters; default "Interview questions". */
    heading: requiredText('heading', 'heading: Interview questions').default('Interview questions'),
    /** The levels a question can be pitched at, easiest first; default Beginner, Intermediate, Advanced. */
    levels: z
      .array(requiredText('a level', '- Beginner'), { error: 'levels must be a list, for example: levels: [Beginner, Intermediate, Advanced]' })
      .min(1, { error: 'levels is empty; name at least one level, for example: levels: [Beginner, Advanced]' })
      .refine((levels) => new Set(levels).size === levels.length, { error: 'levels names a level twice; list each level once.' })
      .default([...DEFAULT_LEVELS]),
    /** Questions a finished lesson has; fewer is a warning (RM104); default 5. */
    minimum: z.number({ error: 'minimum must be a whole number, for example: minimum: 5' }).int({ error: 'minimum must be a whole number, for example: minimum: 5' }).min(0).default(5),
    /** The section the questions go before; default the last section. */
    before: z.string().trim().min(1).optional(),
  })
  .default({ heading: 'Interview questions', levels: [...DEFAULT_LEVELS], minimum: 5 });

/** `lessons/course.yaml`: what the course is. Every page, the linter, the scaffold and the search take it from here. */
export const courseConfigSchema = z
  .object({
    /** The course's name: the site title, the home page heading, the JSON-LD name. */
    title: requiredText('title', 'title: Redis Mastery').pipe(z.string().max(60, { error: 'title is longer than 60 characters; it is the site name in every tab.' })),
    /** A short phrase after the title in the home page's browser title, e.g. "a practical Redis course"; optional. */
    subtitle: z.string().trim().min(1).optional(),
    /** One sentence under the home page heading, inline Markdown allowed. */
    tagline: requiredText('tagline', 'tagline: A practical course for backend engineers.'),
    /** Plain text for search engines and link previews (meta description, JSON-LD); default the tagline as text. */
    description: z.string().trim().min(1).optional(),
    /** Who the course is for: Markdown, shown on the home page. */
    audience: requiredText('audience', 'audience: Backend engineers who …'),
    /** What the learner will be able to do, one item each, inline Markdown allowed. */
    outcomes: z
      .array(requiredText('an outcome', '- Choose the right data structure.'), { error: 'outcomes must be a list, one line per outcome starting with "- ".' })
      .min(1, { error: 'outcomes is empty; list at least one thing the learner will be able to do.' }),
    /** Text in every page's footer, e.g. the version the course targets; optional. */
    footer: z.string().trim().min(1).optional(),
    /** Prefix of "Edit this lesson" links, e.g. `https://github.com/you/course/edit/main/`; the EDIT_URL variable overrides it; optional. */
    editUrl: z.url({ error: 'editUrl must be a full URL, for example: editUrl: https://github.com/you/course/edit/main/' }).optional(),
    /** Where the browser keeps learners' progress and settings; default the title as a slug. Changing it forgets their progress. */
    id: slugText('id', 'id: redis-mastery').optional(),
    /** The phases in order; a phase's number is its position, and a lesson's `phase` is that number. */
    phases: z
      .array(phaseSchema, { error: 'phases must be a list of { slug, title, summary } items.' })
      .min(1, { error: 'phases is empty; a course has at least one phase.' }),
    /** The `##` sections every lesson has, in order; default the nine sections of the lesson template. */
    sections: z.array(sectionSchema, { error: 'sections must be a list of headings.' }).default([...DEFAULT_SECTIONS]),
    /** The interview questions of every lesson; see each field for its default. */
    interview: interviewSchema,
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.phases.forEach((phase, i) => {
      const earlier = seen.get(phase.slug);
      if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: ['phases', i, 'slug'], message: `slug "${phase.slug}" is also phase ${earlier + 1}'s; give each phase its own slug.` });
      else seen.set(phase.slug, i);
    });
    const headings = config.sections.map((s) => s.heading);
    const before = config.interview.before;
    if (before !== undefined && !headings.includes(before)) {
      ctx.addIssue({ code: 'custom', path: ['interview', 'before'], message: `before must be one of the sections: ${quoted(headings)} (got "${before}").` });
    }
  });

type ParsedConfig = z.infer<typeof courseConfigSchema>;

/** A phase of the course, numbered by its position. */
export interface Phase {
  /** 1-based position in the course. */
  number: number;
  slug: string;
  title: string;
  summary: string;
}

/** course.yaml with every default filled in. */
export interface CourseConfig extends Omit<ParsedConfig, 'phases' | 'description' | 'id' | 'interview'> {
  id: string;
  description: string;
  phases: Phase[];
  interview: { heading: string; levels: string[]; minimum: number; before: string };
}

/** Fills what the schema left to defaults that depend on other fields. */
export function completeConfig(parsed: ParsedConfig): CourseConfig {
  const sections = parsed.sections;
  return {
    ...parsed,
    id: parsed.id ?? (slugify(parsed.title) || 'course'),
    description: parsed.description ?? toString(fromMarkdown(parsed.tagline)),
    phases: parsed.phases.map((phase, i) => ({ number: i + 1, ...phase })),
    interview: { ...parsed.interview, before: parsed.interview.before ?? sections.at(-1)?.heading ?? '' },
  };
}

/** The phase with this number, or undefined. */
export function phaseByNumber(config: Pick<CourseConfig, 'phases'>, number: unknown): Phase | undefined {
  return config.phases.find((p) => p.number === number);
}
