import { relative } from 'node:path';
import { componentList } from '../markdown/components';

/** MDX's parser errors, translated into what an author should do. */
const MDX_HINTS: [RegExp, string][] = [
  [/expression|closing brace/i, 'In MDX `{` starts an expression. Put it in `inline code`, or escape it as `\\{`.'],
  [/before name|tag name|closing tag|unexpected character .* \(U\+003C\)|unexpected `<`/i, 'In MDX `<` starts a component. Write `&lt;`, or put it in `inline code`.'],
  [/Expected component `([^`]+)` to be defined|is not defined/, `Only ${componentList()} are available without an import. Check the spelling, or import the component at the top of the lesson.`],
  [/Could not resolve|Failed to resolve import/, 'An import points to a file that does not exist. Check the path in the `import` line of the lesson.'],
];

/** Astro's and Vite's errors carry a location and a hint; show those, cleaned of Markdown and stack frames. */
export function describeBuildError(error: unknown): string {
  const e = error as { message?: string; loc?: { file?: string; line?: number; column?: number }; hint?: string; name?: string };
  let message = (e.message ?? String(error))
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/\*\*/g, '')
    .split('\n')
    .filter((line) => !/^\s+at /.test(line) && !/^Build failed with \d+ error/.test(line))
    .join('\n');
  let where = e.loc?.file ? `${e.loc.file}:${e.loc.line || 1}:${e.loc.column || 1}` : '';
  // Vite reports plugin errors as "[plugin name] /abs/file.mdx:91:1" on a line of their own.
  const located = /^\[plugin [^\]]+\] (\/\S+?):(\d+):(\d+)\s*$/m.exec(message);
  if (located) {
    where = `${located[1]}:${located[2]}:${located[3]}`;
    message = message.replace(located[0], '').replace(/^(MDXError|Error): /m, '');
  }
  // Rolldown draws a code frame: keep its first line and the location in its header.
  const framed = /╭─\[ (\S+?):(\d+):(\d+) \]/.exec(message);
  if (framed) {
    where = `${framed[1]}:${framed[2]}:${framed[3]}`;
    message = (message.split('\n').find((line) => line.trim() !== '') ?? message).replace(/^\[[A-Z_]+\] /, '');
  }
  const known = MDX_HINTS.find(([pattern]) => pattern.test(message))?.[1];
  const hint = known ? `\nFix: ${known}` : e.hint && !e.hint.startsWith('See https://docs.astro.build') ? `\nHint: ${e.hint}` : '';
  const prefix = where ? `${relative(process.cwd(), where)} ` : '';
  return `${prefix}error ${message.trim()}${hint}\nBuild failed. Run with DEBUG=1 for the full error.`;
}
