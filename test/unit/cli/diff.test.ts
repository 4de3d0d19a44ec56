/**
 * `brief diff --since REF` (v2 spec section 3.6) and `brief report --since`, on real git
 * repositories built here: every change kind, renames and moves, CRLF vs LF only, a file that
 * was not a brief before, dates, and the exit-2 messages (not a repository, unknown revision,
 * shallow clone, no commit before a date). The briefs at REF are read in one batch.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, removeTempWorkspaces, tempWorkspace } from './harness';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd, env: { ...GIT_ENV, ...env }, encoding: 'utf8' }).trim();
}

/** A repository with `files` committed (at `date`, when given). */
function repository(files: Record<string, string>, date = '2027-01-01T12:00:00Z'): string {
  const cwd = tempWorkspace(files);
  git(cwd, ['init', '-q', '-b', 'main']);
  git(cwd, ['config', 'core.autocrlf', 'false']);
  commitAll(cwd, 'first', date);
  return cwd;
}

function commitAll(cwd: string, message: string, date = '2027-01-02T12:00:00Z'): string {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return git(cwd, ['rev-parse', 'HEAD']);
}

const write = (cwd: string, file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
  fs.writeFileSync(path.join(cwd, file), text);
};

const BEFORE = `---
program: payments
title: Payments v2
owner: "@maria"
status: on-track
target: 2027-03-01
milestones:
  - id: design
    due: 2027-01-15
    status: in-progress
  - id: cutover
    title: Cutover
    due: 2027-02-20
    depends_on: [design]
  - id: dropped
    due: 2027-02-01
risks:
  - id: vendor
    likelihood: medium
    impact: high
  - id: legal
    likelihood: low
    impact: low
decisions:
  - id: region
    title: Region
    status: proposed
---
# Payments

- [ ] Write the runbook @li due:2027-01-20
- [x] Book the room
- [ ] Tell support
- [ ] Old item
`;

const AFTER = `---
program: payments
title: Payments v2
owner: "@maria"
status: at-risk
target: 2027-03-15
milestones:
  - id: design
    due: 2027-01-22
    status: done
  - id: cutover
    title: Cutover
    due: 2027-02-20
    depends_on: [design]
  - id: pilot
    due: 2027-02-10
risks:
  - id: vendor
    likelihood: high
    impact: high
    mitigation: second vendor
  - id: staffing
    likelihood: medium
    impact: medium
decisions:
  - id: region
    title: Region
    status: decided
  - id: lang
    title: Language
    status: proposed
---
# Payments

- [x] Write the runbook @maria due:2027-01-25
- [ ] Book the room
- [ ] Tell support
- [ ] New item
`;

const STORAGE = '---\nprogram: storage\nowner: "@li"\ntarget: 2027-04-01\nmilestones:\n  - id: cluster\n    due: 2027-03-01\n---\n# Storage\n';

describe('cli: brief diff --since', function () {
  this.timeout(120_000);
  after(removeTempWorkspaces);

  it('json: every change kind, sorted by program, kind, id; the working tree against REF', async () => {
    const cwd = repository({ 'programs/payments.md': BEFORE, 'programs/storage.md': STORAGE });
    const commit = git(cwd, ['rev-parse', 'HEAD']);
    write(cwd, 'programs/payments.md', AFTER);
    fs.rmSync(path.join(cwd, 'programs/storage.md'));
    write(cwd, 'programs/web.md', '---\nprogram: web\ntitle: Web\nowner: "@li"\n---\n# Web\n');
    const result = await cli(['diff', '--since', 'HEAD', '--format', 'json'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.since, { ref: 'HEAD', commit, date: '2027-01-01' });
    const P = 'programs/payments.md';
    assert.deepEqual(json.changes.map((c: Record<string, unknown>) => { const { line: _line, ...rest } = c; return rest; }), [
      { program: 'payments', kind: 'checklist-added', text: 'New item', file: P },
      { program: 'payments', kind: 'checklist-done', text: 'Write the runbook', file: P },
      { program: 'payments', kind: 'checklist-removed', text: 'Old item', file: P },
      { program: 'payments', kind: 'checklist-reopened', text: 'Book the room', file: P },
      { program: 'payments', kind: 'decision-added', id: 'payments#lang', text: 'Language', after: 'proposed', file: P },
      { program: 'payments', kind: 'decision-status-changed', id: 'payments#region', text: 'Region', before: 'proposed', after: 'decided', file: P },
      { program: 'payments', kind: 'milestone-added', id: 'payments#pilot', file: P },
      { program: 'payments', kind: 'milestone-due-moved', id: 'payments#design', before: '2027-01-15', after: '2027-01-22', days: 7, file: P },
      { program: 'payments', kind: 'milestone-removed', id: 'payments#dropped', file: P },
      { program: 'payments', kind: 'milestone-status-changed', id: 'payments#design', before: 'in-progress', after: 'done', file: P },
      { program: 'payments', kind: 'risk-added', id: 'payments#staffing', after: { status: null, likelihood: 'medium', impact: 'medium', mitigation: null }, file: P },
      { program: 'payments', kind: 'risk-changed', id: 'payments#vendor', before: { status: null, likelihood: 'medium', impact: 'high', mitigation: null }, after: { status: null, likelihood: 'high', impact: 'high', mitigation: 'second vendor' }, file: P },
      { program: 'payments', kind: 'risk-removed', id: 'payments#legal', file: P },
      { program: 'payments', kind: 'status-changed', before: 'on-track', after: 'at-risk', file: P },
      { program: 'payments', kind: 'target-moved', before: '2027-03-01', after: '2027-03-15', days: 14, file: P },
      { program: 'storage', kind: 'program-removed', file: 'programs/storage.md' },
      { program: 'web', kind: 'program-added', text: 'Web', file: 'programs/web.md' },
    ]);
    // design moved 7 days later: the slip impact. It is done now (pinned at 01-22); cutover still waits for it but is due 02-20.
    assert.deepEqual(json.forecasts.map((f: { id: string; before: string; after: string; days: number }) => [f.id, f.before, f.after, f.days]), [
      ['payments', '2027-03-01', '2027-03-15', 14], ['payments#design', '2027-01-15', '2027-01-22', 7],
    ]);
  });

  it('text and markdown: grouped by program, one line per change, the slip impact', async () => {
    const cwd = repository({ 'programs/payments.md': BEFORE });
    write(cwd, 'programs/payments.md', BEFORE.replace('due: 2027-01-15', 'due: 2027-02-25'));
    const text = await cli(['diff', '--since', 'main'], { cwd });
    assert.equal(text.code, 0, text.stderr);
    const commit = git(cwd, ['rev-parse', 'HEAD']).slice(0, 12);
    assert.equal(text.stdout, [
      `Changes since main (commit ${commit}, 2027-01-01): 1 change in 1 program`,
      '',
      'payments',
      '  milestone payments#design due 2027-01-15 → 2027-02-25 (+41 days)  programs/payments.md:8',
      '',
      'Forecasts moved',
      '  payments#cutover  2027-02-20 → 2027-02-25 (+5 days)  late',
      '  payments#design  2027-01-15 → 2027-02-25 (+41 days)',
      '',
    ].join('\n'));
    const md = await cli(['diff', '--since', 'main', '--format', 'markdown'], { cwd });
    assert.equal(md.code, 0, md.stderr);
    assert.ok(md.stdout.startsWith(`## Plan changes since \`${commit}\` (main, 2027-01-01)\n\n1 change in 1 program.\n\n### payments\n\n- milestone payments\\#design due 2027\\-01\\-15 → 2027\\-02\\-25 \\(\\+41 days\\) (programs\\/payments\\.md:8)\n`), md.stdout);
    assert.ok(md.stdout.includes('| payments\\#cutover | 2027-02-20 | 2027-02-25 | +5 days | yes |'), md.stdout);
  });

  it('a brief renamed and moved to another folder is the same program; CRLF instead of LF is no change', async () => {
    const cwd = repository({ 'programs/payments.md': BEFORE, 'programs/storage.md': STORAGE });
    fs.mkdirSync(path.join(cwd, 'archive', '2027'), { recursive: true });
    fs.renameSync(path.join(cwd, 'programs/payments.md'), path.join(cwd, 'archive/2027/payments-v2.md'));
    write(cwd, 'programs/storage.md', STORAGE.replace(/\n/g, '\r\n'));
    const moved = JSON.parse((await cli(['diff', '--since', 'HEAD', '--format', 'json'], { cwd })).stdout);
    assert.deepEqual([moved.changes, moved.forecasts], [[], []]);
    // Committed too (git sees a rename), then a change in the moved file: reported at its new place.
    commitAll(cwd, 'move');
    write(cwd, 'archive/2027/payments-v2.md', BEFORE.replace('status: on-track', 'status: off-track'));
    const changed = JSON.parse((await cli(['diff', '--since', 'HEAD~1', '--format', 'json'], { cwd })).stdout);
    assert.deepEqual(changed.changes, [{ program: 'payments', kind: 'status-changed', before: 'on-track', after: 'off-track', file: 'archive/2027/payments-v2.md', line: 4 }]);
  });

  it('a file that was not a brief before is a program added; one that stopped being a brief, removed; include/exclude apply to the past too', async () => {
    const cwd = repository({ 'notes/idea.md': '# An idea\n\nNot a brief yet.\n', 'programs/storage.md': STORAGE, 'drafts/x.md': STORAGE.replace('storage', 'draft'), 'briefs.config.json': '{ "exclude": ["drafts/**"] }' });
    write(cwd, 'notes/idea.md', '---\nprogram: idea\nowner: "@li"\n---\n# An idea\n');
    write(cwd, 'programs/storage.md', '# Storage\n\nNo frontmatter any more.\n');
    const json = JSON.parse((await cli(['diff', '--since', 'HEAD', '--format', 'json'], { cwd })).stdout);
    assert.deepEqual(json.changes.map((c: { program: string; kind: string; file: string }) => [c.program, c.kind, c.file]), [
      ['idea', 'program-added', 'notes/idea.md'], ['storage', 'program-removed', 'programs/storage.md'],
    ]);
  });

  it('--since a date: the last commit on or before that day (UTC); before the first commit is exit 2', async () => {
    const cwd = repository({ 'p.md': STORAGE }, '2027-01-01T10:00:00Z');
    write(cwd, 'p.md', STORAGE.replace('due: 2027-03-01', 'due: 2027-03-08'));
    const second = commitAll(cwd, 'second', '2027-01-05T23:30:00Z');
    write(cwd, 'p.md', STORAGE.replace('due: 2027-03-01', 'due: 2027-03-10'));
    commitAll(cwd, 'third', '2027-01-09T08:00:00Z');
    const json = JSON.parse((await cli(['diff', '--since', '2027-01-05', '--format', 'json'], { cwd })).stdout);
    assert.deepEqual(json.since, { ref: '2027-01-05', commit: second, date: '2027-01-05' });
    assert.deepEqual(json.changes.map((c: { kind: string; days: number }) => [c.kind, c.days]), [['milestone-due-moved', 2]]);
    const early = await cli(['diff', '--since', '2026-12-31'], { cwd });
    assert.equal(early.code, 2);
    assert.equal(early.stderr, 'brief: no commit on or before 2026-12-31: the first commit is of 2027-01-01\n');
  });

  it('exit 2 with a clear message: not a git repository, an unknown revision, a shallow clone without REF, no --since', async () => {
    const plain = tempWorkspace({ 'p.md': STORAGE });
    const outside = await cli(['diff', '--since', 'main'], { cwd: plain, env: {} });
    // (The temporary folder is not inside a repository: os.tmpdir() is not.)
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^brief: not a git repository: .+ \(run it inside a clone; --since reads the briefs at REF from git history\)\n$/);
    const cwd = repository({ 'p.md': STORAGE });
    const unknown = await cli(['diff', '--since', 'no-such-branch'], { cwd });
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'brief: unknown revision `no-such-branch`: not a branch, tag, commit or date (YYYY-MM-DD) of this repository\n');
    const option = await cli(['diff', '--since=--output=x'], { cwd });
    assert.equal(option.code, 2, 'a REF that looks like an option is a revision, never an option of git');
    assert.equal(option.stderr, 'brief: unknown revision `--output=x`: not a branch, tag, commit or date (YYYY-MM-DD) of this repository\n');
    assert.ok(!fs.existsSync(path.join(cwd, 'x')));
    const missing = await cli(['diff'], { cwd });
    assert.equal(missing.stderr, 'brief: `brief diff` needs `--since REF` (a commit, branch, tag or date YYYY-MM-DD)\nbrief: run `brief diff --help` for usage\n');

    write(cwd, 'p.md', STORAGE.replace('2027-03-01', '2027-03-02'));
    commitAll(cwd, 'second');
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-shallow-'));
    try {
      git(os.tmpdir(), ['clone', '-q', '--depth', '1', `file://${cwd}`, clone]);
      const shallow = await cli(['diff', '--since', 'HEAD~1'], { cwd: clone });
      assert.equal(shallow.code, 2);
      assert.equal(shallow.stderr, 'brief: unknown revision `HEAD~1` in this shallow clone (it may lie beyond the history fetched); fetch more history with `git fetch --deepen=100` or `git fetch --unshallow` (for a branch: `git fetch origin <branch>`)\n');
      const byDate = await cli(['diff', '--since', '2027-01-01'], { cwd: clone });
      assert.equal(byDate.code, 2);
      assert.match(byDate.stderr, /^brief: no commit on or before 2027-01-01 in this shallow clone \(its oldest commit is of 2027-01-02\); fetch more history with `git fetch --shallow-since=2027-01-01`, `git fetch --deepen=100` or `git fetch --unshallow`\n$/);
      // After fetching more, it works.
      git(clone, ['fetch', '-q', '--unshallow']);
      const deep = await cli(['diff', '--since', 'HEAD~1', '--format', 'json'], { cwd: clone });
      assert.equal(deep.code, 0, deep.stderr);
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });

  it('reads the briefs at REF in one batch: a handful of git processes for 60 briefs', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`programs/p${i}.md`] = STORAGE.replace('program: storage', `program: p${i}`);
    const cwd = repository(files);
    write(cwd, 'programs/p7.md', files['programs/p7.md'].replace('target: 2027-04-01', 'target: 2027-04-08'));
    // A git on PATH that logs each run, then runs the real one.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-gitlog-'));
    const log = path.join(bin, 'calls.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$1 $2" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      const json = JSON.parse((await cli(['diff', '--since', 'HEAD', '--format', 'json'], { cwd })).stdout);
      assert.deepEqual(json.changes.map((c: { program: string; kind: string; days: number }) => [c.program, c.kind, c.days]), [['p7', 'target-moved', 7]]);
    } finally {
      process.env.PATH = saved;
    }
    const calls = fs.readFileSync(log, 'utf8').trim().split('\n');
    fs.rmSync(bin, { recursive: true, force: true });
    assert.ok(calls.length <= 5, calls.join('\n'));
    assert.equal(calls.filter((c) => c.startsWith('cat-file')).length, 1, calls.join('\n'));
    assert.equal(calls.filter((c) => c.startsWith('ls-tree')).length, 1, calls.join('\n'));
  });

  it('workspace text reaches no output as a CI command or a raw control or bidi character', async () => {
    const PAYLOAD = '##[error]boom ::error::x \u001b[31mred \u202egnp \u009b2J';
    const evil = (title: string) => `---\n${JSON.stringify({ program: 'evil', title, owner: '@o', milestones: [{ id: 'm', title, due: '2027-01-01' }] })}\n---\n- [ ] ${PAYLOAD}\n`;
    const cwd = repository({ 'evil.md': evil(`T \n::error::lf ${PAYLOAD}`) });
    write(cwd, 'evil.md', evil(`U \r::warning::cr ${PAYLOAD}`).replace('2027-01-01', '2027-01-09').replace('- [ ]', '- [x]'));
    for (const format of ['text', 'markdown', 'json']) {
      const result = await cli(['diff', '--since', 'HEAD', '--format', format], { cwd });
      assert.equal(result.code, 0, result.stderr);
      assert.ok(!result.stdout.includes('##['), `${format}: ##[`);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(result.stdout), `${format}: a raw control or bidi character`);
      for (const line of result.stdout.split(/\r\n|\r|\n/)) assert.ok(!/^\s*::/.test(line), `${format}: a workflow command: ${line}`);
      assert.ok(result.stdout.includes('checklist'), `${format}: the payload item is in the output`);
    }
  });
});

describe('cli: brief report --since', function () {
  this.timeout(120_000);
  after(removeTempWorkspaces);

  it('adds the changes per program, what was decided since, and says the commits', async () => {
    const cwd = repository({ 'programs/payments.md': BEFORE });
    const head = git(cwd, ['rev-parse', 'HEAD']);
    write(cwd, 'programs/payments.md', AFTER.replace('    status: decided\n', '    status: decided\n    date: 2027-01-03\n'));
    const json = JSON.parse((await cli(['report', '--since', 'main', '--format', 'json', '--today', '2027-01-10'], { cwd })).stdout);
    assert.deepEqual([json.commit, json.dirty, json.since], [head, true, { ref: 'main', commit: head, date: '2027-01-01' }]);
    assert.equal(json.programs[0].changes.length, 15);
    assert.deepEqual(json.programs[0].decisions.decidedSince.map((d: { id: string; date: string }) => [d.id, d.date]), [['region', '2027-01-03']]);
    const md = (await cli(['report', '--since', 'main', '--today', '2027-01-10'], { cwd })).stdout;
    assert.ok(md.includes(`from commit \`${head.slice(0, 12)}\` with uncommitted changes`), md);
    assert.ok(md.includes('### Changes since main\n\n- checklist item added\\: New item\n'), md);
    assert.ok(md.includes('### Decided since\n\n- Region, 2027-01-03\n'), md);
    const html = (await cli(['report', '--since', 'main', '--format', 'html', '--today', '2027-01-10'], { cwd })).stdout;
    assert.ok(html.includes('<h3>Changes since <code>main</code></h3>'), 'html has the changes');
  });
});
