/** Ticking from the tree: the line must still hold the item as shown, or nothing is written. */
import assert from 'node:assert/strict';
import { plainRange } from '../../src/core/model/range';
import { checklistItemAt } from '../../src/core/parse/checklist';
import { planCheckboxToggle } from '../../src/core/fixes/checkboxEdit';

function shown(lineText: string, line = 12, markerChar = lineText.search(/[-*+\d]/)) {
  const item = checklistItemAt(lineText, line, markerChar, 0);
  assert.ok(item, `not a task item: ${lineText}`);
  return item;
}

describe('checkboxEdit: planCheckboxToggle', () => {
  it('ticks an open item at exactly its checkbox', () => {
    const line = '- [ ] Load test plan @li due:2026-03-01';
    assert.deepEqual(planCheckboxToggle(line, shown(line), true), {
      kind: 'write',
      range: { start: { line: 12, character: 3 }, end: { line: 12, character: 4 } },
      text: 'x',
    });
  });

  it('unticks a done item, `x` and `X` alike, nested and ordered items too', () => {
    for (const line of ['- [x] Kick-off held @maria', '- [X] Kick-off held @maria', '    * [x] Nested', '12. [x] Numbered', '\t+ [X] Tabbed']) {
      const item = shown(line);
      const plan = planCheckboxToggle(line, item, false);
      assert.equal(plan.kind, 'write', line);
      assert.ok(plan.kind === 'write');
      assert.equal(plan.text, ' ');
      assert.equal(line[plan.range.start.character].toLowerCase(), 'x', line);
      assert.deepEqual(plainRange(plan.range), plainRange(item.checkboxRange));
    }
  });

  it('writes nothing when the item is already in the wanted state', () => {
    const line = '- [x] Done already';
    assert.deepEqual(planCheckboxToggle(line, shown(line), true), { kind: 'unchanged' });
  });

  it('treats an item ticked meanwhile (to the wanted state) as unchanged', () => {
    const before = shown('- [ ] Runbook written');
    assert.deepEqual(planCheckboxToggle('- [x] Runbook written', before, true), { kind: 'unchanged' });
  });

  it('refuses when the text on the line changed', () => {
    const plan = planCheckboxToggle('- [ ] Runbook rewritten', shown('- [ ] Runbook written'), true);
    assert.equal(plan.kind, 'stale');
    assert.ok(plan.kind === 'stale' && plan.reason.includes('Runbook rewritten'), JSON.stringify(plan));
  });

  it('refuses when a different item moved onto the line', () => {
    const plan = planCheckboxToggle('- [ ] Kick-off held', shown('- [ ] Load test plan'), true);
    assert.equal(plan.kind, 'stale');
  });

  it('refuses when the line is no longer a task item, or is gone', () => {
    const item = shown('- [ ] Load test plan');
    assert.equal(planCheckboxToggle('Load test plan', item, true).kind, 'stale');
    assert.equal(planCheckboxToggle('- Load test plan', item, true).kind, 'stale');
    assert.equal(planCheckboxToggle('', item, true).kind, 'stale');
    const gone = planCheckboxToggle(undefined, item, true);
    assert.ok(gone.kind === 'stale' && gone.reason.includes('line 13'), JSON.stringify(gone));
  });

  it('refuses when the item was re-indented (the marker moved)', () => {
    assert.equal(planCheckboxToggle('  - [ ] Load test plan', shown('- [ ] Load test plan'), true).kind, 'stale');
  });

  it('refuses when the checkbox moved within the line', () => {
    const item = shown('- [ ] Load test plan');
    assert.equal(planCheckboxToggle('-  [ ] Load test plan', item, true).kind, 'stale');
  });

  it('refuses when the checkbox in the file is neither what the tree showed nor what the user wants', () => {
    // Shown done, unticked in the file meanwhile; a stale event asks for "done" again.
    const item = shown('- [x] Load test plan');
    const plan = planCheckboxToggle('- [ ] Load test plan', item, true);
    assert.equal(plan.kind, 'stale');
  });
});
