import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { renderCodeBlock } from '../../../src/markdown/rehype-code-blocks';

test('wraps a block in a figure with its title, language label and a hidden copy button', async () => {
  const html = toHtml(await renderCodeBlock('class A {}\nint b;\n', 'java', 'title="A.java" {2}'));
  expect(html).toMatch(/^<figure class="code" data-lang="java"><figcaption class="code__bar"><span class="code__title">A.java<\/span><span class="code__lang">Java<\/span><button type="button" class="code__copy" hidden data-copy="" aria-label="Copy Java code">Copy<\/button><\/figcaption><pre class="shiki shiki-themes github-light-default github-dark-default"/);
  expect(html.match(/class="line[^"]*"/g)).toEqual(['class="line"', 'class="line highlighted"']);
});

test('highlights redis-cli sessions with both themes', async () => {
  const html = toHtml(await renderCodeBlock('127.0.0.1:6379> GET k\n(nil)', 'redis-cli', undefined));
  expect(html).toContain('--shiki-dark:');
  // Prompt, command and reply are separate tokens, so each gets its own colour.
  expect(html).toContain('>127.0.0.1:6379></span>');
  expect(html).toContain('> GET</span>');
  expect(html).toContain('>(nil)</span>');
});

/** A lesson body through the plugin, as the build runs it: the figures' HTML and the facts it leaves for the page. */
async function lessonHtml(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkRehype } = await import('remark-rehype');
  const { VFile } = await import('vfile');
  const { rehypeCodeBlocks } = await import('../../../src/markdown/rehype-code-blocks');
  const file = new VFile({ value: markdown, data: { astro: { frontmatter } } });
  const { visit } = await import('unist-util-visit');
  // What MDX does before the site's plugins run: a fence's meta moves to the code element's `metastring`.
  const metaString = () => (tree: import('hast').Root) =>
    visit(tree, 'element', (node) => {
      const meta = (node.data as { meta?: string } | undefined)?.meta;
      if (node.tagName === 'code' && meta) node.properties.metastring = meta;
    });
  const processor = unified().use(remarkParse).use(remarkRehype).use(metaString).use(rehypeCodeBlocks);
  const tree = await processor.run(processor.parse(file), file);
  return { html: toHtml(tree as Parameters<typeof toHtml>[0]), facts: (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter };
}

const fence = (meta: string, command = 'PING') => `\`\`\`redis-cli ${meta}\n127.0.0.1:6379> ${command}\nPONG\n\`\`\`\n`;

test('gives the redis-cli blocks the browser can run a "Run in browser" button, hidden without JavaScript, and what it needs', async () => {
  const { html, facts } = await lessonHtml([fence(''), fence('skip="needs a cluster"'), fence('continue vary="\\d+"'), fence('redis="7.4"'), '```java\nint a;\n```\n'].join('\n'));
  const figures = html.split('<figure').slice(1).map((part) => part.slice(0, part.indexOf('<figcaption')));
  expect(figures).toEqual([
    expect.stringContaining('data-run="0"'),
    expect.not.stringContaining('data-run'),
    expect.stringMatching(/data-run="2" data-run-after="0" data-run-vary="\\d\+"/),
    expect.not.stringContaining('data-run'),
    expect.not.stringContaining('data-run'),
  ]);
  expect(html.match(/<button type="button" class="code__run js-only" data-redis-use="run">Run in browser<\/button>/g)).toHaveLength(2);
  expect(facts).toMatchObject({ codeLanguages: ['redis-cli', 'java'] });
});

test('runs nothing in the browser for a lesson that needs a newer Redis than the engine', async () => {
  const { html, facts } = await lessonHtml(fence(''), { redisVersion: '7.4' });
  expect(html).not.toContain('Run in browser');
  expect(facts).toMatchObject({ codeLanguages: ['redis-cli'] });
});
