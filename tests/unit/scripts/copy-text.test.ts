import { expect, test } from 'vitest';
import { copyTextOf } from '../../../src/scripts/copy-text';

test('copies only the commands of a redis-cli session', () => {
  const session = '127.0.0.1:6379> SET a 1\nOK\n127.0.0.1:6379[2]> GET a\n"1"\n127.0.0.1:6379(TX)> EXEC';
  expect(copyTextOf(session, 'redis-cli')).toBe('SET a 1\nGET a\nEXEC');
});

test('copies other code as it is', () => {
  expect(copyTextOf('int a = 1;\n', 'java')).toBe('int a = 1;\n');
});
