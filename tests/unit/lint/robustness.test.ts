import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { folderOf, lintLines } from '../../support/course';
import { fixture } from './fixtures';

const valid = readFileSync(fixture('fence-language', 'valid'), 'utf8');
const lint = (raw: string, file = 'lessons/core-data-structures/ping.mdx') => lintLines(folderOf({ [file]: raw }));

describe('linting input an editor or a script might produce', () => {
  test('reports an empty file once, as RM001', () => {
    expect(lint('')).toEqual(['lessons/core-data-structures/ping.mdx:1:1 error RM001/lesson-file The file is empty. Start from the template with `npm run new:lesson`.']);
  });

  test('accepts a byte-order mark and CRLF line endings', () => {
    expect(lint(`\uFEFF${valid.replace(/\n/g, '\r\n')}`)).toEqual([]);
  });

  test('reports the same lines for CRLF as for LF', () => {
    const broken = valid.replace('```redis-cli', '```');
    expect(lint(broken.replace(/\n/g, '\r\n'))).toEqual(lint(broken));
  });

  test('lints a 5,000-line lesson', () => {
    const parts = Array.from({ length: 620 }, (_, i) => `### Part ${i}\n\nText about \`key:${i}\`.\n\n\`\`\`java\nint x = ${i};\n\`\`\``).join('\n\n');
    const big = valid.replace('## Summary', `${parts}\n\n## Summary`);
    expect(big.split('\n').length).toBeGreaterThan(5000);
    expect(lint(big)).toEqual([expect.stringContaining('warning RM105/duration-matches-reading-time duration is 1 min but the lesson reads in')]);
  });

  test('accepts a 3,000-character code line', () => {
    expect(lint(valid.replace('PONG', `PONG ${'x'.repeat(3000)}`))).toEqual([]);
  });

  test('shortens a 3,000-character placeholder line in its message', () => {
    const [line] = lint(valid.replace('Set a timeout on every client.', `TODO(author): ${'x'.repeat(3000)}`));
    expect(line!.length).toBeLessThan(300);
  });

  test('accepts emoji and non-ASCII titles, headings and file names', () => {
    const text = valid.replace('title: Lint Fixture', 'title: "Größen und Zeichen 🚀 日本語"').replace('## Summary', '## Summary 🚀');
    expect(lint(text, 'lessons/core-data-structures/größen-🚀.mdx')).toEqual([]);
  });

  test('reports one RM111 problem per line of repeated traps', () => {
    const lines = lint(valid.replace('PING checks that Redis answers.', '<'.repeat(2000)));
    expect(lines.filter((l) => l.includes('RM111'))).toHaveLength(1);
  });

  test('does not throw on binary-looking text without frontmatter', () => {
    expect(() => lint('\u0000\u0001<<<{{{```\n~~~\n</>')).not.toThrow();
  });
});
