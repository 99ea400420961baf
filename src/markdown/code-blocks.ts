import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { parseCodeMeta } from './code-meta';
import { CODE_LANGUAGES } from './languages';

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

/** Highlights one block and wraps it in a figure with its title, language label and a copy button. */
export async function renderCodeBlock(source: string, lang: string, meta: string | undefined): Promise<Element> {
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
  bar.push(
    h('button', { type: 'button', className: ['code__copy'], hidden: true, dataCopy: '', ariaLabel: `Copy ${label} code` }, 'Copy'),
  );
  // A session transcript's prompt pattern lets Copy take only the commands, with no language code in the browser.
  const prompt = language?.prompt ? { dataPrompt: language.prompt.source } : {};
  return h('figure', { className: ['code'], dataLang: lang, ...prompt }, [h('figcaption', { className: ['code__bar'] }, bar), pre]);
}

function h(tagName: string, properties: Element['properties'], children: string | ElementContent[]): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: typeof children === 'string' ? [{ type: 'text', value: children }] : children,
  };
}

/** Sätteri hast plugin: every fenced block except diagrams becomes a highlighted, labelled figure. */
export const codeBlocks: HastPluginDefinition = {
  name: 'course-site:code-blocks',
  element: {
    filter: ['pre'],
    visit(pre, ctx) {
      const block = fencedCode(pre);
      // An unknown language is RM102's to report before the build; it is shown without highlighting.
      if (!block || block.lang === 'mermaid') return undefined;
      return renderCodeBlock(ctx.textContent(block.code), block.lang, (block.code.data as { meta?: string } | undefined)?.meta);
    },
  },
};
