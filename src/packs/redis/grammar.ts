import type { LanguageRegistration } from 'shiki';

/** Prompt redis-cli prints: host:port, an optional [db] and (TX) inside MULTI. */
export const REDIS_CLI_PROMPT = /^(\S+:\d+(?:\[\d+\])?(?:\(TX\))?>) ?(.*)$/;

/** A small TextMate grammar for redis-cli sessions: prompt, command, arguments and typed replies. */
export const redisCliGrammar: LanguageRegistration = {
  name: 'redis-cli',
  scopeName: 'source.redis-cli',
  displayName: 'redis-cli',
  patterns: [
    {
      begin: '^(\\S+:\\d+(?:\\[\\d+\\])?(?:\\(TX\\))?>)\\s*([A-Za-z][\\w.|-]*)',
      beginCaptures: { 1: { name: 'comment.prompt.redis-cli' }, 2: { name: 'keyword.control.command.redis-cli' } },
      end: '$',
      patterns: [
        { name: 'string.quoted.double.redis-cli', match: '"(?:[^"\\\\]|\\\\.)*"' },
        { name: 'string.quoted.single.redis-cli', match: "'[^']*'" },
        { name: 'constant.numeric.redis-cli', match: '(?<=\\s)[+-]?\\d+(?:\\.\\d+)?(?=\\s|$)' },
        { name: 'variable.parameter.option.redis-cli', match: '(?<=\\s)[A-Z][A-Z_-]+(?=\\s|$)' },
      ],
    },
    { name: 'comment.line.redis-cli', match: '^#.*$' },
    {
      match: '^(\\s*(?:\\d+\\)\\s*)*)(\\(error\\)).*$',
      captures: { 1: { name: 'constant.numeric.index.redis-cli' }, 2: { name: 'invalid.illegal.error.redis-cli' } },
    },
    { name: 'constant.numeric.index.redis-cli', match: '^\\s*(?:\\d+\\)\\s*)+' },
    { name: 'storage.type.reply.redis-cli', match: '\\((?:integer|double|nil|empty array|empty list or set|true|false)\\)' },
    { name: 'string.quoted.double.redis-cli', match: '"(?:[^"\\\\]|\\\\.)*"' },
    { name: 'constant.language.status.redis-cli', match: '^(?:OK|QUEUED|PONG)$' },
  ],
  repository: {},
};
