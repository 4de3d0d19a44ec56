/**
 * Whether kept briefs still hold their files' texts: a parse slices long strings out of the text,
 * and one such slice kept alive keeps the whole text (docs/benchmark.md, "Memory per brief").
 * Measured as the heap's growth, after a full collection, while holding what a keeper makes of
 * 40 parsed briefs whose texts are 250 KB each and unique.
 */
import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Brief, parseBrief } from '../../src/core';

export const HELD_BRIEFS = 40;
export const HELD_FILLER = 250_000;

/** A brief whose text is unique and large (a long paragraph), with long strings that a parse slices from it. */
function bigText(i: number): string {
  return [
    '---', `program: retained-${i}`, `title: The program number ${i} with a title long enough to be a slice`, 'owner: "@maria"',
    `summary: A summary of program ${i} that is well over forty characters long`,
    'milestones:', `  - id: design-approved-by-everyone-${i}`, `    title: Design approved by every team of program ${i}`, '    due: 2026-05-01',
    'risks:', `  - id: risk-${i}`, `    title: A vendor ships late for program ${i}, later than anyone planned`, '    owner: "@maria"', '    likelihood: high', '    impact: high',
    `    mitigation: A second vendor is lined up for program ${i} before the cutover`,
    '---', '', `# Program ${i}`, '', '## Checklist', '', `- [ ] Write the rollout plan for every region of program ${i} @maria`, '',
    `Filler ${i}: ${'words of a long section '.repeat(HELD_FILLER / 24)}`, '',
  ].join('\n');
}

/** Heap growth (bytes) while holding what `hold` makes of each of the briefs, after a full collection. */
export function heldBytes(hold: (brief: Brief) => unknown): number {
  // The collector, on demand: mocha does not run with --expose-gc.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  collect();
  const before = process.memoryUsage().heapUsed;
  const held: unknown[] = [];
  for (let i = 0; i < HELD_BRIEFS; i++) held.push(hold(parseBrief(`file:///w/retained-${i}.md`, bigText(i))));
  collect();
  const growth = process.memoryUsage().heapUsed - before;
  assert.equal(held.length, HELD_BRIEFS);
  return growth;
}

/**
 * Asserts that `keep` lets go of the texts while the control (the parsed model without its `text`
 * field) is shown to hold them all, so the measure can tell. Every brief has the same fields, so
 * one field left a slice would keep every text (10 MB); a kept model is about 20 KB.
 */
export function assertLetsGoOfTexts(keep: (brief: Brief) => unknown): void {
  const kept = heldBytes(keep);
  const sliced = heldBytes(({ text: _text, ...rest }) => rest);
  assert.ok(sliced > HELD_BRIEFS * HELD_FILLER * 0.8, `the control held ${sliced} bytes`);
  assert.ok(kept < (HELD_BRIEFS * HELD_FILLER) / 4, `kept briefs held ${kept} bytes`);
}
