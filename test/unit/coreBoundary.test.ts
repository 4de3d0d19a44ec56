/**
 * The core's boundary is enforced by the compiler (docs/architecture.md): src/core/tsconfig.json
 * has `types: []`, so a core file cannot import `node:*` or `vscode` or use Node's globals.
 * These tests compile probe files under that very config, and check that the probes are
 * rejected and that the core itself compiles.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Compiles `probe` (a file's text) with the core's compiler options; returns tsc's output. */
function compileUnderCoreConfig(probe: string): { status: number | null; output: string } {
  // Inside the repository (its git-ignored .cache), so `vscode`, `fs` and packages resolve from
  // its node_modules as they would for a core file: only the config can reject them.
  fs.mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.cache', 'core-boundary-'));
  try {
    fs.writeFileSync(path.join(dir, 'probe.ts'), probe);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      extends: path.join(ROOT, 'src', 'core', 'tsconfig.json'),
      compilerOptions: { noUnusedLocals: false },
      include: [path.join(dir, 'probe.ts'), path.join(ROOT, 'src', 'core', 'globals.d.ts')],
    }));
    const result = spawnSync(process.execPath, [TSC, '-p', dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('core boundary: src/core compiles without Node or vscode types', function () {
  this.timeout(180_000);

  it('the core compiles under its own tsconfig', () => {
    const result = spawnSync(process.execPath, [TSC, '-p', path.join(ROOT, 'src', 'core')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('a core file that imports node:fs is rejected', () => {
    const result = compileUnderCoreConfig("import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n");
    assert.notEqual(result.status, 0);
    assert.match(result.output, /Cannot find module 'node:fs'/);
  });

  it('a core file that imports fs (without node:) is rejected', () => {
    const result = compileUnderCoreConfig("import { readFileSync } from 'fs';\nexport const f = readFileSync;\n");
    assert.notEqual(result.status, 0);
    assert.match(result.output, /Cannot find module 'fs'/);
  });

  it('a core file that imports vscode is rejected', () => {
    const result = compileUnderCoreConfig("import * as vscode from 'vscode';\nexport const w = vscode.window;\n");
    assert.notEqual(result.status, 0);
    assert.match(result.output, /Property 'window' does not exist/);
  });

  it('a core file that imports a name from vscode is rejected', () => {
    const result = compileUnderCoreConfig("import { Uri } from 'vscode';\nexport const u: Uri | undefined = undefined;\n");
    assert.notEqual(result.status, 0);
    assert.match(result.output, /has no exported member 'Uri'/);
  });

  it('a core file that uses process or Buffer is rejected', () => {
    const result = compileUnderCoreConfig('export const cwd = process.cwd();\nexport const b = Buffer.from("x");\n');
    assert.notEqual(result.status, 0);
    assert.match(result.output, /Cannot find name 'process'/);
    assert.match(result.output, /Cannot find name 'Buffer'/);
  });

  it('the probe itself compiles when it is pure, packages included (the test can pass)', () => {
    const result = compileUnderCoreConfig('import { parse } from "yaml";\nexport const decoded = new TextDecoder("utf-8").decode(new Uint8Array([104, 105]));\nexport const value = parse("a: 1");\n');
    assert.equal(result.status, 0, result.output);
  });
});

describe('core layout: folders by concern, one barrel (docs/architecture.md)', () => {
  const CORE = path.join(ROOT, 'src', 'core');
  const FOLDERS = ['fixes', 'model', 'parse', 'render', 'report', 'rules', 'schedule', 'views', 'workspace'];

  it('src/core holds its concern folders, the barrel and its two declaration files, nothing else', () => {
    const entries = fs.readdirSync(CORE, { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
    assert.deepEqual(folders, FOLDERS);
    assert.deepEqual(files, ['globals.d.ts', 'index.ts', 'noVscode.d.ts', 'tsconfig.json']);
  });

  it('the CLI, the server, the editor features and the host import the core through its barrel only', () => {
    const offenders: string[] = [];
    for (const surface of ['cli', 'server', 'language', 'host']) {
      const dir = path.join(ROOT, 'src', surface);
      for (const name of fs.readdirSync(dir)) {
        if (!name.endsWith('.ts')) continue;
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        for (const match of text.matchAll(/from '(\.\.\/core\/[^']+)'/g)) offenders.push(`src/${surface}/${name}: ${match[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
