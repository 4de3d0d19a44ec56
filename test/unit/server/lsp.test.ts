/**
 * `brief lsp --stdio` over its real pipes (docs/language-server.md): what any LSP client sees.
 * The diagnostics it pushes must be exactly what `brief lint` finds for the same folder.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintWorkspace } from '../../../src/core/rules/lint';
import { loadWorkspace } from '../../../src/host/workspaceFiles';
import { toLspDiagnostic } from '../../../src/language/diagnostics';
import { CLI, LspTestClient, useLspClients } from './lspClient';
import { copyOfExamples, tempFolder, uriOf } from './workspaces';

const brief = (program: string, extra = '') => `---\nprogram: ${program}\ntitle: ${program}\nowner: "@maria"\n${extra}---\n\n# ${program}\n`;

describe('language server: brief lsp --stdio', function () {
  this.timeout(120_000);
  const start = useLspClients();


  it('answers initialize with its name, version and incremental sync', async () => {
    const client = await start({ folders: [copyOfExamples()] });
    const result = client.initializeResult!;
    assert.equal(result.serverInfo?.name, 'program-briefs');
    assert.match(result.serverInfo?.version ?? '', /^\d+\.\d+\.\d+/);
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  // As JSON: what goes over the wire (an undefined property is not sent).
  it('pushes, for every brief of the folder and without opening any, exactly what brief lint finds', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir] });
    const loaded = await loadWorkspace({ cwd: dir, paths: ['.'] });
    const expected = new Map<string, unknown[]>();
    for (const [uri, diagnostics] of lintWorkspace(loaded.workspace, { config: loaded.config })) expected.set(uri, JSON.parse(JSON.stringify(diagnostics.map(toLspDiagnostic))));
    assert.ok(expected.size >= 8, `the examples have briefs (${expected.size})`);
    await client.waitFor(() => [...expected.keys()].every((uri) => client.diagnostics.has(uri)), 'diagnostics of every brief');
    for (const [uri, diagnostics] of expected) assert.deepEqual(client.diagnostics.get(uri), diagnostics, uri);
    const billing = client.diagnostics.get(uriOf(dir, 'programs/billing-core.md'))!;
    const unknown = billing.find((d) => d.code === 'dependency-unknown');
    assert.ok(unknown, 'billing-core has its dependency-unknown error');
    assert.equal(unknown.severity, 1);
    assert.equal(unknown.source, 'program-briefs');
    assert.match(unknown.codeDescription?.href ?? '', /\/docs\/rules\/dependency-unknown\.md$/);
    assert.equal(client.diagnostics.has(uriOf(dir, 'notes/meeting-notes.md')), false, 'a note that is not a brief gets nothing');
  });

  it('follows incremental edits, across files: a renamed program makes its dependents report it unknown', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha', 'depends_on: [beta]\n'), 'b.md': brief('beta') });
    const client = await start({ folders: [dir] });
    const a = uriOf(dir, 'a.md');
    const b = uriOf(dir, 'b.md');
    await client.waitFor(() => client.rulesOf(a)?.length === 0 && client.rulesOf(b), 'clean first diagnostics');
    const text = brief('beta');
    await client.notify('textDocument/didOpen', { textDocument: { uri: b, languageId: 'markdown', version: 1, text } });
    // Replace `beta` on line 1 (`program: beta`) with `gamma`: an incremental change, not the whole text.
    await client.notify('textDocument/didChange', {
      textDocument: { uri: b, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } }, text: 'gamma' }],
    });
    await client.waitFor(() => client.rulesOf(a)?.includes('dependency-unknown'), 'alpha to report beta unknown');
    // The edit was not saved: closing the document brings back the disk's text, and the error goes.
    await client.notify('textDocument/didClose', { textDocument: { uri: b } });
    await client.waitFor(() => client.rulesOf(a)?.length === 0, 'alpha clean again after the close');
  });

  it('registers file watching dynamically, and follows files created, changed and deleted on disk', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha', 'depends_on: [beta]\n') });
    const client = await start({ folders: [dir] });
    const a = uriOf(dir, 'a.md');
    await client.waitFor(() => client.rulesOf(a)?.includes('dependency-unknown'), 'beta unknown at first');
    const watching = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watching, `file watching registered (${JSON.stringify(client.registrations)})`);
    assert.deepEqual((watching.registerOptions as { watchers: { globPattern: string; kind?: number }[] }).watchers.map((w) => [w.globPattern, w.kind]),
      [['**/*.md', undefined], ['**/briefs.config.json', undefined], ['**/*', 1 | 4]], 'briefs and configs; folders created and deleted');
    fs.writeFileSync(path.join(dir, 'b.md'), brief('beta'));
    const b = uriOf(dir, 'b.md');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 1 }] });
    await client.waitFor(() => client.rulesOf(a)?.length === 0 && client.rulesOf(b)?.length === 0, 'beta known once created');
    fs.rmSync(path.join(dir, 'b.md'));
    const before = client.publishes.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 3 }] });
    await client.waitFor(() => client.rulesOf(a)?.includes('dependency-unknown'), 'beta unknown again once deleted');
    assert.ok(client.publishes.slice(before).some((p) => p.uri === b && p.count === 0), 'the deleted file\'s diagnostics were cleared');
  });

  it('follows folders created and deleted on disk, reported for the folder alone, and a deleted file the editor has open', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha', 'depends_on: [beta, gamma]\n') });
    const client = await start({ folders: [dir] });
    const a = uriOf(dir, 'a.md');
    await client.waitFor(() => client.rulesOf(a)?.filter((rule) => rule === 'dependency-unknown').length === 2, 'beta and gamma unknown at first');
    // A folder renamed in (or unzipped): the watcher reports the folder, not the files in it.
    fs.mkdirSync(path.join(dir, 'teams', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'teams', 'deep', 'b.md'), brief('beta'));
    const b = uriOf(dir, 'teams/deep/b.md');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'teams'), type: 1 }] });
    await client.waitFor(() => client.rulesOf(a)?.filter((rule) => rule === 'dependency-unknown').length === 1 && client.rulesOf(b)?.length === 0, 'beta known once its folder appears');
    fs.rmSync(path.join(dir, 'teams'), { recursive: true });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'teams'), type: 3 }] });
    await client.waitFor(() => client.rulesOf(a)?.filter((rule) => rule === 'dependency-unknown').length === 2, 'beta unknown again once its folder is deleted');
    assert.deepEqual(client.diagnostics.get(b), [], 'the diagnostics of the brief in the deleted folder were cleared');
    // Deleted while the editor has it open: it leaves; created again, the editor's text is back.
    const gamma = path.join(dir, 'c.md');
    fs.writeFileSync(gamma, brief('gamma'));
    const c = uriOf(dir, 'c.md');
    await client.notify('textDocument/didOpen', { textDocument: { uri: c, languageId: 'markdown', version: 1, text: brief('gamma') } });
    await client.waitFor(() => client.rulesOf(a)?.filter((rule) => rule === 'dependency-unknown').length === 1, 'gamma known once open');
    fs.rmSync(gamma);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c, type: 3 }] });
    await client.waitFor(() => client.rulesOf(a)?.filter((rule) => rule === 'dependency-unknown').length === 2, 'gamma unknown once deleted, though open');
    fs.writeFileSync(gamma, brief('gamma'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c, type: 1 }] });
    await client.waitFor(() => client.rulesOf(a)?.filter((rule) => rule === 'dependency-unknown').length === 1, 'gamma known again once created again');
  });

  it('finds a file written into a created folder after the folder\'s event, which the watcher missed', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha', 'depends_on: [beta]\n') });
    const client = await start({ folders: [dir] });
    const a = uriOf(dir, 'a.md');
    await client.waitFor(() => client.rulesOf(a)?.includes('dependency-unknown'), 'beta unknown at first');
    // The folder's event comes first and its walk finds nothing; the file written a moment later
    // has no event of its own (inotify had not begun to watch the new folder).
    fs.mkdirSync(path.join(dir, 'late', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'late', 'first.md'), brief('first'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'late'), type: 1 }] });
    const b = uriOf(dir, 'late/deep/b.md');
    // The walk is over once the file it found is linted; only then is b.md written.
    await client.waitFor(() => client.rulesOf(uriOf(dir, 'late/first.md')), 'the first walk of the new folder');
    assert.equal(client.rulesOf(b), undefined, 'nothing else under the new folder yet');
    fs.writeFileSync(path.join(dir, 'late', 'deep', 'b.md'), brief('beta'));
    await client.waitFor(() => client.rulesOf(a)?.includes('dependency-unknown') === false && client.rulesOf(b)?.length === 0, 'beta known once the folder is walked again');
  });

  it('an open document that the folder\'s include leaves out is no brief: not linted, not in the views', async () => {
    const dir = tempFolder({ 'briefs.config.json': '{ "include": ["in/**/*.md"] }\n', 'in/b.md': brief('beta') });
    const client = await start({ folders: [dir] });
    await client.waitFor(() => client.rulesOf(uriOf(dir, 'in/b.md')), 'the included brief linted');
    const a = uriOf(dir, 'a.md');
    await client.notify('textDocument/didOpen', { textDocument: { uri: a, languageId: 'markdown', version: 1, text: '---\nprogram: alpha\ntitle: Alpha\n---\n' } });
    const programs = async () => (await client.request<{ briefs: { program?: string }[] }>('programBriefs/briefs', {})).briefs.map((b) => b.program).sort();
    assert.deepEqual(await programs(), ['beta'], 'the excluded open document is no brief');
    assert.equal(client.diagnostics.get(a), undefined, 'and gets no diagnostics (owner-missing would be one)');
  });

  it('a FIFO named like a brief never blocks it', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempFolder({ 'a.md': brief('alpha', 'depends_on: [beta]\n') });
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status, 0, 'mkfifo');
    const client = await start({ folders: [dir] });
    await client.waitFor(() => client.rulesOf(uriOf(dir, 'a.md')), 'diagnostics despite the FIFO');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'pipe.md'), type: 2 }] });
    fs.writeFileSync(path.join(dir, 'b.md'), brief('beta'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'b.md'), type: 1 }] });
    await client.waitFor(() => client.rulesOf(uriOf(dir, 'a.md'))?.length === 0, 'the change after the FIFO still processed');
    assert.ok(client.logs.some((line) => /pipe\.md/.test(line) && /not a regular file/.test(line)), `the FIFO is logged as skipped: ${client.logs.join(' | ')}`);
  });

  it('reads settings through workspace/configuration, per folder, over each folder\'s own briefs.config.json', async () => {
    const overdue = brief('late', 'milestones:\n  - id: m1\n    title: M1\n    owner: "@maria"\n    due: 2020-01-01\n    status: in-progress\n');
    const one = tempFolder({ 'late.md': overdue });
    const two = tempFolder({ 'late2.md': overdue.replace('late', 'late-two'), 'briefs.config.json': JSON.stringify({ rules: { 'milestone-overdue': 'off' } }) });
    const scopes: (string | undefined)[] = [];
    const client = await start({
      folders: [one, two],
      settings: (scope) => {
        scopes.push(scope);
        return scope === pathToFileURL(one).href ? { today: '2019-06-01' } : null;
      },
    });
    const late = uriOf(one, 'late.md');
    const lateTwo = uriOf(two, 'late2.md');
    await client.waitFor(() => client.rulesOf(late) && client.rulesOf(lateTwo), 'both folders linted');
    assert.deepEqual(client.rulesOf(late), [], 'the setting `today` of folder one makes its milestone not overdue');
    assert.deepEqual(client.rulesOf(lateTwo), [], 'folder two\'s own config turns milestone-overdue off');
    assert.ok(scopes.includes(pathToFileURL(one).href) && scopes.includes(pathToFileURL(two).href), `settings asked per folder: ${JSON.stringify(scopes)}`);
  });

  it('a settings notification that changes nothing reads nothing again (VS Code sends one as the server registers for them); a change re-reads', async () => {
    const dir = tempFolder({ 'late.md': brief('late', 'milestones:\n  - id: m1\n    title: M1\n    due: 2020-01-01\n    status: in-progress\n') });
    let settings: unknown = { rules: { 'owner-missing': 'off' } };
    const client = await start({ folders: [dir], settings: () => settings });
    const late = uriOf(dir, 'late.md');
    await client.waitFor(() => client.rulesOf(late)?.includes('milestone-overdue'), 'indexing');
    const indexed = () => client.logs.filter((line) => line.startsWith('Indexed ')).length;
    const unchanged = () => client.logs.filter((line) => line.includes('settings did not change')).length;
    const before = indexed();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => unchanged() === 1, 'the server to find the settings unchanged');
    assert.equal(indexed(), before, 'nothing read again');
    settings = { rules: { 'owner-missing': 'off' }, today: '2019-06-01' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.rulesOf(late)?.length === 0, 'the new setting applied (today before the due date)');
    assert.equal(indexed(), before + 1, 'read again once');
    assert.equal(unchanged(), 1);
  });

  it('settings the config file could not hold are ignored as a whole, with a warning', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha', 'depends_on: [beta]\n') });
    const client = await start({ folders: [dir], settings: () => ({ rules: { 'dependency-unknown': 'off', 'no-such-rule': 'off' } }) });
    await client.waitFor(() => client.rulesOf(uriOf(dir, 'a.md'))?.includes('dependency-unknown'), 'the defaults kept');
    await client.waitFor(() => client.messages.some((m) => m.type === 2 && /no-such-rule/.test(m.message)), 'a warning naming the bad setting');
  });

  it('without settings or config, the defaults apply (the overdue milestone is reported)', async () => {
    const dir = tempFolder({ 'late.md': brief('late', 'milestones:\n  - id: m1\n    title: M1\n    due: 2020-01-01\n    status: in-progress\n') });
    const client = await start({ folders: [dir] });
    await client.waitFor(() => client.rulesOf(uriOf(dir, 'late.md'))?.includes('milestone-overdue'), 'milestone-overdue');
  });

  it('a broken briefs.config.json is reported on its line and the briefs are still linted; fixing it clears it', async () => {
    const dir = tempFolder({ 'a.md': brief('alpha', 'depends_on: [beta]\n'), 'briefs.config.json': '{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}\n' });
    const client = await start({ folders: [dir] });
    const config = uriOf(dir, 'briefs.config.json');
    await client.waitFor(() => client.diagnostics.get(config)?.length === 1, 'the config diagnostic');
    const [problem] = client.diagnostics.get(config)!;
    assert.equal(problem.severity, 1);
    assert.match(problem.message, /no-such-rule/);
    assert.equal(problem.range.start.line, 2, 'on the line of the unknown rule');
    assert.ok(client.rulesOf(uriOf(dir, 'a.md'))?.includes('dependency-unknown'), 'the brief is linted with the defaults');
    await client.waitFor(() => client.messages.some((m) => m.type === 1 && /briefs\.config\.json/.test(m.message)), 'an error message');
    // Read again with the same problem: nothing new to say (a burst of notifications hides toasts in VS Code).
    const errors = () => client.messages.filter((m) => m.type === 1).length;
    const shown = errors();
    await client.request('programBriefs/reindex', {});
    assert.equal(errors(), shown, 'the same config problem is not shown twice');
    fs.writeFileSync(path.join(dir, 'briefs.config.json'), '{ "rules": { "dependency-unknown": "off" } }\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    await client.waitFor(() => client.diagnostics.get(config)?.length === 0, 'the config diagnostic cleared');
    await client.waitFor(() => client.rulesOf(uriOf(dir, 'a.md'))?.length === 0, 'the fixed config applies');
  });

  it('a config key written as a command link is shown as text, never as a link (VS Code renders links in notifications)', async () => {
    const hostile = '[Click to repair](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)';
    const dir = tempFolder({ 'a.md': brief('alpha'), 'briefs.config.json': JSON.stringify({ [hostile]: 1 }) });
    const client = await start({ folders: [dir] });
    const shown = await client.waitFor(() => client.messages.find((m) => m.type === 1 && m.message.includes('Click to repair')), 'the config error message');
    assert.doesNotMatch(shown.message, /\]\(command:/, 'no `](` left for a Markdown link');
    assert.match(shown.message, /\]\u2060\(command:/, 'a word joiner between `]` and `(`');
    const bad = await start({ folders: [tempFolder({ 'a.md': brief('alpha') })], settings: () => ({ rules: { [hostile]: 'off' } }) });
    const warned = await bad.waitFor(() => bad.messages.find((m) => m.type === 2), 'the settings warning');
    assert.doesNotMatch(warned.message, /\]\(command:/);
  });

  it('reports indexing progress when the client supports it', async () => {
    const client = await start({ folders: [copyOfExamples()] });
    await client.waitFor(() => client.progress.some((p) => (p as { value?: { kind?: string } }).value?.kind === 'end'), 'progress end');
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
  });

  it('a client without dynamic registration or configuration still gets diagnostics', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir], capabilities: {} });
    await client.waitFor(() => client.rulesOf(uriOf(dir, 'programs/billing-core.md'))?.includes('dependency-unknown'), 'diagnostics');
    assert.equal(client.registrations.length, 0);
  });

  it('hover, definition and references across files, on a file never opened', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir] });
    const payments = uriOf(dir, 'programs/payments-v2.md');
    const identity = uriOf(dir, 'programs/identity-sso.md');
    await client.waitFor(() => client.diagnostics.has(payments), 'indexing');
    // Line 27 is `  - identity-sso` (0-based 26).
    const at = { textDocument: { uri: payments }, position: { line: 26, character: 6 } };
    const hover = await client.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', at);
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /identity-sso/);
    // Workspace text is escaped: every ASCII punctuation mark gets a backslash.
    assert.match(hover.contents.value, /Owner: \\@amara/);
    assert.match(hover.contents.value, /programs\\\/identity\\-sso\\\.md/);
    assert.deepEqual(hover.range, { start: { line: 26, character: 4 }, end: { line: 26, character: 16 } });
    const definition = await client.request<{ targetUri: string; targetRange: { start: { line: number } } }[]>('textDocument/definition', at);
    assert.equal(definition.length, 1);
    assert.equal(definition[0].targetUri, identity);
    assert.equal(definition[0].targetRange.start.line, 1, 'the `program:` line of identity-sso.md');
    const references = await client.request<{ uri: string }[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
    assert.equal(references[0].uri, identity, 'the declaration first');
    assert.ok(references.some((r) => r.uri === payments), 'payments-v2 references it');
    assert.ok(references.length >= 3, `every brief that depends on identity-sso: ${JSON.stringify(references.map((r) => r.uri))}`);
    // Nothing at a place that names nothing.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: payments }, position: { line: 0, character: 0 } }), null);
  });

  it('hover text from the workspace is escaped Markdown, never a link', async () => {
    const dir = tempFolder({
      'a.md': brief('alpha', 'depends_on: [beta]\n'),
      'b.md': '---\nprogram: beta\ntitle: "[Run](command:workbench.action.terminal.new) <img src=x>"\nowner: "@maria"\n---\n',
    });
    const client = await start({ folders: [dir] });
    await client.waitFor(() => client.diagnostics.has(uriOf(dir, 'a.md')), 'indexing');
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uriOf(dir, 'a.md') }, position: { line: 4, character: 14 } });
    assert.ok(hover, 'a hover on `beta`');
    assert.doesNotMatch(hover.contents.value, /\[Run\]\(command:/, 'no link survives');
    assert.doesNotMatch(hover.contents.value, /(^|[^\\])<img/, 'no raw HTML');
    assert.match(hover.contents.value, /\\\[Run\\\]/, 'the brackets are escaped');
  });

  it('ends with exit code 0 after shutdown and exit', async () => {
    const client = await LspTestClient.start({ folders: [copyOfExamples()] });
    assert.equal(await client.stop(), 0);
  });

  it('brief lsp without --stdio is a usage error, exit 2', () => {
    const result = spawnSync(process.execPath, [CLI, 'lsp'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /needs `--stdio`/);
  });
});
