import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkCourseFile } from '../course/check';
import type { CourseConfig } from '../course/config';
import { plural } from '../course/conventions';
import { assertCourseFolder, readCourseFolder, readSourceFiles, type CourseFolder, type SourceFile } from '../course/folder';
import { formatAnnotation, formatProblem, sortProblems, summarize, type Problem } from '../course/problems';
import { settings, type Settings } from '../env';
import { applyFixes } from '../lint/fix';
import { lintFolder } from '../lint/lint';
import { DOCS_PATH } from '../lint/rule';
import { LINT_RULES } from '../lint/rules/index';
import type { CliMain, CliOutput } from './run';

export const USAGE = `Usage: npm run lint:lessons -- [--fix] [--format=github|text] [files or folders…]

Checks lessons (default: every file under LESSONS_DIR or lessons/) against the course's rules.
  --fix             apply the safe fixes (e.g. duration) and report what changed
  --format=github   also print GitHub Actions annotations (automatic when GITHUB_ACTIONS=true)
Exit code: 1 if any error remains, 0 otherwise (warnings do not fail), 2 for bad usage.
Rules: ${DOCS_PATH}`;

interface Options {
  fix: boolean;
  github: boolean;
  paths: string[];
}

function parseArgs(args: readonly string[], env: Pick<Settings, 'githubActions'>): Options | string {
  const options: Options = { fix: false, github: env.githubActions, paths: [] };
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
  message: 'The file does not exist. Check the path; lessons live in the course folder under <phase-slug>/.',
});

/** "RM104/interview-levels 2, RM108/internal-links 5": which rules the problems come from. */
function countsByRule(problems: readonly Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule} ${n}`).join(', ');
}

/** Fixes the given files in place; returns the files with their new text. */
function fixFiles(sources: SourceFile[], reported: ReadonlySet<string>, problems: readonly Problem[], config: CourseConfig): SourceFile[] {
  const fixable = LINT_RULES.filter((r) => r.fix);
  return sources.map((source) => {
    if (!reported.has(source.file)) return source;
    const rules = fixable.filter((r) => problems.some((p) => p.file === source.file && p.rule === `${r.id}/${r.name}`));
    if (rules.length === 0) return source;
    const raw = applyFixes(source.raw, rules, config);
    if (raw === source.raw) return source;
    writeFileSync(source.file, raw);
    return { file: source.file, raw };
  });
}

/** `npm run lint:lessons`: prints one line per problem and a summary; returns the exit code. */
export function runLintCli(args: readonly string[], env: Pick<Settings, 'githubActions' | 'lessonsDir'>, io: CliOutput): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const options = parseArgs(args, env);
  if (typeof options === 'string') {
    io.err(`${options}\n\n${USAGE}`);
    return 2;
  }
  const dir = env.lessonsDir;
  assertCourseFolder(dir);
  const folder = readCourseFolder(dir);
  const { files: named, missing } = expandPaths(options.paths);
  const known = new Set(folder.files.map((f) => f.file));
  let course: CourseFolder = { ...folder, files: [...folder.files, ...named.filter((f) => !known.has(f)).map((file) => ({ file, raw: readFileSync(file, 'utf8') }))] };
  const reported = new Set(options.paths.length > 0 ? named : folder.files.map((f) => f.file));
  const only = options.paths.length > 0 ? reported : undefined;
  const lint = () => [...lintFolder(course, only ? { only } : {}), ...missing.map(notFound)];

  let problems = lint();
  const config = checkCourseFile(course).config;
  if (options.fix && config) {
    const before = problems;
    course = { ...course, files: fixFiles(course.files, reported, problems, config) };
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

export const main: CliMain = (args, io) => runLintCli(args, settings, io);
