import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseCodeMeta } from './code-meta';
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

/** Highlights one block and wraps it in a figure with its title, language label and a copy button. */
export async function renderCodeBlock(source: string, lang: string, meta: string | undefined): Promise<Element> {
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

/** Rehype plugin: every fenced block except diagrams becomes a highlighted, labelled figure. */
export function rehypeCodeBlocks() {
  return async (tree: Root, file: VFile) => {
    const jobs: Promise<void>[] = [];
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
      jobs.push(
        renderCodeBlock(toString(code), lang, meta).then((figure) => {
          parent.children[index] = figure;
        }),
      );
      return 'skip';
    });
    await Promise.all(jobs);
  };
}
