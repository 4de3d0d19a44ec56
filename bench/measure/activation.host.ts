/**
 * Entry of the benchmark's extension-host suite (bundled by activation.ts, loaded by the
 * real-editor harness like any suite): runs activation.edits.js, which measures inside VS Code.
 */
import * as path from 'node:path';
import { runMochaSuite } from '../../test/harness/suite-runner';

export async function run(): Promise<void> {
  await runMochaSuite([path.join(__dirname, 'activation.edits.js')], undefined, { ui: 'tdd', timeout: 300_000 });
}
