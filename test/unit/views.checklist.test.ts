/** The Checklist view's content, level by level (src/core/views/checklistTree). */
import assert from 'node:assert/strict';
import { BriefWorkspace } from '../../src/core';
import {
  addDays, checklistEntries, checklistHeadings, checklistPrograms, describeFilter, isItemOverdue, itemLabel,
  NO_HEADING_LABEL, progressLabel, type ChecklistFilter, type ChecklistViewOptions,
} from '../../src/core/views/checklistTree';

const TODAY = '2026-03-01';

const PAYMENTS = `---
program: payments-v2
title: Payments platform v2
owner: "@maria"
---
- [ ] Before any heading @li

# Payments platform v2

## Checklist
- [x] Kick-off held @maria
- [ ] Load test plan @li due:2026-03-01
- [ ] Vendor contract @maria due:2026-02-20
  - [X] Nested legal review @Li 📅 2026-02-10

## Rollout
- [ ] Canary healthy @maria due:2026-03-05
- [ ] Announce due:2026-04-30

## Checklist
- [ ] Second checklist heading
`;

const IDENTITY = `---
program: identity-sso
title: Identity SSO
owner: "@li"
---
# Identity
## Tasks
- [x] Tokens GA @li due:2026-01-10
- [x] Docs @li
`;

const NO_TASKS = `---
program: billing-core
title: Billing
owner: "@keiko"
---
# Billing
- a plain list
`;

const NOT_A_BRIEF = `# Notes\n- [ ] Not a brief's task\n`;

function workspace(): BriefWorkspace {
  const ws = new BriefWorkspace();
  ws.setText('file:///w/programs/payments.md', PAYMENTS);
  ws.setText('file:///w/programs/identity.md', IDENTITY);
  ws.setText('file:///w/programs/billing.md', NO_TASKS);
  ws.setText('file:///w/notes/sync.md', NOT_A_BRIEF);
  return ws;
}

const options = (filter: ChecklistFilter = {}): ChecklistViewOptions => ({ filter, today: TODAY });

function payments(ws = workspace()) {
  const brief = ws.get('file:///w/programs/payments.md');
  assert.ok(brief);
  return brief;
}

/** "label description" per heading. */
function headings(filter: ChecklistFilter = {}): string[] {
  return checklistHeadings(payments(), options(filter)).map((h) => `${h.label} ${progressLabel(h.progress)}`);
}

/** Item labels under the nth heading group. */
function items(n: number, filter: ChecklistFilter = {}): string[] {
  const brief = payments();
  const heading = checklistHeadings(brief, options(filter))[n];
  return checklistEntries(brief, heading.heading?.line, options(filter)).map((e) => e.label);
}

describe('views: checklist tree', () => {
  it('groups by program (briefs with items only, by id), with done/total and percent', () => {
    const roots = checklistPrograms(workspace().briefs(), options());
    assert.deepEqual(roots.map((r) => `${r.label} ${progressLabel(r.progress)}`), ['identity-sso 2/2 · 100%', 'payments-v2 2/8 · 25% · 1 overdue']);
    assert.equal(roots[1].title, 'Payments platform v2');
    assert.equal(roots[1].kind, 'program');
  });

  it('groups a program by heading, in document order, repeated headings apart', () => {
    assert.deepEqual(headings(), [`${NO_HEADING_LABEL} 0/1 · 0%`, 'Checklist 2/4 · 50% · 1 overdue', 'Rollout 0/2 · 0%', 'Checklist 0/1 · 0%']);
    const ids = checklistHeadings(payments(), options()).map((h) => h.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  it('keeps heading ids when lines above move (the tree keeps its expansion)', () => {
    const before = checklistHeadings(payments(), options()).map((h) => h.id);
    const ws = workspace();
    ws.setText('file:///w/programs/payments.md', PAYMENTS.replace('# Payments platform v2\n', '# Payments platform v2\n\nMore scope.\n\n'));
    const after = checklistHeadings(payments(ws), options()).map((h) => h.id);
    assert.deepEqual(after, before);
  });

  it('lists items with text, owner and due; the label drops the due token and a trailing owner', () => {
    const brief = payments();
    const [, checklist] = checklistHeadings(brief, options());
    const entries = checklistEntries(brief, checklist.heading?.line, options());
    assert.deepEqual(entries.map((e) => [e.label, e.item.owner?.value, e.item.due?.value, e.item.state === 'done', e.overdue]), [
      ['Kick-off held', '@maria', undefined, true, false],
      ['Load test plan', '@li', '2026-03-01', false, false],
      ['Vendor contract', '@maria', '2026-02-20', false, true],
      ['Nested legal review', '@Li', '2026-02-10', true, false],
    ]);
    assert.equal(entries[0].item.line, 10);
    assert.equal(new Set(entries.map((e) => e.id)).size, 4);
  });

  it('marks an item overdue when unchecked and due before today (not on the day, not when done)', () => {
    const item = (text: string) => payments().checklist.find((i) => i.text.startsWith(text))!;
    assert.equal(isItemOverdue(item('Vendor contract'), TODAY), true);
    assert.equal(isItemOverdue(item('Load test plan'), TODAY), false, 'due today is not overdue');
    assert.equal(isItemOverdue(item('Nested legal review'), TODAY), false, 'done');
    assert.equal(isItemOverdue(item('Announce'), TODAY), false);
    assert.equal(isItemOverdue(item('Kick-off'), TODAY), false, 'no due date');
  });

  it('filter open: hides done items and fully done groups, but counts stay the real progress', () => {
    const roots = checklistPrograms(workspace().briefs(), options({ openOnly: true }));
    assert.deepEqual(roots.map((r) => `${r.label} ${progressLabel(r.progress)} shown ${r.shown}`), ['payments-v2 2/8 · 25% · 1 overdue shown 6']);
    assert.deepEqual(items(1, { openOnly: true }), ['Load test plan', 'Vendor contract']);
  });

  it('filter mine: only items owned by the handle (case-insensitive); counts follow', () => {
    const roots = checklistPrograms(workspace().briefs(), options({ mine: '@li' }));
    assert.deepEqual(roots.map((r) => `${r.label} ${progressLabel(r.progress)}`), ['identity-sso 2/2 · 100%', 'payments-v2 1/3 · 33%']);
    assert.deepEqual(headings({ mine: '@li' }), [`${NO_HEADING_LABEL} 0/1 · 0%`, 'Checklist 1/2 · 50%']);
    assert.deepEqual(items(1, { mine: '@li' }), ['Load test plan', 'Nested legal review']);
  });

  it('filter due within N days: open items due up to today + N, overdue included, undated and ticked excluded', () => {
    // Issue 10: ticked items (the nested legal review, identity-sso's "Tokens GA" from January) were
    // listed, and identity-sso read "1/1 · 100%" under "due within 4 days".
    assert.deepEqual(headings({ dueWithinDays: 0 }), ['Checklist 0/2 · 0% · 1 overdue']);
    assert.deepEqual(items(0, { dueWithinDays: 0 }), ['Load test plan', 'Vendor contract']);
    assert.deepEqual(headings({ dueWithinDays: 4 }), ['Checklist 0/2 · 0% · 1 overdue', 'Rollout 0/1 · 0%']);
    assert.deepEqual(items(1, { dueWithinDays: 4 }), ['Canary healthy']);
    assert.deepEqual(headings({ dueWithinDays: 60 }).map((h) => h.split(' ')[0]), ['Checklist', 'Rollout']);
    const roots = checklistPrograms(workspace().briefs(), options({ dueWithinDays: 4 }));
    assert.deepEqual(roots.map((r) => `${r.label} ${progressLabel(r.progress)}`), ['payments-v2 0/3 · 0% · 1 overdue']);
  });

  it('filters combine', () => {
    const filter = { openOnly: true, mine: '@maria', dueWithinDays: 7 };
    const roots = checklistPrograms(workspace().briefs(), options(filter));
    assert.deepEqual(roots.map((r) => `${r.label} ${progressLabel(r.progress)} shown ${r.shown}`), ['payments-v2 0/2 · 0% · 1 overdue shown 2']);
    assert.deepEqual(headings(filter), ['Checklist 0/1 · 0% · 1 overdue', 'Rollout 0/1 · 0%']);
    assert.equal(describeFilter(filter), 'open · mine (@maria) · due within 7 d');
    assert.equal(describeFilter({}), '');
    assert.equal(describeFilter({ dueWithinDays: 0 }), 'due today or overdue');
  });

  it('an empty result when nothing matches', () => {
    assert.deepEqual(checklistPrograms(workspace().briefs(), options({ mine: '@nobody' })), []);
  });

  it('labels a brief without a program id by its file name', () => {
    const ws = new BriefWorkspace();
    ws.setText('file:///w/broken%20one.brief.md', '# Broken\n- [ ] Fix the frontmatter\n');
    assert.deepEqual(checklistPrograms(ws.briefs(), options()).map((r) => r.label), ['broken one.brief.md']);
  });

  it('helpers', () => {
    assert.equal(itemLabel('Load test plan @li due:2026-03-01'), 'Load test plan');
    assert.equal(itemLabel('Ask @li to review 📅 2026-03-01'), 'Ask @li to review');
    assert.equal(itemLabel('@li'), '@li');
    assert.equal(itemLabel('due:2026-03-01'), 'due:2026-03-01');
    assert.equal(addDays('2026-02-27', 3), '2026-03-02');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(progressLabel({ done: 1, total: 3, overdue: 0 }), '1/3 · 33%');
    assert.equal(progressLabel({ done: 1, total: 3, overdue: 2 }), '1/3 · 33% · 2 overdue');
    assert.equal(progressLabel({ done: 0, total: 0, overdue: 0 }), '0/0 · 0%');
  });
});
