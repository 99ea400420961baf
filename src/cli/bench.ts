/**
 * `npm run bench [-- --sizes 42,500,1000] [--compare starlight] [--no-dev] [--runs 2]`: builds a generated course of each size
 * with the real pipeline, cold (no caches) and warm (caches kept, output deleted), and measures a lesson page and the
 * dev loop. With `--compare starlight`, plain Starlight (pinned, installed from the npm registry into the benchmark's
 * folder) builds the same lessons in the same run, alternating with ours, and the ratios and goals are printed; then
 * Redis in the browser's figures (bench:playground) on the smallest course. With `--runs N` it does all of it N times
 * in a row and says which goals every run met. It prints figures; it asserts nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { measureDev, type DevFigures, type DevSetup } from '../bench/dev-loop';
import { runMeasured, type Run } from '../bench/measure';
import { pageWeight } from '../bench/page-weight';
import { formatPlaygroundFigures, measurePlayground } from '../bench/playground';
import { acrossRuns, formatFigures, formatGoals, goals, type BuildFigures, type DevComparison, type GoalResult, type SizeFigures } from '../bench/report';
import { prepareStarlight, starlightCaches, starlightCommand, STARLIGHT_VERSIONS, writeStarlightContent } from '../bench/starlight';
import { editedLesson, SYNTHETIC_COURSE_FILE, syntheticCourse, type SyntheticLesson } from '../bench/synthetic-course';
import { CHROMIUM_ARGS, findChromium, INSTALL_CHROMIUM_HINT } from '../chromium';
import { freePort } from '../free-port';
import { settings } from '../env';
import { UserError } from '../user-error';
import type { CliMain } from './run';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Our course in `dir`: course.yaml and the lessons, plus the folders its builds write. */
function writeOurCourse(dir: string, lessons: readonly SyntheticLesson[]) {
  const course = join(dir, 'lessons');
  mkdirSync(course, { recursive: true });
  writeFileSync(join(course, 'course.yaml'), SYNTHETIC_COURSE_FILE);
  for (const lesson of lessons) {
    mkdirSync(dirname(join(course, lesson.path)), { recursive: true });
    writeFileSync(join(course, lesson.path), lesson.text);
  }
  const env = { LESSONS_DIR: course, OUT_DIR: join(dir, 'dist'), CACHE_DIR: join(dir, 'cache'), ASTRO_CACHE_DIR: join(dir, 'astro-cache') };
  return { env, caches: [env.CACHE_DIR, env.ASTRO_CACHE_DIR], outDir: env.OUT_DIR };
}

const remove = (...paths: string[]) => paths.forEach((p) => rmSync(p, { recursive: true, force: true }));
/**
 * The environment the tools run in: this one without Vitest's or a caller's NODE_ENV, which changes how Vite builds,
 * and with Astro's telemetry off for both (ours turns it off itself), so that neither waits on the network.
 */
const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV')),
  ASTRO_TELEMETRY_DISABLED: '1',
  ...extra,
});

export const main: CliMain = async (args, io) => {
  const { values } = parseArgs({
    args,
    allowNegative: true,
    options: { sizes: { type: 'string', default: '42,500,1000' }, compare: { type: 'string' }, dev: { type: 'boolean', default: true }, runs: { type: 'string', default: '1' } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UserError(`--runs takes how many times to run the whole benchmark, such as 2 (got "${values.runs}").`, 2);
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UserError(`--sizes takes lesson counts such as 42,500,1000 (got "${values.sizes}").`, 2);
  if (values.compare !== undefined && values.compare !== 'starlight') throw new UserError(`--compare takes "starlight" (got "${values.compare}").`, 2);
  const chromiumPath = findChromium(settings);
  if (!chromiumPath) throw new UserError(`The benchmark loads pages in Chromium to weigh them: ${INSTALL_CHROMIUM_HINT}.`);

  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  const starlightDir = join(work, 'starlight');
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    if (values.compare) {
      io.out(`Installing Starlight ${STARLIGHT_VERSIONS['@astrojs/starlight']} (astro ${STARLIGHT_VERSIONS.astro}) from the npm registry into ${starlightDir}…`);
      prepareStarlight(starlightDir);
    }
    const build = (env: NodeJS.ProcessEnv): Promise<Run> => runMeasured(process.execPath, [TSX, 'scripts/build.ts'], { cwd: ROOT, env: cleanEnv({ ...env, NODE_ENV: 'production' } as Record<string, string>) });
    const buildStarlight = (): Promise<Run> => {
      const [command, argv] = starlightCommand(starlightDir, 'build');
      return runMeasured(command, argv, { cwd: starlightDir, env: cleanEnv({ NODE_ENV: 'production' }) });
    };

    /** Each size built cold and warm by each tool, and its lesson page weighed; Redis in the browser's figures too, if asked. */
    const measureBuilds = async (withPlayground: boolean): Promise<{ figures: SizeFigures[]; playground: string[] }> => {
      const figures: SizeFigures[] = [];
      let playground: string[] = [];
      for (const size of sizes) {
        const lessons = syntheticCourse(size);
        const ours = writeOurCourse(join(work, `ours-${size}`), lessons);
        const middle = lessons[Math.floor(size / 2)]!.path.replace(/\.mdx$/, '/');
        if (values.compare) writeStarlightContent(starlightDir, lessons);
        // Alternating the tools spreads the machine's drift over both.
        remove(...ours.caches, ours.outDir);
        const oursCold = await build(ours.env);
        let starlight: BuildFigures | undefined;
        let starlightCold: Run | undefined;
        if (values.compare) {
          remove(...starlightCaches(starlightDir), join(starlightDir, 'dist'));
          starlightCold = await buildStarlight();
        }
        remove(ours.outDir);
        const oursWarm = await build(ours.env);
        let starlightWarm: Run | undefined;
        if (values.compare) {
          remove(join(starlightDir, 'dist'));
          starlightWarm = await buildStarlight();
        }
        const oursWeight = await pageWeight(browser, ours.outDir, middle);
        const starlightWeight = values.compare ? await pageWeight(browser, join(starlightDir, 'dist'), middle) : undefined;
        // Then the middle lesson's words change, in both copies of the course, and each tool builds again.
        const edited = lessons[Math.floor(size / 2)]!;
        writeFileSync(join(ours.env.LESSONS_DIR, edited.path), editedLesson(edited.text));
        remove(ours.outDir);
        const oursEdited = await build(ours.env);
        if (values.compare && starlightCold && starlightWarm && starlightWeight) {
          writeFileSync(join(starlightDir, 'src', 'content', 'docs', edited.path), editedLesson(edited.text));
          remove(join(starlightDir, 'dist'));
          starlight = { cold: starlightCold, warm: starlightWarm, edited: await buildStarlight(), weight: starlightWeight };
        }
        figures.push({ lessons: size, ours: { cold: oursCold, warm: oursWarm, edited: oursEdited, weight: oursWeight }, starlight });
        const them = starlight ? `; Starlight cold ${starlight.cold.seconds.toFixed(1)} s, warm ${starlight.warm.seconds.toFixed(1)} s, one lesson edited ${starlight.edited!.seconds.toFixed(1)} s` : '';
        io.out(`built ${size} lessons: ours cold ${oursCold.seconds.toFixed(1)} s, warm ${oursWarm.seconds.toFixed(1)} s, one lesson edited ${oursEdited.seconds.toFixed(1)} s${them}`);
        // Redis in the browser is measured once, on the smallest course: its figures do not depend on the course's size.
        if (withPlayground && size === Math.min(...sizes)) playground = formatPlaygroundFigures(await measurePlayground(ours.outDir, { chromiumPath }));
        remove(ours.outDir);
      }
      return { figures, playground };
    };
    /** The dev loop on the smallest course, each tool without caches and then with them. */
    const measureDevLoop = async (): Promise<DevComparison> => {
      const size = Math.min(...sizes);
      const lessons = syntheticCourse(size);
      const first = lessons[0]!;
      const ours = writeOurCourse(join(work, `dev-${size}`), lessons);
      const oursSetup: DevSetup = {
        command: (port) => [process.execPath, [TSX, 'scripts/dev.ts', '--port', String(port), '--host', '127.0.0.1']],
        cwd: ROOT,
        env: cleanEnv(ours.env),
        path: first.path.replace(/\.mdx$/, '/'),
        file: join(ours.env.LESSONS_DIR, first.path),
      };
      const coldThenWarm = async (setup: DevSetup, caches: string[]): Promise<{ cold: DevFigures; warm: DevFigures }> => {
        remove(...caches);
        // Both runs on one port, as an author's two `npm run dev` would be (see measureDev).
        const port = await freePort();
        const cold = await measureDev(setup, browser, port);
        return { cold, warm: await measureDev(setup, browser, port) };
      };
      const oursDev = await coldThenWarm(oursSetup, ours.caches);
      let starlightDev;
      if (values.compare) {
        writeStarlightContent(starlightDir, lessons);
        // Starlight's loop failing is reported, and the benchmark goes on with this tool's figures alone.
        starlightDev = await coldThenWarm(
          { command: (port) => starlightCommand(starlightDir, 'dev', '--port', String(port), '--host', '127.0.0.1'), cwd: starlightDir, env: cleanEnv({}), path: oursSetup.path, file: join(starlightDir, 'src', 'content', 'docs', first.path) },
          starlightCaches(starlightDir),
        ).catch((error: unknown) => void io.out(`Starlight's dev loop failed, so it is left out of this run: ${error instanceof Error ? error.message : String(error)}`));
      }
      return { ours: oursDev, starlight: starlightDev };
    };

    const judged: GoalResult[][] = [];
    let playground: string[] = [];
    for (let run = 1; run <= runs; run++) {
      if (runs > 1) io.out(`\nRun ${run} of ${runs}`);
      const builds = await measureBuilds(run === 1);
      const figures = builds.figures;
      if (run === 1) playground = builds.playground;
      const dev = values.dev ? await measureDevLoop() : undefined;
      io.out('');
      for (const line of formatFigures(figures, dev)) io.out(line);
      io.out('\nGoals (issue 9)');
      judged.push(goals(figures, dev));
      for (const line of formatGoals(judged.at(-1)!)) io.out(line);
    }
    if (runs > 1) {
      io.out(`\nGoals (issue 9) over the ${runs} runs in a row`);
      for (const line of formatGoals(acrossRuns(judged))) io.out(line);
    }
    io.out('\nRedis in the browser (issue 11), on the generated course');
    for (const line of playground) io.out(`  ${line}`);
    io.out(`\n${runs === 1 ? 'One run' : `${runs} runs`} on this machine${values.compare ? ', both tools alternating' : ''}; build times drift ±20 % between runs, so compare ratios from one run.`);
    return 0;
  } finally {
    await browser.close();
    remove(work);
  }
};
