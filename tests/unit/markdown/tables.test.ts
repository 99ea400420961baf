import { markdownToHtml } from 'satteri';
import { expect, test } from 'vitest';
import { tables } from '../../../src/markdown/tables';

test('wraps a table in a focusable scrolling region', async () => {
  const { html } = await markdownToHtml('| a |\n|---|\n| 1 |', { hastPlugins: [tables] });
  expect(html.replace(/\n/g, '')).toBe('<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>');
});
