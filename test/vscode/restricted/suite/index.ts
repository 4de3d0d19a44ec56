/**
 * The Restricted Mode suite's entry: run by `npm run test:vscode` in a second, short harness
 * invocation with Workspace Trust enabled and test/vscode/restricted/workspace untrusted
 * (`--restricted`). Every *.test.ts here is compiled next to this file (test/vscode/build.mjs).
 */
import { runMochaSuite } from '../../../harness/suite-runner';

export async function run(): Promise<void> {
  await runMochaSuite(__dirname, undefined, { ui: 'tdd', timeout: 30_000 });
}
