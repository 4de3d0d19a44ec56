/**
 * `brief lint --cache` (src/host/lintCache.ts): an unchanged rerun prints the kept result
 * (shown by planting a marker in it), and any change (a file, the config, the tool version)
 * gives exactly a cold run's output; a corrupt, truncated or foreign cache is ignored and
 * rewritten; an unwritable location changes nothing but the cache; runs at once leave one
 * whole file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { cli, removeTempWorkspaces, tempWorkspace } from './harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const A = '---\nprogram: a\ntitle: A\nowner: "@maria"\ndepends_on: [b]\nmilestones:\n  - id: m1\n    title: M1\n    due: 2020-01-01\n---\n# A\n';
const B = '---\nprogram: b\ntitle: B\nowner: "@li"\n---\n# B\n';

function workspace(): string {
  return tempWorkspace({ 'a.md': A, 'b.md': B, 'briefs.config.json': '{ "today": "2026-03-01" }\n' });
}

const lint = (cwd: string, ...extra: string[]) => cli(['lint', '--format', 'json', ...extra], { cwd });

function cacheOf(dir: string): { tool: string; key: string; result: { briefs: number; diagnostics: { message: string }[] } } {
  return JSON.parse(fs.readFileSync(path.join(dir, '.briefcache'), 'utf8'));
}

describe('cli: lint --cache', () => {
  afterEach(removeTempWorkspaces);

  it('an unchanged rerun prints the kept result, identical to a cold run', async () => {
    const dir = workspace();
    const cold = await lint(dir);
    const first = await lint(dir, '--cache');
    assert.deepEqual(first, cold);
    const kept = cacheOf(dir);
    assert.equal(kept.result.briefs, 2);
    assert.ok(kept.result.diagnostics.length > 0);
    assert.deepEqual(await lint(dir, '--cache'), cold);
    // The rerun really reads the cache: a marker planted in the kept result comes out.
    kept.result.diagnostics[0].message = 'MARKER from the cache';
    fs.writeFileSync(path.join(dir, '.briefcache'), JSON.stringify(kept));
    assert.match((await lint(dir, '--cache')).stdout, /MARKER from the cache/);
  });

  it('after an edit, a config change or another tool version: exactly a cold run', async () => {
    const dir = workspace();
    await lint(dir, '--cache');
    const plant = () => {
      const kept = cacheOf(dir);
      kept.result.diagnostics[0].message = 'MARKER';
      fs.writeFileSync(path.join(dir, '.briefcache'), JSON.stringify(kept));
    };
    plant();
    fs.writeFileSync(path.join(dir, 'a.md'), A.replace('due: 2020-01-01', 'due: 2027-01-01'));
    const edited = await lint(dir, '--cache');
    assert.deepEqual(edited, await lint(dir), 'after an edit');
    plant();
    fs.writeFileSync(path.join(dir, 'briefs.config.json'), '{ "today": "2026-03-01", "rules": { "milestone-overdue": "off" } }\n');
    assert.deepEqual(await lint(dir, '--cache'), await lint(dir), 'after a config change');
    plant();
    assert.deepEqual(await lint(dir, '--cache', '--today', '2030-01-01'), await lint(dir, '--today', '2030-01-01'), 'another today');
    const kept = cacheOf(dir);
    fs.writeFileSync(path.join(dir, '.briefcache'), JSON.stringify({ ...kept, tool: '0.0.0-other', result: { ...kept.result, diagnostics: [{ ...kept.result.diagnostics[0], message: 'MARKER' }] } }));
    const other = await lint(dir, '--cache');
    assert.doesNotMatch(other.stdout, /MARKER/);
    assert.notEqual(cacheOf(dir).tool, '0.0.0-other', 'rewritten for this version');
  });

  it('a corrupt, truncated, foreign or hostile cache is ignored and rewritten', async () => {
    const dir = workspace();
    const cold = await lint(dir);
    await lint(dir, '--cache');
    const whole = fs.readFileSync(path.join(dir, '.briefcache'), 'utf8');
    const kept = JSON.parse(whole);
    const bad = [
      'not json at all',
      whole.slice(0, Math.floor(whole.length / 2)),
      '{"eslint": "cache"}',
      'null',
      JSON.stringify({ ...kept, result: { briefs: 2, diagnostics: [{ uri: 'file:///x', rule: 'r', message: 'm', severity: 'fatal', range: {} }] } }),
      JSON.stringify({ ...kept, result: { briefs: 'two', diagnostics: kept.result.diagnostics } }),
      '\u0000\u0001binary',
    ];
    for (const content of bad) {
      fs.writeFileSync(path.join(dir, '.briefcache'), content);
      assert.deepEqual(await lint(dir, '--cache'), cold, JSON.stringify(content.slice(0, 40)));
      assert.equal(cacheOf(dir).key, kept.key, 'rewritten whole');
    }
  });

  it('an unwritable cache location changes nothing but the cache; --cache-location needs --cache', async () => {
    const dir = workspace();
    const cold = await lint(dir);
    assert.deepEqual(await lint(dir, '--cache', '--cache-location', 'no-such-folder/cache.json'), cold);
    assert.ok(!fs.existsSync(path.join(dir, 'no-such-folder')));
    fs.mkdirSync(path.join(dir, 'a-folder'));
    assert.deepEqual(await lint(dir, '--cache', '--cache-location', 'a-folder'), cold, 'a folder where the file should be');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'a-folder')), [], 'no temporary file left behind');
    const usage = await lint(dir, '--cache-location', 'x');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--cache-location needs --cache/);
  });

  it('processes at once, on one cache file, leave one whole file that a rerun uses', async function () {
    this.timeout(120_000);
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    const dir = workspace();
    const other = tempWorkspace({ 'c.md': '---\nprogram: c\ntitle: C\n---\n' });
    const shared = path.join(dir, 'shared-cache.json');
    const spawnLint = (cwd: string) => new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', '--cache', '--cache-location', shared], { cwd });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('close', (code) => resolve({ code, stdout }));
    });
    const runs = await Promise.all([dir, other, dir, other, dir, other].map(spawnLint));
    const [coldDir, coldOther] = [(await lint(dir)).stdout, (await lint(other)).stdout];
    runs.forEach((run, i) => assert.equal(run.stdout, i % 2 === 0 ? coldDir : coldOther, `run ${i}`));
    const file = JSON.parse(fs.readFileSync(shared, 'utf8'));
    assert.ok(typeof file.key === 'string' && Array.isArray(file.result.diagnostics), 'one whole cache file');
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');
  });
});
