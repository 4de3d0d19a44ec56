/**
 * The schedule engine (src/core/schedule; docs/schedule.md): a worked example that can be
 * followed by hand, the spec's edge cases, and seeded properties over random workspaces.
 */
import * as assert from 'node:assert/strict';
import {
  buildScheduleGraph, computeSchedule, dateOfDay, dayNumber, drivingChain, remainingCriticalPath, slipImpact,
  type ScheduleResult,
} from '../../src/core/schedule';
import { prng } from '../support/prng';
import { EXAMPLE, randomWorkspace, workspaceOf } from './scheduleFixtures';

const date = (result: ScheduleResult, id: string) => {
  const forecast = result.get(id)?.forecast;
  return forecast === undefined ? undefined : dateOfDay(forecast);
};

describe('schedule: the worked example (docs/schedule.md)', () => {
  const graph = buildScheduleGraph(workspaceOf(EXAMPLE));
  const result = computeSchedule(graph);

  it('has a node per milestone and a finish node per program, with the spec\'s edges', () => {
    assert.deepEqual([...graph.keys()].sort(), ['api', 'api#v2', 'storage', 'storage#cluster', 'storage#hardware', 'web', 'web#cutover', 'web#design']);
    assert.deepEqual(graph.get('web#cutover')!.predecessors, ['api#v2', 'web#design']);
    assert.deepEqual(graph.get('web')!.predecessors, ['web#cutover', 'web#design'], 'a whole-program reference (`api`) moves no date');
    assert.deepEqual(graph.get('storage#cluster')!.predecessors, ['storage#hardware'], 'a bare id is a milestone of the same brief');
  });

  it('forecasts through the chain: each date is the latest of its own and what it waits for', () => {
    assert.equal(date(result, 'storage#hardware'), '2027-03-10');
    assert.equal(date(result, 'storage#cluster'), '2027-03-10');
    assert.equal(date(result, 'api#v2'), '2027-03-10');
    assert.equal(date(result, 'web#cutover'), '2027-03-20');
    assert.equal(date(result, 'web#design'), '2027-02-01', 'done is pinned');
    assert.equal(date(result, 'storage'), '2027-03-15');
  });

  it('slip, driver and the driving chain', () => {
    assert.equal(result.get('storage#cluster')!.slip, 9);
    assert.equal(result.get('api#v2')!.slip, 5);
    assert.equal(result.get('api#v2')!.driver, 'storage#cluster');
    assert.deepEqual(drivingChain(result, 'api#v2'), ['api#v2', 'storage#cluster', 'storage#hardware']);
    assert.equal(result.get('web#cutover')!.slip, 0);
    assert.equal(result.get('web#cutover')!.driver, undefined);
  });

  it('slack: days a node can move without moving any other', () => {
    // api#v2 (03-10) feeds web#cutover (03-20) and its finish api (03-31): 10 days.
    assert.equal(result.get('api#v2')!.slack, 10);
    // storage#hardware (03-10) feeds storage#cluster (03-10): 0.
    assert.equal(result.get('storage#hardware')!.slack, 0);
    // web#cutover (03-20) feeds web (03-25): 5.
    assert.equal(result.get('web#cutover')!.slack, 5);
    // A program finish has no successor: no slack.
    assert.equal(result.get('web')!.slack, undefined);
  });

  it('the remaining critical path: the driving chain, done milestones left out', () => {
    assert.deepEqual(remainingCriticalPath(graph, result, 'api#v2'), ['api#v2', 'storage#cluster', 'storage#hardware']);
    assert.deepEqual(remainingCriticalPath(graph, result, 'storage#cluster'), ['storage#cluster', 'storage#hardware']);
  });

  it('what if storage#hardware slips 14 days: the chain, the cutover and the storage finish move; storage becomes late', () => {
    const impact = slipImpact(graph, 'storage#hardware', 14, result);
    const moved = Object.fromEntries(impact.changes.map((c) => [c.id, [c.before && dateOfDay(c.before), c.after && dateOfDay(c.after), c.days, c.late]]));
    // By hand: hardware 03-10 → 03-24 pushes cluster and api#v2 to 03-24, the cutover (due 03-20)
    // to 03-24, and the storage finish (target 03-15) to 03-24. api (target 03-31) and web (target
    // 03-25) finish when they planned: they are not changes.
    assert.deepEqual(moved, {
      'api#v2': ['2027-03-10', '2027-03-24', 14, true],
      'storage': ['2027-03-15', '2027-03-24', 9, true],
      'storage#cluster': ['2027-03-10', '2027-03-24', 14, true],
      'storage#hardware': ['2027-03-10', '2027-03-24', 14, true],
      'web#cutover': ['2027-03-20', '2027-03-24', 4, true],
    });
    assert.deepEqual(impact.changes.find((c) => c.id === 'web#cutover')!.via, ['storage#hardware', 'storage#cluster', 'api#v2']);
    assert.deepEqual(impact.programsLate, ['storage']);
  });

  it('an unknown ref, or a milestone without a due date, is refused', () => {
    assert.throws(() => slipImpact(graph, 'nope#x', 3), /no milestone or program `nope#x`/);
    const g = buildScheduleGraph(workspaceOf([{ program: 'p', milestones: [{ id: 'a' }] }]));
    assert.throws(() => slipImpact(g, 'p#a', 3), /has no `due` date/);
  });
});

describe('schedule: the spec\'s edge cases', () => {
  it('cancelled milestones are no nodes, and references to them move nothing', () => {
    const graph = buildScheduleGraph(workspaceOf([{ program: 'p', milestones: [
      { id: 'gone', due: '2027-05-01', status: 'cancelled' }, { id: 'next', due: '2027-01-01', depends: ['gone'] },
    ] }]));
    assert.equal(graph.has('p#gone'), false);
    assert.equal(date(computeSchedule(graph), 'p#next'), '2027-01-01');
  });

  it('nodes on a cycle get no forecast; the rest is computed without them', () => {
    const graph = buildScheduleGraph(workspaceOf([
      { program: 'a', milestones: [{ id: 'x', due: '2027-01-10', depends: ['b#y'] }, { id: 'free', due: '2027-01-05' }] },
      { program: 'b', milestones: [{ id: 'y', due: '2027-01-20', depends: ['a#x'] }, { id: 'after', due: '2027-01-01', depends: ['b#y', 'a#free'] }] },
    ]));
    const result = computeSchedule(graph);
    assert.equal(result.get('a#x')!.onCycle, true);
    assert.equal(result.get('a#x')!.forecast, undefined);
    assert.equal(result.get('b#y')!.forecast, undefined);
    assert.equal(date(result, 'b#after'), '2027-01-05', 'waits for a#free only');
    assert.equal(result.get('b#after')!.driver, 'a#free');
  });

  it('a node with neither a date nor a dated predecessor has no forecast, slip or slack', () => {
    const graph = buildScheduleGraph(workspaceOf([{ program: 'p', milestones: [{ id: 'a' }, { id: 'b', depends: ['a'] }] }]));
    const result = computeSchedule(graph);
    assert.deepEqual(result.get('p#a'), { onCycle: false });
    assert.deepEqual(result.get('p#b'), { onCycle: false });
  });

  it('a done milestone is pinned even when what it waited for is later', () => {
    const graph = buildScheduleGraph(workspaceOf([{ program: 'p', milestones: [
      { id: 'late', due: '2027-03-01' }, { id: 'shipped', due: '2027-02-01', status: 'done', depends: ['late'] },
    ] }]));
    const result = computeSchedule(graph);
    assert.equal(date(result, 'p#shipped'), '2027-02-01');
    assert.equal(result.get('p#shipped')!.slip, 0);
    // The done successor does not constrain `late`: its slack comes from the program finish alone.
    assert.equal(result.get('p#late')!.slack, 0, 'the finish (forecast 03-01) is its only unpinned successor');
  });

  it('ties between drivers go to the smallest id', () => {
    const graph = buildScheduleGraph(workspaceOf([{ program: 'p', milestones: [
      { id: 'b', due: '2027-02-01' }, { id: 'a', due: '2027-02-01' }, { id: 'c', due: '2027-01-01', depends: ['b', 'a'] },
    ] }]));
    assert.equal(computeSchedule(graph).get('p#c')!.driver, 'p#a');
  });

  it('an impact on a program moves its target and its milestones that are not done', () => {
    const graph = buildScheduleGraph(workspaceOf([{ program: 'p', target: '2027-04-01', milestones: [
      { id: 'done', due: '2027-01-01', status: 'done' }, { id: 'open', due: '2027-03-01' },
    ] }]));
    const impact = slipImpact(graph, 'p', 7);
    assert.deepEqual(impact.changes.map((c) => [c.id, c.days]), [['p', 7], ['p#open', 7]]);
    assert.deepEqual(impact.programsLate, ['p'], 'its finish is now after the target it had');
  });
});

describe('schedule: properties over random workspaces (seeded)', () => {
  const SEED = 20261201;
  const RUNS = 300;

  it('forecast >= planned; slip and slack >= 0; a driver has the node\'s forecast', () => {
    const random = prng(SEED);
    for (let run = 0; run < RUNS; run++) {
      const graph = buildScheduleGraph(workspaceOf(randomWorkspace(random)));
      const result = computeSchedule(graph);
      for (const [id, node] of graph) {
        const own = result.get(id)!;
        const where = `run ${run} (seed ${SEED}), node ${id}`;
        if (own.forecast !== undefined && node.planned !== undefined) assert.ok(own.forecast >= node.planned, `${where}: forecast before planned`);
        if (own.slip !== undefined) assert.ok(own.slip >= 0, `${where}: negative slip`);
        if (own.slack !== undefined) assert.ok(own.slack >= 0, `${where}: negative slack ${own.slack}`);
        if (own.driver) assert.equal(result.get(own.driver)!.forecast, own.forecast, `${where}: driver's forecast`);
        if (!node.pinned && own.forecast !== undefined) {
          for (const p of node.predecessors) {
            const upstream = result.get(p)!.forecast;
            if (upstream !== undefined) assert.ok(own.forecast >= upstream, `${where}: before its predecessor ${p}`);
          }
        }
      }
    }
  });

  it('an impact of 0 days changes nothing; a longer slip never moves anything earlier', () => {
    const random = prng(SEED + 1);
    for (let run = 0; run < RUNS; run++) {
      const graph = buildScheduleGraph(workspaceOf(randomWorkspace(random)));
      const refs = [...graph.values()].filter((n) => n.planned !== undefined && !computeSchedule(graph).get(n.id)!.onCycle).map((n) => n.id);
      if (refs.length === 0) continue;
      const ref = refs[Math.floor(random() * refs.length)];
      assert.deepEqual(slipImpact(graph, ref, 0).changes, [], `run ${run}: 0 days moved something`);
      const short = slipImpact(graph, ref, 3);
      const long = slipImpact(graph, ref, 10);
      const after = (impact: typeof short, id: string) => impact.changes.find((c) => c.id === id)?.after;
      const base = computeSchedule(graph);
      for (const id of graph.keys()) {
        const before = base.get(id)!.forecast;
        const a = after(short, id) ?? before;
        const b = after(long, id) ?? before;
        if (a !== undefined && b !== undefined) assert.ok(b >= a, `run ${run}: ${id} earlier with a longer slip of ${ref}`);
        if (before !== undefined && b !== undefined) assert.ok(b >= before, `run ${run}: ${id} earlier after a slip`);
      }
    }
  });
});

describe('schedule: day numbers', () => {
  it('agree with Date for every day from 1900 to 2200', () => {
    for (let time = Date.UTC(1900, 0, 1); time <= Date.UTC(2200, 11, 31); time += 86_400_000) {
      const date = new Date(time).toISOString().slice(0, 10);
      assert.equal(dayNumber(date), time / 86_400_000, date);
      assert.equal(dateOfDay(time / 86_400_000), date);
    }
  });
});
