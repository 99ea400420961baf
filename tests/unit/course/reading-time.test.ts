import { expect, test } from 'vitest';
import { parseLessonSource } from '../../../src/course/lesson-source';
import { measureTree, readingTime } from '../../../src/course/reading-time';

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
const tree = parseLessonSource('lesson.mdx', body).tree;

test('counts prose words and code lines, not diagram lines or component tags', () => {
  expect(measureTree(tree)).toEqual({ proseWords: 10, codeLines: 2 });
});

test('adds interview text and rounds to whole minutes', () => {
  const words = Array.from({ length: 390 }, () => 'word').join(' ');
  expect(readingTime(tree, [words]).minutes).toBe(2);
});
