import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { rehypeTables } from '../../../src/markdown/rehype-tables';

test('wraps a table in a focusable scrolling region', () => {
  const tree = fromHtml('<table><tr><td>1</td></tr></table>', { fragment: true });
  rehypeTables()(tree);
  expect(toHtml(tree)).toBe('<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table><tbody><tr><td>1</td></tr></tbody></table></div>');
});
