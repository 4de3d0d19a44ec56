#!/usr/bin/env node
// Compiles the real-editor suite: test/vscode/suite/index.ts and every
// test/vscode/suite/*.test.ts, each bundled on its own into dist-test/suite/
// (CommonJS, Node), with `vscode` and `mocha` left external (the extension
// host provides `vscode`; mocha must be the one copy the runner loads).
// runMochaSuite() in index.js then runs every *.test.js next to it, so adding
// a test file needs no registration. The output folder is emptied first, so a
// deleted test file does not linger as a stale *.test.js.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const suiteDir = path.join(here, 'suite');
const outdir = path.join(root, 'dist-test/suite');

const tests = readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts')).sort();
if (tests.length === 0) throw new Error(`no *.test.ts in ${suiteDir}`);
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['index.ts', ...tests].map((name) => path.join(suiteDir, name)),
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.error(`[build:tests] ${tests.length} test files -> ${path.relative(root, outdir)}/ (${tests.join(', ')})`);
