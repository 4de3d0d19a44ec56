/**
 * Slip impact ("what if", src/core/schedule/impact.ts): the what-if that reuses a plan and
 * recomputes only downstream of the moved nodes equals a recomputation of the whole schedule
 * from scratch, over seeded random workspaces and every kind of reference (milestones done or
 * not, on a cycle or not, programs), later and earlier; and with a plan it never walks the whole
 * graph.
 */
import * as assert from 'node:assert/strict';
import {
  buildSchedule, computeSchedule, dateOfDay, dayNumber, drivingChain, ImpactError, ScheduleIndex, scheduleWorkspace, slipImpact,
  type Impact, type ImpactChange, type ScheduleGraph, type ScheduleNode, type ScheduleResult,
} from '../../src/core/schedule';
import { prng } from '../support/prng';
import { awkwardWorkspace, briefText, EXAMPLE, randomWorkspace, workspaceOf } from './scheduleFixtures';

/** The spec's definition, computed the long way: move the planned dates, compute every node again, compare every node. */
function impactFromScratch(graph: ScheduleGraph, ref: string, days: number, before?: ScheduleResult): Impact {
  const target = graph.get(ref)!;
  const overrides = new Map<string, number>();
  if (target.kind === 'milestone') {
    overrides.set(ref, target.planned! + days);
  } else {
    if (target.planned !== undefined) overrides.set(ref, target.planned + days);
    for (const node of graph.values()) {
      if (node.kind === 'milestone' && node.program === ref && !node.pinned && node.planned !== undefined) overrides.set(node.id, node.planned + days);
    }
  }
  const was = before ?? computeSchedule(graph);
  const now = computeSchedule(graph, overrides);
  const changes: ImpactChange[] = [];
  for (const id of [...graph.keys()].sort()) {
    const a = was.get(id)?.forecast;
    const b = now.get(id)?.forecast;
    if (a === b) continue;
    const node = graph.get(id)!;
    const chain = drivingChain(now, id).slice(1).reverse();
    const from = chain.findIndex((step) => overrides.has(step));
    const change: ImpactChange = { id, kind: node.kind, late: b !== undefined && node.planned !== undefined && b > node.planned, via: from < 0 ? [] : chain.slice(from) };
    if (node.owner) change.owner = node.owner;
    if (node.planned !== undefined) change.planned = node.planned;
    if (a !== undefined) change.before = a;
    if (b !== undefined) change.after = b;
    if (a !== undefined && b !== undefined) change.days = b - a;
    changes.push(change);
  }
  const late = (result: ScheduleResult, node: ScheduleNode) => (result.get(node.id)?.forecast ?? -Infinity) > node.planned!;
  const programsLate = [...graph.values()]
    .filter((node) => node.kind === 'program' && node.planned !== undefined && !late(was, node) && late(now, node))
    .map((node) => node.id)
    .sort();
  return { ref, days, changes, programsLate };
}

/** A map that refuses to be walked: only `get` and `has` of single ids. */
class UnwalkableGraph extends Map<string, ScheduleNode> {
  walked = false;
  private refuse(): never {
    this.walked = true;
    throw new Error('the whole graph was walked');
  }
  override keys(): never { return this.refuse(); }
  override values(): never { return this.refuse(); }
  override entries(): never { return this.refuse(); }
  override forEach(): never { return this.refuse(); }
  override [Symbol.iterator](): never { return this.refuse(); }
}

describe('schedule: what-if downstream of the moved nodes equals a recomputation from scratch', () => {
  it('on seeded random workspaces: every movable node and program, later and earlier, with and without `before`', () => {
    const SEED = 20261203;
    const random = prng(SEED);
    let checked = 0;
    let moved = 0;
    for (let run = 0; run < 250; run++) {
      const specs = run % 2 === 0 ? awkwardWorkspace(random) : randomWorkspace(random);
      const workspace = workspaceOf(specs);
      const schedule = scheduleWorkspace(workspace);
      const built = buildSchedule(workspace);
      const { graph, plan } = schedule;
      const before = computeSchedule(graph);
      for (const node of graph.values()) {
        if (node.kind === 'milestone' && node.planned === undefined) continue;
        const days = Math.floor(random() * 61) - 30;
        const where = `run ${run} (seed ${SEED}): ${node.id} ${days} days`;
        const expected = impactFromScratch(graph, node.id, days);
        assert.deepEqual(slipImpact(graph, node.id, days, undefined, plan), expected, `${where}, with the plan`);
        assert.deepEqual(slipImpact(graph, node.id, days, before, plan), expected, `${where}, with the plan and before`);
        assert.deepEqual(slipImpact(built.graph, node.id, days, undefined, built.plan), expected, `${where}, with buildSchedule's plan`);
        assert.deepEqual(slipImpact(graph, node.id, days), expected, `${where}, without a plan`);
        checked++;
        moved += expected.changes.length;
      }
    }
    assert.ok(checked > 1000 && moved > checked, `enough cases that move something (${checked} what-ifs, ${moved} changes)`);
  });

  it('a `before` that is not the plan\'s own schedule is compared node by node, as from scratch', () => {
    const { graph, plan } = scheduleWorkspace(workspaceOf(EXAMPLE));
    const stale = new Map(computeSchedule(graph));
    stale.set('api', { onCycle: false, forecast: 0 });
    const impact = slipImpact(graph, 'storage#hardware', 14, stale, plan);
    assert.deepEqual(impact, impactFromScratch(graph, 'storage#hardware', 14, stale));
    assert.ok(impact.changes.some((change) => change.id === 'api'), 'api differs from the stale schedule though the slip does not reach it');
  });

  it('with a plan, looks up only what the slip reaches and never walks the whole graph', () => {
    const { graph, plan } = scheduleWorkspace(workspaceOf(EXAMPLE));
    const guarded = new UnwalkableGraph();
    for (const [id, node] of graph) Map.prototype.set.call(guarded, id, node);
    for (const [ref, days] of [['storage#hardware', 14], ['storage', 7], ['web#design', -3]] as const) {
      assert.deepEqual(slipImpact(guarded, ref, days, undefined, plan), impactFromScratch(graph, ref, days), `${ref} ${days}`);
    }
    assert.equal(guarded.walked, false);
  });

  it('ScheduleIndex.impact, after seeded random edit sequences (dates, statuses, targets, new references), equals it too', () => {
    const SEED = 20261204;
    const random = prng(SEED);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    let checked = 0;
    for (let run = 0; run < 60; run++) {
      const specs = randomWorkspace(random);
      const workspace = workspaceOf(specs);
      const index = new ScheduleIndex();
      index.update(workspace);
      for (let step = 0; step < 12; step++) {
        const spec = pick(specs);
        const milestone = spec.milestones.length > 0 ? pick(spec.milestones) : undefined;
        const roll = random();
        if (milestone && roll < 0.4) milestone.due = dateOfDay(dayNumber('2027-01-01') + Math.floor(random() * 120));
        else if (milestone && roll < 0.6) milestone.status = pick(['done', 'in-progress', 'cancelled', 'not-started']);
        else if (milestone && roll < 0.75) milestone.depends = [...(milestone.depends ?? []), `${pick(specs).program}#m${Math.floor(random() * 4)}`];
        else spec.target = dateOfDay(dayNumber('2027-02-01') + Math.floor(random() * 90));
        workspace.setText(`file:///ws/${spec.program}.md`, briefText(spec));
        index.update(workspace);
        const graph = index.scheduleGraph;
        const refs = [...graph.values()].filter((node) => node.planned !== undefined || node.kind === 'program');
        for (let k = 0; k < 2 && refs.length > 0; k++) {
          const ref = pick(refs).id;
          const days = Math.floor(random() * 41) - 20;
          assert.deepEqual(index.impact(ref, days), impactFromScratch(graph, ref, days), `run ${run} step ${step} (seed ${SEED}): ${ref} ${days} days`);
          checked++;
        }
      }
    }
    assert.ok(checked > 1000, `${checked} what-ifs`);
  });

  it('refuses an unknown ref or a milestone without a due date, with a plan too', () => {
    const { graph, plan } = scheduleWorkspace(workspaceOf([{ program: 'p', milestones: [{ id: 'undated' }] }]));
    assert.throws(() => slipImpact(graph, 'nope', 3, undefined, plan), ImpactError);
    assert.throws(() => slipImpact(graph, 'p#undated', 3, undefined, plan), ImpactError);
  });
});
