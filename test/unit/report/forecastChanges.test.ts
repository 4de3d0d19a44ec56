/**
 * The slip impact of `brief diff` (forecastChanges): computed incrementally from the old
 * schedule when the two workspaces share their unchanged briefs; on seeded random workspaces
 * and edits it must equal the forecasts compared from two schedules computed from scratch.
 */
import * as assert from 'node:assert/strict';
import { forecastChanges } from '../../../src/core/report/diff';
import { buildScheduleGraph, computeSchedule, dateOfDay, dayNumber } from '../../../src/core/schedule';
import { BriefWorkspace } from '../../../src/core/workspace/workspace';
import { prng } from '../../support/prng';
import { briefText, randomWorkspace, type BriefSpec } from '../scheduleFixtures';

function fromScratch(before: BriefWorkspace, after: BriefWorkspace): [string, string, string][] {
  const old = computeSchedule(buildScheduleGraph(before));
  const graph = buildScheduleGraph(after);
  const now = computeSchedule(graph);
  const moved: [string, string, string][] = [];
  for (const id of [...graph.keys()].sort()) {
    const [a, b] = [old.get(id)?.forecast, now.get(id)?.forecast];
    if (a !== undefined && b !== undefined && a !== b) moved.push([id, dateOfDay(a), dateOfDay(b)]);
  }
  return moved;
}

describe('diff: forecastChanges (seeded)', () => {
  it('equals two schedules from scratch, over 300 random workspaces with dates moved, milestones done and dependencies changed', () => {
    const random = prng(2027);
    for (let run = 0; run < 300; run++) {
      const specs = randomWorkspace(random);
      const before = new BriefWorkspace();
      for (const spec of specs) before.setText(`file:///ws/${spec.program}.md`, briefText(spec));
      // The working tree: most briefs the same parsed objects, some edited.
      const after = new BriefWorkspace();
      for (const spec of specs) {
        const uri = `file:///ws/${spec.program}.md`;
        if (random() < 0.6) {
          after.setBrief(before.get(uri)!);
          continue;
        }
        const edited: BriefSpec = structuredClone(spec);
        for (const m of edited.milestones) {
          if (m.due && random() < 0.5) m.due = dateOfDay(dayNumber(m.due) + Math.floor(random() * 41) - 20);
          if (random() < 0.1) m.status = 'done';
          if (random() < 0.1) m.depends = [];
        }
        if (edited.target && random() < 0.3) edited.target = dateOfDay(dayNumber(edited.target) + 7);
        after.setText(uri, briefText(edited));
      }
      // Usually different versions (the incremental path, as brief diff makes them); sometimes the same (from scratch).
      const sameVersion = random() < 0.2;
      if (sameVersion) assert.equal(after.version, before.version);
      else { after.setText('x:pad', ''); after.delete('x:pad'); assert.notEqual(after.version, before.version); }
      const got = forecastChanges(before, after).map((c) => [c.id, c.before, c.after]);
      assert.deepEqual(got, fromScratch(before, after), `run ${run}`);
    }
  });
});
