/**
 * The People and Due views in the real editor: their rows for the test workspace (today is
 * 2026-03-01 from its config; only the views-alpha and views-beta briefs are looked at, other
 * features' tests share the workspace), "me" on top, clicking a row opens its line, and both
 * follow an edit of a brief. The providers come from the extension's API (`people`, `due`).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DueItem } from '../../../src/core';
import { OWNERS, type OwnedWireItem, type OwnersResult, type OwnersWireEntry } from '../../../src/server/protocol';
import type { ProgramBriefsApi } from '../../../src/extension/extension';
import type { DueViewApi } from '../../../src/extension/views/dueView';
import type { PeopleNode, PeopleViewApi } from '../../../src/extension/views/peopleView';
import { closeAllEditors, extensionApi, open, rangeOf, replaceInDocument, Snapshot, waitFor } from './helpers';

const isViewsBrief = (uri: string) => /\/views-(alpha|beta)\.md$/.test(uri);

/** `label — description {icon:colour}`. */
function line(item: vscode.TreeItem): string {
  const label = typeof item.label === 'string' ? item.label : item.label?.label;
  const icon = item.iconPath instanceof vscode.ThemeIcon ? ` {${item.iconPath.id}${item.iconPath.color ? `:${item.iconPath.color.id}` : ''}}` : '';
  return `${label} — ${item.description ?? ''}${icon}`;
}

suite('People and Due views', () => {
  let people: PeopleViewApi;
  let due: DueViewApi;
  const snapshot = new Snapshot();
  const config = () => vscode.workspace.getConfiguration('programBriefs');

  /**
   * The top-level nodes, once answered: a request replaced by a newer one (the tree itself may
   * ask at the same time) answers nothing, so ask until there is an answer.
   */
  const peopleRoots = () => waitFor(async () => {
    const roots = await people.provider.getChildren();
    return roots.length > 0 && roots;
  }, 'the People view\'s handles', 30_000);
  const dueRows = (): Promise<DueItem[]> => waitFor(async () => {
    const rows = await due.provider.getChildren();
    return rows.length > 0 && rows;
  }, 'the Due view\'s rows', 30_000);

  /** A handle's groups and their views-alpha/beta leaves, indented. */
  async function personLines(owner: string): Promise<string[]> {
    const person = (await peopleRoots()).find((node) => node.kind === 'person' && node.entry.owner === owner);
    assert.ok(person, `${owner} is in the People view`);
    const lines: string[] = [];
    for (const group of await people.provider.getChildren(person)) {
      const leaves = (await people.provider.getChildren(group)).filter((node) => node.kind === 'item' && isViewsBrief(node.item.uri));
      if (leaves.length === 0) continue;
      lines.push(String(people.provider.getTreeItem(group).label));
      for (const leaf of leaves) lines.push(`  ${line(people.provider.getTreeItem(leaf))}`);
    }
    return lines;
  }

  /** The views-alpha/beta rows, in the view's order. */
  const dueLines = async () => (await dueRows()).filter((row) => isViewsBrief(row.uri)).map((row) => line(due.provider.getTreeItem(row)));

  /** Runs a row's click command and waits for its brief to be active with the cursor on `needle`'s line. */
  async function opensAt(item: vscode.TreeItem, file: string, needle: string): Promise<void> {
    assert.ok(item.command, 'the row has a click command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const document = await open(file);
    const at = rangeOf(document, needle).start.line;
    await waitFor(() => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === document.uri.toString() && editor.selection.start.line === at;
    }, `${file} open at line ${at + 1}`);
  }

  suiteSetup(async () => {
    const api: ProgramBriefsApi = await extensionApi();
    people = api.people as PeopleViewApi;
    due = api.due as DueViewApi;
    assert.ok(people?.provider && due?.provider, 'activate() returns the People and Due views as `people` and `due`');
  });

  teardown(async () => {
    await snapshot.restore();
    await closeAllEditors();
    await config().update('me', undefined, vscode.ConfigurationTarget.Global);
    await config().update('due.withinDays', undefined, vscode.ConfigurationTarget.Global);
  });

  test('People view: every handle with what it owns, by kind, open first; each leaf says its status and its date (else its program)', async () => {
    const owners = (await peopleRoots()).map((node) => (node.kind === 'person' ? node.entry.owner : ''));
    assert.deepEqual(owners, [...owners].sort(), 'by handle while programBriefs.me is not set');
    assert.ok(owners.includes('@vera') && owners.includes('@omar'), owners.join(', '));
    assert.deepEqual(await personLines('@vera'), [
      'Programs',
      '  Views alpha program — at-risk {warning:list.warningForeground}',
      'Teams',
      '  views-core — views-alpha {organization}',
      'Milestones',
      '  Late milestone — 2020-02-01 {watch:list.errorForeground}',
      '  Design approved — done · 2020-01-15 {check-all:testing.iconPassed}',
      'Decisions',
      '  Roll out by region — proposed · views-alpha {lightbulb}',
      '  Use the shared stack — decided · views-alpha {pass:testing.iconPassed}',
      'Checklist items',
      '  Load test at 3x peak — 2099-01-01 {circle-large-outline}',
      '  Kick-off held — done · views-alpha {pass:testing.iconPassed}',
      '  Beta task two — done · 2020-05-05 {pass:testing.iconPassed}',
    ]);
    assert.deepEqual(await personLines('@omar'), [
      'Programs',
      '  Views beta program — on-track {pass:testing.iconPassed}',
      'Teams',
      '  views-core — views-beta {organization}',
      '  views-edge — views-beta {organization}',
      'Milestones',
      '  Launch — at-risk · 2099-05-01 {warning:list.warningForeground}',
      'Risks',
      '  Vendor ships late — open · views-alpha {flame}',
      '  Minor hiccup — open · views-alpha {flame}',
      'Checklist items',
      '  Write the runbook — 2020-03-01 {watch:list.errorForeground}',
      '  Retro — views-alpha {circle-large-outline}',
      '  Beta task one — views-beta {circle-large-outline}',
    ]);
    const leaf = (await people.provider.getChildren((await people.provider.getChildren((await peopleRoots()).find((n) => n.kind === 'person' && n.entry.owner === '@omar')))
      .find((n) => n.kind === 'group' && n.owned === 'checklist'))).find((n): n is Extract<PeopleNode, { kind: 'item' }> => n.kind === 'item' && n.item.text.startsWith('Write the runbook'));
    assert.ok(leaf);
    const item = people.provider.getTreeItem(leaf);
    assert.equal(typeof item.tooltip, 'string', 'a plain-text tooltip');
    assert.equal(item.accessibilityInformation?.label, 'Write the runbook, overdue, due 2020-03-01, views-alpha', 'a screen reader hears "overdue"');
    assert.match(String(item.tooltip), /^Checklist item\nWrite the runbook @omar due:2020-03-01\nStatus: overdue\nDue 2020-03-01 \(overdue\)\nProgram views-alpha\nOwner @omar\nviews-alpha\.md, line \d+$/);
    await opensAt(item, 'views-alpha.md', '- [ ] Write the runbook');
  });

  test('People view: each handle\'s counts are those of the items it lists when expanded, which are those of programBriefs/owners', async () => {
    const api: ProgramBriefsApi = await extensionApi();
    const all: OwnersResult | undefined = await api.model.request<OwnersResult>(OWNERS, {});
    assert.ok(all);
    const roots = await peopleRoots();
    assert.deepEqual(roots.map((node) => (node.kind === 'person' ? node.entry.owner : '')), all.owners.map((entry) => entry.owner), 'the same handles, in the same order');
    for (const owner of ['@vera', '@omar']) {
      const person = roots.find((node) => node.kind === 'person' && node.entry.owner === owner);
      assert.ok(person, owner);
      const groups = await people.provider.getChildren(person);
      const items = (await Promise.all(groups.map((group) => people.provider.getChildren(group)))).flat().filter((node): node is Extract<PeopleNode, { kind: 'item' }> => node.kind === 'item');
      const open = items.filter((node) => node.item.open).length;
      const closed = items.length - open;
      assert.equal(people.provider.getTreeItem(person).description, [open > 0 && `${open} open`, closed > 0 && `${closed} closed`].filter(Boolean).join(' · '), `${owner}'s row counts what it lists`);
      const entry: OwnersWireEntry | undefined = all.owners.find((e: OwnersWireEntry) => e.owner === owner);
      assert.ok(entry, owner);
      assert.deepEqual(items.map((node) => [node.owned, node.item.uri, node.item.line, node.item.text]),
        (['programs', 'teams', 'milestones', 'risks', 'decisions', 'checklist'] as const).flatMap((kind) => entry[kind].map((item: OwnedWireItem): unknown[] => [kind, item.uri, item.line, item.text])),
        `${owner}'s items are programBriefs/owners' ones, in its order`);
    }
  });

  test('People view: the handle in programBriefs.me comes first, marked "me" and expanded', async () => {
    await config().update('me', '@omar', vscode.ConfigurationTarget.Global);
    const first = await waitFor(async () => {
      const roots = await peopleRoots();
      return roots[0]?.kind === 'person' && roots[0].entry.me === true && roots[0];
    }, '"me" on top of the People view', 30_000);
    assert.ok(first.kind === 'person');
    assert.equal(first.entry.owner, '@omar');
    const item = people.provider.getTreeItem(first);
    assert.match(String(item.description), /^me · \d+ open( · \d+ closed)?$/);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const rest = (await peopleRoots()).slice(1).map((node) => (node.kind === 'person' ? node.entry.owner : ''));
    assert.ok(!rest.includes('@omar'), 'listed once');
    assert.deepEqual(rest, [...rest].sort(), 'the others by handle');
  });

  test('Due view: open milestones and checklist items due within 14 days, overdue first, by date, with owner; a row opens its line', async () => {
    const rows = await dueRows();
    assert.deepEqual(await dueLines(), [
      'Late milestone — 2020-02-01 · @vera {watch:list.errorForeground}',
      'Write the runbook — 2020-03-01 · @omar {watch:list.errorForeground}',
    ]);
    // The whole list (every brief of the workspace): overdue first, each part by date; nothing past 2026-03-15.
    const firstOpen = rows.findIndex((row) => !row.overdue);
    const overdue = firstOpen < 0 ? rows : rows.slice(0, firstOpen);
    const upcoming = firstOpen < 0 ? [] : rows.slice(firstOpen);
    assert.ok(upcoming.every((row) => !row.overdue), 'overdue rows come first');
    for (const part of [overdue, upcoming]) assert.deepEqual(part.map((r) => r.due), part.map((r) => r.due).sort(), 'by date');
    assert.ok(rows.every((row) => row.due <= '2026-03-15'), rows.map((r) => r.due).join(', '));
    assert.equal(due.view.description, `next 14 days · ${overdue.length} overdue`);
    const late = rows.find((row) => row.text === 'Late milestone')!;
    const tooltip = due.provider.getTreeItem(late).tooltip;
    assert.equal(typeof tooltip, 'string', 'a plain-text tooltip');
    assert.match(String(tooltip), /^Milestone views-alpha#late\nLate milestone\nDue 2020-02-01 \(overdue\)\nOwner @vera\nProgram views-alpha\nviews-alpha\.md, line \d+$/);
    assert.equal(due.provider.getTreeItem(late).accessibilityInformation?.label, 'Late milestone, overdue, due 2020-02-01, owner @vera', 'a screen reader hears "overdue"');
    await opensAt(due.provider.getTreeItem(late), 'views-alpha.md', 'id: late');
  });

  test('both views follow an edit of a brief, and the Due view its window setting', async () => {
    await snapshot.keep('views-beta.md');
    const document = await open('views-beta.md');
    await vscode.window.showTextDocument(document);
    await replaceInDocument(document, '- [ ] Beta task one @omar', '- [ ] Beta task one @omar due:2026-03-10');
    const expected = 'Beta task one — 2026-03-10 · @omar {circle-large-outline}';
    await waitFor(async () => (await dueLines()).includes(expected), 'the dated item in the Due view', 30_000);
    assert.deepEqual((await dueLines()).slice(-1), [expected], 'after the overdue rows');
    await waitFor(async () => (await personLines('@omar')).includes('  Beta task one — 2026-03-10 {circle-large-outline}'), 'its date in the People view', 30_000);

    // Within 5 days, 2026-03-10 is out; the view says its window.
    await config().update('due.withinDays', 5, vscode.ConfigurationTarget.Global);
    await waitFor(async () => !(await dueLines()).includes(expected) && due.view.description?.startsWith('next 5 days'), 'the 5-day window', 30_000);
  });
});
