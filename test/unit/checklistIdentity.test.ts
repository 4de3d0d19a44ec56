/**
 * Ticking from the tree finds the item again in the CURRENT text by who it is (heading path,
 * text, occurrence), never by the line the tree remembered (issue 9, finding 5): the planned
 * write is on that item's checkbox or nothing is written.
 */
import assert from 'node:assert/strict';
import { plainRange } from '../../src/core/model/range';
import fc from 'fast-check';
import { parseBrief } from '../../src/core';
import { mapUnchangedLine, offsetAfterChanges, planChecklistToggle, type ShownChecklistEntry } from '../../src/core/fixes/checkboxEdit';
import { checklistEntries, checklistItemKeys, type ChecklistEntry } from '../../src/core/views/checklistTree';

const URI = 'file:///w/race.brief.md';
const FRONTMATTER = ['---', 'program: race', 'title: Race', 'owner: "@vera"', '---'];
const OPTIONS = { filter: {}, today: '2026-03-01' };

const DOC = [
  ...FRONTMATTER,
  '# Race',
  '',
  'Keep the runbook current, says the prose.',
  '',
  '## Alpha',
  '- [ ] Keep the runbook current',
  '',
  '## Beta',
  'Keep this prose line intact.',
  '- [ ] Keep the runbook current',
  '',
  '### Beta details',
  '- [ ] Keep the runbook current',
  '',
  '## Gamma',
  '- [ ] Twin',
  '- [ ] Twin',
  '',
].join('\n');

/** Every entry the tree can show for a text, in document order. */
function entriesOf(text: string): ChecklistEntry[] {
  const brief = parseBrief(URI, text);
  const headingLines = [undefined, ...brief.headings.map((h) => h.line)];
  return headingLines.flatMap((line) => checklistEntries(brief, line, OPTIONS)).sort((a, b) => a.item.line - b.item.line);
}

function shownOf(entry: ChecklistEntry): ShownChecklistEntry {
  return { item: entry.item, key: entry.key, source: entry.source };
}

function entry(text: string, heading: string, nth = 0): ChecklistEntry {
  const found = entriesOf(text).filter((e) => e.key.headingPath[e.key.headingPath.length - 1] === heading)[nth];
  assert.ok(found, `an item #${nth} under ${heading}`);
  return found;
}

function plan(text: string, shown: ChecklistEntry, checked = true) {
  return planChecklistToggle(parseBrief(URI, text), shownOf(shown), checked);
}

const lines = (text: string) => text.split('\n');
const withoutLine = (text: string, line: number) => lines(text).filter((_, i) => i !== line).join('\n');
const withLine = (text: string, line: number, inserted: string) => {
  const all = lines(text);
  all.splice(line, 0, inserted);
  return all.join('\n');
};

describe('checklist identity: keys', () => {
  it('gives each item its heading path, and its occurrence among same-text items under that path', () => {
    const brief = parseBrief(URI, DOC);
    assert.deepEqual(checklistItemKeys(brief).map((k) => [k.headingPath.join(' / '), k.text, k.occurrence, k.count]), [
      ['Race / Alpha', 'Keep the runbook current', 0, 1],
      ['Race / Beta', 'Keep the runbook current', 0, 1],
      ['Race / Beta / Beta details', 'Keep the runbook current', 0, 1],
      ['Race / Gamma', 'Twin', 0, 2],
      ['Race / Gamma', 'Twin', 1, 2],
    ]);
  });

  it('builds tree ids from the key, so an edit above the item keeps its id', () => {
    const before = entriesOf(DOC).map((e) => e.id);
    assert.equal(new Set(before).size, before.length, 'ids are unique');
    const after = entriesOf(withLine(DOC, 6, 'A new paragraph.\n')).map((e) => e.id);
    assert.deepEqual(after, before);
  });
});

describe('checklist identity: planChecklistToggle', () => {
  it('ticks a task whose checkbox opens the line after its list marker (`-` then `  [ ] box`)', () => {
    const text = [...FRONTMATTER, '## Split', '-', '  [ ] Split item @vera', '- [ ] Plain item', ''].join('\n');
    const split = entry(text, 'Split');
    assert.equal(split.item.text, 'Split item @vera');
    assert.deepEqual(plan(text, split), {
      kind: 'write',
      range: { start: { line: split.item.line, character: 3 }, end: { line: split.item.line, character: 4 } },
      text: 'x',
      before: '  [ ] Split item @vera',
      after: '  [x] Split item @vera',
    });
  });

  it('writes exactly the checkbox of the item, with the line before and after', () => {
    const beta = entry(DOC, 'Beta');
    const result = plan(DOC, beta);
    assert.deepEqual(result, {
      kind: 'write',
      range: { start: { line: beta.item.line, character: 3 }, end: { line: beta.item.line, character: 4 } },
      text: 'x',
      before: '- [ ] Keep the runbook current',
      after: '- [x] Keep the runbook current',
    });
  });

  it('attack: lines deleted above put the same text under another heading at the old line; the write goes to the right item', () => {
    const beta = entry(DOC, 'Beta');
    // Delete lines near the top until the "Beta details" item sits where the tree remembers Beta's.
    const details = entry(DOC, 'Beta details');
    const shift = details.item.line - beta.item.line;
    let text = DOC;
    for (let i = 0; i < shift; i++) text = withoutLine(text, 6); // blank/prose lines near the top
    assert.equal(lines(text)[beta.item.line], '- [ ] Keep the runbook current', 'the old line holds the same text under another heading');
    const result = plan(text, beta);
    assert.equal(result.kind, 'write');
    assert.ok(result.kind === 'write');
    assert.equal(result.range.start.line, beta.item.line - shift, 'Beta\'s own item, where it is now');
  });

  it('attack: a line inserted above puts prose at the old line; the write never lands on it', () => {
    const beta = entry(DOC, 'Beta');
    // Insert so that "Keep this prose line intact." is now on Beta's remembered line.
    const text = withLine(DOC, 6, 'Inserted.');
    assert.equal(lines(text)[beta.item.line], 'Keep this prose line intact.');
    const result = plan(text, beta);
    assert.ok(result.kind === 'write', JSON.stringify(result));
    assert.equal(result.range.start.line, beta.item.line + 1);
    assert.equal(result.before, '- [ ] Keep the runbook current');
  });

  it('is stale when the item is gone, reworded, re-indented, or its heading renamed', () => {
    const beta = entry(DOC, 'Beta');
    const line = beta.item.line;
    assert.equal(plan(withoutLine(DOC, line), beta).kind, 'stale');
    assert.equal(plan(DOC.replace('Keep this prose line intact.\n- [ ] Keep the runbook current', 'Keep this prose line intact.\n- [ ] Keep the runbook fresh'), beta).kind, 'stale');
    assert.equal(plan(DOC.replace('## Beta\n', '## Beta two\n'), beta).kind, 'stale');
    const indented = lines(DOC);
    indented[line] = ' ' + indented[line];
    assert.equal(plan(indented.join('\n'), beta).kind, 'stale');
  });

  it('is stale when an item with the same text was added or removed under the same heading', () => {
    const twin = entry(DOC, 'Gamma', 1);
    const added = plan(withLine(DOC, twin.item.line - 1, '- [ ] Twin'), twin);
    assert.ok(added.kind === 'stale' && /number of items reading “Twin” under “Gamma” changed \(2 → 3\)/.test(added.reason), JSON.stringify(added));
    assert.equal(plan(withoutLine(DOC, twin.item.line - 1), twin).kind, 'stale');
  });

  it('finds an item only where its line went: edits on both sides of it make it stale', () => {
    const first = entry(DOC, 'Gamma', 0);
    const second = entry(DOC, 'Gamma', 1);
    // An edit above only: the lines below are unchanged, the item is found where it moved.
    const above = withLine(DOC, 6, 'Inserted.');
    const a = plan(above, second);
    assert.ok(a.kind === 'write' && a.range.start.line === second.item.line + 1, JSON.stringify(a));
    // Edits above and below: order alone cannot be trusted, nothing is written.
    const both = withLine(withLine(DOC, lines(DOC).length - 1, 'Below.'), 6, 'Inserted.');
    assert.equal(plan(both, first).kind, 'stale');
    // So is an item with a unique text: under the same headings, with the same text, but after
    // headings were deleted and added around it, it may be another item.
    assert.equal(plan(both, entry(DOC, 'Alpha')).kind, 'stale');
  });

  it('is unchanged when the item is already as wanted, stale when it was toggled the other way meanwhile', () => {
    const alpha = entry(DOC, 'Alpha');
    const ticked = DOC.replace('## Alpha\n- [ ]', '## Alpha\n- [x]');
    assert.deepEqual(plan(ticked, alpha, true), { kind: 'unchanged' });
    const done = entry(ticked, 'Alpha');
    assert.equal(plan(DOC, done, true).kind, 'stale', 'shown done, unticked meanwhile, asked done again');
    const untick = plan(ticked, done, false);
    assert.ok(untick.kind === 'write' && untick.text === ' ');
  });

  it('items above the first heading have an empty heading path', () => {
    const text = [...FRONTMATTER, '- [ ] Before any heading', '# Race', '- [ ] Before any heading', ''].join('\n');
    const [top, under] = entriesOf(text);
    assert.deepEqual([top.key.headingPath, under.key.headingPath], [[], ['Race']]);
    const result = plan(withLine(text, 5, 'Prose.\n'), top);
    assert.ok(result.kind === 'write' && result.range.start.line === 7, JSON.stringify(result));
  });
});

describe('checklist identity: mapUnchangedLine', () => {
  it('maps a line when the texts differ only on it or on one side of it, and not otherwise', () => {
    const before = 'a\nb\nc\nd\ne';
    assert.equal(mapUnchangedLine(before, 'a\nb\nX\nc\nd\ne', 1), 1, 'edited below');
    assert.equal(mapUnchangedLine(before, 'a\nb\nX\nc\nd\ne', 3), 4, 'edited above');
    assert.equal(mapUnchangedLine(before, 'b\nc\nd\ne', 3), 2, 'a line deleted above');
    assert.equal(mapUnchangedLine(before, 'a\nb\nC!\nd\ne', 2), 2, 'the line itself edited');
    assert.equal(mapUnchangedLine(before, 'a\nb\nX\nY\nc\nd\ne', 2), 4, 'lines inserted right above it');
    assert.equal(mapUnchangedLine(before, 'X\na\nb\nc\nd\nY\ne', 2), undefined, 'edited above and below');
    assert.equal(mapUnchangedLine(before, 'a\nB\nc\nD\ne', 2), undefined, 'edited above and below, same length');
    assert.equal(mapUnchangedLine(before, before, 4), 4);
    assert.equal(mapUnchangedLine(before, before, 5), undefined, 'no such line');
    assert.equal(mapUnchangedLine('a\r\nb\r\nc', 'a\r\nb\r\nc\r\nd', 2), 2);
  });
});

describe('checklist identity: offsetAfterChanges (taking a misplaced tick back)', () => {
  it('follows a character through the changes reported after it', () => {
    // "ab[x]cd", the x at 3.
    assert.equal(offsetAfterChanges(3, []), 3);
    assert.equal(offsetAfterChanges(3, [{ rangeOffset: 0, rangeLength: 0, text: 'NEW\n' }]), 7, 'inserted before');
    assert.equal(offsetAfterChanges(3, [{ rangeOffset: 3, rangeLength: 0, text: 'p' }]), 4, 'inserted right before it');
    assert.equal(offsetAfterChanges(3, [{ rangeOffset: 4, rangeLength: 0, text: 'p' }]), 3, 'inserted after');
    assert.equal(offsetAfterChanges(3, [{ rangeOffset: 0, rangeLength: 2, text: '' }]), 1, 'deleted before');
    assert.equal(offsetAfterChanges(3, [{ rangeOffset: 2, rangeLength: 2, text: 'zz' }]), undefined, 'replaced');
    assert.equal(offsetAfterChanges(3, [{ rangeOffset: 5, rangeLength: 1, text: '' }, { rangeOffset: 0, rangeLength: 1, text: 'AB' }]), 4, 'several changes of one event');
  });

  it('agrees with applying the changes (seeded)', () => {
    const change = fc.record({ rangeOffset: fc.nat(20), rangeLength: fc.nat(3), text: fc.constantFrom('', 'p', 'qq\n') });
    fc.assert(fc.property(fc.string({ minLength: 21, maxLength: 30 }), fc.nat(20), fc.array(change, { maxLength: 3 }), (text, offset, raw) => {
      // Non-overlapping changes, as one event reports them.
      const changes = [...raw].sort((a, b) => a.rangeOffset - b.rangeOffset).filter((c, i, all) => i === 0 || c.rangeOffset >= all[i - 1].rangeOffset + Math.max(all[i - 1].rangeLength, 1));
      const marked = text.slice(0, offset) + '\u0000' + text.slice(offset + 1);
      let after = marked;
      for (const c of [...changes].reverse()) after = after.slice(0, c.rangeOffset) + c.text + after.slice(c.rangeOffset + c.rangeLength);
      const moved = offsetAfterChanges(offset, changes);
      if (moved === undefined) assert.ok(!after.includes('\u0000'));
      else assert.equal(after.indexOf('\u0000'), moved);
    }), { numRuns: 2000, seed: 9 });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random documents with duplicate item texts under different (and the same) headings,
// random edits above and below the item, then plan: the write is on the right item, or stale.

const HEADINGS = ['# Alpha', '## Alpha', '## Beta', '### Beta', '## Checklist', '# Checklist'];
const ITEMS = ['- [ ] Keep the runbook current', '- [x] Keep the runbook current', '- [ ] Twin', '- [ ] Twin', '- [ ] Ship it', '  - [ ] Twin', '* [ ] Keep'];
const PROSE = ['Keep calm.', 'Keep the runbook current, says the prose.', '', '', 'Twin', '---', '> - [ ] Twin'];
const line = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 5, arbitrary: fc.constantFrom(...ITEMS) },
  { weight: 3, arbitrary: fc.constantFrom(...PROSE) },
);
const body = fc.array(line, { minLength: 3, maxLength: 30 });
const edit = fc.record({
  kind: fc.constantFrom('insertAbove', 'insertBelow', 'deleteAbove', 'deleteBelow', 'typeOther'),
  at: fc.nat(),
  text: line,
  char: fc.constantFrom('p', ' ', '#', '-', 'x'),
});

interface Edit {
  kind: string;
  at: number;
  text: string;
  char: string;
}

/** Applies edits that never touch the target's line, following where that line goes. */
function edited(text: string, targetLine: number, edits: readonly Edit[]): { text: string; line: number } {
  const all = lines(text);
  let tracked = targetLine;
  const first = FRONTMATTER.length;
  for (const e of edits) {
    const above = tracked - first; // editable lines above the target
    const below = all.length - tracked - 1;
    if (e.kind === 'insertAbove') {
      const at = first + (e.at % (above + 1));
      all.splice(at, 0, e.text);
      tracked++;
    } else if (e.kind === 'insertBelow') {
      all.splice(tracked + 1 + (e.at % (below + 1)), 0, e.text);
    } else if (e.kind === 'deleteAbove' && above > 0) {
      all.splice(first + (e.at % above), 1);
      tracked--;
    } else if (e.kind === 'deleteBelow' && below > 0) {
      all.splice(tracked + 1 + (e.at % below), 1);
    } else if (e.kind === 'typeOther' && all.length - first > 1) {
      let at = first + (e.at % (all.length - first));
      if (at === tracked) at = at + 1 < all.length ? at + 1 : first;
      if (at === tracked) continue;
      const column = e.at % (all[at].length + 1);
      all[at] = all[at].slice(0, column) + e.char + all[at].slice(column);
    }
  }
  return { text: all.join('\n'), line: tracked };
}

describe('checklist identity: property', () => {
  it('after random edits above and below, the planned write is on the right item or stale, never on another line (seeded)', () => {
    let written = 0;
    let runs = 0;
    fc.assert(
      fc.property(body, fc.nat(), fc.array(edit, { maxLength: 4 }), (bodyLines, pick, edits) => {
        const text = [...FRONTMATTER, ...bodyLines, ''].join('\n');
        const entries = entriesOf(text);
        if (entries.length === 0) return;
        runs++;
        const target = entries[pick % entries.length];
        const { text: current, line: tracked } = edited(text, target.item.line, edits);
        const result = plan(current, target, target.item.state !== 'done');
        if (result.kind !== 'write') return;
        written++;
        const now = lines(current);
        const w = result.range.start.line;
        // Never another line: the write is on a task item with the same text, under the same
        // headings, at its checkbox, and changes that one character.
        const there = entriesOf(current).find((e) => e.item.line === w);
        assert.ok(there, `the write is on an item line: ${JSON.stringify(now[w])}`);
        assert.equal(there.item.text, target.item.text);
        assert.deepEqual(there.key.headingPath, target.key.headingPath);
        assert.deepEqual(plainRange(result.range), plainRange(there.item.checkboxRange));
        assert.equal(result.before, now[w]);
        assert.equal(result.after.length, result.before.length);
        assert.equal([...result.after].filter((c, i) => c !== result.before[i]).length, 1);
        // The right item: the one the tree showed, followed through the edits. Only when the text
        // cannot tell (the lines above it, or below it, read exactly as the tree showed them:
        // identical lines swapped by the edits) may it be its indistinguishable twin.
        if (w !== tracked) {
          const shownLines = lines(text);
          const s = target.item.line;
          const samePrefix = w === s && now.slice(0, w).join('\n') === shownLines.slice(0, s).join('\n');
          const sameSuffix = now.length - w === shownLines.length - s && now.slice(w + 1).join('\n') === shownLines.slice(s + 1).join('\n');
          assert.ok(samePrefix || sameSuffix, `wrote line ${w}, the item is on line ${tracked}\n${current}`);
        }
      }),
      { numRuns: 3000, seed: 20261201 },
    );
    assert.ok(written > runs / 3, `the property must not pass by refusing: ${written} writes in ${runs} runs`);
  });
});
