import type { Element } from 'hast';
import { markdownToHtml } from 'satteri';
import { expect, test } from 'vitest';
import { rehypeOnElements, type RehypeTransformer } from '../../../src/markdown/rehype-on-elements';
import { astroData } from '../../support/satteri';

const isShout = (pre: Element) => JSON.stringify(pre).includes('language-shout');
const compile = (markdown: string, transformer: RehypeTransformer) =>
  markdownToHtml(markdown, { hastPlugins: [rehypeOnElements('shout', ['pre'], isShout, transformer)], data: astroData() });

test('replaces the elements it picks with what the transformer puts in their place, and leaves the others', async () => {
  const { html, data } = await compile('```shout\nhi\n```\n\n```text\nquiet\n```\n', (tree, file) => {
    tree.children[0] = { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: 'HI' }] };
    (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter['shouted'] = true;
  });
  expect(html.replace(/\n/g, '')).toBe('<strong>HI</strong><pre><code class="language-text">quiet</code></pre>');
  expect(data.astro?.frontmatter).toEqual({ shouted: true });
});

test('stops at the line the transformer fails with', async () => {
  const failure = await Promise.resolve()
    .then(() => compile('Text.\n\n```shout\nhi\n```\n', (tree, file) => {
      file.fail('Too loud', { line: ((tree.children[0] as Element).position?.start.line ?? 0) + 1, column: 1 });
    }))
    .catch((e: { message: string; line: number }) => `${e.line} ${e.message}`);
  expect(failure).toBe('4 Too loud');
});
