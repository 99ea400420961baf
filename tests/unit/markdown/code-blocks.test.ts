import { toHtml } from 'hast-util-to-html';
import { markdownToHtml } from 'satteri';
import { expect, test } from 'vitest';
import { codeBlocks, codeRuns, renderCodeBlock } from '../../../src/markdown/code-blocks';
import { astroData } from '../../support/satteri';

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

/** A lesson body through the plugins, as the build runs them: the figures' HTML and the facts it leaves for the page. */
async function lessonHtml(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const data = astroData(frontmatter);
  const { html } = await markdownToHtml(markdown, { mdastPlugins: [codeRuns], hastPlugins: [codeBlocks], data });
  return { html, facts: data.astro.frontmatter };
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
