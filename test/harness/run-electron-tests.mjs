#!/usr/bin/env node
// Runs the real-editor suite (dist-test/suite/index.js, built by `npm run
// build:tests`) under @vscode/test-electron: a desktop VS Code that it downloads
// from Microsoft into .vscode-test/ (git-ignored), as in VS Code's own samples.
// On machines without that network (like the CI here) the download fails: this
// script then says so plainly and exits 1; use `npm run test:vscode` (code-server)
// there. Set VSCODE_EXECUTABLE to run an installed VS Code instead of downloading,
// and VSCODE_VERSION to pick the version (default: the minimum engines.vscode).
//
//   node test/harness/run-electron-tests.mjs [--workspace test/vscode/workspace] [--tests dist-test/suite/index.js]
import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HARNESS_DIR, '../..');
const log = (...args) => console.error('[electron]', ...args);

const { values } = parseArgs({
  options: {
    workspace: { type: 'string', default: 'test/vscode/workspace' },
    tests: { type: 'string', default: 'dist-test/suite/index.js' },
  },
});
const workspaceSrc = path.resolve(REPO_ROOT, values.workspace);
const testsPath = path.resolve(REPO_ROOT, values.tests);
for (const [what, p] of [['workspace', workspaceSrc], ['compiled suite (run `npm run build:tests`)', testsPath], ['extension bundle (run `npm run build`)', path.join(REPO_ROOT, 'dist/extension.js')]]) {
  if (!existsSync(p)) {
    log(`missing ${what}: ${p}`);
    process.exit(2);
  }
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const version = process.env.VSCODE_VERSION ?? manifest.engines.vscode.replace(/^[^\d]*/, '');
const { runTests } = await import('@vscode/test-electron');

// Tests edit files: give them a copy, removed afterwards (kept on failure).
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vscode-electron-'));
const workspace = path.join(tmp, 'workspace');
await fs.cp(workspaceSrc, workspace, { recursive: true });

let exitCode = 1;
let keep = false;
try {
  await runTests({
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version }),
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: testsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(tmp, 'user-data')}`],
  });
  exitCode = 0;
} catch (error) {
  const text = String(error?.stack ?? error);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|fetch failed|Failed to get JSON|download/i.test(text) && !process.env.VSCODE_EXECUTABLE) {
    log(`could not download VS Code ${version} from Microsoft (no network access to update.code.visualstudio.com?).`);
    log('On a machine without it, run the same suite in code-server instead: npm run test:vscode');
    log('Or point VSCODE_EXECUTABLE at an installed VS Code.');
    log(`(${text.split('\n')[0]})`);
  } else {
    keep = true;
    log(`tests failed: ${text}`);
  }
} finally {
  if (keep) log(`kept ${tmp}`);
  else await fs.rm(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
