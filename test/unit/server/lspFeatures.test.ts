/**
 * `brief lsp --stdio`: quick fixes and symbols, over real pipes. Fixes are applied to the text
 * the way a client applies a workspace edit, and the result is linted again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, SymbolInformation, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { parseBrief } from '../../../src/core/parse/parseBrief';
import { applyEdits } from '../../../src/core/fixes';
import { FULL_CAPABILITIES, LspTestClient, ROOT, useLspClients } from './lspClient';
import { execFileSync } from 'node:child_process';
import { copyOfExamples, removeTempFolders, tempFolder, uriOf } from './workspaces';

/** The diagnostics of `rule` published for `uri`, once there is at least one. */
function withRule(client: LspTestClient, uri: string, rule: string): Diagnostic[] | undefined {
  const found = client.diagnostics.get(uri)?.filter((d) => d.code === rule);
  return found && found.length > 0 ? found : undefined;
}
const WITH_FILE_CREATION = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] } } };

describe('language server: quick fixes and symbols', function () {
  this.timeout(120_000);
  const start = useLspClients();
  const actions = (client: LspTestClient, uri: string, diagnostics: Diagnostic[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });


  it('a schema enum typo: "Change to" the likeliest value, which clears the diagnostic once applied', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir] });
    const uri = uriOf(dir, 'programs/payments-v2.md');
    const original = fs.readFileSync(path.join(dir, 'programs/payments-v2.md'), 'utf8');
    await client.waitFor(() => client.diagnostics.has(uri), 'indexing');
    const text = original.replace(/^status: .*$/m, 'status: on-trak');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const schema = await client.waitFor(() => withRule(client, uri, 'schema'), 'the schema error');
    assert.equal(schema.length, 1);
    const offered = await actions(client, uri, schema);
    const preferred = offered.find((a) => a.isPreferred);
    assert.equal(preferred?.title, 'Change to `on-track`');
    assert.equal(preferred.kind, 'quickfix');
    const edits = preferred.edit!.changes![uri] as TextEdit[];
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, original.replace(/^status: .*$/m, 'status: on-track'));
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    await client.waitFor(() => client.diagnostics.get(uri)?.every((d) => d.code !== 'schema'), 'the schema error gone');
    // The old diagnostic no longer exists at that range: nothing is offered for it.
    assert.deepEqual(await actions(client, uri, schema), []);
  });

  it('an unknown program: a stub brief created beside it, never over an existing file, when the client can create files', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir], capabilities: WITH_FILE_CREATION });
    const uri = uriOf(dir, 'programs/billing-core.md');
    const unknown = await client.waitFor(() => withRule(client, uri, 'dependency-unknown'), 'dependency-unknown');
    const [stub] = await actions(client, uri, unknown);
    assert.match(stub.title, /^Create a stub brief for `vendor-portal` \(programs\/vendor-portal\.md\)$/);
    const [create, insert] = stub.edit!.documentChanges! as [{ kind: string; uri: string; options: unknown }, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: uriOf(dir, 'programs/vendor-portal.md'), options: { overwrite: false, ignoreIfExists: false } });
    const created = parseBrief(create.uri, insert.edits[0].newText);
    assert.equal(created.program?.value, 'vendor-portal');
    assert.deepEqual(created.schemaProblems, []);
    // A file of that name appears: the stub goes to the next free name.
    fs.writeFileSync(path.join(dir, 'programs/vendor-portal.md'), '# not a brief\n');
    const [again] = await actions(client, uri, unknown);
    assert.match(again.title, /vendor-portal-2\.md/);
  });

  it('without file creation in the client, no stub is offered', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir] });
    const uri = uriOf(dir, 'programs/billing-core.md');
    const unknown = await client.waitFor(() => withRule(client, uri, 'dependency-unknown'), 'dependency-unknown');
    // Only the suppressions: no stub brief without file creation.
    assert.deepEqual((await actions(client, uri, unknown)).map((a) => a.title), ['Disable `dependency-unknown` for this line', 'Disable `dependency-unknown` for this file']);
  });

  it('the schedule: an upstream edit re-lints the brief two programs downstream (never opened), not the unrelated one; "Set status to" clears status-optimistic', async () => {
    const chain = path.join(ROOT, 'test/fixtures/workspaces/schedule-chain/programs');
    const files: Record<string, string> = { 'other.md': '---\nprogram: other\ntitle: Other\nowner: "@li"\nstatus: on-track\ntarget: 2027-01-01\n---\n# Other\n' };
    for (const name of fs.readdirSync(chain)) files[name] = fs.readFileSync(path.join(chain, name), 'utf8');
    const dir = tempFolder({ ...files, 'briefs.config.json': '{ "today": "2026-03-01" }\n' });
    const client = await start({ folders: [dir] });
    const [web, storage, other] = ['web.md', 'storage.md', 'other.md'].map((name) => uriOf(dir, name));
    await client.waitFor(() => client.rulesOf(other) && client.rulesOf(web)?.join() === 'schedule-slip,schedule-slip,status-optimistic', 'web slipping, and on-track');
    const optimistic = withRule(client, web, 'status-optimistic')!;
    assert.match(optimistic[0].message, /forecast to finish 2027-04-10, 16 days after its target 2027-03-25/);
    assert.deepEqual(optimistic[0].relatedInformation?.map((r) => path.basename(r.location.uri)), ['web.md', 'web.md', 'api.md', 'storage.md', 'storage.md']);
    const offered = await actions(client, web, optimistic);
    assert.deepEqual(offered.map((a) => a.title), ['Set status to `at-risk`', 'Set status to `off-track`', 'Disable `status-optimistic` for this line', 'Disable `status-optimistic` for this file']);

    // Pull the hardware in, in storage.md: web.md waits for it through api#v2 and storage#cluster.
    const storageText = files['storage.md'];
    await client.notify('textDocument/didOpen', { textDocument: { uri: storage, languageId: 'markdown', version: 1, text: storageText } });
    const before = client.publishes.length;
    const line = storageText.split('\n').findIndex((l) => l.includes('due: 2027-04-10'));
    await client.notify('textDocument/didChange', {
      textDocument: { uri: storage, version: 2 },
      contentChanges: [{ range: { start: { line, character: 9 }, end: { line, character: 19 } }, text: '2027-02-20' }],
    });
    await client.waitFor(() => client.rulesOf(web)?.length === 0, 'web clean once the hardware is pulled in');
    assert.deepEqual(client.rulesOf(uriOf(dir, 'api.md')), []);
    assert.ok(!client.publishes.slice(before).some((p) => p.uri === other), 'the unrelated brief was not re-linted');

    // Back to late: status-optimistic again; its fix, applied, clears it.
    await client.notify('textDocument/didChange', { textDocument: { uri: storage, version: 3 }, contentChanges: [{ text: storageText }] });
    const again = await client.waitFor(() => withRule(client, web, 'status-optimistic'), 'status-optimistic again');
    const [atRisk] = await actions(client, web, again);
    const webText = files['web.md'];
    const fixed = applyEdits(webText, atRisk.edit!.changes![web] as TextEdit[]);
    assert.equal(fixed, webText.replace('status: on-track', 'status: at-risk'));
    await client.notify('textDocument/didOpen', { textDocument: { uri: web, languageId: 'markdown', version: 1, text: fixed } });
    await client.waitFor(() => client.rulesOf(web)?.join() === 'schedule-slip,schedule-slip', 'status-optimistic gone, the slips stay');
  });

  it('a missing owner: one "Set owner to" action per handle in use, whose edit sets it', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir] });
    const uri = uriOf(dir, 'programs/identity-sso.md');
    const missing = await client.waitFor(() => withRule(client, uri, 'owner-missing'), 'owner-missing');
    const offered = await actions(client, uri, missing);
    // One action per handle, then the two suppressions.
    assert.deepEqual(offered.slice(-2).map((a) => a.title), ['Disable `owner-missing` for this line', 'Disable `owner-missing` for this file']);
    const owners = offered.slice(0, -2);
    assert.ok(owners.length >= 2 && owners.length <= 5, `${owners.length} handles offered`);
    assert.ok(owners.every((a) => /^Set owner to @[\w.-]+/.test(a.title)));
    const text = fs.readFileSync(path.join(dir, 'programs/identity-sso.md'), 'utf8');
    const fixed = applyEdits(text, offered[0].edit!.changes![uri] as TextEdit[]);
    const handle = offered[0].title.replace('Set owner to ', '');
    const milestone = parseBrief(uri, fixed).milestones.find((m) => m.id?.value === 'mfa-enforced');
    assert.equal(milestone?.owner?.value, handle);
  });

  it('document symbols: the program, its milestones, risks and decisions, and the headings', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir] });
    const uri = uriOf(dir, 'programs/payments-v2.md');
    await client.waitFor(() => client.diagnostics.has(uri), 'indexing');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const program = symbols[0];
    assert.equal(program.name, 'payments-v2');
    assert.equal(program.detail, 'Payments platform v2');
    const groups = program.children!.map((c) => c.name);
    assert.ok(groups.includes('Milestones'), groups.join());
    const milestones = program.children!.find((c) => c.name === 'Milestones')!.children!.map((c) => c.name);
    assert.ok(milestones.includes('fraud-rules'), milestones.join());
    assert.ok(symbols.some((s) => s.name === 'Checklist' || s.name === 'Dependencies'), 'headings are symbols');
    for (const symbol of [program, ...program.children!, ...program.children!.flatMap((c) => c.children ?? [])]) {
      const inside = (r: typeof symbol.range, s: typeof symbol.range) => (r.start.line < s.start.line || (r.start.line === s.start.line && r.start.character <= s.start.character))
        && (r.end.line > s.end.line || (r.end.line === s.end.line && r.end.character >= s.end.character));
      assert.ok(inside(symbol.range, symbol.selectionRange), `${symbol.name}: selectionRange inside range`);
    }
  });

  it('workspace symbols: programs and milestones by fuzzy id or title', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir] });
    await client.waitFor(() => client.diagnostics.has(uriOf(dir, 'programs/payments-v2.md')), 'indexing');
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'ledger' });
    assert.ok(found.some((s) => s.name === 'billing-core#ledger-api' && s.location.uri === uriOf(dir, 'programs/billing-core.md')), JSON.stringify(found.map((s) => s.name)));
    const programs = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'paymv2' });
    assert.equal(programs[0]?.name, 'payments-v2');
  });
});

describe('language server: completion', function () {
  this.timeout(120_000);
  let client: LspTestClient | undefined;
  after(async () => {
    await client?.stop();
    removeTempFolders();
  });

  it('offers program ids in depends_on, milestone ids after `#`, handles for owner and enum values for status', async () => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    const dir = copyOfExamples();
    client = await LspTestClient.start({ folders: [dir] });
    const uri = uriOf(dir, 'programs/payments-v2.md');
    await client.waitFor(() => client!.diagnostics.has(uri), 'indexing');
    const original = fs.readFileSync(path.join(dir, 'programs/payments-v2.md'), 'utf8');
    const lines = original.split('\n');
    const depLine = lines.indexOf('  - identity-sso');
    lines.splice(depLine + 1, 0, '  - ide', '  - billing-core#', '  - x');
    const text = lines.join('\n');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const labels = async (line: number, character: number) => {
      const result = await client!.request<{ label: string; textEdit?: TextEdit }[] | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      return result ?? [];
    };
    const programs = await labels(depLine + 1, 7);
    assert.ok(programs.some((i) => i.label === 'identity-sso'), programs.map((i) => i.label).join());
    assert.ok(!programs.some((i) => i.label === 'payments-v2'), 'not the brief itself');
    const program = programs.find((i) => i.label === 'identity-sso')!;
    assert.deepEqual(program.textEdit!.range, { start: { line: depLine + 1, character: 4 }, end: { line: depLine + 1, character: 7 } }, 'replaces what was typed');
    const milestones = await labels(depLine + 2, 17);
    assert.ok(milestones.some((i) => i.label === 'billing-core#ledger-api'), milestones.map((i) => i.label).join());
    const statusLine = lines.findIndex((l) => l.startsWith('status: '));
    const statuses = (await labels(statusLine, 8)).map((i) => i.label);
    assert.ok(statuses.includes('on-track') && statuses.includes('at-risk'), statuses.join());
    const ownerLine = lines.findIndex((l) => l.startsWith('owner: '));
    const handles = (await labels(ownerLine, 7)).map((i) => i.label);
    assert.ok(handles.includes('@maria'), handles.join());
  });
});
