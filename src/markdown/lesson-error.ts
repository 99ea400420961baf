import type { Position } from 'unist';

/** An author's mistake found while compiling a lesson; Astro reports it at `line:column` of the lesson file. */
export class LessonError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, position: Pick<Position, 'start'> | undefined) {
    super(message);
    this.name = 'LessonError';
    this.line = position?.start.line;
    this.column = position?.start.column;
  }
}
