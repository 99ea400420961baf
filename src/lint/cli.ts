import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { SourceFile } from '../course/check';
import { formatAnnotation, formatProblem, sortProblems, summarize, type Problem } from '../course/problems';
import { lessonsDir, readSourceFiles } from '../course/sources';
import { applyFixes } from './fix';
import { lintSources } from './lint';
import { DOCS_PATH } from './rule';
import { LINT_RULES } from './rules/index';
import { plural } from './text';

export const USAGE = `Usage: npm run lint:lessons -- [--fix] [--format=github|text] [files or folders…]

Checks lessons (default: every file under LESSONS_DIR or lessons/) against the course's rules.
  --fix             apply the safe fixes (e.g. duration) and report what changed
  --format=github   also print GitHub Actions annotations (automatic when GITHUB_ACTIONS=true)
Exit code: 1 if any error remains, 0 otherwise (warnings do not fail), 2 for bad usage.
Rules: ${DOCS_PATH}`;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

interface Options {
  fix: boolean;
  github: boolean;
  paths: string[];
}

function parseArgs(args: readonly string[], env: NodeJS.ProcessEnv): Options | string {
  const options: Options = { fix: false, github: env['GITHUB_ACTIONS'] === 'true', paths: [] };
  for (const arg of args) {
    if (arg === '--fix') options.fix = true;
    else if (arg === '--format=github') options.github = true;
    else if (arg === '--format=text') options.github = false;
    else if (arg === '--') continue;
    else if (arg.startsWith('-')) return `Unknown option ${arg}.`;
    else options.paths.push(arg);
  }
  return options;
}

/** The files named on the command line (folders expanded), relative to the working directory. */
function expandPaths(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const rel = relative(process.cwd(), resolve(path)) || '.';
    if (!existsSync(rel)) missing.push(rel);
    else if (statSync(rel).isDirectory()) files.push(...readSourceFiles(rel).map((f) => f.file));
    else files.push(rel);
  }
  return { files: [...new Set(files)], missing };
}

const notFound = (file: string): Problem => ({
  file,
  line: 1,
  column: 1,
  severity: 'error',
  rule: 'RM001/lesson-file',
  message: 'The file does not exist. Check the path; lessons live under lessons/<phase-slug>/.',
});

/** "RM104/interview-levels 2, RM108/internal-links 5": which rules the problems come from. */
function countsByRule(problems: readonly Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule} ${n}`).join(', ');
}

/** Fixes the given files in place; returns the problems the fixes removed. */
function fixFiles(sources: SourceFile[], reported: ReadonlySet<string>, problems: readonly Problem[]): SourceFile[] {
  const fixable = LINT_RULES.filter((r) => r.fix);
  return sources.map((source) => {
    if (!reported.has(source.file)) return source;
    const rules = fixable.filter((r) => problems.some((p) => p.file === source.file && p.rule === `${r.id}/${r.name}`));
    if (rules.length === 0) return source;
    const raw = applyFixes(source.raw, rules);
    if (raw === source.raw) return source;
    writeFileSync(source.file, raw);
    return { file: source.file, raw };
  });
}

/** `npm run lint:lessons`: prints one line per problem and a summary; returns the exit code. */
export function runLintCli(args: readonly string[], env: NodeJS.ProcessEnv, io: CliOutput): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const options = parseArgs(args, env);
  if (typeof options === 'string') {
    io.err(`${options}\n\n${USAGE}`);
    return 2;
  }
  const dir = lessonsDir(env);
  const dirExists = existsSync(dir) && statSync(dir).isDirectory();
  if (!dirExists && options.paths.length === 0) {
    io.err(`There is no lessons folder at "${dir}". Run from the project root, or set LESSONS_DIR to the folder.`);
    return 2;
  }
  const all = dirExists ? readSourceFiles(dir) : [];
  const { files: named, missing } = expandPaths(options.paths);
  const known = new Set(all.map((f) => f.file));
  let sources = [...all, ...named.filter((f) => !known.has(f)).map((file) => ({ file, raw: readFileSync(file, 'utf8') }))];
  const reported = new Set(options.paths.length > 0 ? named : all.map((f) => f.file));
  const only = options.paths.length > 0 ? reported : undefined;
  const lint = () => [...lintSources(sources, only ? { only } : {}), ...missing.map(notFound)];

  let problems = lint();
  if (options.fix) {
    const before = problems;
    sources = fixFiles(sources, reported, problems);
    problems = lint();
    const same = (a: Problem, b: Problem) => a.file === b.file && a.rule === b.rule && a.message === b.message;
    const fixed = sortProblems(before.filter((p) => LINT_RULES.some((r) => r.fix && p.rule === `${r.id}/${r.name}`) && !problems.some((q) => same(p, q))));
    for (const p of fixed) io.out(`fixed ${formatProblem(p)}`);
    io.out(fixed.length > 0 ? `Fixed ${plural(fixed.length, 'problem')} in ${plural(new Set(fixed.map((p) => p.file)).size, 'file')}.` : 'Nothing to fix automatically.');
  }

  const sorted = sortProblems(problems);
  for (const p of sorted) io.out(formatProblem(p));
  if (options.github) for (const p of sorted) io.out(formatAnnotation(p));
  const byRule = sorted.length > 0 ? ` (${countsByRule(sorted)}). What each rule checks and how to fix it: ${DOCS_PATH}` : '';
  io.out(`${summarize(sorted, reported.size + missing.length)}${byRule}`);
  return sorted.some((p) => p.severity === 'error') ? 1 : 0;
}
