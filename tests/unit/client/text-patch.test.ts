import { describe, expect, test } from 'vitest';
import { applyTextChanges, textChanges, type PatchNode } from '../../../src/client/text-patch';

/** A small stand-in for DOM nodes: the fields text-patch reads, with the node types the DOM uses. */
type Fake = PatchNode & { childNodes: Fake[] };
const el = (name: string, attrs: Record<string, string>, ...children: (Fake | string)[]): Fake => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  attributes: Object.entries(attrs).map(([n, value]) => ({ name: n, value })),
  childNodes: children.map((c) => (typeof c === 'string' ? text(c) : c)),
});
const text = (data: string): Fake => ({ nodeType: 3, nodeName: '#text', childNodes: [], data });
const comment = (data: string): Fake => ({ nodeType: 8, nodeName: '#comment', childNodes: [], data });

const page = (intro: string, extra: Partial<{ cls: string; title: string; script: string; more: Fake[] }> = {}) =>
  el(
    'html',
    {},
    el('head', {}, el('title', {}, extra.title ?? 'Lesson'), el('script', {}, extra.script ?? 'start()')),
    el('body', { class: extra.cls ?? 'lesson' }, el('h1', {}, 'Strings'), el('p', {}, intro, el('code', {}, 'SET')), ...(extra.more ?? [])),
  );

describe('textChanges', () => {
  test('names each text node whose words changed, by its place, with its old and new text', () => {
    expect(textChanges(page('Redis keeps '), page('Redis stores '))).toEqual([{ path: [1, 1, 0], from: 'Redis keeps ', to: 'Redis stores ' }]);
  });

  test('is empty for two equal renders', () => {
    expect(textChanges(page('Same'), page('Same'))).toEqual([]);
  });

  test('is null when an element was added, removed or renamed', () => {
    expect(textChanges(page('a'), page('a', { more: [el('p', {}, 'new paragraph')] }))).toBeNull();
    expect(textChanges(el('p', {}, 'a'), el('div', {}, 'a'))).toBeNull();
    expect(textChanges(el('p', {}, 'a'), el('p', {}, el('em', {}, 'a')))).toBeNull();
  });

  test('is null when an attribute differs, as a heading id does when its words change', () => {
    expect(textChanges(page('a'), page('a', { cls: 'lesson draft' }))).toBeNull();
    expect(textChanges(el('h2', { id: 'keys' }, 'Keys'), el('h2', { id: 'key-names' }, 'Key names'))).toBeNull();
  });

  test('is null when the text of a script or the title changed: only running or reloading shows those', () => {
    expect(textChanges(page('a'), page('a', { script: 'start(2)' }))).toBeNull();
    expect(textChanges(page('a'), page('a', { title: 'Hashes' }))).toBeNull();
  });

  test('is null when a comment differs', () => {
    expect(textChanges(el('p', {}, comment('x')), el('p', {}, comment('y')))).toBeNull();
  });
});

describe('applyTextChanges', () => {
  test('changes the live page\'s text nodes in place, keeping the elements', () => {
    const live = page('Redis keeps ');
    const paragraph = live.childNodes[1]!.childNodes[1]!;
    const changes = textChanges(page('Redis keeps '), page('Redis stores '))!;
    expect(applyTextChanges(live, changes)).toBe(true);
    expect(live.childNodes[1]!.childNodes[1]).toBe(paragraph);
    expect(paragraph.childNodes[0]!.data).toBe('Redis stores ');
  });

  test('changes nothing when a script moved or rewrote a text node the changes name', () => {
    const changes = [
      { path: [1, 0, 0], from: 'Strings', to: 'Strings!' },
      { path: [1, 1, 0], from: 'Redis keeps ', to: 'Redis stores ' },
    ];
    const rewritten = page('Redis, as a script left it');
    expect(applyTextChanges(rewritten, changes)).toBe(false);
    expect(rewritten.childNodes[1]!.childNodes[0]!.childNodes[0]!.data).toBe('Strings');
    expect(applyTextChanges(el('html', {}, el('head', {})), changes)).toBe(false);
  });
});
