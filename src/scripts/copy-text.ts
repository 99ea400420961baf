import { REDIS_CLI_PROMPT } from '../markdown/redis-cli-grammar';

/** What the copy button puts on the clipboard: for a redis-cli session only the commands, ready to paste. */
export function copyTextOf(text: string, lang: string): string {
  if (lang !== 'redis-cli') return text;
  const commands = text
    .split('\n')
    .map((line) => REDIS_CLI_PROMPT.exec(line)?.[2])
    .filter((command): command is string => command !== undefined && command !== '');
  return commands.length > 0 ? commands.join('\n') : text;
}
