/**
 * The real-editor suite's entry: loaded by the extension host (code-server via
 * test/harness/run-vscode-tests.mjs, or @vscode/test-electron). Every
 * test/vscode/suite/*.test.ts is compiled next to this file as its own
 * *.test.js (test/vscode/build.mjs), so a new test file needs no registration here.
 */
import { runMochaSuite } from '../../harness/suite-runner';

export async function run(): Promise<void> {
  await runMochaSuite(__dirname, undefined, { ui: 'tdd', timeout: 30_000 });
}
