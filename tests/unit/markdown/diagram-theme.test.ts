import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { DIAGRAM_ROLES, MERMAID_CONFIG, themeDiagram } from '../../../src/markdown/diagram-theme';

const node = String(MERMAID_CONFIG.themeVariables['mainBkg']);
const line = String(MERMAID_CONFIG.themeVariables['lineColor']);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

test.each([
  ['a sentinel in a stylesheet', `.node rect{fill:${node};}`, '.node rect{fill:var(--diagram-node);}'],
  ['a sentinel in capitals, in an attribute', `<path fill="${line.toUpperCase()}"/>`, '<path fill="var(--diagram-line)"/>'],
  ['a sentinel Mermaid rewrote as rgb()', `style="stroke: rgb(${rgb(line).join(', ')});"`, 'style="stroke: var(--diagram-line);"'],
  ['a sentinel faded to half', `background-color:rgba(${rgb(node).join(', ')}, 0.5);`, 'background-color:color-mix(in srgb, var(--diagram-node) 50%, transparent);'],
  ['colours an author chose, untouched', 'fill:#ff0000;stroke:rgb(200, 220, 255)', 'fill:#ff0000;stroke:rgb(200, 220, 255)'],
])('themes %s', (_name, svg, expected) => {
  expect(themeDiagram(svg)).toBe(expected);
});

test('gives every theme variable of a role the same sentinel, and each role its own', () => {
  const { themeVariables } = MERMAID_CONFIG;
  expect(themeVariables['nodeBkg']).toBe(node);
  expect(themeVariables['actorBkg']).toBe(node);
  expect(themeVariables['transitionColor']).toBe(line);
  // The shadow role is drawn only through dropShadow.
  const { darkMode: _darkMode, dropShadow: _dropShadow, ...colours } = themeVariables;
  expect(new Set(Object.values(colours)).size).toBe(DIAGRAM_ROLES.length - 1);
});

test('the stylesheet gives every role a value in each scheme', () => {
  const css = readFileSync('src/styles/global.css', 'utf8');
  const declared = new Map([...css.matchAll(/--diagram-([a-z-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]]));
  for (const role of DIAGRAM_ROLES) expect(declared.get(role), `--diagram-${role}`).toMatch(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$|^var\(--bg\)$/);
});
