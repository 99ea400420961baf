import { expect, test } from 'vitest';
import { measureBody, readingTime } from '../../../src/course/reading-time';

const body = [
  '## Introduction',
  '',
  'Redis keeps data in memory.',
  '',
  '```redis-cli',
  '127.0.0.1:6379> PING',
  'PONG',
  '```',
  '',
  '```mermaid',
  'flowchart LR',
  '  A --> B',
  '```',
  '',
  '<Callout type="tip">',
  'Always set a TTL.',
  '</Callout>',
].join('\n');

test('counts prose words and code lines, not diagram lines or component tags', () => {
  expect(measureBody(body)).toEqual({ proseWords: 10, codeLines: 2 });
});

test('adds interview text and rounds to whole minutes', () => {
  const words = Array.from({ length: 390 }, () => 'word').join(' ');
  expect(readingTime(body, [words]).minutes).toBe(2);
});
