#!/usr/bin/env node
// Compiles the real-editor suite: test/vscode/suite/index.ts and every
// test/vscode/suite/*.test.ts, each bundled on its own into dist-test/suite/
// (CommonJS, Node), with `vscode` and `mocha` left external (the extension
// host provides `vscode`; mocha must be the one copy the runner loads).
// runMochaSuite() in index.js then runs every *.test.js next to it, so adding
// a test file needs no registration. The output folder is emptied first, so a
// deleted test file does not linger as a stale *.test.js. test/vscode/restricted/suite/ goes to
// dist-test/restricted/ the same way.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const suiteDir = path.join(here, 'suite');
const outdir = path.join(root, 'dist-test/suite');

/** Bundles `<dir>/index.ts` and every `<dir>/*.test.ts` into `outdir`. */
async function buildSuite(dir, outdir) {
  const tests = readdirSync(dir).filter((name) => name.endsWith('.test.ts')).sort();
  if (tests.length === 0) throw new Error(`no *.test.ts in ${dir}`);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: ['index.ts', ...tests].map((name) => path.join(dir, name)),
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
}

await buildSuite(suiteDir, outdir);
// The Restricted Mode suite (untrusted workspace), run by a second harness invocation.
await buildSuite(path.join(here, 'restricted/suite'), path.join(root, 'dist-test/restricted'));
