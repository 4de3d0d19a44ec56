/**
 * The Checklist view's shape (src/core/views/checklistTree.ts): nested task items sit under the item
 * they are nested in, as in the Markdown; a brief whose items all share one heading shows them
 * right under the program; a nested item is still ticked by who it is (planChecklistToggle).
 */
import assert from 'node:assert/strict';
import { BriefWorkspace, parseBrief, type Brief } from '../../src/core';
import { applyEdits } from '../../src/core/fixes';
import { planChecklistToggle } from '../../src/core/fixes/checkboxEdit';
import {
  checklistChildEntries, checklistEntryById, checklistProgramChildren, checklistTopEntries,
  type ChecklistEntry, type ChecklistNode, type ChecklistViewOptions,
} from '../../src/core/views/checklistTree';

const OPTIONS: ChecklistViewOptions = { filter: {}, today: '2026-03-01' };

const NESTED = `---
program: nested
title: Nested
owner: "@vera"
---
# Nested

## Checklist

- [ ] Launch @vera
  - [x] Legal review @omar
  - [ ] Security review @vera
    - [ ] Pen test @omar due:2099-02-01
    - [x] Review
- [ ] Retro
  - [ ] Review
- Plain bullet
  - [ ] Under a plain bullet
`;

const TWO_HEADINGS = `---
program: two
title: Two
owner: "@vera"
---
# Two

## Build
- [ ] Code
  - [ ] Tests

## Ship
- [ ] Release
`;

function brief(text: string, fast = true): Brief {
  return parseBrief('file:///w/brief.md', text, fast ? undefined : { fast: false });
}

/** The tree under a program, one line per node, children indented (what the view shows). */
function shape(b: Brief, options: ChecklistViewOptions = OPTIONS): string[] {
  const lines: string[] = [];
  const walk = (nodes: readonly ChecklistNode[], depth: number) => {
    for (const node of nodes) {
      if (node.kind === 'item') {
        lines.push(`${'  '.repeat(depth)}${node.item.state === 'done' ? '[x]' : '[ ]'} ${node.label}${node.context ? ' (context)' : ''}`);
        walk(checklistChildEntries(b, node.index, options), depth + 1);
      } else if (node.kind === 'heading') {
        lines.push(`${'  '.repeat(depth)}# ${node.label}`);
        walk(checklistTopEntries(b, node.heading?.line, options), depth + 1);
      }
    }
  };
  walk(checklistProgramChildren(b, options), 0);
  return lines;
}

describe('checklist tree: nesting and the common heading', () => {
  it('reads which item each nested item sits in, the same with remark and with the fast scanner', () => {
    for (const fast of [true, false]) {
      const b = brief(NESTED, fast);
      assert.deepEqual(b.checklist.map((item) => [item.text.split(' @')[0].split(' due:')[0], item.parent ?? null]), [
        ['Launch', null], ['Legal review', 0], ['Security review', 0], ['Pen test', 2], ['Review', 2], ['Retro', null], ['Review', 5],
        // Nested in a list item that is not a task: no parent item.
        ['Under a plain bullet', null],
      ], fast ? 'fast' : 'remark');
    }
  });

  it('shows nested items under their parent item, and no level for the one heading all items share', () => {
    assert.deepEqual(shape(brief(NESTED)), [
      '[ ] Launch',
      '  [x] Legal review',
      '  [ ] Security review',
      '    [ ] Pen test',
      '    [x] Review',
      '[ ] Retro',
      '  [ ] Review',
      '[ ] Under a plain bullet',
    ]);
    const top = checklistProgramChildren(brief(NESTED), OPTIONS) as ChecklistEntry[];
    assert.deepEqual(top.map((e) => [e.label, e.children]), [['Launch', 2], ['Retro', 1], ['Under a plain bullet', 0]]);
  });

  it('keeps the heading level when the items sit under several headings', () => {
    assert.deepEqual(shape(brief(TWO_HEADINGS)), ['# Build', '  [ ] Code', '    [ ] Tests', '# Ship', '  [ ] Release']);
  });

  it('skips the level for items above the first heading too, when there are no others', () => {
    const b = brief('---\nprogram: p\ntitle: P\nowner: "@v"\n---\n- [ ] One\n  - [ ] Two\n');
    assert.deepEqual(shape(b), ['[ ] One', '  [ ] Two']);
  });

  it('a heading inside a list item starts its own group: the item under it is not nested across it', () => {
    const b = brief('---\nprogram: p\ntitle: P\nowner: "@v"\n---\n# A\n- [ ] Outer\n  # B\n  - [ ] Inner\n');
    assert.equal(b.checklist[1].parent, 0, 'nested in the Markdown');
    assert.deepEqual(shape(b), ['# A', '  [ ] Outer', '# B', '  [ ] Inner']);
  });

  it('with a filter, a hidden parent stays as the context of its shown nested items', () => {
    const open = shape(brief(NESTED), { ...OPTIONS, filter: { openOnly: true } });
    assert.deepEqual(open, ['[ ] Launch', '  [ ] Security review', '    [ ] Pen test', '[ ] Retro', '  [ ] Review', '[ ] Under a plain bullet']);
    const mine = shape(brief(NESTED), { ...OPTIONS, filter: { mine: '@omar' } });
    assert.deepEqual(mine, ['[ ] Launch (context)', '  [x] Legal review', '  [ ] Security review (context)', '    [ ] Pen test']);
  });

  it('finds a nested item again by its id after the text moved, and ticks exactly its line', () => {
    const b = brief(NESTED);
    const launch = (checklistProgramChildren(b, OPTIONS) as ChecklistEntry[])[0];
    const security = checklistChildEntries(b, launch.index, OPTIONS)[1];
    const [penTest, review] = checklistChildEntries(b, security.index, OPTIONS);
    assert.equal(review.label, 'Review');
    // Lines inserted above: the same ids, the same children.
    const moved = NESTED.replace('## Checklist\n', '## Checklist\n\nMore words.\n\n');
    const workspace = new BriefWorkspace();
    const current = workspace.setText('file:///w/brief.md', moved);
    const again = checklistEntryById(current, security.id, OPTIONS);
    assert.ok(again);
    assert.deepEqual(checklistChildEntries(current, again.index, OPTIONS).map((e) => e.id), [penTest.id, review.id]);
    // Ticking the nested "Review" (there is another "Review" under Retro) writes its own checkbox only.
    const plan = planChecklistToggle(current, review, false);
    assert.equal(plan.kind, 'write');
    if (plan.kind !== 'write') return;
    const after = applyEdits(moved, [{ range: plan.range, newText: plan.text }]);
    assert.equal(after, moved.replace('    - [x] Review', '    - [ ] Review'));
    const retroReview = checklistChildEntries(b, 5, OPTIONS)[0];
    const retroPlan = planChecklistToggle(current, retroReview, true);
    assert.equal(retroPlan.kind, 'write');
    if (retroPlan.kind !== 'write') return;
    assert.equal(applyEdits(moved, [{ range: retroPlan.range, newText: retroPlan.text }]), moved.replace('  - [ ] Review', '  - [x] Review'));
  });
});
