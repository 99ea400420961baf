import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DiagramSyntaxError, MermaidRenderer, parseErrorLine } from '../../../src/markdown/mermaid-renderer';
import { chromiumPath, describeWithChromium } from '../../support/chromium';

test.each([
  ['Parse error on line 3:\n...', 3],
  ['Lexical error on line 12. Unrecognized text.', 12],
  ['something else', undefined],
])('reads the line out of %j', (message, line) => {
  expect(parseErrorLine(message)).toBe(line);
});

describeWithChromium('rendering diagrams in Chromium', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'diagrams-'));
  const renderer = new MermaidRenderer(cacheDir, chromiumPath!);
  afterAll(() => renderer.close());

  test('renders a flowchart to light and dark inline SVG', async () => {
    const { light, dark } = await renderer.render('flowchart LR\n  Client -->|RESP| Redis');
    expect(light).toMatch(/^<svg id="mermaid-[0-9a-f]{16}-light"/);
    expect(dark).toMatch(/^<svg id="mermaid-[0-9a-f]{16}-dark"/);
    expect(light).toContain('Client');
    expect(light).not.toEqual(dark.replaceAll('-dark', '-light'));
  });

  test('serves an unchanged diagram from the cache', async () => {
    await renderer.render('flowchart TD\n  A --> B');
    const before = renderer.stats.rendered;
    await renderer.render('flowchart TD\n  A --> B');
    expect(renderer.stats.rendered).toBe(before);
    expect(readdirSync(cacheDir).length).toBe(2);
  });

  test('fails on a syntax error with the line inside the diagram', async () => {
    const error = await renderer.render('flowchart LR\n  A --> B\n  B -->> C[').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagramSyntaxError);
    expect((error as DiagramSyntaxError).line).toBe(3);
  });
});
