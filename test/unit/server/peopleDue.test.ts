/**
 * `brief lsp --stdio`: `programBriefs/owners`, `programBriefs/ownersSummary`, `programBriefs/owned`
 * and `programBriefs/due`, the People and Due views' requests, over real pipes, on a fixture whose answers are worked out by hand below (today is
 * 2026-03-10 from the folder's config): "me" first, open items first, overdue first, the N-day
 * window's last day in and the day after out; and the same answers as `brief owners` / `brief due`.
 */
import * as assert from 'node:assert/strict';
import { DUE, OWNED, OWNERS, OWNERS_SUMMARY, type DidChangeModelParams, type DueResult, DID_CHANGE_MODEL, type OwnedResult, type OwnedWireItem, type OwnersResult, type OwnersSummaryEntry, type OwnersSummaryResult, type OwnersWireEntry } from '../../../src/server/protocol';
import { dueItems } from '../../../src/core/report/due';
import { ownersOf } from '../../../src/core/report/owners';
import { loadWorkspace } from '../../../src/host/workspaceFiles';
import { useLspClients } from './lspClient';
import { tempFolder, uriOf } from './workspaces';

const ALPHA = `---
program: alpha
title: Alpha
owner: "@zed"
status: on-track
teams:
  - id: core
    title: Core team
    owner: "@ann"
milestones:
  - id: m1
    title: Old one
    owner: "@ann"
    due: 2026-03-01
    status: in-progress
  - id: m2
    title: Finished
    owner: "@ann"
    due: 2026-03-05
    status: done
  - id: m3
    title: Edge
    owner: "@zed"
    due: 2026-03-24
  - id: m4
    title: Beyond
    owner: "@ann"
    due: 2026-03-25
risks:
  - id: r1
    title: Risky
    owner: "@ann"
    likelihood: high
    impact: low
    status: closed
decisions:
  - id: d1
    title: Pick
    owner: "@zed"
    status: proposed
---
# Alpha

- [ ] Write plan @ann due:2026-03-09
- [x] Done thing @ann due:2026-03-02
- [ ] Today thing @zed due:2026-03-10
- [ ] No date @bob
`;

const BETA = `---
program: beta
title: Beta
owner: "@ann"
status: done
milestones:
  - id: k
    title: Kick
    owner: "@bob"
    due: 2026-03-01
    status: in-progress
---
# Beta

- [ ] Beta item @ann due:2026-03-12
`;

const FILES = { 'briefs.config.json': '{ "today": "2026-03-10" }', 'a.md': ALPHA, 'b.md': BETA };

/** The 0-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));
/** A checklist item's text without its `@owner due:date` tail (the text as sent keeps them). */
const short = (text: string) => text.split(' @')[0];

/** An entry as `@h: kind[text open?], ...` for the kinds it has, to compare with the hand-worked lists. */
function shape(entry: OwnersWireEntry): string {
  const kinds = (['programs', 'teams', 'milestones', 'risks', 'decisions', 'checklist'] as const)
    .filter((kind) => entry[kind].length > 0)
    .map((kind) => `${kind}[${entry[kind].map((item) => `${short(item.text)}${item.open ? '' : ' (closed)'}`).join(', ')}]`);
  return `${entry.owner}${entry.me ? ' (me)' : ''}: ${kinds.join(' ')}`;
}

describe('language server: the People and Due views\' requests (owners, due)', function () {
  this.timeout(120_000);
  const start = useLspClients();

  it('owners: every handle with what it owns, open first in each kind, by handle; `me` first and marked', async () => {
    const dir = tempFolder(FILES);
    const client = await start({ folders: [dir] });

    const all = await client.request<OwnersResult>(OWNERS, {});
    assert.equal(all.today, '2026-03-10');
    assert.equal(all.briefs, 2);
    assert.deepEqual(all.owners.map(shape), [
      // m1, m4 open (a.md, by line), m2 done; Write plan (a.md) and Beta item (b.md) open, Done thing ticked.
      '@ann: programs[Beta (closed)] teams[Core team] milestones[Old one, Beyond, Finished (closed)] risks[Risky (closed)] checklist[Write plan, Beta item, Done thing (closed)]',
      '@bob: milestones[Kick] checklist[No date]',
      '@zed: programs[Alpha] milestones[Edge] decisions[Pick] checklist[Today thing]',
    ]);
    // Each item says where it is, to open it at its line.
    const ann = all.owners[0];
    assert.deepEqual(ann.milestones.map((m) => [m.id, m.uri, m.line, m.due]), [
      ['alpha#m1', uriOf(dir, 'a.md'), lineOf(ALPHA, 'id: m1'), '2026-03-01'],
      ['alpha#m4', uriOf(dir, 'a.md'), lineOf(ALPHA, 'id: m4'), '2026-03-25'],
      ['alpha#m2', uriOf(dir, 'a.md'), lineOf(ALPHA, 'id: m2'), '2026-03-05'],
    ]);
    assert.equal(ann.checklist[0].text, 'Write plan @ann due:2026-03-09', 'the item as written');
    assert.deepEqual(ann.checklist.map((c) => [c.uri, c.line]), [[uriOf(dir, 'a.md'), lineOf(ALPHA, 'Write plan')], [uriOf(dir, 'b.md'), lineOf(BETA, 'Beta item')], [uriOf(dir, 'a.md'), lineOf(ALPHA, 'Done thing')]]);

    // "me" goes on top, marked; the rest keep their order.
    const mine = await client.request<OwnersResult>(OWNERS, { me: '@zed' });
    assert.deepEqual(mine.owners.map((e) => `${e.owner}${e.me ? ' (me)' : ''}`), ['@zed (me)', '@ann', '@bob']);
    assert.deepEqual(mine.owners[0].decisions.map((d) => d.id), ['alpha#d1']);
    // Compared ignoring case, as the Checklist view's "mine" filter.
    const upper = await client.request<OwnersResult>(OWNERS, { me: '@ZED' });
    assert.deepEqual(upper.owners.map((e) => `${e.owner}${e.me ? ' (me)' : ''}`), ['@zed (me)', '@ann', '@bob']);
    // A "me" that owns nothing is listed (empty) so the user sees the setting took effect.
    const nobody = await client.request<OwnersResult>(OWNERS, { me: '@nobody' });
    assert.deepEqual(nobody.owners.map(shape), ['@nobody (me): ', ...all.owners.map(shape)]);
    // Not a handle: no "me".
    const invalid = await client.request<OwnersResult>(OWNERS, { me: 'zed' });
    assert.deepEqual(invalid.owners.map(shape), all.owners.map(shape));

    // What the view shows, decided by the core: m1 is overdue (due 03-01, in progress), m4 has no
    // status and is not due yet, m2 is done; of the checklist only Write plan (03-09) is overdue.
    assert.deepEqual(ann.milestones.map((m) => [m.display, m.overdue ?? false]), [['overdue', true], ['no-status', false], ['done', false]]);
    assert.deepEqual(ann.checklist.map((c) => c.overdue ?? false), [true, false, false]);
    assert.deepEqual([ann.programs[0].display, all.owners[2].programs[0].display], ['done', 'on-track']);

    // The same computation as `brief owners` (plus those two fields).
    const loaded = await loadWorkspace({ cwd: dir, paths: ['.'] });
    const plain = all.owners.map((entry) => Object.fromEntries(Object.entries(entry).map(([key, value]) =>
      [key, Array.isArray(value) ? value.map(({ display: _d, overdue: _o, ...item }: OwnedWireItem) => item) : value])));
    assert.deepEqual(plain, ownersOf(loaded.workspace.briefs(), { fileOf: loaded.fileOf }));
  });

  it('ownersSummary counts what owners lists (per handle and kind, open and closed, same order, `me` first); owned is one handle\'s entry of it', async () => {
    const dir = tempFolder(FILES);
    const client = await start({ folders: [dir] });
    /** `@h: kind open/closed ...` for the kinds it has. */
    const counted = (entry: OwnersSummaryEntry) => `${entry.owner}${entry.me ? ' (me)' : ''}: ${(['programs', 'teams', 'milestones', 'risks', 'decisions', 'checklist'] as const)
      .filter((kind) => entry[kind].open + entry[kind].closed > 0).map((kind) => `${kind} ${entry[kind].open}/${entry[kind].closed}`).join(' ')}`;

    const summary = await client.request<OwnersSummaryResult>(OWNERS_SUMMARY, {});
    assert.equal(summary.today, '2026-03-10');
    assert.equal(summary.briefs, 2);
    // Worked out by hand from the fixture (the lists are in the test above).
    assert.deepEqual(summary.owners.map(counted), [
      '@ann: programs 0/1 teams 1/0 milestones 2/1 risks 0/1 checklist 2/1',
      '@bob: milestones 1/0 checklist 1/0',
      '@zed: programs 1/0 milestones 1/0 decisions 1/0 checklist 1/0',
    ]);
    // Exactly the counts of the lists `owners` answers, for every handle and kind.
    const all = await client.request<OwnersResult>(OWNERS, {});
    const countsOf = (entry: OwnersWireEntry) => `${entry.owner}${entry.me ? ' (me)' : ''}: ${(['programs', 'teams', 'milestones', 'risks', 'decisions', 'checklist'] as const)
      .filter((kind) => entry[kind].length > 0).map((kind) => `${kind} ${entry[kind].filter((i) => i.open).length}/${entry[kind].filter((i) => !i.open).length}`).join(' ')}`;
    assert.deepEqual(summary.owners.map(counted), all.owners.map(countsOf));

    // `me` as owners does it: first and marked, ignoring case; listed with nothing when it owns nothing.
    const mine = await client.request<OwnersSummaryResult>(OWNERS_SUMMARY, { me: '@ZED' });
    assert.deepEqual(mine.owners.map(counted), ['@zed (me): programs 1/0 milestones 1/0 decisions 1/0 checklist 1/0', summary.owners.map(counted)[0], summary.owners.map(counted)[1]]);
    const nobody = await client.request<OwnersSummaryResult>(OWNERS_SUMMARY, { me: '@nobody' });
    assert.deepEqual(nobody.owners.map(counted), ['@nobody (me): ', ...summary.owners.map(counted)]);
    assert.deepEqual((await client.request<OwnersSummaryResult>(OWNERS_SUMMARY, { me: 'zed' })).owners.map(counted), summary.owners.map(counted), 'not a handle: no me');

    // owned: the same entry as in owners, items, order, display and overdue included.
    for (const entry of all.owners) {
      const owned = await client.request<OwnedResult>(OWNED, { owner: entry.owner });
      assert.equal(owned.today, '2026-03-10');
      assert.deepEqual(owned.entry, entry, `${entry.owner}'s entry`);
    }
    // Exactly that handle (not another case of it), and nothing for one that owns nothing or no handle.
    assert.equal((await client.request<OwnedResult>(OWNED, { owner: '@ANN' })).entry, undefined);
    assert.equal((await client.request<OwnedResult>(OWNED, { owner: '@nobody' })).entry, undefined);
    assert.equal((await client.request<OwnedResult>(OWNED, { owner: 42 })).entry, undefined);
    assert.equal((await client.request<OwnedResult>(OWNED, {})).entry, undefined);
  });

  it('ownersSummary and owned follow an edit, and the counts stay those of owners', async () => {
    const dir = tempFolder(FILES);
    const client = await start({ folders: [dir] });
    const changes: DidChangeModelParams[] = [];
    client.connection.onNotification(DID_CHANGE_MODEL, (params: DidChangeModelParams) => changes.push(params));
    const before = await client.request<OwnersSummaryResult>(OWNERS_SUMMARY, {});
    assert.deepEqual(before.owners.find((e) => e.owner === '@bob')?.checklist, { open: 1, closed: 0 });
    const uri = uriOf(dir, 'b.md');
    // Beta item moves from @ann to @bob, and Kick (bob's milestone) is done.
    const text = BETA.replace('- [ ] Beta item @ann', '- [ ] Beta item @bob').replace('status: in-progress', 'status: done');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await client.waitFor(() => changes.some((c) => c.changed.includes(uri)), 'the model change for b.md');
    const after = await client.request<OwnersSummaryResult>(OWNERS_SUMMARY, {});
    const bob = after.owners.find((e) => e.owner === '@bob');
    const ann = after.owners.find((e) => e.owner === '@ann');
    assert.deepEqual([bob?.checklist, bob?.milestones, ann?.checklist], [{ open: 2, closed: 0 }, { open: 0, closed: 1 }, { open: 1, closed: 1 }]);
    const owned = await client.request<OwnedResult>(OWNED, { owner: '@bob' });
    assert.deepEqual(owned.entry?.checklist.map((c) => c.text), ['No date @bob', 'Beta item @bob due:2026-03-12']);
    assert.deepEqual(owned.entry?.milestones.map((m) => [m.id, m.open, m.display]), [['beta#k', false, 'done']]);
  });

  it('due: open items due within N days, overdue first, then by date, file and line; the window\'s last day is in, the next one out', async () => {
    const dir = tempFolder(FILES);
    const client = await start({ folders: [dir] });
    const rows = (result: DueResult) => result.items.map((i) => `${i.due} ${i.overdue ? 'overdue' : 'due'} ${i.kind} ${i.id ?? short(i.text)} ${i.owner ?? '-'}`);

    const fortnight = await client.request<DueResult>(DUE, {});
    assert.equal(fortnight.within, 14);
    assert.equal(fortnight.today, '2026-03-10');
    assert.deepEqual(rows(fortnight), [
      // Overdue: the two milestones of 03-01 by file (a.md, b.md), then the checklist item of 03-09.
      '2026-03-01 overdue milestone alpha#m1 @ann',
      '2026-03-01 overdue milestone beta#k @bob',
      '2026-03-09 overdue checklist Write plan @ann',
      // Due today is not overdue; 03-24 is today + 14 (in), m4's 03-25 is not; done and ticked never.
      '2026-03-10 due checklist Today thing @zed',
      '2026-03-12 due checklist Beta item @ann',
      '2026-03-24 due milestone alpha#m3 @zed',
    ]);
    assert.deepEqual(fortnight.items.map((i) => [i.uri, i.line]).slice(0, 3), [
      [uriOf(dir, 'a.md'), lineOf(ALPHA, 'id: m1')], [uriOf(dir, 'b.md'), lineOf(BETA, 'id: k')], [uriOf(dir, 'a.md'), lineOf(ALPHA, 'Write plan')],
    ]);

    const thirteen = await client.request<DueResult>(DUE, { within: 13 });
    assert.deepEqual(rows(thirteen), rows(fortnight).slice(0, 5), 'the last day moves one day in: m3 leaves');
    const fifteen = await client.request<DueResult>(DUE, { within: 15 });
    assert.deepEqual(rows(fifteen), [...rows(fortnight), '2026-03-25 due milestone alpha#m4 @ann']);
    const none = await client.request<DueResult>(DUE, { within: 0 });
    assert.deepEqual(rows(none), rows(fortnight).slice(0, 4), 'within 0: the overdue and what is due today');
    for (const bad of [-1, 2.5, '7', null]) {
      assert.equal((await client.request<DueResult>(DUE, { within: bad })).within, 14, `within ${JSON.stringify(bad)} falls back to 14`);
    }
    assert.deepEqual(rows(await client.request<DueResult>(DUE, { owner: '@ann' })), rows(fortnight).filter((r) => r.endsWith(' @ann')));

    // The same computation as `brief due`.
    const loaded = await loadWorkspace({ cwd: dir, paths: ['.'] });
    assert.deepEqual(fortnight.items, dueItems(loaded.workspace.briefs(), { today: '2026-03-10', within: 14, fileOf: loaded.fileOf }));
  });

  it('both follow the editor: an edit in an open brief changes their answers', async () => {
    const dir = tempFolder(FILES);
    const client = await start({ folders: [dir] });
    const changes: DidChangeModelParams[] = [];
    client.connection.onNotification(DID_CHANGE_MODEL, (params: DidChangeModelParams) => changes.push(params));
    await client.request<DueResult>(DUE, {});
    const uri = uriOf(dir, 'b.md');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: BETA.replace('- [ ] Beta item @ann', '- [ ] Beta item @bob') } });
    await client.waitFor(() => changes.some((c) => c.changed.includes(uri)), 'the model change for b.md');
    const due = await client.request<DueResult>(DUE, {});
    assert.equal(due.items.find((i) => i.text.startsWith('Beta item'))?.owner, '@bob');
    const owners = await client.request<OwnersResult>(OWNERS, {});
    assert.deepEqual(owners.owners.find((e) => e.owner === '@bob')?.checklist.map((c) => c.text), ['No date @bob', 'Beta item @bob due:2026-03-12']);
  });
});
