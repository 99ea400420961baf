import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expect, test } from 'vitest';
import { CHROMIUM_ARGS } from '../../../src/chromium';
import { lessonFiles } from '../../../src/course/folder';
import { diagramSources } from '../../../src/markdown/diagram-sources';
import { slimDiagram } from '../../../src/markdown/diagram-slim';
import { themeDiagram } from '../../../src/markdown/diagram-theme';
import { withOwnParticipantNumbers } from '../../../src/markdown/diagram-finish';
import { MermaidRenderer } from '../../../src/markdown/mermaid-renderer';
import { chromiumPath, describeWithChromium } from '../../support/chromium';
import { KINDS } from '../../support/diagram-kinds';

const svg = (style: string, body: string) => `<svg id="d" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>${style}</style>${body}</svg>`;

test.each([
  ['drops a rule for elements the diagram does not have', '#d .node rect{fill:red;}#d .cluster rect{fill:blue;}', '<g class="node"><rect></rect></g>', '#d .node rect{fill:red;}'],
  ['keeps only the selectors of a list that match', '#d .node rect,#d .node circle{fill:red;}', '<g class="node"><rect></rect></g>', '#d .node rect{fill:red;}'],
  ['keeps a rule for the root itself', '#d{font-size:16px;}', '<g></g>', '#d{font-size:16px;}'],
  ['keeps a rule with a part it cannot test (a pseudo-element, :hover) for an element it has', '#d .x::before{content:"";}#d .y:hover{fill:red;}#d .z:hover{fill:red;}', '<g class="x"></g><g class="y"></g>', '#d .x::before{content:"";}#d .y:hover{fill:red;}'],
  ['keeps keyframes a kept rule animates with, drops the others', '@keyframes dash{to{stroke-dashoffset:0;}}@keyframes other{from{opacity:0;}}#d .a{animation:dash 5s linear;}', '<path class="a"></path>', '@keyframes dash{to{stroke-dashoffset:0;}}#d .a{animation:dash 5s linear;}'],
  ['keeps a rule on a data attribute, and that attribute', '#d [data-look="neo"].node rect{stroke:blue;}', '<g class="node" data-look="neo"><rect></rect></g>', '#d [data-look="neo"].node rect{stroke:blue;}'],
  // Selectors settled without the matcher (a tag, class or id no element has) and those only the matcher settles.
  ['tells tags, classes and ids apart, in any compound and across combinators', '#d g.node>rect{fill:red;}#d .node~text{fill:blue;}#d rect.node{fill:green;}#e .node{fill:gray;}#d .NODE{fill:pink;}', '<g class="node"><rect></rect></g><text></text>', '#d g.node>rect{fill:red;}#d .node~text{fill:blue;}'],
  ['leaves what it cannot read plainly to the matcher: negations, attribute values, invalid selectors', '#d .node:not(.cluster) rect{fill:red;}#d .node[id] rect{fill:blue;}#d > > .absent{fill:gray;}#d .absent:not(.node){fill:pink;}', '<g class="node" id="n"><rect></rect></g>', '#d .node:not(.cluster) rect{fill:red;}#d .node[id] rect{fill:blue;}#d > > .absent{fill:gray;}'],
])('%s', (_name, style, body, kept) => {
  expect(slimDiagram(svg(style, body))).toContain(`<style>${kept}</style>`);
});

test.each([
  ['drops a marker no line points to, keeps the one a line does', '<marker id="used"><path d="M0 0"></path></marker><marker id="unused"></marker><path d="M1 1" marker-end="url(#used)"></path>', ['id="used"'], ['id="unused"']],
  ['drops filters nothing uses, and the defs they leave empty', '<defs><filter id="shadow"></filter></defs><rect></rect>', ['<rect></rect>'], ['<defs>', 'shadow']],
  ['drops the data attributes Mermaid reads and no rule selects', '<path data-points="W3siIn0=" data-id="L_A_B" d="M1 1"></path>', ['d="M1 1"'], ['data-points', 'data-id']],
  ['rounds coordinates to a thousandth, leaves text alone', '<path d="M164,49.741015116373696L176.92893218813452,49.7"></path><text x="1.23456">0.123456789</text>', ['d="M164,49.741L176.929,49.7"', 'x="1.235"', '>0.123456789<'], []],
  ['drops empty style attributes and repeated class names', '<path class="a b a" style=""></path>', ['class="a b"'], ['style=""']],
])('%s', (_name, body, present, absent) => {
  const slim = slimDiagram(svg('', body));
  for (const text of present) expect(slim).toContain(text);
  for (const text of absent) expect(slim).not.toContain(text);
});

/** The site's stylesheet, which gives the diagrams their colours in either scheme. */
const SITE_CSS = readFileSync('src/styles/global.css', 'utf8');
/** Computed properties that are coordinates: compared as boxes, to a hundredth of a pixel, since slimming rounds them. */
const GEOMETRY = new Set(['d', 'x', 'y', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'transform', 'transform-origin', 'perspective-origin', 'inline-size', 'block-size']);

/** What the reader sees of an SVG in the page: each drawn element's computed style and box, arrowheads included. */
interface Drawn {
  tag: string;
  style: string;
  box: number[];
}

describeWithChromium('slimmed diagrams', () => {
  // One scheme: slimming changes no colour, and both schemes' colours come from the same custom properties.
  test("draw what Mermaid's SVG draws: every diagram of the course and one of each other kind, every element styled the same and in the same place", async () => {
    const unslimmed = (raw: string) => themeDiagram(withOwnParticipantNumbers(raw));
    const renderer = new MermaidRenderer(mkdtempSync(join(tmpdir(), 'diagrams-')), chromiumPath!, 1500, unslimmed);
    const browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
    try {
      const sources = [...lessonFiles([], 'lessons').flatMap((lesson) => diagramSources(lesson.raw)), ...KINDS];
      const svgs = await Promise.all(sources.map((source) => renderer.render(source)));
      const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
      await page.setContent(`<!doctype html><html><head><style>${SITE_CSS}</style></head><body><main></main></body></html>`);
      const drawn = (markup: string) =>
        page.locator('main').evaluate(
          (main, [html, geometry]) => {
            main.innerHTML = `<figure class="diagram">${html}</figure>`;
            const svg = main.querySelector('svg')!;
            const describe = (el: Element) => {
              const cs = getComputedStyle(el);
              const r = el.getBoundingClientRect();
              return {
                tag: el.tagName,
                style: Array.from(cs).filter((p) => !(geometry as string[]).includes(p)).map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'),
                box: [r.x, r.y, r.width, r.height],
              };
            };
            const out: Drawn[] = [];
            const shown = [...svg.querySelectorAll('*')].filter((el) => !el.closest('defs, marker, filter, style, title'));
            for (const el of [svg, ...shown]) out.push(describe(el));
            // The arrowheads the lines point to, drawn as part of each line.
            const used = new Set(shown.flatMap((el) => ['marker-start', 'marker-mid', 'marker-end'].map((p) => getComputedStyle(el).getPropertyValue(p))).filter((v) => v !== 'none'));
            for (const ref of [...used].sort()) {
              const marker = svg.querySelector(`[id="${/#([^")]+)/.exec(ref)![1]}"]`)!;
              for (const el of [marker, ...marker.querySelectorAll('*')]) out.push({ ...describe(el), box: [] });
            }
            return out;
          },
          [markup, [...GEOMETRY]] as const,
        );
      const different: string[] = [];
      for (const [i, full] of svgs.entries()) {
        const [before, after] = [await drawn(full), await drawn(slimDiagram(full))];
        const name = `diagram ${i + 1} (${sources[i]!.split('\n')[0]})`;
        if (after.length !== before.length) different.push(`${name}: ${before.length} drawn elements, ${after.length} slimmed`);
        for (const [j, a] of before.entries()) {
          const b = after[j];
          if (!b) break;
          if (a.tag !== b.tag || a.style !== b.style) different.push(`${name}: element ${j} (${a.tag}) is styled differently`);
          if (a.box.some((v, k) => Math.abs(v - b.box[k]!) > 0.01)) different.push(`${name}: element ${j} (${a.tag}) moved: ${a.box} → ${b.box}`);
        }
      }
      expect(different).toEqual([]);
      expect(svgs.every((full) => slimDiagram(full).length < full.length)).toBe(true);
    } finally {
      await browser.close();
      await renderer.close();
    }
  }, 300_000);
});
