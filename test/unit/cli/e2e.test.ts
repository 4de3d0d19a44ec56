/** End to end: the bundled `dist/cli.js`, as `npx brief` runs it, in a child process. */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, removeTempWorkspaces, tempWorkspace } from './harness';
import { sarifProblems } from './sarif';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function brief(args: string[], cwd = FIXTURES, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: end to end (node dist/cli.js)', function () {
  this.timeout(120_000);

  before(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  });
  after(removeTempWorkspaces);

  it('is a node script with a shebang', () => {
    assert.match(fs.readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('exit 0 on clean briefs, no colours when piped', () => {
    const result = brief(['lint', 'clean']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '✔ 2 briefs checked, no problems\n');
    assert.equal(result.stderr, '');
  });

  it('exit 1 on lint errors; json on stdout', () => {
    const result = brief(['lint', 'problems', '--format', 'json', '--today', '2026-01-01']);
    assert.equal(result.code, 1);
    const output = JSON.parse(result.stdout);
    assert.equal(output.version, 1);
    assert.equal(output.diagnostics.length, 3);
  });

  it('exit 1 on too many warnings', () => {
    const result = brief(['lint', 'warnings', '--today', '2026-03-01', '--max-warnings', '1']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /too many warnings/);
  });

  it('sarif output is a valid SARIF log', () => {
    const result = brief(['lint', 'graph', '--format', 'sarif', '--today', '2026-01-01']);
    assert.equal(result.code, 1);
    assert.deepEqual(sarifProblems(JSON.parse(result.stdout)), []);
  });

  it('github output is workflow commands', () => {
    const result = brief(['lint', 'problems', '--format', 'github', '--today', '2026-01-01']);
    assert.equal(result.code, 1);
    assert.ok(result.stdout.trimEnd().split('\n').every((line) => /^::(error|warning|notice) file=/.test(line)));
  });

  it('exit 2 on bad usage, broken config and unreadable files', () => {
    const usage = brief(['lint', '--bogus']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /unknown option `--bogus`/);
    assert.equal(brief(['frobnicate']).code, 2);
    const config = brief(['lint', 'bad-config']);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /bad-config\/briefs\.config\.json/);
    const dir = tempWorkspace({ 'gone.md': null });
    const unreadable = brief(['lint'], dir);
    assert.equal(unreadable.code, 2);
    assert.match(unreadable.stderr, /cannot read gone\.md/);
  });

  it('graph, checklist and schema print and exit 0', () => {
    const graph = brief(['graph', 'graph', '--format', 'dot']);
    assert.equal(graph.code, 0);
    assert.match(graph.stdout, /^digraph briefs \{/);
    const checklist = brief(['checklist', 'clean', '--format', 'json']);
    assert.equal(checklist.code, 0);
    assert.equal(JSON.parse(checklist.stdout).total, 5);
    const schema = brief(['schema']);
    assert.equal(schema.code, 0);
    assert.equal(JSON.parse(schema.stdout).title, 'Program brief frontmatter');
  });

  it('--help exits 0', () => {
    const help = brief(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^brief — /);
  });
});
