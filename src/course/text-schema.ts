import { z } from 'astro/zod';

/** `` `1`, `2`, `3` ``: allowed values as a message lists them. */
export const quoted = (values: readonly (string | number)[]): string => values.map((v) => `\`${v}\``).join(', ');

/** Text that must be present and not blank; `what` names it in the message, `example` shows how to write it. */
export const requiredText = (what: string, example: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${what} is missing. Add it, for example: ${example}` : `${what} must be text, for example: ${example}`,
    })
    .trim()
    .min(1, { error: `${what} is empty. Write it, for example: ${example}` });

/** A URL segment: lower-case letters, digits and single hyphens. */
export const slugText = (what: string, example: string) =>
  requiredText(what, example).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: `${what} must be lower-case letters, digits and hyphens (it becomes part of a URL), for example: ${example}`,
  });
