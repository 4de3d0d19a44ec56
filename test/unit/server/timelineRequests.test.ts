/**
 * `brief lsp --stdio`: the Timeline's requests (docs/language-server.md), over real pipes: the
 * model is the core's `buildTimeline` over the server's workspace (the editor's unsaved text
 * included), and "Compare with…" reads the bars' dates at a git revision from a real repository,
 * keyed as today's bars; git's problems are `InvalidParams` errors.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import { TIMELINE, TIMELINE_BASELINE, type TimelineBaselineResult, type TimelineResult } from '../../../src/server/protocol';
import { buildTimeline } from '../../../src/core/views/timeline';
import { BriefWorkspace } from '../../../src/core/workspace/workspace';
import { useLspClients } from './lspClient';
import { tempFolder, uriOf } from './workspaces';
import { commitAll } from '../../support/git';

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'timeline', 'chain', 'programs');
function fixtureFolder(): string {
  const files: Record<string, string> = { 'briefs.config.json': '{ "today": "2027-03-10" }\n' };
  for (const name of fs.readdirSync(FIXTURE)) files[`programs/${name}`] = fs.readFileSync(path.join(FIXTURE, name), 'utf8');
  return tempFolder(files);
}

async function poll<T>(ask: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await ask();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('language server: the Timeline', function () {
  this.timeout(120_000);
  const start = useLspClients();

  it('answers the core\'s timeline of its workspace, and follows the editor\'s text', async () => {
    const dir = fixtureFolder();
    const client = await start({ folders: [dir] });
    const answer = await client.request<TimelineResult>(TIMELINE, {});
    const workspace = new BriefWorkspace();
    for (const name of fs.readdirSync(FIXTURE).sort()) workspace.setText(uriOf(dir, `programs/${name}`), fs.readFileSync(path.join(FIXTURE, name), 'utf8'));
    assert.deepEqual(answer, JSON.parse(JSON.stringify(buildTimeline(workspace, '2027-03-10'))));
    assert.equal(answer.arrows.filter((a) => a.conflict || a.drivesSlip).length, 3);

    const uri = uriOf(dir, 'programs/web.md');
    const text = fs.readFileSync(path.join(FIXTURE, 'web.md'), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: text.replace('due: 2027-03-20', 'due: 2027-04-20') } });
    const edited = await poll(() => client.request<TimelineResult>(TIMELINE, {}), (m) => m.rows.some((r) => r.bars.some((b) => b.node === 'web#cutover' && b.due === '2027-04-20')), 'the edited due');
    const cutover = edited.rows.find((r) => r.program === 'web')!.bars.find((b) => b.milestone === 'cutover')!;
    assert.equal(cutover.forecast, undefined, 'due after its forecast: no extension');
  });

  it('compares with a git revision or date: the dates then, keyed as today\'s bars; bad revisions are InvalidParams', async () => {
    const dir = fixtureFolder();
    const first = commitAll(dir, 'the plan', '2027-01-05');
    const web = path.join(dir, 'programs/web.md');
    fs.writeFileSync(web, fs.readFileSync(web, 'utf8').replace('due: 2027-03-20', 'due: 2027-03-27').replace('start: 2027-03-01', 'start: 2027-03-08'));
    commitAll(dir, 'cutover moved a week', '2027-02-01');
    const client = await start({ folders: [dir] });
    const now = await client.request<TimelineResult>(TIMELINE, {});
    const cutover = now.rows.find((r) => r.program === 'web')!.bars.find((b) => b.milestone === 'cutover')!;
    assert.equal(cutover.due, '2027-03-27');
    for (const ref of [first, '2027-01-10', 'HEAD~1']) {
      const baseline = await client.request<TimelineBaselineResult>(TIMELINE_BASELINE, { ref });
      assert.equal(baseline.since.commit, first, ref);
      assert.deepEqual(baseline.bars[cutover.key], { start: '2027-03-01', due: '2027-03-20' }, ref);
      const hardware = now.rows.find((r) => r.program === 'storage')!.bars.find((b) => b.milestone === 'hardware')!;
      assert.deepEqual(baseline.bars[hardware.key], { start: hardware.start, due: hardware.due }, 'unchanged bars have the same dates');
    }
    const head = await client.request<TimelineBaselineResult>(TIMELINE_BASELINE, { ref: 'HEAD' });
    assert.deepEqual(head.bars[cutover.key], { start: '2027-03-08', due: '2027-03-27' });
    for (const ref of ['no-such-branch', '2020-01-01', '']) {
      await assert.rejects(client.request(TIMELINE_BASELINE, { ref }), (error: unknown) => error instanceof ResponseError && error.code === -32602, ref);
    }
  });
});
