/**
 * A real second LSP client (docs/language-server.md): Neovim, headless (Debian's `neovim`),
 * runs test/nvim/init.lua against `node dist/cli.js lsp --stdio` on a copy of examples/, and
 * prints what it saw as JSON. Neovim is installed by test/nvim/install-neovim.sh (npm test runs it).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface NeovimReport {
  ok?: boolean;
  failed?: string;
  unopened_loaded?: boolean;
  unopened?: { code: string; lnum: number; message: string; severity: number }[];
  hover?: string;
  milestone_hover?: string;
  definition?: { uri: string; line: number };
  completion?: string[];
  status_before?: string;
  fix_title?: string;
  status_after?: string;
  schema_cleared?: boolean;
}

describe('a second real client: Neovim (headless) against brief lsp --stdio', function () {
  this.timeout(180_000);
  let report: NeovimReport;
  let root: string;
  let stderr = '';

  before(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'nvim is installed (test/nvim/install-neovim.sh)');
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'brief-nvim-')));
    fs.cpSync(path.join(ROOT, 'examples'), root, { recursive: true });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-nvim-home-'));
    const result = spawnSync('nvim', ['--headless', '-n', '-u', path.join(ROOT, 'test', 'nvim', 'init.lua')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 150_000,
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache'), BRIEF_ROOT: root, BRIEF_CLI: CLI },
    });
    stderr = result.stderr;
    fs.rmSync(home, { recursive: true, force: true });
    const line = result.stdout.split('\n').find((l) => l.startsWith('{'));
    assert.ok(line, `Neovim printed its report (exit ${result.status}, signal ${result.signal}); stdout: ${result.stdout.slice(-500)}; stderr: ${stderr.slice(-500)}`);
    report = JSON.parse(line);
  });
  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('ran every step', () => {
    assert.equal(report.failed, undefined, `${report.failed}; stderr: ${stderr.slice(-500)}`);
    assert.equal(report.ok, true);
  });

  it('has the diagnostics of a file it never opened', () => {
    assert.equal(report.unopened_loaded, false, 'billing-core.md was never loaded into a buffer');
    const unknown = report.unopened?.find((d) => d.code === 'dependency-unknown');
    assert.ok(unknown, JSON.stringify(report.unopened));
    assert.match(unknown.message, /vendor-portal/);
    assert.equal(unknown.severity, 1, 'an error');
  });

  it('hovers a reference with the target program', () => {
    assert.match(report.hover ?? '', /Identity and SSO rollout/);
  });

  it("hovers a milestone's id and reads its forecast and slack", () => {
    assert.match(report.milestone_hover ?? '', /\*\*Schedule\*\*: Planned 2027-01-20 · Forecast \*\*2027-01-20\*\* · Slip 0 · Slack 30 days/);
  });

  it('goes to the definition in another file', () => {
    assert.equal(report.definition?.uri, pathToFileURL(path.join(root, 'programs', 'identity-sso.md')).href);
    assert.equal(report.definition?.line, 1);
  });

  it('completes a program id', () => {
    assert.ok(report.completion?.includes('identity-sso'), JSON.stringify(report.completion));
  });

  it('applies a quick fix that clears the diagnostic', () => {
    assert.equal(report.status_before, 'status: on-track');
    assert.equal(report.fix_title, 'Change to `on-track`');
    assert.equal(report.status_after, 'status: on-track');
    assert.equal(report.schema_cleared, true);
  });
});
