import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseCodeMeta, type CodeMeta } from './code-meta';
import { CODE_LANGUAGES } from './languages';

/** Light and dark Shiki themes; CSS switches between them by colour scheme. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

let highlighter: Promise<Highlighter> | undefined;
const loading = new Map<string, Promise<string>>();

/** One highlighter for the whole build, with no language until a block needs it: loading grammars is the slow part. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: [] });
  return highlighter;
}

/** The Shiki language a fence is highlighted as, loaded on first use; `text` for one Shiki does not know. */
function highlightLanguage(shiki: Highlighter, lang: string): Promise<string> {
  let loaded = loading.get(lang);
  if (!loaded) {
    const language = CODE_LANGUAGES.get(lang);
    const name = language?.grammar?.name ?? language?.highlightAs ?? language?.id ?? 'text';
    loaded = name === 'text' ? Promise.resolve('text') : shiki.loadLanguage(language?.grammar ?? (name as BundledLanguage)).then(() => name, () => 'text');
    loading.set(lang, loaded);
  }
  return loaded;
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes : [];
  const cls = list.find((c) => typeof c === 'string' && c.startsWith('language-'));
  return typeof cls === 'string' ? cls.slice('language-'.length) : undefined;
}

/** What the lesson page learns from its code blocks: the languages it shows (their packs may add to the page). */
export interface CodeFacts {
  codeLanguages: string[];
}

/**
 * Highlights one block and wraps it in a figure with its title, language label and a copy button; `run` (dataset
 * names and values) also gives it a "Run in browser" button.
 */
export async function renderCodeBlock(source: string, lang: string, meta: string | undefined, run?: Readonly<Record<string, string>>): Promise<Element> {
  const { title, highlight } = parseCodeMeta(meta);
  const shiki = await getHighlighter();
  const language = CODE_LANGUAGES.get(lang);
  const root = shiki.codeToHast(source.replace(/\n$/, ''), {
    lang: await highlightLanguage(shiki, lang),
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

/** Rehype plugin: every fenced block except diagrams becomes a highlighted, labelled figure. */
export function rehypeCodeBlocks() {
  return async (tree: Root, file: VFile) => {
    const blocks: { parent: { children: unknown[] }; index: number; lang: string; meta: string | undefined; code: Element }[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (!code) return;
      const lang = languageOf(code) ?? 'text';
      if (lang === 'mermaid') return;
      if (!CODE_LANGUAGES.has(lang)) {
        file.message(
          `Unknown code language "${lang}"; it is shown without highlighting. Use one of: ${[...CODE_LANGUAGES.keys()].join(', ')}.`,
          node.position ?? undefined,
        );
      }
      const meta = typeof code.properties.metastring === 'string' ? code.properties.metastring : undefined;
      blocks.push({ parent, index, lang, meta, code });
      return 'skip';
    });
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    const frontmatter = (astro.frontmatter ??= {});
    const runs = runAttributesOf(blocks, frontmatter);
    await Promise.all(
      blocks.map(async (block, k) => {
        block.parent.children[block.index] = await renderCodeBlock(toString(block.code), block.lang, block.meta, runs[k]);
      }),
    );
    const facts: CodeFacts = { codeLanguages: [...new Set(blocks.map((block) => block.lang))] };
    Object.assign(frontmatter, facts);
  };
}

/** Asks each language that can run blocks in the browser about all of the page's blocks in it at once (a block may continue another). */
function runAttributesOf(blocks: readonly { lang: string; meta: string | undefined }[], frontmatter: Readonly<Record<string, unknown>>): (Readonly<Record<string, string>> | undefined)[] {
  const runs: (Readonly<Record<string, string>> | undefined)[] = blocks.map(() => undefined);
  for (const lang of new Set(blocks.map((block) => block.lang))) {
    const browserRun = CODE_LANGUAGES.get(lang)?.browserRun;
    if (!browserRun) continue;
    const at = blocks.flatMap((block, k) => (block.lang === lang ? [k] : []));
    const metas: CodeMeta[] = at.map((k) => parseCodeMeta(blocks[k]!.meta));
    browserRun(metas, frontmatter).forEach((run, j) => (runs[at[j]!] = run));
  }
  return runs;
}
