/**
 * `brief lsp --stdio`: the custom requests the VS Code extension's views use
 * (src/server/protocol.ts), over real pipes, and cancellation: a request whose token is cancelled
 * before it runs answers `RequestCancelled` and computes nothing. The answers are checked against
 * the core's view models on the same folder, read the way the CLI reads it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { checklistPrograms, type ChecklistProgramGroup } from '../../../src/core/views/checklistTree';
import { effectiveToday } from '../../../src/core/workspace/config';
import { buildDiagramModel } from '../../../src/core/views/diagramModel';
import { workspaceSchedule } from '../../../src/core/schedule/workspaceSchedule';
import { knownHandles } from '../../../src/core/fixes';
import { programsRoot } from '../../../src/core/views/programsTree';
import { loadWorkspace } from '../../../src/host/workspaceFiles';
import {
  BRIEFS, CHECKLIST, DIAGRAM, DID_CHANGE_MODEL, GRAPH_NODE, HANDLES, PROGRAMS, REINDEX, STATUS,
  type BriefsResult, type ChecklistResult, type ChecklistWireNode, type DiagramResult, type DidChangeModelParams, type GraphNodeResult,
  type ProgramsResult, type ReindexResult, type StatusResult,
} from '../../../src/server/protocol';
import { useLspClients } from './lspClient';
import { copyOfExamples, uriOf } from './workspaces';

/** LSP's RequestCancelled. */
const REQUEST_CANCELLED = -32800;

describe('language server: the views\' custom requests, and cancellation', function () {
  this.timeout(120_000);
  const start = useLspClients();


  it('answers the checklist, programs, diagram, status, briefs and handles as the core builds them for the folder', async () => {
    const dir = copyOfExamples();
    const loaded = await loadWorkspace({ cwd: dir, paths: ['.'] });
    const today = effectiveToday(loaded.config);
    const client = await start({ folders: [dir] });

    const briefs = await client.request<BriefsResult>(BRIEFS, {});
    assert.equal(briefs.today, today);
    assert.deepEqual(briefs.briefs.map((b) => b.program).sort(), loaded.workspace.briefs().map((b) => b.program?.value).sort());

    const checklist = await client.request<ChecklistResult>(CHECKLIST, { filter: {} });
    const expected: ChecklistProgramGroup[] = checklistPrograms(loaded.workspace.briefs(), { filter: {}, today });
    assert.ok(expected.length > 0, 'the examples have checklists');
    assert.deepEqual(checklist.nodes, expected);
    assert.equal(checklist.briefs, loaded.workspace.briefs().length);
    // Children: by the parent node as sent, down to the items, none of them carrying the file's text.
    const identity = checklist.nodes.find((node) => node.label === 'identity-sso')!;
    let level: ChecklistWireNode[] = (await client.request<ChecklistResult>(CHECKLIST, { filter: {}, parent: identity })).nodes;
    while (level.length > 0 && level[0].kind !== 'item') level = (await client.request<ChecklistResult>(CHECKLIST, { filter: {}, parent: level[0] })).nodes;
    const item = level.find((node) => node.kind === 'item' && node.item.text.includes('Provider contract signed'));
    assert.ok(item && item.kind === 'item', JSON.stringify(level).slice(0, 300));
    assert.equal(item.item.state, 'done');
    assert.equal('source' in item, false, 'no file text over the wire');
    // The open-only filter hides it.
    const open = (await client.request<ChecklistResult>(CHECKLIST, { filter: { openOnly: true }, parent: identity })).nodes;
    assert.ok(!JSON.stringify(open).includes('Provider contract signed'));

    const programs = await client.request<ProgramsResult>(PROGRAMS, { grouping: 'program' });
    assert.deepEqual(programs.nodes.map((n) => n.id), programsRoot(loaded.workspace.briefs(), 'program').map((n) => n.id));
    const program = programs.nodes.find((n) => n.kind === 'program' && n.label === 'identity-sso');
    assert.ok(program?.kind === 'program' && program.display && program.attention, JSON.stringify(program));
    assert.equal('brief' in program, false, 'no Brief object over the wire');
    const sections = (await client.request<ProgramsResult>(PROGRAMS, { grouping: 'program', parent: program })).nodes;
    assert.deepEqual(sections.map((n) => n.kind === 'section' && n.section), ['milestones', 'risks', ...(sections.length > 2 ? ['decisions'] : [])]);
    const milestones = (await client.request<ProgramsResult>(PROGRAMS, { grouping: 'program', parent: sections[0] })).nodes;
    assert.ok(milestones.length > 0 && milestones.every((n) => n.kind === 'milestone' && n.display !== undefined));
    const byStatus = await client.request<ProgramsResult>(PROGRAMS, { grouping: 'status' });
    const group = byStatus.nodes[0];
    assert.ok(group.kind === 'group' && group.uris.length > 0 && group.display !== undefined, JSON.stringify(group));
    const inGroup = (await client.request<ProgramsResult>(PROGRAMS, { grouping: 'status', parent: group })).nodes;
    assert.deepEqual(inGroup.map((n) => ('uri' in n ? n.uri : undefined)), group.uris);

    const options = { scope: 'workspace' as const, depth: 2, direction: 'LR' as const };
    const diagram = await client.request<DiagramResult>(DIAGRAM, { options });
    assert.deepEqual(diagram, buildDiagramModel(loaded.workspace.graph(), { options, today, cycles: loaded.workspace.cycles(), schedule: workspaceSchedule(loaded.workspace) }));
    const node = await client.request<GraphNodeResult>(GRAPH_NODE, { nodeId: 'identity-sso' });
    assert.equal(node?.uri, uriOf(dir, 'programs/identity-sso.md'));
    assert.equal(await client.request<GraphNodeResult>(GRAPH_NODE, { nodeId: 'nothing-defines-this' }), null);

    const status = await client.request<StatusResult>(STATUS, {});
    assert.equal(status.programs, loaded.workspace.briefs().filter((b) => b.program).length);
    assert.equal(status.today, today);
    const handles = await client.request<string[]>(HANDLES, { uri: uriOf(dir, 'programs/identity-sso.md') });
    assert.deepEqual(handles, knownHandles(loaded.workspace, loaded.config));
  });

  it('follows the editor: an edit changes the answers, and the model-changed notification says so', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir] });
    const changes: DidChangeModelParams[] = [];
    client.connection.onNotification(DID_CHANGE_MODEL, (params: DidChangeModelParams) => changes.push(params));
    const uri = uriOf(dir, 'programs/identity-sso.md');
    await client.waitFor(() => client.diagnostics.has(uri), 'indexing');
    const text = fs.readFileSync(path.join(dir, 'programs/identity-sso.md'), 'utf8');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: text.replace('- [ ] MFA enforcement', '- [x] MFA enforcement') } });
    const change = await client.waitFor(() => changes.find((c) => !c.all && c.changed.includes(uri)), 'the model-changed notification for the edit');
    assert.deepEqual(change.changed, [uri]);
    const checklist = await client.request<ChecklistResult>(CHECKLIST, { filter: { openOnly: true } });
    const before = checklistPrograms((await loadWorkspace({ cwd: dir, paths: ['.'] })).workspace.briefs(), { filter: { openOnly: true }, today: checklist.today });
    const progress = (nodes: ChecklistWireNode[]) => nodes.find((n) => n.label === 'identity-sso')?.kind === 'program' ? (nodes.find((n) => n.label === 'identity-sso') as ChecklistProgramGroup).progress.done : undefined;
    assert.equal(progress(checklist.nodes), progress(before)! + 1, 'the ticked item counts as done');
    const reindexed = await client.request<ReindexResult>(REINDEX, {});
    assert.equal(reindexed.briefs, checklist.briefs);
    assert.ok(changes.some((c) => c.all), 'a full re-read is announced');
  });

  it('a request cancelled while it waits answers RequestCancelled; the same request not cancelled is answered', async () => {
    const dir = copyOfExamples();
    const uri = uriOf(dir, 'programs/payments-v2.md');
    // Sent right after `initialized`: the server is still indexing (it has asked this client
    // for the settings and waits for the answer), so the requests wait, and their cancellation
    // arrives before they run.
    const client = await start({ folders: [dir] });
    const sendCancelled = async (method: string, params: unknown) => {
      const source = new CancellationTokenSource();
      const answer = client.connection.sendRequest(method, params, source.token).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      source.cancel();
      return answer;
    };
    const position = { line: 0, character: 0 };
    const cancelled = await Promise.all([
      sendCancelled(CHECKLIST, { filter: {} }),
      sendCancelled(PROGRAMS, { grouping: 'program' }),
      sendCancelled(DIAGRAM, { options: { scope: 'workspace', depth: 2, direction: 'LR' } }),
      sendCancelled('textDocument/hover', { textDocument: { uri }, position }),
      sendCancelled('textDocument/completion', { textDocument: { uri }, position }),
    ]);
    const answered = await client.request<ChecklistResult>(CHECKLIST, { filter: {} });
    for (const [i, outcome] of cancelled.entries()) {
      assert.ok('error' in outcome && outcome.error instanceof ResponseError, `request ${i} was answered: ${JSON.stringify(outcome).slice(0, 200)}`);
      assert.equal(outcome.error.code, REQUEST_CANCELLED, `request ${i}: ${outcome.error.message}`);
    }
    assert.ok(answered.nodes.length > 0, 'the request that was not cancelled is answered in full');
  });
});
