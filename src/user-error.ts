/**
 * A mistake the user can fix (a missing folder, a bad argument, an invalid course.yaml). Its message names the
 * file or argument and the fix; tools print it as one line, without a stack trace, and exit non-zero.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** Exit code of the tool that stops on it: 1 for a problem in the sources, 2 for bad usage. */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
