/**
 * The CI recipes of docs/cli.md ("Status report in the job summary", "Plan changes on pull
 * requests"): their `brief` commands, taken from the docs as written, run in a shell on a clone
 * with an `origin/main` and a pull-request branch, `npx brief` being the bundled dist/cli.js.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FILES } from './reportFixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1',
};

/** The `run:` lines that call brief, in the yaml block under `heading` of docs/cli.md. */
function recipeCommands(heading: string): string[] {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
  const at = docs.indexOf(`\n### ${heading}\n`);
  assert.ok(at >= 0, `docs/cli.md has "### ${heading}"`);
  const start = docs.indexOf('```yaml\n', at);
  const block = docs.slice(start, docs.indexOf('\n```', start + 8));
  return block.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('run: ') && line.includes('npx brief')).map((line) => line.slice('run: '.length));
}

describe('docs: CI recipes run', function () {
  this.timeout(180_000);
  let work: string;
  let clone: string;

  before(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-ci-'));
    const origin = path.join(work, 'origin');
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
    fs.mkdirSync(origin);
    git(origin, 'init', '-q', '-b', 'main');
    for (const [name, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(origin, name)), { recursive: true });
      fs.writeFileSync(path.join(origin, name), text);
    }
    git(origin, 'add', '-A');
    // Ten days ago: the weekly recipe asks for the last commit on or before seven days ago.
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
    execFileSync('git', ['commit', '-q', '-m', 'plan'], { cwd: origin, env: { ...GIT_ENV, GIT_AUTHOR_DATE: tenDaysAgo, GIT_COMMITTER_DATE: tenDaysAgo } });
    // What actions/checkout with fetch-depth 0 leaves: a clone with origin/main, on the pull request's branch.
    clone = path.join(work, 'clone');
    git(work, 'clone', '-q', origin, clone);
    git(clone, 'checkout', '-q', '-b', 'pr');
    const file = path.join(clone, 'programs', 'storage.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('due: 2027-01-25', 'due: 2027-02-05'));
    git(clone, 'commit', '-q', '-am', 'cluster slips 11 days');
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  function runRecipe(command: string, env: Record<string, string> = {}): void {
    // `npx brief` as the installed package runs it: the bundled CLI.
    const shell = command.replace(/npx brief/g, `node ${JSON.stringify(CLI)}`);
    execFileSync('bash', ['-euo', 'pipefail', '-c', shell], { cwd: clone, env: { ...GIT_ENV, ...env }, stdio: 'pipe' });
  }

  it('the job summary recipe writes the markdown status report to $GITHUB_STEP_SUMMARY, and the html one', () => {
    const commands = recipeCommands('Status report in the job summary');
    assert.equal(commands.length, 2, commands.join('\n'));
    const summary = path.join(work, 'summary.md');
    fs.writeFileSync(summary, '');
    for (const command of commands) runRecipe(command, { GITHUB_STEP_SUMMARY: summary });
    const md = fs.readFileSync(summary, 'utf8');
    assert.match(md, /^# Status report, \d{4}-\d{2}-\d{2}\n/);
    assert.match(md, /\| payments \| Payments v2 \|/);
    assert.match(md, /Changes since \d{4}\\-\d{2}\\-\d{2} \(commit `[0-9a-f]{12}`, \d{4}-\d{2}-\d{2}\)\./);
    assert.match(md, /### Changes since [^\n]+\n\n- milestone storage\\#cluster/);
    assert.match(fs.readFileSync(path.join(clone, 'status-report.html'), 'utf8'), /^<!doctype html>/);
  });

  it('the pull-request recipe writes what the branch changes against origin/main, with the slip impact', () => {
    const commands = recipeCommands('Plan changes on pull requests');
    assert.deepEqual(commands, ['npx brief diff --since origin/main --format markdown > plan-diff.md']);
    runRecipe(commands[0]);
    const md = fs.readFileSync(path.join(clone, 'plan-diff.md'), 'utf8');
    assert.match(md, /^## Plan changes since `[0-9a-f]{12}` \(origin\\\/main, \d{4}-\d{2}-\d{2}\)\n\n1 change in 1 program\.\n/);
    assert.ok(md.includes('- milestone storage\\#cluster \\(Cluster live\\) due 2027\\-01\\-25 → 2027\\-02\\-05 \\(\\+11 days\\)'), md);
    // payments#cutover waits for storage#cluster: it moves from 01-25 to 02-05 too.
    assert.ok(md.includes('| payments\\#cutover | 2027-01-25 | 2027-02-05 | +11 days | yes |'), md);
  });
});
