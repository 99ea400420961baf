import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { createHighlighter, type Highlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseCodeMeta } from './code-meta';
import { redisCliGrammar } from './redis-cli-grammar';

/** Light and dark Shiki themes; CSS switches between them by colour scheme. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** Languages lessons may use, with the label shown on the block. */
export const LANGUAGE_LABELS: Record<string, string> = {
  'redis-cli': 'redis-cli',
  java: 'Java',
  kotlin: 'Kotlin',
  bash: 'Shell',
  shell: 'Shell',
  sh: 'Shell',
  console: 'Terminal',
  yaml: 'YAML',
  yml: 'YAML',
  properties: 'Properties',
  json: 'JSON',
  lua: 'Lua',
  xml: 'XML',
  ini: 'Config',
  conf: 'Config',
  text: 'Text',
  plaintext: 'Text',
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  diff: 'Diff',
  dockerfile: 'Dockerfile',
  sql: 'SQL',
  go: 'Go',
};

/** Languages Shiki must load, with aliases folded onto its own names. */
const SHIKI_ALIASES: Record<string, string> = { console: 'shellsession', conf: 'ini', plaintext: 'text', yml: 'yaml', sh: 'bash' };

let highlighter: Promise<Highlighter> | undefined;

/** One highlighter for the whole build: loading grammars is the slow part. */
export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: Object.values(CODE_THEMES),
    langs: [
      redisCliGrammar,
      ...new Set(
        Object.keys(LANGUAGE_LABELS)
          .map((l) => SHIKI_ALIASES[l] ?? l)
          .filter((l) => l !== 'redis-cli' && l !== 'text'),
      ),
    ],
  });
  return highlighter;
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
  const shikiLang = SHIKI_ALIASES[lang] ?? lang;
  const loaded = shiki.getLoadedLanguages().includes(shikiLang) ? shikiLang : 'text';
  const root = shiki.codeToHast(source.replace(/\n$/, ''), {
    lang: loaded,
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
  const label = LANGUAGE_LABELS[lang] ?? lang;
  const bar: ElementContent[] = [];
  if (title) bar.push(h('span', { className: ['code__title'] }, title));
  bar.push(h('span', { className: ['code__lang'] }, label));
  bar.push(
    h('button', { type: 'button', className: ['code__copy'], hidden: true, dataCopy: '', ariaLabel: `Copy ${label} code` }, 'Copy'),
  );
  return h('figure', { className: ['code'], dataLang: lang }, [h('figcaption', { className: ['code__bar'] }, bar), pre]);
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
      if (!(lang in LANGUAGE_LABELS)) {
        file.message(
          `Unknown code language "${lang}"; it is shown without highlighting. Use one of: ${Object.keys(LANGUAGE_LABELS).join(', ')}.`,
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
