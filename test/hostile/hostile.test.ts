/**
 * The hostile corpus (corpus.ts), linted by the built CLI in separate processes: no case may hang
 * (20 s guard), crash, exit with anything but its expected code, or print invalid or injectable
 * output. Every file of the corpus is generated into a temporary folder; nothing large is committed.
 */
import * as assert from 'node:assert/strict';
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HOSTILE_CASES, writeCase } from './corpus';
import { CASE_COMMANDS, HANG_GUARD_MS, problemsOf, runCli } from './lintCase';

const REPO = path.resolve(__dirname, '..', '..');

/** Builds the CLI from the sources under test (not a stale dist/) into `dir`. */
export function buildCli(dir: string): string {
  const outfile = path.join(dir, 'cli.js');
  buildSync({ entryPoints: [path.join(REPO, 'src/cli/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

describe('hostile corpus through the CLI', function () {
  // Each case runs CASE_COMMANDS.length processes, each guarded by HANG_GUARD_MS.
  this.timeout(CASE_COMMANDS.length * HANG_GUARD_MS + 30_000);
  let scratch: string;
  let cli: string;

  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-hostile-'));
    cli = buildCli(scratch);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  for (const hostile of HOSTILE_CASES) {
    it(`${hostile.name}: ${hostile.attack}`, async () => {
      const dir = path.join(scratch, hostile.name);
      writeCase(hostile, dir);
      try {
        const problems: string[] = [];
        for (const args of CASE_COMMANDS) problems.push(...problemsOf(hostile, await runCli(cli, args, dir)));
        assert.deepEqual(problems, []);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
