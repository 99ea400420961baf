import { misreadSettings, settings } from '../env';
import { UserError } from '../user-error';

/** Where a tool prints: stdout for results, stderr for what went wrong. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** A tool's entry point: its arguments in, its exit code out. */
export type CliMain = (args: string[], io: CliOutput) => number | Promise<number>;

/**
 * Runs a tool: a user's mistake (UserError) prints its one-line message; anything else prints one line naming the
 * tool and asking for DEBUG=1, which adds the stack trace. Never a bare stack trace; the exit code is non-zero.
 */
export async function runCli(tool: string, main: CliMain, args = process.argv.slice(2), io: CliOutput = consoleOutput): Promise<number> {
  let code: number;
  for (const line of misreadSettings()) io.err(line);
  try {
    code = await main(args.filter((arg) => arg !== '--'), io);
  } catch (error) {
    if (error instanceof UserError) {
      io.err(error.message);
      code = error.exitCode;
    } else {
      io.err(`${tool} stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. This is a bug in the tool; run with DEBUG=1 for the full error and report it.`);
      code = 1;
    }
    if (settings.debug) io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exitCode = code;
  return code;
}
