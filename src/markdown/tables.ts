import type { HastPluginDefinition } from 'satteri';

/** Sätteri hast plugin: wide tables scroll inside a focusable region, so keyboard users can scroll them too. */
export const tables: HastPluginDefinition = {
  name: 'course-site:tables',
  element: {
    filter: ['table'],
    visit(table, ctx) {
      ctx.wrapNode(table, { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table' }, children: [] });
    },
  },
};
