/**
 * Builds the in-browser Redis engine: the real Redis 7.2.6 server compiled to WebAssembly with
 * Debian's Emscripten, plus our C shim (c/) and patch set (patches/). Writes the committed
 * artifacts into artifacts/. Run it with `npm run build:redis-wasm [-- --clean]`.
 *
 * Reproducible: the source tarball is checked by version (7.2.x only) and recorded by sha256,
 * release.h is generated from fixed values (no git sha, host name or date), build paths are
 * mapped away with -ffile-prefix-map, and SOURCE_DATE_EPOCH/TZ/LC_ALL are fixed. Two builds give
 * identical bytes (`--check` builds twice from clean and compares).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENGINE_DIR = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = resolve(ENGINE_DIR, '../../../..');
const ARTIFACTS_DIR = join(ENGINE_DIR, 'artifacts');
const SHIM_DIR = join(ENGINE_DIR, 'c');
const PATCH_DIR = join(ENGINE_DIR, 'patches');
const DEFAULT_SOURCE = resolve(PROJECT_ROOT, '../shared/redis/redis-7.2.6.tar.gz');
/** Where the sources are extracted and compiled (REDIS_WASM_BUILD_DIR overrides; the path does not reach the output). */
const BUILD_ROOT = resolve(process.env.REDIS_WASM_BUILD_DIR ?? join(PROJECT_ROOT, '.cache', 'redis-wasm'));

/** The output names inside artifacts/. */
export const ARTIFACT_NAMES = {
  glue: 'redis-engine.mjs',
  wasm: 'redis-engine.wasm',
  types: 'redis-engine.d.mts',
  version: 'VERSION.json',
  licence: 'COPYING',
} as const;

/** Fixed so that release.h and anything else reading the clock at build time never changes. */
const SOURCE_DATE_EPOCH = '1727896380'; // 2024-10-02T19:13:00Z, the mtime of the 7.2.6 tarball's files

/** C flags for Redis and its bundled dependencies (Lua, hiredis, hdr_histogram, fpconv). */
const OPTIMIZATION = '-O2';

/** The functions engine.ts calls. */
const EXPORTED_FUNCTIONS = [
  '_malloc',
  '_free',
  '_rw_init',
  '_rw_version',
  '_rw_client_new',
  '_rw_client_feed',
  '_rw_client_state',
  '_rw_client_unblock',
  '_rw_client_close',
  '_rw_step',
];

/** Emscripten link settings. Each one is there for a reason given beside it. */
const LINK_FLAGS = [
  '-Oz', // size: the engine is downloaded by learners
  '-sMODULARIZE=1', // a factory, so engine.ts can start a fresh server (reset) or several
  '-sEXPORT_ES6=1', // an ES module the Web Worker and Node can import
  '-sEXPORT_NAME=createRedisModule',
  '-sENVIRONMENT=web,worker', // no Node branch (it would need require); Node gets the bytes from us
  '-sDYNAMIC_EXECUTION=0', // no eval/new Function: the site's CSP has no 'unsafe-eval'
  '-sINVOKE_RUN=0', // main() never runs: rw_init() starts the server
  '-sEXIT_RUNTIME=0',
  '-sALLOW_MEMORY_GROWTH=1',
  '-sINITIAL_MEMORY=16MB',
  '-sMAXIMUM_MEMORY=512MB', // maxmemory is 64mb (at most 128mb): room for buffers, never a runaway tab
  '-sABORTING_MALLOC=0', // malloc returns NULL: Lua reports "not enough memory", zmalloc calls our handler
  '-sASSERTIONS=0',
  '-sTEXTDECODER=2',
  '-sPRINTF_LONG_DOUBLE=1', // INCRBYFLOAT/HINCRBYFLOAT print long doubles: without it "1.1" prints as 1.10000000000000009
  `-sEXPORTED_FUNCTIONS=${EXPORTED_FUNCTIONS.join(',')}`,
  '-sEXPORTED_RUNTIME_METHODS=UTF8ToString',
];

function fail(message: string): never {
  console.error(`build:redis-wasm: ${message}`);
  process.exit(1);
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function toolEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Debian's emscripten runs its JS tools on /usr/bin/node and needs Debian's node modules.
    NODE_PATH: '/usr/share/nodejs',
    SOURCE_DATE_EPOCH,
    TZ: 'UTC',
    LC_ALL: 'C',
    // mkreleasehdr.sh asks git for a sha: there is none to find (the build dir sits in our repo).
    GIT_DIR: '/nonexistent',
  };
}

function run(cmd: string, args: string[], cwd: string): string {
  const result = spawnSync(cmd, args, { cwd, env: toolEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (result.error) fail(`${cmd}: ${result.error.message}`);
  if (result.status !== 0) {
    process.stderr.write(result.stdout.slice(-4000));
    process.stderr.write(result.stderr.slice(-8000));
    fail(`${cmd} ${args.slice(0, 3).join(' ')}… exited with ${result.status}`);
  }
  return result.stdout;
}

function emscriptenVersion(): string {
  const result = spawnSync('emcc', ['--version'], { env: toolEnv(), encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    fail('emcc not found. Install Emscripten (Debian/Ubuntu: `apt-get install emscripten`, which gives 3.1.6) and run again.');
  }
  const match = /emcc \(Emscripten[^)]*\) (\d+\.\d+\.\d+)/.exec(result.stdout);
  return match ? match[1]! : result.stdout.split('\n')[0]!.trim();
}

function wasmOptVersion(): string {
  const result = spawnSync('wasm-opt', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) fail('wasm-opt not found (it comes with `apt-get install emscripten`, package binaryen).');
  return result.stdout.trim();
}

function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith(suffix)).sort();
}

interface Inputs {
  tarball: string;
  tarballSha256: string;
  version: string;
  patches: { name: string; sha256: string }[];
  shim: { name: string; sha256: string }[];
}

function readInputs(): Inputs {
  const tarball = resolve(process.env.REDIS_SRC ?? DEFAULT_SOURCE);
  if (!existsSync(tarball)) {
    fail(
      `Redis source not found at ${tarball}. Set REDIS_SRC to a redis-7.2.x tarball, e.g. ` +
        'download https://download.redis.io/releases/redis-7.2.6.tar.gz (BSD-3-Clause) and run REDIS_SRC=/path/to/redis-7.2.6.tar.gz npm run build:redis-wasm',
    );
  }
  const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const top = listing.split('\n')[0]!.replace(/\/.*$/, '');
  const match = /^redis-(\d+\.\d+\.\d+)$/.exec(top);
  if (!match) fail(`${tarball} does not look like a Redis release tarball (top folder "${top}").`);
  const version = match[1]!;
  if (!version.startsWith('7.2.')) {
    fail(`Redis ${version} is not supported: the engine's shim and patches are written for Redis 7.2.x (BSD-3-Clause); use redis-7.2.6.tar.gz.`);
  }
  const hashFiles = (dir: string, suffix: string) =>
    listFiles(dir, suffix).map((name) => ({ name, sha256: sha256(readFileSync(join(dir, name))) }));
  return {
    tarball,
    tarballSha256: sha256(readFileSync(tarball)),
    version,
    patches: hashFiles(PATCH_DIR, '.patch'),
    shim: hashFiles(SHIM_DIR, '.c'),
  };
}

/** The object list of redis-server from the Makefile, with bio.o replaced by our thread-less one and the shim added. */
function serverObjects(srcDir: string): string {
  const makefile = readFileSync(join(srcDir, 'Makefile'), 'utf8');
  const line = /^REDIS_SERVER_OBJ=(.*)$/m.exec(makefile);
  if (!line) fail('REDIS_SERVER_OBJ not found in src/Makefile');
  const objects = line[1]!.trim().split(/\s+/);
  if (!objects.includes('bio.o')) fail('bio.o not in REDIS_SERVER_OBJ');
  return [...objects.filter((o) => o !== 'bio.o'), 'rw_bio.o', 'rw_libc.o', 'rw_shim.o'].join(' ');
}

/** Leaves the file (and its mtime, so make does not rebuild) alone when the content is the same. */
function writeIfChanged(file: string, content: string | Buffer): void {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  if (existsSync(file) && readFileSync(file).equals(data)) return;
  writeFileSync(file, data);
}

function releaseHeader(): string {
  // Same shape as mkreleasehdr.sh writes, with fixed values.
  return [
    '#define REDIS_GIT_SHA1 "00000000"',
    '#define REDIS_GIT_DIRTY "0"',
    '#define REDIS_BUILD_ID "redis-mastery-wasm"',
    '#include "version.h"',
    '#define REDIS_BUILD_ID_RAW REDIS_VERSION REDIS_BUILD_ID REDIS_GIT_DIRTY REDIS_GIT_SHA1',
    '',
  ].join('\n');
}

export interface BuildOptions {
  /** Start from a fresh extraction (always done when the inputs changed). */
  clean?: boolean;
  /** Where to write the artifacts (default: artifacts/ beside this file). */
  outDir?: string;
}

export interface BuildResult {
  outDir: string;
  files: Record<string, { bytes: number; sha256: string }>;
}

export function buildRedisWasm(options: BuildOptions = {}): BuildResult {
  const inputs = readInputs();
  const emcc = emscriptenVersion();
  const wasmOpt = wasmOptVersion();
  const buildDir = join(BUILD_ROOT, `redis-${inputs.version}`);
  const srcRoot = join(buildDir, `redis-${inputs.version}`);
  const srcDir = join(srcRoot, 'src');
  const cflags = [`-ffile-prefix-map=${srcRoot}=/redis`, `-fdebug-prefix-map=${srcRoot}=/redis`].join(' ');
  const stamp = JSON.stringify({ tarball: inputs.tarballSha256, patches: inputs.patches, emcc, cflags, OPTIMIZATION });
  const stampFile = join(buildDir, 'inputs.json');

  if (options.clean || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    console.log(`build:redis-wasm: extracting ${relative(PROJECT_ROOT, inputs.tarball) || inputs.tarball} (${inputs.version})`);
    rmSync(buildDir, { recursive: true, force: true });
    mkdirSync(buildDir, { recursive: true });
    run('tar', ['xzf', inputs.tarball, '-C', buildDir], PROJECT_ROOT);
    for (const patch of inputs.patches) {
      console.log(`build:redis-wasm: applying ${patch.name}`);
      run('patch', ['-p1', '--forward', '--no-backup-if-mismatch', '-i', join(PATCH_DIR, patch.name)], srcRoot);
    }
    writeFileSync(stampFile, stamp);
  }

  // release.h normally embeds the git sha, the host name and the build time.
  writeIfChanged(join(srcDir, 'release.h'), releaseHeader());
  writeIfChanged(join(srcDir, 'mkreleasehdr.sh'), '#!/bin/sh\n# replaced by build.ts: release.h is fixed for reproducible builds\nexit 0\n');
  for (const file of inputs.shim) writeIfChanged(join(srcDir, file.name), readFileSync(join(SHIM_DIR, file.name)));

  const target = ARTIFACT_NAMES.glue;
  console.log(`build:redis-wasm: compiling with emcc ${emcc} (a clean build takes about 5 minutes on 2 cores)`);
  const makeArgs = [
    'make',
    '-j2',
    'MALLOC=libc',
    'BUILD_TLS=no',
    'USE_SYSTEMD=no',
    'uname_S=Linux',
    `OPTIMIZATION=${OPTIMIZATION}`,
    'DEBUG=',
    `CFLAGS=${cflags}`,
    'LDFLAGS=',
    'FINAL_LDFLAGS=', // the Makefile adds -rdynamic on "other OSes", which would export every symbol
    `REDIS_SERVER_NAME=${target}`,
    `REDIS_SERVER_OBJ=${serverObjects(srcDir)}`,
    `FINAL_LIBS=-lm ${LINK_FLAGS.join(' ')}`,
    target,
  ];
  // make only tracks the objects: always link again, so that a change of LINK_FLAGS takes effect.
  rmSync(join(srcDir, target), { force: true });
  rmSync(join(srcDir, ARTIFACT_NAMES.wasm), { force: true });
  run('emmake', makeArgs, srcDir);

  const glue = join(srcDir, target);
  const wasm = join(srcDir, ARTIFACT_NAMES.wasm);
  if (!existsSync(wasm)) fail(`emcc did not write ${ARTIFACT_NAMES.wasm}`);
  const optimised = join(buildDir, ARTIFACT_NAMES.wasm);
  run('wasm-opt', ['--strip-debug', '--strip-producers', '-Oz', wasm, '-o', optimised], buildDir);

  const glueText = readFileSync(glue, 'utf8');
  for (const forbidden of [/\beval\s*\(/, /new\s+Function\s*\(/, /\bFunction\s*\(\s*['"]/]) {
    if (forbidden.test(glueText)) fail(`the generated glue uses ${forbidden} (forbidden by the site's CSP)`);
  }

  const outDir = options.outDir ?? ARTIFACTS_DIR;
  mkdirSync(outDir, { recursive: true });
  copyFileSync(glue, join(outDir, ARTIFACT_NAMES.glue));
  copyFileSync(optimised, join(outDir, ARTIFACT_NAMES.wasm));
  copyFileSync(join(srcRoot, 'COPYING'), join(outDir, ARTIFACT_NAMES.licence));
  writeFileSync(join(outDir, ARTIFACT_NAMES.types), GLUE_TYPES);

  const files: BuildResult['files'] = {};
  for (const name of [ARTIFACT_NAMES.glue, ARTIFACT_NAMES.wasm]) {
    const data = readFileSync(join(outDir, name));
    files[name] = { bytes: data.length, sha256: sha256(data) };
  }
  const version = {
    redis: inputs.version,
    licence: 'BSD-3-Clause (COPYING)',
    source: { file: inputs.tarball.split('/').pop(), sha256: inputs.tarballSha256 },
    emscripten: emcc,
    wasmOpt,
    cflags: `${OPTIMIZATION} ${cflags.replaceAll(srcRoot, '<src>')}`,
    make: 'MALLOC=libc BUILD_TLS=no USE_SYSTEMD=no uname_S=Linux DEBUG=',
    ldflags: LINK_FLAGS,
    wasmOptFlags: '--strip-debug --strip-producers -Oz',
    shim: inputs.shim,
    patches: inputs.patches,
    files,
  };
  writeFileSync(join(outDir, ARTIFACT_NAMES.version), `${JSON.stringify(version, null, 2)}\n`);
  return { outDir, files };
}

/** Types for the Emscripten glue, written beside it so engine.ts can import it. */
const GLUE_TYPES = `// Written by build.ts: the parts of the Emscripten module that engine.ts uses.
export interface RedisModule {
  HEAPU8: Uint8Array;
  UTF8ToString(ptr: number): string;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _rw_init(): number;
  _rw_version(): number;
  _rw_client_new(): number;
  _rw_client_feed(handle: number, ptr: number, len: number): number;
  _rw_client_state(handle: number): number;
  _rw_client_unblock(handle: number): number;
  _rw_client_close(handle: number): void;
  _rw_step(): number;
}

export interface RedisModuleOptions {
  print?: (line: string) => void;
  printErr?: (line: string) => void;
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => object | false;
  locateFile?: (path: string, prefix: string) => string;
  wasmBinary?: ArrayBuffer | Uint8Array;
  rwOut?: (handle: number, bytes: Uint8Array) => void;
  rwClosed?: (handle: number) => void;
  rwFatal?: (message: string) => void;
  [key: string]: unknown;
}

declare function createRedisModule(options?: RedisModuleOptions): Promise<RedisModule>;
export default createRedisModule;
`;

function main(): void {
  const args = process.argv.slice(2);
  const clean = args.includes('--clean');
  if (args.includes('--check')) {
    // Build twice from clean into two folders and compare every byte.
    const a = buildRedisWasm({ clean: true, outDir: join(BUILD_ROOT, 'check-a') });
    const b = buildRedisWasm({ clean: true, outDir: join(BUILD_ROOT, 'check-b') });
    let same = true;
    for (const name of Object.keys(a.files)) {
      const equal = a.files[name]!.sha256 === b.files[name]!.sha256;
      same &&= equal;
      console.log(`${name}: ${a.files[name]!.sha256} ${equal ? '==' : '!='} ${b.files[name]!.sha256}`);
    }
    if (!same) fail('two clean builds differ');
    console.log('build:redis-wasm: two clean builds are byte-identical');
    return;
  }
  const result = buildRedisWasm({ clean });
  for (const [name, info] of Object.entries(result.files)) console.log(`${name}: ${info.bytes} bytes, sha256 ${info.sha256}`);
  console.log(`build:redis-wasm: wrote ${relative(PROJECT_ROOT, result.outDir)}/`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
export { main };
