/**
 * The full schedule built in numbered form straight from the briefs (src/core/schedule/plan.ts,
 * `scheduleWorkspace`) and the graph with its plan in one pass (build.ts, `buildSchedule`) equal
 * the schedule built the plain way: the node objects of `nodesOfBrief` linked through a map by
 * id (the reference below, the engine's first version), numbered by `planSchedule`, computed by
 * `computeSchedule`. Seeded random workspaces with the awkward cases: program ids that are
 * prefixes of others or hold characters that sort before `#` (or a `#`), milestone ids out of
 * order, duplicated, cancelled or done, references to nothing, to cancelled milestones, to
 * themselves, twice, to whole programs, bare and across programs, invalid dates, cycles.
 */
import * as assert from 'node:assert/strict';
import {
  buildSchedule, buildScheduleGraph, computeSchedule, planSchedule, planWorkspace, scheduleWorkspace,
  type ScheduleGraph, type SchedulePlan,
} from '../../src/core/schedule';
import { nodesOfBrief, programBriefs } from '../../src/core/schedule/nodes';
import type { Brief } from '../../src/core/model/model';
import type { BriefWorkspace } from '../../src/core/workspace/workspace';
import { prng } from '../support/prng';
import { awkwardWorkspace, EXAMPLE, workspaceOf } from './scheduleFixtures';

/** The graph as the engine's first version built it: nodes by id, edges appended, then each list sorted and made unique. */
function referenceGraph(workspace: BriefWorkspace): ScheduleGraph {
  const graph: ScheduleGraph = new Map();
  for (const brief of programBriefs(workspace)) for (const node of nodesOfBrief(brief)) graph.set(node.id, node);
  for (const node of graph.values()) {
    for (const target of node.waitsFor) {
      const from = graph.get(target);
      if (!from || from === node) continue;
      node.predecessors.push(target);
      from.successors.push(node.id);
    }
  }
  const unique = (list: string[]) => [...new Set(list)].sort();
  for (const node of graph.values()) {
    node.predecessors = unique(node.predecessors);
    node.successors = unique(node.successors);
  }
  return graph;
}

/** A plan's fields as plain values (`index` is made on first use in a numbered plan). */
function planValues(plan: SchedulePlan) {
  const { ids, index, predecessors, successors, pinned, planned, onCycle, order } = plan;
  return { ids, index: [...index], predecessors, successors, pinned, planned, onCycle, order };
}

function assertSameSchedule(workspace: BriefWorkspace, where: string) {
  const graph = referenceGraph(workspace);
  const plan = planSchedule(graph);
  const result = computeSchedule(graph, undefined, plan);

  const built = buildSchedule(workspace);
  assert.deepEqual([...built.graph], [...graph], `${where}: buildSchedule's graph (ids in the same order)`);
  assert.deepEqual(planValues(built.plan), planValues(plan), `${where}: buildSchedule's plan`);
  assert.deepEqual([...buildScheduleGraph(workspace)], [...graph], `${where}: buildScheduleGraph`);
  assert.deepEqual([...computeSchedule(built.graph, undefined, built.plan)], [...result], `${where}: computeSchedule on buildSchedule's plan`);

  const schedule = scheduleWorkspace(workspace);
  assert.deepEqual(planValues(schedule.plan), planValues(plan), `${where}: scheduleWorkspace's plan`);
  assert.deepEqual([...schedule.result], [...result], `${where}: scheduleWorkspace's result`);
  assert.deepEqual([...schedule.graph], [...graph], `${where}: scheduleWorkspace's graph`);
  for (let v = 0; v < plan.ids.length; v++) {
    const own = result.get(plan.ids[v])!;
    const numbers = schedule.numbers;
    assert.equal(numbers.forecast[v], own.forecast ?? Number.NaN, `${where}: forecast of ${plan.ids[v]}`);
    assert.equal(numbers.slack[v], own.slack ?? Number.NaN, `${where}: slack of ${plan.ids[v]}`);
  }
}

describe('schedule: the numbered full schedule equals the plain one', () => {
  it('on the worked example (docs/schedule.md)', () => {
    assertSameSchedule(workspaceOf(EXAMPLE), 'example');
    assert.ok(planWorkspace(workspaceOf(EXAMPLE)), 'built in numbered form directly');
  });

  it('on seeded random workspaces with the awkward cases', () => {
    const SEED = 20261202;
    const random = prng(SEED);
    for (let run = 0; run < 400; run++) {
      const workspace = workspaceOf(awkwardWorkspace(random));
      assert.ok(planWorkspace(workspace), `run ${run}: planned directly`);
      assertSameSchedule(workspace, `run ${run} (seed ${SEED})`);
    }
  });

  it('program ids that sort before `#` (the schema allows none) go through the graph, with the same result', () => {
    // The parser gives no program for such an id, so a brief is renamed by hand, with every reference to it.
    const parsed = workspaceOf([
      { program: 'a', target: '2027-03-01', milestones: [{ id: 'x', due: '2027-02-01', depends: ['ab#y'] }] },
      { program: 'ab', target: '2027-03-01', depends: ['a#x'], milestones: [{ id: 'y', due: '2027-02-20' }] },
      { program: 'ac', milestones: [{ id: 'z', due: '2027-02-25', depends: ['a#x', 'ab#y'] }] },
    ]);
    const rename = (entries: Brief['dependsOn'], from: string, to: string) => entries.map((entry) => (entry.program === from ? { ...entry, program: to } : entry));
    // `a!` sorts before `a#x`; `a#x` is also the id of a milestone of `a` (the later node replaces it); `a x` has a space.
    for (const [from, to] of [['ab', 'a!'], ['ab', 'a#x'], ['ac', 'a x']]) {
      const briefs: Brief[] = parsed.briefs().map((brief) => ({
        ...brief,
        ...(brief.program!.value === from && { program: { ...brief.program!, value: to } }),
        dependsOn: rename(brief.dependsOn, from, to),
        milestones: brief.milestones.map((m) => ({ ...m, dependsOn: rename(m.dependsOn, from, to) })),
      }));
      const workspace = { briefs: () => briefs, program: (id: string) => briefs.find((brief) => brief.program?.value === id) } as unknown as BriefWorkspace;
      assert.equal(planWorkspace(workspace), undefined, `${to}: not planned directly`);
      assertSameSchedule(workspace, `${from} renamed ${to}`);
    }
  });
});
