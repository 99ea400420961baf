import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition, MdastPluginEntry } from 'satteri';
import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { parseCodeMeta } from './code-meta';
import { CODE_LANGUAGES } from './languages';
import { frontmatterOf } from './lesson-facts';

/** Light and dark Shiki themes; CSS switches between them by colour scheme. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** The Shiki language each fence language is highlighted as: a pack's grammar, or one Shiki bundles; else `text`, shown plain. */
const SHIKI_LANGUAGES = new Map(
  [...CODE_LANGUAGES].map(([id, language]) => {
    const name = language.grammar?.name ?? language.highlightAs ?? language.id;
    return [id, language.grammar || name in bundledLanguages ? name : 'text'];
  }),
);

let highlighter: Promise<Highlighter> | undefined;

/**
 * One highlighter for the whole build, created on the first block with every language the site knows. Loading a
 * grammar while other blocks were being highlighted once gave a block light-theme colours from the wrong scopes;
 * with every grammar loaded up front (0.35 s, once per compiling process) nothing loads mid-build.
 */
function getHighlighter(): Promise<Highlighter> {
  if (!highlighter) {
    const grammars = new Map([...CODE_LANGUAGES.values()].map((l) => [SHIKI_LANGUAGES.get(l.id)!, l.grammar ?? (SHIKI_LANGUAGES.get(l.id) as BundledLanguage)]));
    grammars.delete('text');
    highlighter = createHighlighter({ themes: Object.values(CODE_THEMES), langs: [...grammars.values()] });
  }
  return highlighter;
}

/** The `<code>` of a `<pre>` block and its fence language (`text` when the fence names none). */
function fencedCode(pre: Element): { code: Element; lang: string } | undefined {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  if (!code) return undefined;
  const classes = code.properties.className;
  const cls = (Array.isArray(classes) ? classes : []).find((c) => typeof c === 'string' && c.startsWith('language-'));
  return { code, lang: typeof cls === 'string' ? cls.slice('language-'.length) : 'text' };
}

/** What the lesson page learns from its code blocks: the languages it shows (their packs may add to the page). */
export interface CodeFacts {
  codeLanguages: string[];
}

/** A block's figure attributes for "Run in browser" (dataset names), by the line its fence starts on. */
type RunsByLine = Record<number, Readonly<Record<string, string>>>;
/** Where the Markdown pass leaves the runs for the HTML pass, in the compile's data (not the exported frontmatter). */
const RUNS = 'courseSiteCodeRuns';

/**
 * Highlights one block and wraps it in a figure with its title, language label and a copy button; `run` (dataset
 * names and values) also gives it a "Run in browser" button.
 */
export async function renderCodeBlock(source: string, lang: string, meta: string | undefined, run?: Readonly<Record<string, string>>): Promise<Element> {
  const { title, highlight } = parseCodeMeta(meta);
  const shiki = await getHighlighter();
  const language = CODE_LANGUAGES.get(lang);
  const root = shiki.codeToHast(source.replace(/\n$/, ''), {
    lang: SHIKI_LANGUAGES.get(lang) ?? 'text',
    themes: CODE_THEMES,
    defaultColor: false,
    transformers: [
      {
        line(node, line) {
          if (highlight.has(line)) this.addClassToHast(node, 'highlighted');
        },
      },
    ],
  });
  const pre = root.children[0] as Element;
  const label = language?.label ?? lang;
  const bar: ElementContent[] = [];
  if (title) bar.push(h('span', { className: ['code__title'] }, title));
  bar.push(h('span', { className: ['code__lang'] }, label));
  // Without JavaScript there is nothing to run it with: js-only hides it then.
  if (run) bar.push(h('button', { type: 'button', className: ['code__run', 'js-only'], dataRedisUse: 'run' }, 'Run in browser'));
  bar.push(
    h('button', { type: 'button', className: ['code__copy'], hidden: true, dataCopy: '', ariaLabel: `Copy ${label} code` }, 'Copy'),
  );
  // A session transcript's prompt pattern lets Copy take only the commands, with no language code in the browser.
  const prompt = language?.prompt ? { dataPrompt: language.prompt.source } : {};
  const runData = Object.fromEntries(Object.entries(run ?? {}).map(([name, value]) => [`data${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`, value]));
  return h('figure', { className: ['code'], dataLang: lang, ...prompt, ...runData }, [h('figcaption', { className: ['code__bar'] }, bar), pre]);
}

function h(tagName: string, properties: Element['properties'], children: string | ElementContent[]): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: typeof children === 'string' ? [{ type: 'text', value: children }] : children,
  };
}

/**
 * Sätteri mdast plugin: the languages of the lesson's blocks into the exported frontmatter, and which blocks the
 * browser can run. A language that runs blocks is asked about all of the page's blocks in it at once, since a block
 * may continue another.
 */
export const codeRuns: MdastPluginEntry = () => {
  const fences: { lang: string; meta: string; value: string; line: number }[] = [];
  return {
    name: 'course-site:code-runs',
    options: { position: true },
    code: (node) => {
      fences.push({ lang: node.lang ?? 'text', meta: node.meta ?? '', value: node.value, line: node.position?.start.line ?? 0 });
    },
    after(_root, ctx) {
      const frontmatter = frontmatterOf(ctx.data);
      const runs: RunsByLine = {};
      for (const lang of new Set(fences.map((fence) => fence.lang))) {
        const browserRun = CODE_LANGUAGES.get(lang)?.browserRun;
        if (!browserRun) continue;
        const own = fences.filter((fence) => fence.lang === lang);
        browserRun(own, frontmatter).forEach((run, k) => {
          if (run) runs[own[k]!.line] = run;
        });
      }
      (ctx.data as Record<string, unknown>)[RUNS] = runs;
      const facts: CodeFacts = { codeLanguages: [...new Set(fences.map((fence) => fence.lang))].filter((lang) => lang !== 'mermaid') };
      Object.assign(frontmatter, facts);
    },
  };
};

/** Sätteri hast plugin: every fenced block except diagrams becomes a highlighted, labelled figure. */
export const codeBlocks: HastPluginDefinition = {
  name: 'course-site:code-blocks',
  options: { position: true },
  element: {
    filter: ['pre'],
    visit(pre, ctx) {
      const block = fencedCode(pre);
      // An unknown language is RM102's to report before the build; it is shown without highlighting.
      if (!block || block.lang === 'mermaid') return undefined;
      const run = ((ctx.data as Record<string, unknown>)[RUNS] as RunsByLine | undefined)?.[pre.position?.start.line ?? 0];
      return renderCodeBlock(ctx.textContent(block.code), block.lang, (block.code.data as { meta?: string } | undefined)?.meta, run);
    },
  },
};
