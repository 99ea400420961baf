import { z } from 'astro/zod';
import type { Pack } from '../types';
import { REDIS_CLI_PROMPT, redisCliGrammar } from './grammar';
import { runAttributes } from './run-attributes';
import { PLAYGROUND_PATH } from './runnable';

const VERSION = /^\d+\.\d+(\.\d+)?$/;

/** Redis: highlighted, copyable redis-cli sessions, checked against a real redis-server and runnable in the browser. */
export const redisPack: Pack = {
  name: 'redis',
  languages: [{ id: 'redis-cli', label: 'redis-cli', grammar: redisCliGrammar, prompt: REDIS_CLI_PROMPT, browserRun: runAttributes }],
  frontmatter: {
    /** Lowest Redis version the lesson's commands need, e.g. `7.2`; its sessions are checked on a server at least that new. */
    redisVersion: z
      .string({ error: 'redisVersion must be quoted text such as "7.2" (unquoted 7.2 is read as a number).' })
      .regex(VERSION, { error: 'redisVersion must look like "7.2" or "7.2.4".' })
      .optional(),
  },
  lessonNote: (data) => (typeof data['redisVersion'] === 'string' ? `Redis ${data['redisVersion']}+` : undefined),
  verifier: async () => (await import('./verify/verifier')).redisVerifier(),
  pages: [{ pattern: `/${PLAYGROUND_PATH}`, entrypoint: new URL('./playground.astro', import.meta.url) }],
  lessonEnd: new URL('../../components/RedisConsole.astro', import.meta.url),
};
