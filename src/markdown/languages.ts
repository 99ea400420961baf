import { PACKS } from '../packs/index';
import type { PackLanguage } from '../packs/types';

/** Languages every course may use, with the label shown on the block; packs add theirs (redis-cli, java). */
const CORE_LABELS: Readonly<Record<string, string>> = {
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

/** Shiki's own names for languages lessons may spell another way. */
const HIGHLIGHT_AS: Readonly<Record<string, string>> = { console: 'shellsession', conf: 'ini', plaintext: 'text', yml: 'yaml', sh: 'bash' };

/** Every fence language the site knows, core first, then the packs'. */
export const CODE_LANGUAGES: ReadonlyMap<string, PackLanguage> = new Map([
  ...Object.entries(CORE_LABELS).map(([id, label]): [string, PackLanguage] => [id, { id, label, highlightAs: HIGHLIGHT_AS[id] ?? id }]),
  ...PACKS.flatMap((pack) => pack.languages.map((language): [string, PackLanguage] => [language.id, language])),
]);

/** Languages a fence may name: those above plus diagrams. */
export const KNOWN_LANGUAGES: readonly string[] = [...CODE_LANGUAGES.keys(), 'mermaid'];
