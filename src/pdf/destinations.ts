/**
 * Reads back, from a PDF that Chromium printed, the page each linked anchor landed on: Chromium turns every
 * `<a href="#id">` target into a named destination in the catalog's /Dests dictionary, pointing at its page.
 * That is how the contents get their real page numbers (print, read, print again).
 */

export interface PrintedBook {
  /** How many pages the PDF has. */
  pages: number;
  /** The page (from 1) of each named destination, by anchor id. */
  destinations: Map<string, number>;
}

/** `#xx` escapes in a PDF name, decoded as UTF-8. */
function pdfName(raw: string): string {
  const bytes = raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Every `N 0 obj … endobj` dictionary of the file by object number, stream data skipped by its /Length. */
function objects(text: string): Map<number, string> {
  const found = new Map<number, string>();
  const start = /(\d+) 0 obj\b/g;
  const streamStart = />>\s*stream\r?\n/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const from = start.lastIndex;
    const end = text.indexOf('endobj', from);
    if (end < 0) break;
    streamStart.lastIndex = from;
    const stream = streamStart.exec(text);
    if (stream && stream.index < end) {
      const body = text.slice(from, stream.index + 2);
      found.set(Number(match[1]), body);
      const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(body);
      const data = stream.index + stream[0].length;
      start.lastIndex = length ? data + Number(length[1]) : text.indexOf('endstream', data);
    } else {
      found.set(Number(match[1]), text.slice(from, end));
      start.lastIndex = end + 6;
    }
  }
  return found;
}

const reference = (body: string | undefined, key: string): number | undefined => {
  const match = body && new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body);
  return match ? Number(match[1]) : undefined;
};

/** The pages and named destinations of a PDF as Chromium (Skia) writes it; throws when the file is not one. */
export function readPrintedBook(pdf: Uint8Array): PrintedBook {
  const text = Buffer.from(pdf).toString('latin1');
  const all = objects(text);
  const catalog = [...all.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body));
  const root = reference(catalog, 'Pages');
  if (!catalog || root === undefined) throw new Error('the PDF has no page tree that this reader understands');

  const order: number[] = [];
  const walk = (id: number) => {
    const body = all.get(id) ?? '';
    if (!/\/Type\s*\/Pages\b/.test(body)) return void order.push(id);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
    for (const [, kid] of kids.matchAll(/(\d+) 0 R/g)) walk(Number(kid));
  };
  walk(root);
  const pageOf = new Map(order.map((id, i) => [id, i + 1]));

  const destinations = new Map<string, number>();
  const dests = all.get(reference(catalog, 'Dests') ?? -1) ?? '';
  for (const [, name, page] of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const number = pageOf.get(Number(page));
    if (number !== undefined) destinations.set(pdfName(name!), number);
  }
  return { pages: order.length, destinations };
}
