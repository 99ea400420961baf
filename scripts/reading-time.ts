/** Prints each lesson's computed reading time beside its declared duration: `npm run reading-time [files…]`. */
import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import { parse } from 'yaml';
import { readingTime } from '../src/course/reading-time';

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : globSync('lessons/**/*.mdx').sort();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  const data = (match ? parse(match[1]!) : {}) as { duration?: number; interviewQuestions?: { question: string; answer: string }[] };
  const body = match ? text.slice(match[0].length) : text;
  const extra = (data.interviewQuestions ?? []).flatMap((q) => [q.question, q.answer]);
  const time = readingTime(body, extra);
  const off = data.duration ? Math.abs(time.minutes - data.duration) / data.duration : 1;
  console.log(`${file}: reads in ${time.minutes} min (${time.proseWords} words, ${time.codeLines} code lines); declared ${data.duration ?? '—'} min${off > 0.25 ? '  ← more than 25% off' : ''}`);
}
