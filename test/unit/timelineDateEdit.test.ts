/** Dragging a Timeline bar: the date is written only where the file still holds what was shown, and never a due before the start. */
import assert from 'node:assert/strict';
import { planDateEdit, type DateEditPlan } from '../../src/core/fixes/dateEdit';
import { parseBrief } from '../../src/core/parse/parseBrief';

const TEXT = [
  '---',
  'program: web',
  'title: Web',
  'owner: "@maria"',
  'milestones:',
  '  - id: cutover',
  '    start: 2027-03-01',
  '    due: "2027-03-20"   # quoted, with a comment',
  '  - title: No id',
  '    due: 2027-04-01',
  '---',
  '',
].join('\n');

function apply(text: string, plan: DateEditPlan): string {
  assert.equal(plan.kind, 'write', JSON.stringify(plan));
  if (plan.kind !== 'write') return text;
  const lines = text.split('\n');
  const line = lines[plan.range.start.line];
  lines[plan.range.start.line] = line.slice(0, plan.range.start.character) + plan.text + line.slice(plan.range.end.character);
  return lines.join('\n');
}

describe('timeline: planDateEdit', () => {
  const brief = parseBrief('file:///ws/web.md', TEXT);

  it('replaces exactly the ten characters of the date, quotes and comment kept', () => {
    const after = apply(TEXT, planDateEdit(brief, { index: 0, milestone: 'cutover', field: 'due', from: '2027-03-20', to: '2027-03-27' }));
    assert.equal(after, TEXT.replace('due: "2027-03-20"   # quoted', 'due: "2027-03-27"   # quoted'));
  });

  it('moves a start, and a milestone without an id by its place', () => {
    assert.equal(apply(TEXT, planDateEdit(brief, { index: 0, milestone: 'cutover', field: 'start', from: '2027-03-01', to: '2027-02-22' })), TEXT.replace('start: 2027-03-01', 'start: 2027-02-22'));
    assert.equal(apply(TEXT, planDateEdit(brief, { index: 1, field: 'due', from: '2027-04-01', to: '2027-04-08' })), TEXT.replace('due: 2027-04-01', 'due: 2027-04-08'));
  });

  it('refuses a due before the start, and a start after the due', () => {
    assert.equal(planDateEdit(brief, { index: 0, milestone: 'cutover', field: 'due', from: '2027-03-20', to: '2027-02-28' }).kind, 'refused');
    assert.equal(planDateEdit(brief, { index: 0, milestone: 'cutover', field: 'start', from: '2027-03-01', to: '2027-03-21' }).kind, 'refused');
    assert.equal(planDateEdit(brief, { index: 0, milestone: 'cutover', field: 'due', from: '2027-03-20', to: '2027-02-30' }).kind, 'refused');
  });

  it('writes nothing when the line changed underneath: another date, another milestone there, no such key', () => {
    const moved = parseBrief('file:///ws/web.md', TEXT.replace('"2027-03-20"', '"2027-03-25"'));
    assert.deepEqual(planDateEdit(moved, { index: 0, milestone: 'cutover', field: 'due', from: '2027-03-20', to: '2027-03-27' }).kind, 'stale');
    const renamed = parseBrief('file:///ws/web.md', TEXT.replace('id: cutover', 'id: launch'));
    assert.equal(planDateEdit(renamed, { index: 0, milestone: 'cutover', field: 'due', from: '2027-03-20', to: '2027-03-27' }).kind, 'stale');
    assert.equal(planDateEdit(brief, { index: 5, milestone: 'cutover', field: 'due', from: '2027-03-20', to: '2027-03-27' }).kind, 'stale');
    assert.equal(planDateEdit(brief, { index: 1, field: 'start', from: '2027-03-20', to: '2027-03-27' }).kind, 'stale');
  });

  it('the same date is no edit', () => {
    assert.deepEqual(planDateEdit(brief, { index: 0, milestone: 'cutover', field: 'due', from: '2027-03-20', to: '2027-03-20' }), { kind: 'unchanged' });
  });

  it('works on CRLF text and after a BOM', () => {
    const crlf = `\uFEFF${TEXT.replace(/\n/g, '\r\n')}`;
    const parsed = parseBrief('file:///ws/web.md', crlf);
    const plan = planDateEdit(parsed, { index: 1, field: 'due', from: '2027-04-01', to: '2027-04-08' });
    assert.equal(plan.kind, 'write');
    if (plan.kind === 'write') assert.deepEqual([plan.range.start.line, plan.range.start.character, plan.range.end.character], [9, 9, 19]);
  });
});
