import { fork, type ChildProcess } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILE_CACHE, DIAGRAMS_FROM_PARENT, settings } from '../env';
import { diagramBrowser } from '../chromium';
import type { CheckOutcome } from '../lint/cache';
import type { Channel } from '../markdown/diagram-service';
import { bundleAstroConfig } from './astro-config';

/** An error of the Astro process, as much of it as describeBuildError reads. */
export interface AstroError {
  name?: string;
  message: string;
  stack?: string;
  loc?: { file?: string; line?: number; column?: number };
  hint?: string;
}

type Reply = { done: true } | { error: AstroError };
const isReply = (message: unknown): message is Reply => typeof message === 'object' && message !== null && ('done' in message || 'error' in message);

/** The Astro process of a build or a dev server: started early, told what to do once the lessons pass their checks. */
export interface AstroProcess {
  /** Builds the site; resolves with Astro's error, or undefined when the build succeeded. */
  build(): Promise<AstroError | undefined>;
  /** Starts the dev server; resolves with Astro's error if it cannot start, else when the server stops. */
  dev(server: { port?: number; host?: string }): Promise<AstroError | undefined>;
  /** Dev only: bundles the config again and restarts the dev server with it, in the same process. */
  restart(): Promise<void>;
  /** The project's files the config is made of (see BundledConfig), as of the last config that bundled. */
  configInputs(): Promise<string[]>;
  /** Ends the process unused (the lessons have errors). */
  cancel(): void;
  /** The channel Astro's process asks for diagrams on, when this process draws them (diagram-service.ts). */
  channel: Channel & { readonly connected: boolean };
  /** Dev only: resolves once the dev server listens. */
  ready: Promise<void>;
}

/**
 * Whether Astro's process ended as it should: done, or stopped by Ctrl-C or `kill`, either by the signal itself or by
 * Astro's handler of it exiting with 128 + the signal's number (a dev server stopped with `kill` exits 143).
 */
export const stoppedAsAsked = (code: number | null, signal: NodeJS.Signals | null): boolean =>
  code === 0 || code === 130 || code === 143 || signal === 'SIGINT' || signal === 'SIGTERM';

/**
 * The environment of Astro's process, with Astro's telemetry off: it would run git and post to telemetry.astro.build
 * from every build and dev server, and a course's build makes no request to the network.
 */
export function astroEnv(env: NodeJS.ProcessEnv, drawsDiagrams: boolean, astroCacheDir: string): NodeJS.ProcessEnv {
  const astro: NodeJS.ProcessEnv = { ...env, ASTRO_TELEMETRY_DISABLED: '1', [COMPILE_CACHE]: resolvePath(astroCacheDir, 'node-compile-cache') };
  if (drawsDiagrams) astro[DIAGRAMS_FROM_PARENT] = '1';
  return astro;
}

const ENTRY = fileURLToPath(new URL('./astro-process.mjs', import.meta.url));

/**
 * Forks src/cli/astro-process.mjs on plain Node: no tsx loader in Astro's process (see there why). With
 * `drawsDiagrams`, Astro's process asks this one for its diagrams (serve them on `channel`). It imports little, so
 * that a tool can start Astro first thing.
 */
export function startAstro({ drawsDiagrams = false } = {}): AstroProcess {
  const child: ChildProcess = fork(ENTRY, [], { execArgv: [], stdio: 'inherit', env: astroEnv(process.env, drawsDiagrams, settings.astroCacheDir) });
  const ready = new Promise<void>((resolve) => {
    child.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'ready' in message) resolve();
    });
  });
  const outcome = new Promise<AstroError | undefined>((resolve) => {
    child.on('message', (reply: unknown) => {
      if (isReply(reply)) resolve('error' in reply ? reply.error : undefined);
    });
    child.on('exit', (code, signal) => resolve(stoppedAsAsked(code, signal) ? undefined : { message: `Astro stopped (exit code ${code}).` }));
  });
  // Bundled while Astro's process loads Astro (0.2 s against 1.5 s).
  let bundled = bundleAstroConfig();
  // What the last bundle that worked was made of: a config that no longer bundles is watched for its fix.
  let inputs = [resolvePath('astro.config.mjs')];
  /** A command for Astro's process, with the config bundled last. */
  const tell = async (message: object) => child.send({ ...message, configFile: (await bundled)?.file });
  return {
    build: () => tell({ command: 'build' }).then(() => outcome),
    dev: (server) => tell({ command: 'dev', server }).then(() => outcome),
    restart: async () => {
      bundled = bundleAstroConfig();
      await tell({ command: 'restart' });
    },
    configInputs: async () => (inputs = (await bundled)?.inputs ?? inputs),
    cancel: () => void child.kill(),
    channel: child,
    ready,
  };
}

/**
 * What `npm run build` and `npm run dev` do first: Astro's process is started before anything heavy loads, this
 * process draws its diagrams and checks the lessons, and `then` decides what Astro does. A mistake thrown before
 * then ends Astro's process; the browser is closed when `then` is done.
 */
export async function withCheckedAstro(tool: 'build' | 'dev', then: (astro: AstroProcess, checked: CheckOutcome) => Promise<number>): Promise<number> {
  const astro = startAstro({ drawsDiagrams: diagramBrowser(settings) !== undefined });
  let diagrams: { close(): Promise<void> } | undefined;
  try {
    // Loaded once Astro's process is started: the checks' and the renderer's modules take tsx a while.
    const [{ drawDiagramsFor }, { checkCourseCached }] = await Promise.all([import('../markdown/diagram-service'), import('../lint/cache')]);
    // A build starts on the course's diagrams at once. Dev does not: measured on 42 lessons, that gained under a
    // second on a first start and cost 1–3 s on the next when the first was stopped early. Once its server listens
    // it readies the browser if no diagram is cached yet, so that the first lesson does not wait for Chromium and
    // Mermaid to start (sooner, they would slow Astro's own start on two cores).
    const lessons = settings.lessonsDir;
    diagrams = drawDiagramsFor(astro.channel, settings.diagramCacheDir, tool, tool === 'build' ? { prefetch: lessons } : { warm: lessons, after: astro.ready });
    return await then(astro, await checkCourseCached(settings.lessonsDir, settings.cacheDir));
  } catch (error) {
    // A mistake found before Astro was told what to do (no lessons folder, say): its process is not needed.
    astro.cancel();
    throw error;
  } finally {
    await diagrams?.close();
  }
}
