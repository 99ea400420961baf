import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { renderCodeBlock } from '../../../src/markdown/code-blocks';

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
