/**
 * Checklist states, dates and priorities as Obsidian Tasks writes them (v2 spec §5, docs/format.md
 * "Checklist items"): the fixtures in test/fixtures/checklist-states hold one item per state and
 * marker, with the expected items beside them; the fast scanner and remark must both find exactly
 * those (with LF, CRLF and a BOM), and every consumer (views, Due, owners, report, diff, CLI) must
 * count in-progress as open and leave cancelled out, as ../../src/core/model/status.ts decides.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseBrief } from '../../src/core/parse/parseBrief';
import { scanBody } from '../../src/core/parse/fastBody';
import { checklistMarkers, type ChecklistItem } from '../../src/core/parse/checklist';
import { LineIndex, type Range } from '../../src/core/model/range';
import { checklistProgress, countsTowardsChecklistTotal, isChecklistItemOpen, isChecklistItemOverdue } from '../../src/core/model/status';
import { dueItems } from '../../src/core/report/due';
import { ownersOf } from '../../src/core/report/owners';
import { checklistKey, diffWorkspaces } from '../../src/core/report/diff';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { checklistEntries, checklistItemKeys, checklistPrograms, itemDescription, itemLabel } from '../../src/core/views/checklistTree';
import { planCheckboxToggle, planChecklistToggle } from '../../src/core/fixes/checkboxEdit';
import { checklistJson, checklistText } from '../../src/cli/checklistFormats';
import { CHECKLIST_STATE_ICONS } from '../../src/extension/views/statusIcons';

const DIR = path.join(__dirname, '..', 'fixtures', 'checklist-states');
const TODAY = '2026-03-01';

interface ExpectedItem {
  line: number;
  state: string;
  text: string;
  depth: number;
  parent?: number;
  owner?: string;
  due?: string;
  scheduled?: string;
  start?: string;
  doneOn?: string;
  cancelledOn?: string;
  priority?: string;
}

const DATE_KINDS = ['due', 'scheduled', 'start', 'doneOn', 'cancelledOn'] as const;

/** An item in the shape of the expectations, each date checked to sit exactly at its range (UTF-16 columns). */
function shapeOf(item: ChecklistItem, lines: string[]): ExpectedItem {
  const shape: ExpectedItem = { line: item.line, state: item.state, text: item.text, depth: item.depth };
  if (item.parent !== undefined) shape.parent = item.parent;
  if (item.owner) shape.owner = item.owner.value;
  for (const kind of DATE_KINDS) {
    const date = item[kind];
    if (!date) continue;
    assert.equal(textAt(lines, date.range), date.value, `the ${kind} range of line ${item.line + 1} covers its date`);
    shape[kind] = date.value;
  }
  if (item.priority) shape.priority = item.priority;
  const box = textAt(lines, item.checkboxRange);
  assert.equal({ ' ': 'open', 'x': 'done', 'X': 'done', '/': 'in-progress', '-': 'cancelled' }[box], item.state, `the checkbox range of line ${item.line + 1}`);
  return shape;
}

function textAt(lines: string[], range: Range): string {
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

function fixture(name: string): { text: string; expected: ExpectedItem[] } {
  return {
    text: fs.readFileSync(path.join(DIR, `${name}.md`), 'utf8'),
    expected: JSON.parse(fs.readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')) as ExpectedItem[],
  };
}

function fastScannerReads(text: string): boolean {
  const clean = text.replace(/^\uFEFF/, '');
  const closing = /^---[ \t]*\r?\n(?:.*\r?\n)*?---[ \t]*(?:\r?\n|$)/.exec(clean);
  return scanBody(new LineIndex(clean), closing ? closing[0].split(/\r?\n/).length - 1 : 0) !== undefined;
}

describe('checklist states: the fixtures, read by the fast scanner and by remark', () => {
  for (const [name, fast] of [['states', true], ['remark-only', false]] as const) {
    describe(`${name}.md`, () => {
      const { text, expected } = fixture(name);
      for (const [variant, variantText] of [['LF', text], ['CRLF', text.replace(/\n/g, '\r\n')], ['BOM + CRLF', `\uFEFF${text.replace(/\n/g, '\r\n')}`]] as const) {
        it(`${variant}: both parsers give the expected items`, () => {
          const lines = variantText.replace(/^\uFEFF/, '').split(/\r?\n/);
          const viaFast = parseBrief(`file:///ws/${name}.md`, variantText);
          const viaRemark = parseBrief(`file:///ws/${name}.md`, variantText, { fast: false });
          assert.deepEqual(viaFast.checklist, viaRemark.checklist, 'the fast scanner and remark agree');
          assert.deepEqual(viaFast, viaRemark);
          assert.deepEqual(viaRemark.checklist.map((item) => shapeOf(item, lines)), expected);
          assert.equal(fastScannerReads(variantText), fast, fast ? 'the fast scanner reads this body itself' : 'this body is left to remark');
        });
      }
    });
  }

  it('every state and every marker is in a fixture', () => {
    const all = ['states', 'remark-only'].flatMap((name) => fixture(name).expected);
    for (const state of ['open', 'in-progress', 'done', 'cancelled']) assert.ok(all.some((item) => item.state === state), state);
    for (const kind of DATE_KINDS) assert.ok(all.some((item) => item[kind] !== undefined), kind);
    for (const priority of ['highest', 'high', 'medium', 'low', 'lowest']) assert.ok(all.some((item) => item.priority === priority), priority);
  });

  it('markers are found at UTF-16 offsets, first of each kind wins, variation selectors allowed', () => {
    assert.deepEqual(checklistMarkers('a 🔺 b ⏳ 2026-01-02 📅2026-01-03 due:2026-01-04 ✅️ 2026-01-05'), [
      { kind: 'priority', start: 2, end: 4, value: 'highest' },
      { kind: 'scheduled', start: 7, end: 19, value: '2026-01-02' },
      { kind: 'due', start: 20, end: 32, value: '2026-01-03' },
      { kind: 'due', start: 33, end: 47, value: '2026-01-04' },
      { kind: 'doneOn', start: 48, end: 61, value: '2026-01-05' },
    ]);
    const brief = parseBrief('file:///ws/a.md', '---\nprogram: a\n---\n- [ ] x 📅 2026-01-03 due:2026-01-04 🔽 ⏫\n');
    assert.equal(brief.checklist[0].due?.value, '2026-01-03');
    assert.equal(brief.checklist[0].priority, 'low');
  });
});

/** A workspace of one brief with one item in each state, all due before today. */
const STATES = `---
program: states
title: States
owner: "@maria"
---
## Checklist
- [ ] Open @li 📅 2026-02-20
- [/] Started @li 📅 2026-02-21 ⏫
- [x] Finished @li 📅 2026-02-22 ✅ 2026-02-22
- [-] Dropped @li 📅 2026-02-23 ❌ 2026-02-24
- [/] Started later @li 📅 2026-03-05
`;

describe('checklist states: open and counted, in one place, for every consumer', () => {
  const brief = parseBrief('file:///ws/states.md', STATES);
  const byText = (text: string) => brief.checklist.find((item) => item.text.startsWith(text))!;

  it('in progress is open, cancelled is neither open nor counted', () => {
    assert.deepEqual(brief.checklist.map((item) => [item.state, isChecklistItemOpen(item), countsTowardsChecklistTotal(item)]), [
      ['open', true, true], ['in-progress', true, true], ['done', false, true], ['cancelled', false, false], ['in-progress', true, true],
    ]);
    assert.deepEqual(checklistProgress(brief.checklist), { done: 1, total: 4 });
    assert.equal(isChecklistItemOverdue(byText('Started @li'), TODAY), true);
    assert.equal(isChecklistItemOverdue(byText('Dropped'), TODAY), false);
    assert.equal(isChecklistItemOverdue(byText('Finished'), TODAY), false);
  });

  it('Due: in-progress items appear (📅 is their due date), cancelled and done ones do not', () => {
    const due = dueItems([brief], { today: TODAY, within: 14 });
    assert.deepEqual(due.map((item) => [item.text.split(' @')[0], item.due, item.overdue]), [
      ['Open', '2026-02-20', true], ['Started', '2026-02-21', true], ['Started later', '2026-03-05', false],
    ]);
  });

  it('owners: in-progress is open, cancelled and done are not', () => {
    const [li] = ownersOf([brief]);
    assert.equal(li.owner, '@li');
    assert.deepEqual(li.checklist.map((item) => [item.text.split(' @')[0], item.open, item.status]), [
      ['Open', true, undefined], ['Started', true, 'in-progress'], ['Started later', true, 'in-progress'], ['Finished', false, undefined], ['Dropped', false, 'cancelled'],
    ]);
  });

  it('the Checklist tree: counts leave cancelled out, "open only" hides it, descriptions say state, priority and dates', () => {
    const options = { filter: {}, today: TODAY };
    const [group] = checklistPrograms([brief], options);
    assert.deepEqual(group.progress, { done: 1, total: 4, overdue: 2 });
    assert.equal(group.shown, 5, 'a cancelled item is still shown');
    const open = checklistPrograms([brief], { filter: { openOnly: true }, today: TODAY });
    assert.equal(open[0].shown, 3, 'open only: the open and in-progress items');
    const entries = checklistEntries(brief, brief.checklist[0].heading?.line, options);
    assert.deepEqual(entries.map((entry) => [entry.label, itemDescription(entry.item, entry.overdue)]), [
      ['Open', '@li · due 2026-02-20 · overdue'],
      ['Started', '@li · in progress · high priority · due 2026-02-21 · overdue'],
      ['Finished', '@li · due 2026-02-22 · done 2026-02-22'],
      ['Dropped', '@li · due 2026-02-23 · cancelled 2026-02-24'],
      ['Started later', '@li · in progress · due 2026-03-05'],
    ]);
    const due = checklistPrograms([brief], { filter: { dueWithinDays: 0 }, today: TODAY });
    assert.deepEqual(due[0].progress, { done: 0, total: 2, overdue: 2 }, 'due today or overdue: the open and the in-progress item');
  });

  it('the icons: in progress and cancelled have their own, open and done have the checkbox', () => {
    assert.deepEqual(CHECKLIST_STATE_ICONS, {
      'open': undefined, 'in-progress': { icon: 'play-circle', color: 'charts.blue' }, 'done': undefined, 'cancelled': { icon: 'circle-slash' },
    });
  });

  it('labels, keys and diff keys leave the markers out (a done date does not make another item)', () => {
    assert.equal(itemLabel('Ship it 🔺 🛫 2026-01-01 ⏳ 2026-01-02 📅 2026-01-03 @li'), 'Ship it');
    assert.equal(checklistKey(byText('Finished')), 'Finished');
    const ticked = parseBrief('file:///ws/a.md', '---\nprogram: a\n---\n# H\n- [x] Ship it ✅ 2026-03-01 ^abc\n');
    const open = parseBrief('file:///ws/a.md', '---\nprogram: a\n---\n# H\n- [ ] Ship it ^abc\n');
    assert.deepEqual(checklistItemKeys(ticked), checklistItemKeys(open));
  });

  it('brief diff: done, cancelled and reopened; open ↔ in progress and a done date added are no change', () => {
    const side = (body: string) => {
      const workspace = new BriefWorkspace();
      workspace.setText('file:///ws/a.md', `---\nprogram: a\n---\n${body}`);
      return { workspace, fileOf: () => 'a.md' };
    };
    const before = side('- [ ] One\n- [ ] Two\n- [x] Three\n- [-] Four\n- [ ] Five\n- [ ] Six\n');
    const after = side('- [x] One ✅ 2026-03-01\n- [-] Two\n- [ ] Three\n- [/] Four\n- [/] Five\n- [ ] Six ✅ 2026-03-01\n');
    assert.deepEqual(diffWorkspaces(before, after).map((change) => [change.kind, change.text]).sort(), [
      ['checklist-cancelled', 'Two'], ['checklist-done', 'One'], ['checklist-reopened', 'Four'], ['checklist-reopened', 'Three'],
    ]);
  });

  it('brief checklist --format json: state, every date and priority; total/done leave cancelled out', () => {
    const json = checklistJson({ briefs: [brief], fileOf: () => 'states.md', open: false, today: TODAY });
    assert.equal(json.total, 4);
    assert.equal(json.done, 1);
    assert.deepEqual(json.items[1], {
      program: 'states', file: 'states.md', line: 7, heading: 'Checklist', text: 'Started @li 📅 2026-02-21 ⏫', state: 'in-progress', checked: false,
      owner: '@li', due: '2026-02-21', scheduled: null, start: null, doneOn: null, cancelledOn: null, priority: 'high', overdue: true, depth: 0,
    });
    assert.deepEqual(json.items.map((item) => [item.state, item.checked, item.doneOn, item.cancelledOn]), [
      ['open', false, null, null], ['in-progress', false, null, null], ['done', true, '2026-02-22', null], ['cancelled', false, null, '2026-02-24'], ['in-progress', false, null, null],
    ]);
    const open = checklistJson({ briefs: [brief], fileOf: () => 'states.md', open: true, today: TODAY });
    assert.deepEqual(open.items.map((item) => item.state), ['open', 'in-progress', 'in-progress']);
    assert.equal(open.total, 4);
  });

  it('brief checklist text: the box as written, state and priority in words', () => {
    const text = checklistText({ briefs: [brief], fileOf: () => 'states.md', open: false, today: TODAY });
    assert.equal(text, [
      'states — States  1/4  (states.md)',
      '  Checklist  1/4',
      '    [ ] Open @li 📅 2026-02-20  (overdue)  states.md:7',
      '    [/] Started @li 📅 2026-02-21 ⏫  (in progress, high priority, overdue)  states.md:8',
      '    [x] Finished @li 📅 2026-02-22 ✅ 2026-02-22  states.md:9',
      '    [-] Dropped @li 📅 2026-02-23 ❌ 2026-02-24  (cancelled)  states.md:10',
      '    [/] Started later @li 📅 2026-03-05  (in progress)  states.md:11',
      '',
      '1/4 done',
      '',
    ].join('\n'));
    const open = checklistText({ briefs: [brief], fileOf: () => 'states.md', open: true, today: TODAY });
    assert.match(open, /1\/4 done, 3 open\n$/);
    assert.doesNotMatch(open, /Dropped|Finished/);
  });
});

describe('checklist states: ticking keeps the rest of the line', () => {
  const item = (line: string) => parseBrief('file:///ws/a.md', `---\nprogram: a\n---\n${line}\n`).checklist[0];
  const apply = (line: string, plan: ReturnType<typeof planCheckboxToggle>) => {
    assert.equal(plan.kind, 'write');
    if (plan.kind !== 'write') return line;
    let after = line;
    if (plan.dateEdit) after = after.slice(0, plan.dateEdit.range.start.character) + plan.dateEdit.text + after.slice(plan.dateEdit.range.end.character);
    const at = plan.range.start.character;
    return after.slice(0, at) + plan.text + after.slice(at + 1);
  };
  const shown = (line: string) => {
    const parsed = item(line);
    return { ...parsed, line: 0, range: { ...parsed.range, start: { ...parsed.range.start, line: 0 }, end: { ...parsed.range.end, line: 0 } }, checkboxRange: { start: { ...parsed.checkboxRange.start, line: 0 }, end: { ...parsed.checkboxRange.end, line: 0 } } };
  };
  const tick = (line: string, checked: boolean, doneDate?: string) => apply(line, planCheckboxToggle(line, shown(line), checked, doneDate === undefined ? {} : { doneDate }));

  it('[/] becomes [x], the emoji dates and the priority stay as written', () => {
    const line = '- [/] Cut over @li ⏫ 🛫 2026-02-01 ⏳ 2026-02-10 📅 2026-02-20';
    assert.equal(tick(line, true), '- [x] Cut over @li ⏫ 🛫 2026-02-01 ⏳ 2026-02-10 📅 2026-02-20');
    assert.equal(tick('- [x] Cut over ✅ 2026-02-19 📅 2026-02-20', false), '- [ ] Cut over ✅ 2026-02-19 📅 2026-02-20', 'without the setting, unticking keeps the done date');
  });

  it('with the setting on: ticking adds ✅ today (before a block id, not twice), unticking removes it', () => {
    assert.equal(tick('- [ ] Cut over 📅 2026-02-20', true, TODAY), '- [x] Cut over 📅 2026-02-20 ✅ 2026-03-01');
    assert.equal(tick('- [/] Cut over 😀 ^block-1', true, TODAY), '- [x] Cut over 😀 ✅ 2026-03-01 ^block-1');
    assert.equal(tick('- [ ] Cut over ✅ 2026-01-01', true, TODAY), '- [x] Cut over ✅ 2026-01-01', 'a done date already written is kept');
    assert.equal(tick('- [x] Cut over ✅ 2026-02-19 📅 2026-02-20', false, TODAY), '- [ ] Cut over 📅 2026-02-20');
    assert.equal(tick('- [X] ✅ 2026-02-19 Cut over', false, TODAY), '- [ ] Cut over');
    assert.equal(tick('- [x] Cut over', false, TODAY), '- [ ] Cut over');
  });

  it('a cancelled item is not ticked; a state changed meanwhile is stale, unless it is already as wanted', () => {
    const cancelled = '- [-] Dropped';
    const plan = planCheckboxToggle(cancelled, shown(cancelled), true);
    assert.equal(plan.kind, 'stale');
    assert.match(plan.kind === 'stale' ? plan.reason : '', /cancelled/);
    assert.equal(planCheckboxToggle('- [-] Task', shown('- [ ] Task'), true).kind, 'stale');
    assert.equal(planCheckboxToggle('- [/] Task', shown('- [ ] Task'), true).kind, 'stale');
    assert.deepEqual(planCheckboxToggle('- [x] Task', shown('- [/] Task'), true), { kind: 'unchanged' });
    assert.deepEqual(planCheckboxToggle('- [/] Task', shown('- [x] Task'), false), { kind: 'unchanged' });
  });

  it('planChecklistToggle: the whole line after, on CRLF text, the item found again after a done date', () => {
    const text = '---\r\nprogram: a\r\n---\r\n# H\r\n- [/] Cut over 📅 2026-02-20 ^b1\r\n- [ ] Other\r\n';
    const brief = parseBrief('file:///ws/a.md', text);
    const [first] = checklistEntries(brief, brief.checklist[0].heading?.line, { filter: {}, today: TODAY });
    const plan = planChecklistToggle(brief, { item: first.item, key: first.key, source: text }, true, { doneDate: TODAY });
    assert.equal(plan.kind, 'write');
    if (plan.kind !== 'write') return;
    assert.equal(plan.before, '- [/] Cut over 📅 2026-02-20 ^b1');
    assert.equal(plan.after, '- [x] Cut over 📅 2026-02-20 ✅ 2026-03-01 ^b1');
    const after = text.replace(plan.before, plan.after);
    const ticked = parseBrief('file:///ws/a.md', after);
    const [again] = checklistEntries(ticked, ticked.checklist[0].heading?.line, { filter: {}, today: TODAY });
    assert.equal(again.id, first.id, 'the tree id survives the done date');
    assert.equal(again.item.doneOn?.value, TODAY);
    const back = planChecklistToggle(ticked, { item: again.item, key: again.key, source: after }, false, { doneDate: TODAY });
    assert.equal(back.kind === 'write' && back.after, '- [ ] Cut over 📅 2026-02-20 ^b1');
  });
});
