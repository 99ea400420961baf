import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/**
 * Attributes that hold coordinates, whose digits past a thousandth of a pixel change nothing a reader can see. Not
 * viewBox: it scales the whole drawing, so its rounding would move every box by up to a twentieth of a pixel.
 */
const GEOMETRY = new Set(['d', 'points', 'transform', 'x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'rx', 'ry', 'x1', 'x2', 'y1', 'y2']);
const LONG_DECIMAL = /-?\d+\.\d{4,}/g;
/** Elements drawn only where something points to them by id. */
const RESOURCES = new Set(['marker', 'filter', 'linearGradient', 'radialGradient', 'pattern', 'clipPath', 'mask', 'symbol']);

/**
 * Mermaid's SVG without what draws nothing, so a lesson page carries only its drawing: CSS rules that match no
 * element of the diagram, markers and filters nothing points to, the data-* attributes Mermaid's editor reads (unless
 * a kept rule selects on one), empty style attributes, repeated class names, and coordinates' digits past a
 * thousandth of a pixel.
 */
export function slimDiagram(svg: string): string {
  const tree = fromHtml(svg, { fragment: true });
  const { styles, present } = stylesAndNames(tree);
  let css = '';
  for (const style of styles) {
    const kept = keptCss(style.children.map((c) => (c.type === 'text' ? c.value : '')).join(''), tree, present);
    css += kept;
    style.children = [{ type: 'text', value: kept }];
  }
  const selectedData = new Set([...css.matchAll(/\[(data-[\w-]+)/g)].map((m) => m[1]!));
  const referenced = new Set([...svg.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]!));
  visit(tree, 'element', (node, index, parent) => {
    const unused = RESOURCES.has(node.tagName) && !referenced.has(String(node.properties.id));
    const emptyDefs = node.tagName === 'defs' && node.children.every((c) => c.type === 'element' && RESOURCES.has(c.tagName) && !referenced.has(String(c.properties.id)));
    if ((unused || emptyDefs) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^data[A-Z]/.test(name) && !selectedData.has(dataAttribute(name))) delete node.properties[name];
      else if (name === 'style' && value === '') delete node.properties[name];
      else if (name === 'className' && Array.isArray(value)) node.properties[name] = [...new Set(value.map(String))];
      else if (GEOMETRY.has(name) && typeof value === 'string') node.properties[name] = value.replace(LONG_DECIMAL, round);
      else if (GEOMETRY.has(name) && typeof value === 'number') node.properties[name] = Number(round(String(value)));
    }
    return undefined;
  });
  return toHtml(tree, { space: 'html' });
}

/** `dataPoints` → `data-points`, as hast names a data attribute. */
const dataAttribute = (property: string) => `data-${property.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, '')}`;

/** A number to three decimals, without trailing zeros. */
const round = (number: string) => String(Number(Number(number).toFixed(3)));

/**
 * The rules of Mermaid's stylesheet (flat rules and @-blocks, as stylis writes them) that can style an element of
 * `tree`: a selector Mermaid wrote for an element this diagram does not have is dropped, keyframes no kept rule
 * animates with too. A selector the matcher cannot test (a pseudo-element, :hover) is kept.
 */
function keptCss(css: string, tree: Root | Element, present: PresentNames): string {
  const kept: string[] = [];
  const atRules: { name: string | undefined; text: string }[] = [];
  for (const block of topLevelBlocks(css)) {
    if (block.prelude.startsWith('@')) {
      atRules.push({ name: /^@(?:-\w+-)?keyframes\s+([\w-]+)/.exec(block.prelude)?.[1], text: block.text });
      continue;
    }
    const selectors = splitSelectors(block.prelude).filter((selector) => stylesSomething(selector, tree, present));
    if (selectors.length > 0) kept.push(`${selectors.join(',')}{${block.body}}`);
  }
  const rules = kept.join('');
  const animated = (name: string) => new RegExp(`animation(?:-name)?\\s*:[^;}]*\\b${name}\\b`).test(rules);
  return atRules.filter((at) => at.name === undefined || animated(at.name)).map((at) => at.text).join('') + rules;
}

/** Pseudo-elements and the pseudo-classes of a reader's interaction: the matcher tests the element without them. */
const UNTESTABLE = /::?(?:before|after|first-line|first-letter|marker|selection|placeholder|hover|focus|focus-visible|focus-within|active|visited|link|target)\b/g;

function stylesSomething(selector: string, tree: Root | Element, present: PresentNames): boolean {
  const testable = selector.replace(UNTESTABLE, '');
  // Most of Mermaid's rules are for elements a diagram does not have: settled without a walk of the whole tree.
  if (cannotMatch(testable, present)) return false;
  try {
    return select(testable, tree, 'svg') !== undefined;
  } catch {
    return true;
  }
}

/** The tag names, classes and ids of a tree's elements, lowercased. */
interface PresentNames {
  tags: Set<string>;
  classes: Set<string>;
  ids: Set<string>;
}

/** In one walk of the tree: its `<style>` elements, and the names its elements have. */
function stylesAndNames(tree: Root): { styles: Element[]; present: PresentNames } {
  const styles: Element[] = [];
  const present: PresentNames = { tags: new Set(), classes: new Set(), ids: new Set() };
  visit(tree, 'element', (node) => {
    if (node.tagName === 'style') styles.push(node);
    present.tags.add(node.tagName.toLowerCase());
    const { className, id } = node.properties;
    if (Array.isArray(className)) for (const name of className) present.classes.add(String(name).toLowerCase());
    if (id !== undefined && id !== null) present.ids.add(String(id).toLowerCase());
  });
  return { styles, present };
}

const IDENT = '-?[A-Za-z_][\\w-]*';
/** A compound of a type (or `*`), classes, ids and attribute tests (each `[…]` stands as \u0001 here). */
const COMPOUND = new RegExp(`^(\\*|${IDENT})?((?:[.#]${IDENT}|\u0001)*)$`);
const COMBINATOR = /^\s*[>+~]?\s*$/;

/**
 * Whether `selector` surely matches no element: it is made only of types, classes, ids and attribute tests joined by
 * combinators (a selector the matcher parses; anything else is left to it), and one of its compounds names a tag,
 * class or id no element has. Every compound of a selector must match an element of the tree for it to match.
 */
function cannotMatch(selector: string, present: PresentNames): boolean {
  if (/["'\\:|(),]/.test(selector)) return false;
  const marked = selector.trim().replace(/\[[^[\]]*\]/g, '\u0001');
  if (marked === '' || /[[\]]/.test(marked) || /^[>+~]/.test(marked) || /[>+~]$/.test(marked)) return false;
  const compounds = marked.split(/[\s>+~]+/);
  const combinators = marked.match(/[\s>+~]+/g) ?? [];
  if (!combinators.every((c) => COMBINATOR.test(c)) || compounds.some((c) => c === '')) return false;
  let missing = false;
  for (const compound of compounds) {
    const match = COMPOUND.exec(compound);
    if (!match) return false;
    const [, tag, rest] = match;
    if (tag && tag !== '*' && !present.tags.has(tag.toLowerCase())) missing = true;
    for (const [, kind, name] of rest!.matchAll(new RegExp(`([.#])(${IDENT})`, 'g'))) {
      if (!(kind === '.' ? present.classes : present.ids).has(name!.toLowerCase())) missing = true;
    }
  }
  return missing;
}

/** `a{…}b{…}@keyframes k{from{…}}` → its top-level blocks, with their prelude (selectors or @-rule) and body. */
function topLevelBlocks(css: string): { prelude: string; body: string; text: string }[] {
  const blocks: { prelude: string; body: string; text: string }[] = [];
  let depth = 0;
  let start = 0;
  let open = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{' && depth++ === 0) open = i;
    else if (c === '}' && --depth === 0) {
      blocks.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i), text: css.slice(start, i + 1).trim() });
      start = i + 1;
    }
  }
  return blocks;
}

/** A selector list split at its top-level commas (not those inside `:not(…)` or an attribute's quotes). */
function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts.filter(Boolean);
}
