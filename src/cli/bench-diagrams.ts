/**
 * `npm run bench:diagrams [-- --sizes course,42,500] [--no-build]`: what diagrams cost. For the real course (`course`)
 * and for synthetic courses of each size (one diagram a lesson) it prints the diagram stage alone (cold: empty cache, browser launch
 * included; warm: from the cache), then the build with diagrams rendered at build against the same build with
 * MERMAID_RENDER=client (the difference is what diagrams add to the build) and the lesson pages' HTML gzip.
 * It prints figures; it asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { timeDiagramStage } from '../bench/diagrams';
import { SYNTHETIC_COURSE_FILE, syntheticCourse } from '../bench/synthetic-course';
import { findChromium } from '../chromium';
import { lessonFiles } from '../course/folder';
import { settings } from '../env';
import { diagramSources } from '../markdown/diagram-sources';
import { UserError } from '../user-error';
import type { CliMain } from './run';

const TSX = ['node_modules/tsx/dist/cli.mjs'];

/** A course to measure: its folder and each lesson's diagrams. */
interface Subject {
  name: string;
  lessonsDir: string;
  diagrams: string[][];
}

function realCourse(): Subject {
  const files = lessonFiles([], 'lessons');
  return { name: 'course', lessonsDir: 'lessons', diagrams: files.map((f) => diagramSources(f.raw)) };
}

function syntheticSubject(size: number, work: string): Subject {
  const lessonsDir = join(work, 'lessons');
  mkdirSync(lessonsDir, { recursive: true });
  writeFileSync(join(lessonsDir, 'course.yaml'), SYNTHETIC_COURSE_FILE);
  const lessons = syntheticCourse(size);
  for (const lesson of lessons) {
    mkdirSync(dirname(join(lessonsDir, lesson.path)), { recursive: true });
    writeFileSync(join(lessonsDir, lesson.path), lesson.text);
  }
  return { name: String(size), lessonsDir, diagrams: lessons.map((l) => diagramSources(l.text)) };
}

/** One cold and one warm run of the diagram stage, each in a fresh process so nothing is kept in memory between them. */
function stageSeconds(subject: Subject, work: string): { cold: number; warm: number } {
  const input = join(work, 'diagrams.json');
  writeFileSync(input, JSON.stringify(subject.diagrams));
  const cacheDir = join(work, 'stage-cache');
  const run = () => Number(execFileSync(process.execPath, [...TSX, 'scripts/bench-diagrams.ts', '--stage', input, '--cache', cacheDir], { encoding: 'utf8' }).trim());
  const cold = run();
  return { cold, warm: run() };
}

/** A clean build (no cache of any kind); seconds and the mean gzip bytes of its lesson pages. */
function cleanBuild(subject: Subject, work: string, env: NodeJS.ProcessEnv): { seconds: number; html: number } {
  const outDir = join(work, 'dist');
  rmSync(outDir, { recursive: true, force: true });
  const dirs = { LESSONS_DIR: subject.lessonsDir, OUT_DIR: outDir, CACHE_DIR: join(work, 'cache'), ASTRO_CACHE_DIR: join(work, 'astro-cache') };
  rmSync(dirs.CACHE_DIR, { recursive: true, force: true });
  rmSync(dirs.ASTRO_CACHE_DIR, { recursive: true, force: true });
  const start = performance.now();
  execFileSync(process.execPath, [...TSX, 'scripts/build.ts'], { env: { ...process.env, NODE_ENV: 'production', ...dirs, ...env }, stdio: 'ignore' });
  const seconds = (performance.now() - start) / 1000;
  const pages = readdirSync(outDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && d.name !== 'pagefind' && d.name !== 'interview')
    .flatMap((phase) => readdirSync(join(outDir, phase.name), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(outDir, phase.name, d.name, 'index.html')));
  const html = pages.reduce((sum, page) => sum + gzipSync(readFileSync(page)).length, 0) / pages.length;
  return { seconds, html };
}

const ms = (seconds: number, count: number) => `${((seconds * 1000) / count).toFixed(1)} ms`;

export const main: CliMain = async (args, io) => {
  const { values } = parseArgs({
    args,
    options: { sizes: { type: 'string', default: 'course,42,500' }, 'no-build': { type: 'boolean', default: false }, stage: { type: 'string' }, cache: { type: 'string' } },
  });
  if (values.stage && values.cache) {
    // One measured run, in its own process (see stageSeconds).
    const lessons = JSON.parse(readFileSync(values.stage, 'utf8')) as string[][];
    io.out(String(await timeDiagramStage(lessons, values.cache)));
    return 0;
  }
  if (!findChromium(settings)) throw new UserError('bench:diagrams needs Chromium to render diagrams at build time: install `chromium` or set CHROME_PATH.');
  const sizes = values.sizes.split(',').map((size) => (size === 'course' ? size : Number(size)));
  if (sizes.some((n) => n !== 'course' && (!Number.isInteger(n) || n < 1))) {
    throw new UserError(`--sizes takes \`course\` and lesson counts separated by commas, e.g. --sizes course,42,500 (got "${values.sizes}").`, 2);
  }

  const rows: string[][] = [];
  for (const size of sizes) {
    const work = mkdtempSync(join(tmpdir(), 'bench-diagrams-'));
    try {
      const subject = size === 'course' ? realCourse() : syntheticSubject(size, work);
      const count = subject.diagrams.flat().length;
      const stage = stageSeconds(subject, work);
      const row = [subject.name, String(count), `${stage.cold.toFixed(1)} s`, ms(stage.cold, count), ms(stage.warm, count)];
      if (!values['no-build']) {
        const rendered = cleanBuild(subject, work, {});
        const client = cleanBuild(subject, work, { MERMAID_RENDER: 'client' });
        row.push(`${rendered.seconds.toFixed(1)} s`, `${client.seconds.toFixed(1)} s`, ms(rendered.seconds - client.seconds, count), `${(rendered.html / 1024).toFixed(1)} KB`);
      }
      rows.push(row);
      io.out(`measured ${subject.name}: ${row.slice(1).join(', ')}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const header = ['lessons', 'diagrams', 'stage cold', 'per diagram', 'warm', ...(values['no-build'] ? [] : ['build', 'client build', 'build per diagram', 'lesson HTML'])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  io.out(`\n${line(header)}\n${rows.map(line).join('\n')}`);
  io.out(`
stage: the build's diagram stage alone, every lesson at once (cold: empty cache, browser launch included; warm: every diagram cached).
build: a clean build with diagrams rendered at build; client build: the same with MERMAID_RENDER=client (no rendering);
build per diagram: their difference over the diagrams; lesson HTML: mean gzip bytes of a lesson page of the rendered build.`);
  return 0;
};
