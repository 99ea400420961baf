import type { Page } from 'playwright-core';

/** A colour as [r, g, b, alpha], channels 0–255 and alpha 0–1. */
export type Rgba = [number, number, number, number];

/** `top` painted over the opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** What one text or line of a diagram is drawn in, and what is behind it, from the top layer down to the page. */
interface Sample {
  kind: 'text' | 'line';
  what: string;
  colour: Rgba;
  behind: Rgba[];
  page: Rgba;
}

/** Every text of every diagram on the page, with the fills under its middle, and every edge, message and arrowhead. */
function sampleDiagrams(page: Page): Promise<Sample[]> {
  return page.evaluate(() => {
    const parse = (css: string): Rgba | undefined => {
      const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/.exec(css);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
    };
    // Opacity of an element and every group above it inside the SVG.
    const opacity = (el: Element) => {
      let value = 1;
      for (let e: Element | null = el; e && e.tagName !== 'svg'; e = e.parentElement) value *= Number(getComputedStyle(e).opacity);
      return value;
    };
    const paint = (el: Element, property: 'fill' | 'stroke'): Rgba | undefined => {
      const style = getComputedStyle(el);
      const colour = parse(style[property]);
      if (!colour) return undefined;
      colour[3] *= Number(property === 'fill' ? style.fillOpacity : style.strokeOpacity) * opacity(el);
      return colour[3] > 0 ? colour : undefined;
    };
    // Hit testing must see every painted shape, whatever pointer-events Mermaid gave it.
    const probe = document.createElement('style');
    probe.textContent = '.diagram svg * { pointer-events: visiblePainted !important; }';
    document.head.append(probe);
    const SHAPES = new Set(['rect', 'path', 'polygon', 'circle', 'ellipse']);
    const samples: Sample[] = [];
    for (const figure of document.querySelectorAll('.diagram')) {
      const svg = figure.querySelector('svg');
      if (!svg) continue;
      const backdrop = parse(getComputedStyle(figure).backgroundColor)!;
      const name = svg.getAttribute('aria-labelledby') ? document.getElementById(svg.getAttribute('aria-labelledby')!.split(' ')[0]!)?.textContent : svg.id;
      // The element that holds the glyphs (a tspan, or a text without one) is the one whose fill they take.
      const glyphs = [...svg.querySelectorAll('text, tspan')].filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
      for (const text of glyphs) {
        const colour = paint(text, 'fill');
        if (!colour) continue;
        text.scrollIntoView({ block: 'center', inline: 'center' });
        const box = text.getBoundingClientRect();
        // A sequence number stands on a circle drawn as a marker, which hit testing does not see.
        const numberDot = text.closest('.sequenceNumber') && svg.querySelector('marker[id$="-sequencenumber"] circle');
        const behind = numberDot
          ? [paint(numberDot, 'fill')!]
          : document
              .elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)
              .filter((el) => svg.contains(el) && SHAPES.has(el.tagName))
              .map((el) => paint(el, 'fill'))
              .filter((fill) => fill !== undefined);
        samples.push({ kind: 'text', what: `${name}: "${text.textContent!.trim()}"`, colour, behind, page: backdrop });
      }
      // Arrowheads that an edge uses, and the edges, messages and transitions themselves.
      const used = [...svg.querySelectorAll('[marker-start], [marker-end]')].flatMap((el) => [el.getAttribute('marker-start'), el.getAttribute('marker-end')]);
      const arrowheads = [...svg.querySelectorAll('marker')].filter((marker) => used.includes(`url(#${marker.id})`)).flatMap((marker) => [...marker.querySelectorAll('path')]);
      for (const line of [...svg.querySelectorAll('.flowchart-link, [class*="messageLine"], .transition, .relation, .relationshipLine'), ...arrowheads]) {
        const colour = paint(line, line.closest('marker') && paint(line, 'fill') ? 'fill' : 'stroke');
        if (colour) samples.push({ kind: 'line', what: `${name}: ${line.closest('marker')?.id ?? line.getAttribute('class')}`, colour, behind: [], page: backdrop });
      }
    }
    probe.remove();
    return samples;
  });
}

/** WCAG AA for text (4.5:1) and for graphics (3:1, lines and arrowheads against the page). */
const MINIMUM = { text: 4.5, line: 3 };

/** Every text and line of the page's diagrams that is too faint against what it is drawn on, as readable lines. */
export async function diagramContrastProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const sample of await sampleDiagrams(page)) {
    const background = [...sample.behind].reverse().reduce((below, layer) => over(layer, below), sample.page);
    const ratio = contrast(over(sample.colour, background), background);
    if (ratio < MINIMUM[sample.kind]) problems.push(`${sample.what} has contrast ${ratio.toFixed(2)}:1, below ${MINIMUM[sample.kind]}:1`);
  }
  return problems;
}
