/** Editing help: completion, hover, go to definition and find references, across files. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, labelOf, open, rangeOf, replaceInDocument, Snapshot } from './helpers';

async function completions(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  // Ours only: Markdown's own snippets (bold, heading…) are offered everywhere.
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet).map(labelOf);
}

/** Frontmatter keys and enum values only: where we offer none, VS Code adds the document's words. */
async function schemaCompletions(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Property || item.kind === vscode.CompletionItemKind.EnumMember).map(labelOf);
}

/** The position `offset` characters into the first `needle`. */
function inside(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 0): vscode.Position {
  return rangeOf(document, needle, occurrence).start.translate(0, offset);
}

function targetOf(location: vscode.Location | vscode.LocationLink): { uri: string; range: vscode.Range } {
  return 'targetUri' in location ? { uri: location.targetUri.toString(), range: location.targetRange } : { uri: location.uri.toString(), range: location.range };
}

suite('Editing help', () => {
  const snapshot = new Snapshot();

  suiteSetup(async () => {
    await extensionApi();
  });

  teardown(async () => {
    await closeAllEditors();
    await snapshot.restore();
  });

  test('completion in depends_on lists the other programs and their milestones', async () => {
    const payments = await open('programs/payments.md');
    const labels = await completions(payments, inside(payments, '  - identity-sso', 4));
    for (const id of ['identity-sso', 'billing-core', 'data-platform', 'mobile-app', 'billing-core#ledger-api', 'identity-sso#tokens-ga']) {
      assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
    }
    assert.ok(!labels.includes('payments-v2'), 'not the program itself');
  });

  test('completion in a milestone\'s depends_on offers this brief\'s milestones too', async () => {
    const payments = await open('programs/payments.md');
    const labels = await completions(payments, inside(payments, 'identity-sso#tokens-ga'));
    assert.ok(labels.includes('design') && labels.includes('billing-core'), labels.join(', '));
  });

  test('completion in a [[wikilink]], typed as a user would', async () => {
    await snapshot.keep('programs/mobile.md');
    const mobile = await open('programs/mobile.md');
    await vscode.window.showTextDocument(mobile);
    await replaceInDocument(mobile, 'See the', 'Also [[bil\nSee the');
    const labels = await completions(mobile, inside(mobile, '[[bil', 5), '[');
    assert.ok(labels.includes('billing-core') && labels.includes('billing-core#ledger-api'), labels.join(', '));
  });

  test('completion of owner handles, team ids and enum values', async () => {
    const payments = await open('programs/payments.md');
    const handles = await completions(payments, inside(payments, '"@li"', 1));
    assert.ok(handles.includes('@maria') && handles.includes('@amara') && handles.includes('@cfo-office'), handles.join(', '));
    const teams = await completions(payments, inside(payments, 'team: payments', 6));
    assert.deepEqual(teams, ['payments']);
    const statuses = await completions(payments, inside(payments, 'status: on-track', 8));
    assert.deepEqual(statuses, ['proposed', 'not-started', 'on-track', 'at-risk', 'off-track', 'blocked', 'done', 'cancelled']);
    const milestoneStatuses = await completions(payments, inside(payments, 'status: done', 8));
    assert.ok(milestoneStatuses.includes('in-progress') && !milestoneStatuses.includes('on-track'), milestoneStatuses.join(', '));
    const likelihood = await completions(payments, inside(payments, 'likelihood: high', 12));
    assert.deepEqual(likelihood, ['low', 'medium', 'high']);
    const role = await completions(payments, inside(payments, 'role: approver', 6));
    assert.deepEqual(role, ['approver', 'consulted', 'informed']);
  });

  test('completion offers the schema\'s frontmatter keys not yet written, at the top level and inside a milestone, and enum values', async () => {
    await snapshot.keep('programs/payments.md');
    const payments = await open('programs/payments.md');
    await vscode.window.showTextDocument(payments);
    await replaceInDocument(payments, 'target: 2026-06-30\n', 'target: 2026-06-30\n\n');
    await replaceInDocument(payments, '    owner: "@li"\n    team: mobile\n', '    owner: "@li"\n    \n    team: mobile\n');
    await replaceInDocument(payments, '    status: open\n---', '    status: open\ndecisions:\n  - id: rollout\n    title: Roll out by region\n    status: \n---');
    const top = await schemaCompletions(payments, new vscode.Position(rangeOf(payments, 'target: 2026-06-30').start.line + 1, 0));
    // payments.md had every top-level key of the schema but `decisions`, added above.
    assert.deepEqual(top, [], 'every top-level key of the schema is written');
    await replaceInDocument(payments, 'summary: Move card payments to the new ledger.\n', '');
    await replaceInDocument(payments, 'decisions:\n  - id: rollout', 'x-decisions:\n  - id: rollout');
    const topLine = rangeOf(payments, 'target: 2026-06-30').start.line + 1;
    const topKeys = await schemaCompletions(payments, new vscode.Position(topLine, 0));
    assert.deepEqual(topKeys, ['summary', 'decisions']);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', payments.uri, new vscode.Position(topLine, 0));
    const decisions = list.items.find((item) => labelOf(item) === 'decisions')!;
    assert.equal((decisions.insertText as vscode.SnippetString).value, 'decisions:\n  - $0');
    // Inside the milestone `cutover` (id, title, owner, team, due and depends_on written): start (v2) and status.
    const milestoneLine = rangeOf(payments, '    team: mobile').start.line - 1;
    assert.equal(payments.lineAt(milestoneLine).text, '    ');
    assert.deepEqual(await schemaCompletions(payments, new vscode.Position(milestoneLine, 4)), ['start', 'status']);
    // A key typed halfway is completed over what is typed.
    await replaceInDocument(payments, '    \n    team: mobile', '    sta\n    team: mobile');
    const partial = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', payments.uri, new vscode.Position(milestoneLine, 7));
    const status = partial.items.find((item) => labelOf(item) === 'status')!;
    assert.deepEqual([status.kind, (status.range as vscode.Range).start.character, (status.insertText as vscode.SnippetString).value], [vscode.CompletionItemKind.Property, 4, 'status: $0']);
    // Enum values of a level the schema has, at a key just typed (a decision's status; the
    // unknown key x-decisions is not one: no values there).
    const decisionStatus = new vscode.Position(rangeOf(payments, '    status: \n---').start.line, 12);
    assert.deepEqual(await schemaCompletions(payments, decisionStatus), []);
    await replaceInDocument(payments, 'x-decisions:\n  - id: rollout', 'decisions:\n  - id: rollout');
    assert.deepEqual(await schemaCompletions(payments, decisionStatus), ['proposed', 'decided', 'superseded']);
  });

  test('go to definition jumps to the program and to the milestone, in another file', async () => {
    const payments = await open('programs/payments.md');
    const billing = await open('programs/billing.md');
    const program = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', payments.uri, inside(payments, 'billing-core#ledger-api', 3));
    assert.deepEqual(program.map(targetOf), [{ uri: billing.uri.toString(), range: rangeOf(billing, 'billing-core') }]);
    const milestone = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', payments.uri, inside(payments, 'billing-core#ledger-api', 15));
    assert.deepEqual(milestone.map(targetOf), [{ uri: billing.uri.toString(), range: rangeOf(billing, 'ledger-api') }]);
    // From a [[wikilink]] in the body too.
    const identity = await open('programs/identity.md');
    const wikilink = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', payments.uri, inside(payments, '[[identity-sso]]', 4));
    assert.deepEqual(wikilink.map(targetOf), [{ uri: identity.uri.toString(), range: rangeOf(identity, 'identity-sso') }]);
  });

  test('find all references of a program and of a milestone, across files', async () => {
    const payments = await open('programs/payments.md');
    const mobile = await open('programs/mobile.md');
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', payments.uri, inside(payments, 'payments-v2', 2));
    const found = references.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line}:${l.range.start.character}`).sort();
    const expected = [
      rangeOf(payments, 'payments-v2'), // the declaration
    ].map((r) => `programs/payments.md:${r.start.line}:${r.start.character}`).concat([
      rangeOf(mobile, 'payments-v2#cutover', 0), rangeOf(mobile, 'payments-v2#cutover', 1), rangeOf(mobile, 'payments-v2#cutover', 2),
      rangeOf(mobile, '[payments brief](payments.md)'),
    ].map((r) => `programs/mobile.md:${r.start.line}:${r.start.character}`)).sort();
    assert.deepEqual(found, expected);

    const cutover = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', payments.uri, inside(payments, '- id: cutover', 8));
    assert.equal(cutover.filter((l) => l.uri.toString() === mobile.uri.toString()).length, 3);
    assert.ok(cutover.every((l) => l.range.start.character > 0));
  });

  test('the outline shows the program, its milestones, risks and decisions (document symbols from the language server)', async () => {
    const payments = await open('programs/payments.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', payments.uri);
    const program = symbols.find((symbol) => symbol.name === 'payments-v2');
    assert.ok(program, `a symbol for the program: ${symbols.map((s) => s.name).join(', ')}`);
    const children = program.children.map((child) => child.name);
    assert.ok(children.includes('Milestones'), children.join(', '));
    const all = JSON.stringify(symbols.map(function names(s: vscode.DocumentSymbol): unknown { return [s.name, s.children.map(names)]; }));
    for (const id of ['cutover', 'vendor-delay']) assert.match(all, new RegExp(id), all);
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'billing-core#ledger');
    assert.ok(found.some((symbol) => symbol.name === 'billing-core#ledger-api' && symbol.location.uri.path.endsWith('/programs/billing.md')), found.map((s) => s.name).join(', '));
  });

  test('hover on a reference shows the target\'s title, owner, status and due date', async () => {
    const payments = await open('programs/payments.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', payments.uri, inside(payments, 'identity-sso#tokens-ga', 16));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Service tokens generally available/);
    assert.match(text, /@amara/);
    assert.match(text, /in\\?-progress/);
    assert.match(text, /2026\\?-04\\?-01/);
    const program = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', payments.uri, inside(payments, '[[billing-core', 3));
    assert.match(program.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /Billing core ledger/);
  });
});
