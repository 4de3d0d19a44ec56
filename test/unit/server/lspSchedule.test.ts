/**
 * `brief lsp --stdio`: the schedule in the editor over real pipes (docs/language-server.md):
 * hover facts and driving chain, code lenses (and the `programBriefs.codeLens` setting off),
 * `programBriefs/schedule` and `programBriefs/impact`. On the worked example of docs/schedule.md,
 * never opened in the client.
 */
import * as assert from 'node:assert/strict';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import type { ImpactResponse, ScheduleResponse } from '../../../src/language/scheduleProtocol';
import { briefText, EXAMPLE } from '../scheduleFixtures';
import { FULL_CAPABILITIES, LspTestClient, ROOT, useLspClients } from './lspClient';
import { execFileSync } from 'node:child_process';
import { tempFolder, uriOf } from './workspaces';

const CONFIG = JSON.stringify({ today: '2027-02-01' });

function exampleFolder(): string {
  return tempFolder({ 'briefs.config.json': CONFIG, ...Object.fromEntries(EXAMPLE.map((spec) => [`${spec.program}.md`, briefText(spec)])) });
}

/** Asks again (every 50 ms) until the answer is what `ok` wants, or fails after 20 s. */
async function eventually<T>(ask: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await ask();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const WITH_LENS_REFRESH = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, codeLens: { refreshSupport: true } } };

describe('language server: the schedule', function () {
  this.timeout(120_000);
  const start = useLspClients();
  const lenses = (client: LspTestClient, uri: string) => client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } });


  it('hover on a reference to a slipping milestone explains its date, each step a link to its line', async () => {
    const dir = exampleFolder();
    const client = await start({ folders: [dir] });
    const api = uriOf(dir, 'api.md');
    await client.waitFor(() => client.diagnostics.has(api), 'indexing');
    // api.md line 10: `    depends_on: [storage#cluster]`; the milestone part.
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: api }, position: { line: 10, character: 27 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Planned 2027-03-01 · Forecast \*\*2027-03-10\*\* · Slip 9 days · Slack 0 days/);
    const storage = uriOf(dir, 'storage.md');
    assert.ok(value.includes(`1. [storage\\#cluster](${storage}#L11) cluster: planned 2027-03-01 · forecast 2027-03-10 · +9 days`), value);
    assert.ok(value.includes(`2. [storage\\#hardware](${storage}#L7) hardware: planned 2027-03-10 · forecast 2027-03-10`), value);
    // On the milestone's own `due` value.
    const own = await client.request<Hover>('textDocument/hover', { textDocument: { uri: api }, position: { line: 9, character: 10 } });
    assert.match((own.contents as { value: string }).value, /Forecast \*\*2027-03-10\*\* · Slip 5 days · Slack 10 days/);
    assert.deepEqual(own.range, { start: { line: 9, character: 9 }, end: { line: 9, character: 19 } });
  });

  it('code lenses above the program and each milestone, with What If This Slips… and its ref; an edit updates them', async () => {
    const dir = exampleFolder();
    const client = await start({ folders: [dir] });
    assert.deepEqual(client.initializeResult?.capabilities.codeLensProvider, { resolveProvider: false });
    const storage = uriOf(dir, 'storage.md');
    await client.waitFor(() => client.diagnostics.has(storage), 'indexing');
    const got = (await lenses(client, storage))!;
    assert.deepEqual(got.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command, lens.command?.arguments]), [
      [1, 'forecast 2027-03-15 · on time · target 2027-03-15', '', undefined],
      [1, 'What If This Slips…', 'programBriefs.whatIf', ['storage']],
      [6, 'forecast 2027-03-10 · on time · slack 0', '', undefined],
      [6, 'What If This Slips…', 'programBriefs.whatIf', ['storage#hardware']],
      [10, 'forecast 2027-03-10 · 9 days late · slack 0', '', undefined],
      [10, 'What If This Slips…', 'programBriefs.whatIf', ['storage#cluster']],
    ]);
    // The hardware slips to 03-20 in the editor (not saved): the api's lens follows, in another file.
    const text = briefText(EXAMPLE[0]).replace('due: 2027-03-10', 'due: 2027-03-20');
    await client.notify('textDocument/didOpen', { textDocument: { uri: storage, languageId: 'markdown', version: 1, text } });
    const api = uriOf(dir, 'api.md');
    const titles = await eventually(async () => (await lenses(client, api))?.map((lens) => lens.command?.title), (t) => t?.[2] === 'forecast 2027-03-20 · 15 days late · slack 0', 'the api lens to follow the edit');
    assert.equal(titles?.[0], 'forecast 2027-03-31 · on time · target 2027-03-31');
  });

  it('the programBriefs.codeLens setting turns the lenses off, and on again, read through workspace/configuration', async () => {
    const dir = exampleFolder();
    let codeLens = false;
    const client = await start({ folders: [dir], capabilities: WITH_LENS_REFRESH, settings: () => ({ codeLens }) });
    let refreshes = 0;
    client.connection.onRequest('workspace/codeLens/refresh', () => {
      refreshes++;
      return null;
    });
    const storage = uriOf(dir, 'storage.md');
    await client.waitFor(() => client.diagnostics.has(storage), 'indexing');
    assert.deepEqual(await lenses(client, storage), []);
    codeLens = true;
    const before = refreshes;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => refreshes > before, 'a code lens refresh after the settings changed');
    assert.equal((await lenses(client, storage))?.length, 6);
  });

  it('programBriefs/schedule answers the CLI JSON with locations; programBriefs/impact the impact, locations and the Markdown message', async () => {
    const dir = exampleFolder();
    const client = await start({ folders: [dir] });
    await client.waitFor(() => client.diagnostics.has(uriOf(dir, 'web.md')), 'indexing');
    const cli = JSON.parse(execFileSync(process.execPath, [`${ROOT}/dist/cli.js`, 'schedule', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' }));
    const schedule = await client.request<ScheduleResponse>('programBriefs/schedule', {});
    assert.deepEqual(schedule.nodes.map(({ uri: _uri, range: _range, ...rest }) => rest), cli.nodes);
    assert.equal(schedule.today, '2027-02-01');
    assert.equal(schedule.nodes.find((node) => node.id === 'web#cutover')?.uri, uriOf(dir, 'web.md'));
    const only = await client.request<ScheduleResponse>('programBriefs/schedule', { uri: uriOf(dir, 'api.md') });
    assert.deepEqual(only.nodes.map((node) => node.id), ['api', 'api#v2']);

    const cliImpact = JSON.parse(execFileSync(process.execPath, [`${ROOT}/dist/cli.js`, 'impact', 'storage#hardware', '--days', '14', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' }));
    const impact = await client.request<ImpactResponse>('programBriefs/impact', { ref: 'storage#hardware', days: 14 });
    assert.deepEqual(impact.changes.map(({ uri: _uri, range: _range, ...rest }) => rest), cliImpact.changes);
    assert.deepEqual(impact.programsLate, ['storage']);
    const cutover = impact.changes.find((change) => change.id === 'web#cutover')!;
    assert.deepEqual([cutover.uri, cutover.range.start], [uriOf(dir, 'web.md'), { line: 13, character: 8 }]);
    assert.match(impact.markdown, /^\*\*What if ` storage#hardware ` slips 14 days\*\* \(forecasts as of 2027-02-01\)/);
    assert.match(impact.markdown, /\| cutover \(web\\#cutover\) \| \\@maria \| 2027-03-20 \| 2027-03-24 \| \+4 days, late \(due 2027-03-20\) \|/);
    const earlier = await client.request<ImpactResponse>('programBriefs/impact', { ref: 'storage', days: -3 });
    assert.ok(earlier.changes.every((change) => (change.days ?? 0) <= 0));

    await assert.rejects(client.request('programBriefs/impact', { ref: 'nope#x', days: 3 }), (error: { code: number; message: string }) => error.code === -32602 && /no milestone or program `nope#x`/.test(error.message));
    await assert.rejects(client.request('programBriefs/impact', { ref: 'storage', days: 1.5 }), (error: { code: number }) => error.code === -32602);
    // Nothing was written: the files are as they were.
    assert.deepEqual(JSON.parse(execFileSync(process.execPath, [`${ROOT}/dist/cli.js`, 'schedule', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' })), cli);
  });
});
