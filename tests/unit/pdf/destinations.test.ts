import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { readPrintedBook } from '../../../src/pdf/destinations';

/** A PDF laid out as Chromium writes one: objects, a compressed content stream, a page tree, a /Dests dictionary. */
function pdf(options: { nested?: boolean; streamText?: string } = {}): Buffer {
  const data = deflateSync(Buffer.from(options.streamText ?? 'BT /F1 12 Tf (endobj 9 0 obj <</Type /Catalog>>) Tj ET'));
  const parts: (string | Buffer)[] = [
    '%PDF-1.4\n',
    '1 0 obj\n<</Title (Streams and the endobj word)>>\nendobj\n',
    `2 0 obj\n<</Filter /FlateDecode\n/Length ${data.length}>> stream\n`,
    data,
    '\nendstream\nendobj\n',
    '3 0 obj\n<</Type /Page\n/Contents 2 0 R\n/Parent 6 0 R>>\nendobj\n',
    '4 0 obj\n<</Type /Page\n/Parent 6 0 R>>\nendobj\n',
    '5 0 obj\n<</Type /Page\n/Parent 7 0 R>>\nendobj\n',
    options.nested
      ? '6 0 obj\n<</Type /Pages\n/Count 2\n/Kids [3 0 R 4 0 R]>>\nendobj\n7 0 obj\n<</Type /Pages\n/Count 1\n/Kids [5 0 R]>>\nendobj\n8 0 obj\n<</Type /Pages\n/Count 3\n/Kids [6 0 R 7 0 R]>>\nendobj\n'
      : '6 0 obj\n<</Type /Pages\n/Count 3\n/Kids [3 0 R 4 0 R 5 0 R]>>\nendobj\n',
    '10 0 obj\n<</contents [3 0 R /XYZ 6 828 0]\n/phase-queries [4 0 R /XYZ 6 828 0]\n/lesson-queries--joins [5 0 R /XYZ 6 500 0]\n/caf#C3#A9 [5 0 R /XYZ 6 100 0]>>\nendobj\n',
    `11 0 obj\n<</Type /Catalog\n/Pages ${options.nested ? 8 : 6} 0 R\n/Dests 10 0 R>>\nendobj\ntrailer\n<</Root 11 0 R>>\n%%EOF\n`,
  ];
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
}

describe('readPrintedBook', () => {
  test('gives the page of every named destination and the page count', () => {
    const book = readPrintedBook(pdf());
    expect(book.pages).toBe(3);
    expect([...book.destinations]).toEqual([['contents', 1], ['phase-queries', 2], ['lesson-queries--joins', 3], ['café', 3]]);
  });

  test('follows a page tree of several levels in order', () => {
    expect(readPrintedBook(pdf({ nested: true })).destinations.get('lesson-queries--joins')).toBe(3);
  });

  test('is not misled by object keywords inside compressed streams or strings', () => {
    expect(readPrintedBook(pdf({ streamText: 'x'.repeat(3000) })).pages).toBe(3);
  });

  test('refuses a file that is not a PDF', () => {
    expect(() => readPrintedBook(Buffer.from('<html>'))).toThrow('the PDF has no page tree that this reader understands');
  });
});
