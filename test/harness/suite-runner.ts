/**
 * Runs a mocha suite inside the VS Code extension host and reports the
 * result in a way both launchers understand:
 *
 * - test/harness/run-vscode-tests.mjs (code-server + Chromium) sets
 *   PROGRAM_BRIEFS_TEST_RESULTS on the code-server process; the extension
 *   host inherits it, and we write the results there as JSON. The launcher
 *   cannot see the extension host's exit status, so this file is its only
 *   signal.
 * - @vscode/test-electron sets nothing; then the returned promise alone
 *   carries the outcome (resolve = all passed), as in the standard sample.
 *
 * Either way the promise rejects when a test failed, so a suite's
 * `run()` can simply `return runMochaSuite(...)`.
 *
 * This file is bundled into the compiled integration suite; mocha itself
 * stays external and is required at run time from the repo's node_modules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

/** Env var holding the absolute path of the results JSON file. */
export const RESULTS_ENV = 'PROGRAM_BRIEFS_TEST_RESULTS';
/** Optional env var: only run tests whose full title matches (mocha --grep). */
export const GREP_ENV = 'PROGRAM_BRIEFS_TEST_GREP';

export interface SuiteFailure {
  /** Full title: "suite name test name". */
  title: string;
  /** Message and stack of the error. */
  error: string;
}

/** Shape of the results file (read by run-vscode-tests.mjs). */
export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  failures: SuiteFailure[];
  /** What mocha's spec reporter printed, without colours. */
  output: string;
  durationMs: number;
}

export interface RunOptions {
  /** Mocha interface; 'tdd' (suite/test) like VS Code's sample, or 'bdd' (describe/it). */
  ui?: 'tdd' | 'bdd';
  /** Per-test timeout in ms (editor operations are slow to settle). */
  timeout?: number;
  /** Which files count as tests when a directory is given. */
  pattern?: RegExp;
  /** Overrides PROGRAM_BRIEFS_TEST_GREP. */
  grep?: string;
}

/**
 * @param tests a directory (searched recursively for `pattern`, default
 *   `*.test.js`) or a list of compiled test files.
 * @param resultsPath where to write the JSON results; defaults to the
 *   PROGRAM_BRIEFS_TEST_RESULTS env var. Without one, nothing is written.
 */
export async function runMochaSuite(
  tests: string | string[],
  resultsPath: string | undefined = process.env[RESULTS_ENV],
  options: RunOptions = {},
): Promise<SuiteResults> {
  const started = Date.now();
  const results = await runCapturingOutput(tests, options);
  results.durationMs = Date.now() - started;
  if (resultsPath) {
    writeAtomically(resultsPath, JSON.stringify(results, null, 2));
  }
  if (results.failed > 0) {
    const first = results.failures[0];
    throw new Error(`${results.failed} test(s) failed; first: ${first.title}: ${first.error.split('\n')[0]}`);
  }
  return results;
}

async function runCapturingOutput(tests: string | string[], options: RunOptions): Promise<SuiteResults> {
  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, failures: [], output: '', durationMs: 0 };
  const lines: string[] = [];
  // Required, not imported, so the bundler leaves mocha out of the bundle:
  // it must be the one copy mocha's own reporters and globals come from.
  const Mocha: typeof import('mocha') = require('mocha');
  // Every built-in reporter prints through Base.consoleLog (console.log
  // captured when mocha loaded); swap it to keep a copy of the report,
  // still echoing to the extension host's console/log.
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = Base.consoleLog;
  Base.consoleLog = (...args: unknown[]) => {
    lines.push(format(...args));
    originalLog(...args);
  };
  try {
    const files = collectTestFiles(tests, options.pattern ?? /\.test\.js$/);
    if (files.length === 0) {
      throw new Error(`no test files found in ${JSON.stringify(tests)}`);
    }
    const grep = options.grep ?? process.env[GREP_ENV];
    const mocha = new Mocha({
      ui: options.ui ?? 'tdd',
      color: false,
      reporter: 'spec',
      timeout: options.timeout ?? 20_000,
      ...(grep ? { grep } : {}),
    });
    for (const file of files) {
      mocha.addFile(file);
    }
    // run() loads the files with a synchronous require, so test files get
    // the extension host's `vscode` module (an import() would bypass it).
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => results.pending++);
      runner.on('fail', (test: Mocha.Test, err: unknown) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: describeError(err) });
      });
    });
    if (results.passed + results.failed === 0) {
      // A suite that ran nothing (bad grep, files not compiled, ...) must
      // not look green.
      results.failed++;
      results.failures.push({ title: '(suite)', error: 'no test ran' });
    }
  } catch (err) {
    // Loading a test file threw (syntax error, missing module, ...).
    results.failed++;
    results.failures.push({ title: '(loading tests)', error: describeError(err) });
    lines.push(`Error while loading tests: ${describeError(err)}`);
  } finally {
    Base.consoleLog = originalLog;
  }
  results.output = lines.join('\n');
  return results;
}

function collectTestFiles(tests: string | string[], pattern: RegExp): string[] {
  if (Array.isArray(tests)) {
    return tests.map((f) => path.resolve(f));
  }
  const root = path.resolve(tests);
  if (fs.statSync(root).isFile()) {
    return [root];
  }
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (pattern.test(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(root);
  return found.sort();
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    return err.stack ?? `${err.name}: ${err.message}`;
  }
  return String(err);
}

/** Write then rename, so the launcher polling for the file never reads half of it. */
function writeAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
