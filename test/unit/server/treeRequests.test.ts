/**
 * `brief lsp --stdio`: what the VS Code extension needs now that it holds no index of its own
 * (docs/language-server.md): the skipped-file notices (`programBriefs/didSkipFiles`, once per
 * file and reason, one summary for a whole indexing) and the list behind them
 * (`programBriefs/skippedFiles`), one file's state (`programBriefs/file`), the text the
 * Checklist's items were built from (the checkbox tick needs it), the server's memory, and a
 * deleted file the editor still has open staying out on a re-read.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { effectiveToday, HEALTH_LABELS, highRiskCount, nextMilestone, programAttention, portfolioHealth } from '../../../src/core';
import { loadWorkspace, NOT_REGULAR_REASON, OUTSIDE_LINK_REASON } from '../../../src/host/workspaceFiles';
import {
  BRIEFS, CHECKLIST, DID_SKIP_FILES, FILE, MEMORY, PROGRAMS, REINDEX, SKIPPED_FILES,
  type BriefsResult, type ChecklistResult, type DidSkipFilesParams, type FileResult, type MemoryResult, type ProgramsResult, type SkippedFilesResult,
} from '../../../src/server/protocol';
import { type LspTestClient, useLspClients } from './lspClient';
import { copyOfExamples, tempFolder, uriOf } from './workspaces';

const brief = (program: string, extra = '') => `---\nprogram: ${program}\ntitle: ${program}\nowner: "@maria"\n${extra}---\n\n# ${program}\n`;
/** Over the 1 KB limit these tests set. */
const filler = `${'x'.repeat(99)}\n`.repeat(20);

const skipNotices = (client: LspTestClient) =>
  client.notifications.filter((n) => n.method === DID_SKIP_FILES).map((n) => n.params as DidSkipFilesParams);

/** Polls an async condition (the server answers requests; no fixed sleeps). */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function skippedNow(client: LspTestClient): Promise<Record<string, string>> {
  const result = await client.request<SkippedFilesResult>(SKIPPED_FILES, {});
  return Object.fromEntries(result.files.map((f) => [f.uri, f.reason]));
}

describe('language server: what the VS Code trees and notices need (no index in the extension)', function () {
  this.timeout(120_000);
  const start = useLspClients();

  it('tells the client about skipped files: one summary for the first indexing, then one notice per file and reason', async () => {
    const dir = tempFolder({
      'a.md': brief('alpha'),
      'huge.md': brief('huge-one', '') + filler,
      'binary.md': '---\n\u0000\u0001\n',
    });
    const client = await start({ folders: [dir], settings: () => ({ maxFileSizeKB: 1 }) });
    await client.waitFor(() => skipNotices(client).length > 0, 'the first skip notice');
    const [first] = skipNotices(client);
    assert.deepEqual(first.notices, ['Program Briefs skipped 2 files that are too large, binary, links out of the workspace or not regular files; see the Program Briefs output for the list.']);
    assert.deepEqual(first.files.map((f) => f.uri).sort(), [uriOf(dir, 'binary.md'), uriOf(dir, 'huge.md')]);
    const skipped = await skippedNow(client);
    assert.match(skipped[uriOf(dir, 'huge.md')], /^it is larger than 1 KB \(setting programBriefs\.maxFileSizeKB\)$/);
    assert.match(skipped[uriOf(dir, 'binary.md')], /binary/);
    assert.equal((await client.request<FileResult>(FILE, { uri: uriOf(dir, 'huge.md') })).text, undefined, 'a skipped file is no brief');

    // A file that grows too large later: one notice, naming it relative to its folder.
    fs.writeFileSync(path.join(dir, 'a.md'), brief('alpha') + filler);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'a.md'), type: 2 }] });
    await client.waitFor(() => skipNotices(client).length === 2, 'the notice for a.md');
    assert.deepEqual(skipNotices(client)[1].notices, ['Program Briefs skipped a.md: it is larger than 1 KB (setting programBriefs.maxFileSizeKB).']);
    // Touched again, and everything read again: the same reason is not told twice.
    fs.appendFileSync(path.join(dir, 'a.md'), 'more\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'a.md'), type: 2 }] });
    await client.request(REINDEX, {});
    assert.equal(skipNotices(client).length, 2, JSON.stringify(skipNotices(client)));
    // Small again: it leaves the list and is a brief again.
    fs.writeFileSync(path.join(dir, 'a.md'), brief('alpha'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'a.md'), type: 2 }] });
    await until(async () => (await skippedNow(client))[uriOf(dir, 'a.md')] === undefined, 'a.md to leave the skipped files');
    assert.equal((await client.request<FileResult>(FILE, { uri: uriOf(dir, 'a.md') })).text, brief('alpha'));
  });

  it('a link out of the folder and a FIFO are skipped with the reasons the editor shows', async function () {
    if (process.platform === 'win32') this.skip();
    const outside = tempFolder({ 'secret.md': brief('secret') });
    const dir = tempFolder({ 'a.md': brief('alpha') });
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'link.md'));
    const client = await start({ folders: [dir] });
    await client.waitFor(() => skipNotices(client).length === 1, 'the link\'s notice');
    assert.deepEqual(skipNotices(client)[0].notices, [`Program Briefs skipped link.md: ${OUTSIDE_LINK_REASON}.`]);
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status, 0, 'mkfifo');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'pipe.md'), type: 1 }] });
    await client.waitFor(() => skipNotices(client).length === 2, 'the FIFO\'s notice');
    assert.deepEqual(await skippedNow(client), { [uriOf(dir, 'link.md')]: OUTSIDE_LINK_REASON, [uriOf(dir, 'pipe.md')]: NOT_REGULAR_REASON });
    // A whole re-read finds the FIFO on its walk: the same reason, so nothing new is told.
    await client.request(REINDEX, {});
    assert.deepEqual(await skippedNow(client), { [uriOf(dir, 'link.md')]: OUTSIDE_LINK_REASON, [uriOf(dir, 'pipe.md')]: NOT_REGULAR_REASON });
    assert.equal(skipNotices(client).length, 2);
  });

  it('programBriefs/file says what the server holds for a uri: the editor\'s text when open', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha', 'milestones:\n  - id: m1\n    title: One\n    due: 2026-05-01\n') });
    const client = await start({ folders: [dir] });
    const a = uriOf(dir, 'a.md');
    await client.waitFor(() => client.rulesOf(a), 'a.md linted');
    const file = await client.request<FileResult>(FILE, { uri: a });
    assert.equal(file.text, fs.readFileSync(path.join(dir, 'a.md'), 'utf8'));
    assert.deepEqual(file.brief, { uri: a, program: 'alpha', title: 'alpha', owner: '@maria', milestones: 1, risks: 0, decisions: 0 });
    const typed = brief('alpha-typed');
    await client.notify('textDocument/didOpen', { textDocument: { uri: a, languageId: 'markdown', version: 1, text: typed } });
    await until(async () => (await client.request<FileResult>(FILE, { uri: a })).text === typed, 'the editor\'s text');
    assert.equal((await client.request<FileResult>(FILE, { uri: a })).brief?.program, 'alpha-typed');
    assert.deepEqual(await client.request<FileResult>(FILE, { uri: uriOf(dir, 'none.md') }), { uri: uriOf(dir, 'none.md') });
  });

  it('checklist items come with the text of their brief (once per answer), the text the tick plans on', async () => {
    const text = `${brief('alpha')}\n## Checklist\n\n- [ ] One @maria\n- [x] Two\n`;
    const dir = tempFolder({ 'a.md': text });
    const client = await start({ folders: [dir] });
    const roots = await client.request<ChecklistResult>(CHECKLIST, { filter: {} });
    assert.equal(roots.text, undefined, 'programs carry no text');
    const [program] = roots.nodes;
    assert.equal(program.kind, 'program');
    const items = await client.request<ChecklistResult>(CHECKLIST, { filter: {}, parent: program });
    assert.deepEqual(items.nodes.map((n) => n.kind), ['item', 'item']);
    assert.equal(items.text, text);
    assert.ok(items.nodes.every((n) => !('source' in n)), 'no text per item');
  });

  it('programs carry their row: health and its reasons as report/health.ts decides, next milestone, overdue and high-risk counts', async () => {
    const dir = copyOfExamples();
    const loaded = await loadWorkspace({ cwd: dir, paths: ['.'] });
    const today = effectiveToday(loaded.config);
    const health = portfolioHealth(loaded.workspace, today);
    const client = await start({ folders: [dir] });
    const { nodes } = await client.request<ProgramsResult>(PROGRAMS, { grouping: 'program' });
    const programs = nodes.filter((n) => n.kind === 'program');
    assert.ok(programs.length >= 8);
    const kinds = new Set<string>();
    for (const node of programs) {
      assert.ok(node.kind === 'program');
      const brief = loaded.workspace.get(node.uri)!;
      const expected = health.get(node.label)!;
      kinds.add(expected.health);
      const next = nextMilestone(brief, today);
      assert.deepEqual(node.row, {
        health: expected.health, healthLabel: HEALTH_LABELS[expected.health], reasons: expected.reasons.map((r) => r.message),
        ...(next && { next }), overdue: programAttention(brief, today).overdueMilestones, highRisks: highRiskCount(brief),
      }, node.label);
    }
    assert.ok(kinds.size >= 2, `the examples have more than one health: ${[...kinds].join(', ')}`);
    assert.ok(programs.some((n) => n.kind === 'program' && n.row.reasons.length > 0), 'some program has reasons');
  });

  it('programBriefs/memory answers the server process\'s own memory', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha') });
    const client = await start({ folders: [dir] });
    const memory = await client.request<MemoryResult>(MEMORY, {});
    assert.equal(memory.pid, client.process.pid);
    assert.ok(memory.rss > 10 * 1024 * 1024 && memory.heapUsed > 0 && memory.heapUsed <= memory.heapTotal, JSON.stringify(memory));
  });

  it('a file deleted while the editor still has it open does not come back when everything is read again', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha'), 'b.md': brief('beta') });
    const client = await start({ folders: [dir] });
    const b = uriOf(dir, 'b.md');
    await client.notify('textDocument/didOpen', { textDocument: { uri: b, languageId: 'markdown', version: 1, text: brief('beta') } });
    await client.waitFor(() => client.rulesOf(b), 'b.md linted');
    fs.rmSync(path.join(dir, 'b.md'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 3 }] });
    const programs = async () => (await client.request<BriefsResult>(BRIEFS, {})).briefs.map((x) => x.program).sort();
    await until(async () => !(await programs()).includes('beta'), 'beta to leave once deleted');
    assert.deepEqual(await programs(), ['alpha']);
    // A settings change (VS Code: any programBriefs.* setting) reads everything again.
    await client.request(REINDEX, {});
    assert.deepEqual(await programs(), ['alpha'], 'the deleted file came back from its open document');
  });
});
