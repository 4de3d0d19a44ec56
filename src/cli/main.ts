/** The `brief` program (bundled to dist/brief.js, which dist/cli.js runs: ./launch.ts): wires `run` to the process. */
import { serveOnStdio } from '../server/stdio';
import { EXIT_FAILURE, internalError, run } from './run';

/** Anything that escapes `run` (or happens outside it) is a one-line internal error, exit 2: never a stack trace unless BRIEF_DEBUG is set. */
function fail(error: unknown): void {
  try {
    process.stderr.write(internalError(error, process.env));
  } finally {
    process.exitCode = EXIT_FAILURE;
  }
}

// `brief graph | head` closes the pipe early: that is not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(error);
  process.exit(EXIT_FAILURE);
});
process.on('uncaughtException', (error) => {
  fail(error);
  process.exit(EXIT_FAILURE);
});
process.on('unhandledRejection', (error) => {
  fail(error);
  process.exit(EXIT_FAILURE);
});

run(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env, serveLanguageServer: serveOnStdio }).then(
  (code) => {
    process.exitCode = code;
  },
  fail,
);
