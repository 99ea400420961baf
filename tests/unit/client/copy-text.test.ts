import { expect, test } from 'vitest';
import { copyTextOf } from '../../../src/client/copy-text';
import { REDIS_CLI_PROMPT } from '../../../src/packs/redis/grammar';

test('copies only the commands of a redis-cli session', () => {
  const session = '127.0.0.1:6379> SET a 1\nOK\n127.0.0.1:6379[2]> GET a\n"1"\n127.0.0.1:6379(TX)> EXEC';
  expect(copyTextOf(session, REDIS_CLI_PROMPT.source)).toBe('SET a 1\nGET a\nEXEC');
});

test('copies code without a prompt pattern as it is', () => {
  expect(copyTextOf('int a = 1;\n', undefined)).toBe('int a = 1;\n');
});
