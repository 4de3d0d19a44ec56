/**
 * `brief lsp --stdio`: the reports' custom requests (src/server/protocol.ts; docs/language-server.md
 * "Reports"), over real pipes, on real git repositories built in the test: the status report is
 * exactly the CLI's `brief report` (html and markdown) and follows the editor's text; the refs a
 * picker offers; what changed since a revision is the CLI's `brief diff --since`, each change with
 * where to open it now; and git's problems are `InvalidParams` errors with the CLI's messages.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import {
  CHANGES_SINCE, GIT_REFS, REPORT,
  type ChangesSinceResult, type GitRefsResult, type ReportResult,
} from '../../../src/server/protocol';
import { CLI, useLspClients } from './lspClient';
import { copyOfExamples, tempFolder, uriOf } from './workspaces';
import { commitAll, git, GIT_ENV } from '../../support/git';

/** LSP's InvalidParams. */
const INVALID_PARAMS = -32602;

function cli(dir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
}

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `a ResponseError, not ${String(error)}`);
    return error;
  }
  assert.fail('the request was answered, not refused');
}

describe('language server: the status report and what changed since a git revision', function () {
  this.timeout(120_000);
  const start = useLspClients();

  it('answers the status report as `brief report` writes it (html and markdown), with the commit, and follows the editor\'s text', async () => {
    const dir = copyOfExamples();
    const commit = commitAll(dir, 'the examples', '2026-11-01');
    const client = await start({ folders: [dir] });
    const report = await client.request<ReportResult>(REPORT, {});
    assert.equal(report.html, cli(dir, 'report', '--format', 'html'));
    assert.equal(report.markdown, cli(dir, 'report', '--format', 'markdown'));
    assert.ok(report.html.includes(`from commit <code>${commit.slice(0, 12)}</code>`), 'the commit it was made from');
    const json = JSON.parse(cli(dir, 'report', '--format', 'json')) as { programs: { program: string; health: string }[] };
    assert.deepEqual(report.programs.map((p) => [p.program, p.health]), json.programs.map((p) => [p.program, p.health]));
    assert.equal(report.programs.find((p) => p.program === 'billing-core')?.uri, uriOf(dir, 'programs/billing-core.md'));

    // An unsaved edit: the report is the model's, the editor's text included.
    const uri = uriOf(dir, 'programs/billing-core.md');
    const text = fs.readFileSync(path.join(dir, 'programs/billing-core.md'), 'utf8');
    assert.ok(!report.html.includes('Billing core, edited'));
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: text.replace(/^title: .*$/m, 'title: "Billing core, edited <b>"') } });
    const edited = await pollReport(client, (r) => r.html.includes('Billing core, edited &lt;b&gt;'));
    assert.ok(edited.html.includes('Billing core, edited &lt;b&gt;'), 'the edited title, escaped');
    assert.ok(!edited.html.includes('edited <b>'));
    assert.match(edited.markdown, /edited/);
    assert.ok(!edited.markdown.includes('<b>'), 'no HTML in the markdown either');
  });

  it('lists the branches, tags and recent commits; changes since a commit are `brief diff --since`\'s, each opening at its line now', async () => {
    const dir = copyOfExamples();
    const first = commitAll(dir, 'the examples', '2026-10-01');
    git(dir, 'tag', 'v1');
    git(dir, 'branch', 'planning');
    const file = path.join(dir, 'programs/billing-core.md');
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, before.replace('due: 2026-12-16', 'due: 2026-12-30'));
    commitAll(dir, 'billing slips', '2026-11-01');
    const client = await start({ folders: [dir] });

    const refs = await client.request<GitRefsResult>(GIT_REFS, {});
    assert.deepEqual([...refs.branches].sort(), ['main', 'planning']);
    assert.deepEqual(refs.tags, ['v1']);
    assert.deepEqual(refs.commits.map((c) => [c.id, c.date, c.subject]), [[git(dir, 'rev-parse', 'HEAD'), '2026-11-01', 'billing slips'], [first, '2026-10-01', 'the examples']]);
    assert.equal(refs.shallow, false);

    for (const ref of ['v1', first, 'planning', '2026-10-15']) {
      const answer = await client.request<ChangesSinceResult>(CHANGES_SINCE, { ref });
      assert.deepEqual(answer.since, { ref, commit: first, date: '2026-10-01' }, ref);
      const expected = JSON.parse(cli(dir, 'diff', '--since', ref, '--format', 'json')) as { changes: { program: string; kind: string; id?: string; file: string }[] };
      assert.deepEqual(answer.changes.map((c) => [c.program, c.kind, c.id, c.file]), expected.changes.map((c) => [c.program, c.kind, c.id, c.file]), ref);
      const moved = answer.changes.find((c) => c.kind === 'milestone-due-moved');
      assert.ok(moved, JSON.stringify(answer.changes));
      assert.equal(moved.sentence, 'milestone billing-core#invoice-engine (Invoice engine running on the new ledger) due 2026-12-16 → 2026-12-30 (+14 days)');
      assert.equal(moved.subject, 'milestone billing-core#invoice-engine (Invoice engine running on the new ledger)');
      const milestoneLine = before.split('\n').indexOf('  - id: invoice-engine');
      assert.ok(milestoneLine > 0);
      assert.deepEqual(moved.location, { uri: uriOf(dir, 'programs/billing-core.md'), line: milestoneLine });
    }
    // Nothing changed since HEAD; an unsaved edit counts.
    assert.deepEqual((await client.request<ChangesSinceResult>(CHANGES_SINCE, { ref: 'HEAD' })).changes, []);
    const uri = uriOf(dir, 'programs/billing-core.md');
    const now = fs.readFileSync(file, 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: now.replace(/^status: on-track$/m, 'status: at-risk') } });
    const edited = await pollChanges(client, 'HEAD', (r) => r.changes.length > 0);
    assert.deepEqual(edited.changes.map((c) => [c.kind, c.sentence, c.subject, c.location]), [['status-changed', 'status on-track → at-risk', undefined, { uri, line: now.split('\n').findIndex((l) => l === 'status: on-track') }]]);
  });

  it('refuses with the CLI\'s messages: not a git repository, an unknown revision, no commit before a date, a shallow clone', async () => {
    const plain = tempFolder({ 'a.md': '---\nprogram: a\ntitle: A\nowner: "@a"\nstatus: on-track\n---\n' });
    const outside = await start({ folders: [plain] });
    for (const [method, params] of [[GIT_REFS, {}], [CHANGES_SINCE, { ref: 'HEAD' }]] as const) {
      const error = await rejection(outside.request(method, params));
      assert.equal(error.code, INVALID_PARAMS);
      assert.match(error.message, /^not a git repository: /);
    }
    // The report itself needs no git.
    assert.match((await outside.request<ReportResult>(REPORT, {})).html, /outside git/);

    commitAll(plain, 'one', '2026-06-01');
    fs.writeFileSync(path.join(plain, 'b.md'), '---\nprogram: b\ntitle: B\nowner: "@b"\nstatus: on-track\n---\n');
    commitAll(plain, 'two', '2026-07-01');
    const client = await start({ folders: [plain] });
    const unknown = await rejection(client.request(CHANGES_SINCE, { ref: 'no-such-branch' }));
    assert.equal(unknown.code, INVALID_PARAMS);
    assert.match(unknown.message, /^unknown revision `no-such-branch`: not a branch, tag, commit or date/);
    const early = await rejection(client.request(CHANGES_SINCE, { ref: '2026-01-01' }));
    assert.match(early.message, /^no commit on or before 2026-01-01: the first commit is of 2026-06-01/);
    assert.match((await rejection(client.request(CHANGES_SINCE, { ref: '  ' }))).message, /no revision given/);
    const added = await client.request<ChangesSinceResult>(CHANGES_SINCE, { ref: '2026-06-15' });
    assert.deepEqual(added.changes.map((c) => [c.kind, c.program, c.location?.line]), [['program-added', 'b', 1]]);

    const shallowDir = tempFolder({});
    fs.rmSync(shallowDir, { recursive: true });
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${plain}`, shallowDir], { env: GIT_ENV });
    const shallow = await start({ folders: [shallowDir] });
    assert.equal((await shallow.request<GitRefsResult>(GIT_REFS, {})).shallow, true);
    const lacking = await rejection(shallow.request(CHANGES_SINCE, { ref: '2026-06-15' }));
    assert.match(lacking.message, /in this shallow clone .*git fetch --shallow-since=2026-06-15/);
  });
});

async function pollReport(client: { request<R>(method: string, params: unknown): Promise<R> }, done: (report: ReportResult) => boolean): Promise<ReportResult> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const report = await client.request<ReportResult>(REPORT, {});
    if (done(report) || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function pollChanges(client: { request<R>(method: string, params: unknown): Promise<R> }, ref: string, done: (result: ChangesSinceResult) => boolean): Promise<ChangesSinceResult> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const result = await client.request<ChangesSinceResult>(CHANGES_SINCE, { ref });
    if (done(result) || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
