import * as assert from 'node:assert/strict';
import type { DependencyGraph } from '../../src/core/workspace/graph';
import {
  buildGraphView, criticalPath, DISPLAY_STATUSES, displayStatus, neighbourhood, programGraph, STATUS_LABELS, toGraphJson, UnknownReferenceError,
  type GraphView,
} from '../../src/core/views/graphView';
import { MERMAID_STATUS_CLASS, STATUS_COLORS } from '../../src/core/render/mermaid';
import { graphOf } from './cli/briefs';

const ms = (id: string, due?: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({
  id, title: `Milestone ${id}`, owner: '@o', ...(due && { due }), ...(dependsOn.length > 0 && { depends_on: dependsOn }), ...extra,
});

const TODAY = '2026-03-01';

/**
 * platform#launch depends on platform#api, data#warehouse, security#audit;
 * data#warehouse → security#keys; security#audit → platform#api; platform → security (program level).
 */
function sample(): DependencyGraph {
  return graphOf(
    {
      program: 'platform', title: 'Platform', owner: '@pat', status: 'on-track', target: '2026-09-30', depends_on: ['security'],
      milestones: [ms('api', '2026-02-01', [], { status: 'done' }), ms('launch', '2026-06-01', ['api', 'data#warehouse', 'security#audit'])],
    },
    { program: 'data', title: 'Data', owner: '@dee', status: 'blocked', target: '2026-08-01', milestones: [ms('warehouse', '2026-05-01', ['security#keys'])] },
    {
      program: 'security', title: 'Security', owner: '@sec', target: '2026-07-01',
      milestones: [ms('keys', '2026-04-01'), ms('audit', '2026-06-15', ['platform#api'])],
    },
  );
}

const ids = (view: GraphView) => view.nodes.map((n) => n.id);
const pairs = (view: GraphView) => view.edges.map((e) => `${e.from}->${e.to}`);

describe('graphView: display status', () => {
  it('derives done, cancelled, overdue and missing; every other status shows as itself', () => {
    assert.equal(displayStatus({ status: 'done', due: '2020-01-01' }, TODAY), 'done');
    assert.equal(displayStatus({ status: 'cancelled', due: '2020-01-01' }, TODAY), 'cancelled');
    assert.equal(displayStatus({ status: 'blocked', due: '2026-02-28' }, TODAY), 'overdue');
    assert.equal(displayStatus({ status: 'in-progress', due: '2026-02-28' }, TODAY), 'overdue');
    assert.equal(displayStatus({ status: 'blocked', due: TODAY }, TODAY), 'blocked');
    assert.equal(displayStatus({ status: 'at-risk' }, TODAY), 'at-risk');
    // Issue 10: `off-track` read "At risk", `in-progress` and `not-started` read "On track".
    for (const status of ['off-track', 'on-track', 'in-progress', 'not-started', 'proposed'] as const) {
      assert.equal(displayStatus({ status, due: '2026-12-31' }, TODAY), status);
    }
    assert.equal(STATUS_LABELS[displayStatus({ status: 'off-track' }, TODAY)], 'Off track');
    assert.equal(STATUS_LABELS[displayStatus({ status: 'in-progress' }, TODAY)], 'In progress');
    assert.equal(STATUS_LABELS[displayStatus({ status: 'not-started' }, TODAY)], 'Not started');
    assert.equal(displayStatus({ status: undefined, due: '2026-12-31' }, TODAY), 'no-status');
    assert.equal(displayStatus(undefined, TODAY), 'missing');
  });

  it('a status the schema rejected is neither overdue nor shown as a status (as lint: schema only)', () => {
    assert.equal(displayStatus({ status: undefined, due: '2020-01-01', statusRejected: true }, TODAY), 'no-status');
    assert.equal(displayStatus({ status: 'in-progress', due: '2020-01-01', dueRejected: true }, TODAY), 'in-progress');
  });

  it('every display status has words in the legend and a colour', () => {
    for (const status of DISPLAY_STATUSES) {
      assert.ok(STATUS_LABELS[status], status);
      assert.ok(STATUS_COLORS[status], status);
      assert.ok(MERMAID_STATUS_CLASS[status], status);
    }
    assert.equal(new Set(Object.values(STATUS_LABELS)).size, DISPLAY_STATUSES.length, 'each status its own words');
  });
});

describe('graphView: program-level graph', () => {
  it('lifts milestone edges to programs, merges duplicates, drops edges inside one program', () => {
    const collapsed = programGraph(sample());
    assert.deepEqual([...collapsed.nodes.keys()], ['data', 'platform', 'security']);
    assert.deepEqual(collapsed.edges.map((e) => `${e.from}->${e.to}`).sort(), ['data->security', 'platform->data', 'platform->security', 'security->platform']);
    assert.ok(collapsed.edges.every((e) => !e.dangling));
    assert.deepEqual(collapsed.outgoing.get('platform')!.map((e) => e.to), ['security', 'data']);
  });

  it('keeps a program that names itself (a real self-cycle)', () => {
    const collapsed = programGraph(graphOf({ program: 'solo', title: 'Solo', owner: '@s', depends_on: ['solo'] }));
    assert.deepEqual(collapsed.edges.map((e) => `${e.from}->${e.to}`), ['solo->solo']);
  });

  it('marks a lifted edge as in a cycle only when a real depends_on cycle runs through it', () => {
    // a#m1 → b#n1 and b#n2 → a#m2: a ↔ b at program level, but no milestone cycle.
    const noCycle = buildGraphView(graphOf(
      { program: 'a', title: 'A', owner: '@a', milestones: [ms('m1', undefined, ['b#n1']), ms('m2')] },
      { program: 'b', title: 'B', owner: '@b', milestones: [ms('n1'), ms('n2', undefined, ['a#m2'])] },
    ), { today: TODAY, level: 'program' });
    assert.deepEqual(pairs(noCycle), ['a->b', 'b->a']);
    assert.ok(noCycle.edges.every((e) => !e.inCycle));

    const cycle = buildGraphView(graphOf(
      { program: 'a', title: 'A', owner: '@a', milestones: [ms('m1', undefined, ['b#n1'])] },
      { program: 'b', title: 'B', owner: '@b', milestones: [ms('n1', undefined, ['a#m1'])] },
    ), { today: TODAY, level: 'program' });
    assert.ok(cycle.edges.every((e) => e.inCycle));
    assert.equal(cycle.edges[0].sources.length, 1);
  });
});

describe('graphView: buildGraphView', () => {
  it('lists every node in graph order with display status, and unique edges with their sources', () => {
    const view = buildGraphView(sample(), { today: TODAY });
    assert.equal(view.level, 'milestone');
    assert.deepEqual(ids(view), ['data', 'data#warehouse', 'platform', 'platform#api', 'platform#launch', 'security', 'security#keys', 'security#audit']);
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('platform#api')!.display, 'done');
    assert.equal(byId.get('data')!.display, 'blocked');
    assert.equal(byId.get('platform')!.display, 'on-track');
    assert.equal(byId.get('platform')!.due, '2026-09-30');
    assert.equal(byId.get('platform#launch')!.uri, 'file:///ws/platform.md');
    assert.equal(typeof byId.get('platform#launch')!.line, 'number');
    assert.deepEqual(pairs(view), [
      'data#warehouse->security#keys', 'platform->security', 'platform#launch->platform#api', 'platform#launch->data#warehouse',
      'platform#launch->security#audit', 'security#audit->platform#api',
    ]);
    assert.ok(view.edges.every((e) => e.sources.length === 1 && e.sources[0].uri.startsWith('file:///ws/')));
    assert.deepEqual(view.criticalPath, []);
    assert.ok(view.nodes.every((n) => !n.focus && !n.critical));
  });

  it('flags schedule conflicts: the dependent is due before its dependency', () => {
    const view = buildGraphView(sample(), { today: TODAY });
    const conflicts = view.edges.filter((e) => e.scheduleConflict).map((e) => `${e.from}->${e.to}`);
    // launch (06-01) before audit (06-15); platform's target (09-30) is after security's (07-01): no conflict.
    assert.deepEqual(conflicts, ['platform#launch->security#audit']);
  });

  it('flags edges on a cycle (found with findCycles)', () => {
    const view = buildGraphView(graphOf(
      { program: 'a', title: 'A', owner: '@a', milestones: [ms('x', undefined, ['b#y']), ms('free', undefined, ['b#y'])] },
      { program: 'b', title: 'B', owner: '@b', milestones: [ms('y', undefined, ['a#x'])] },
    ), { today: TODAY });
    const cyclic = view.edges.filter((e) => e.inCycle).map((e) => `${e.from}->${e.to}`).sort();
    assert.deepEqual(cyclic, ['a#x->b#y', 'b#y->a#x']);
  });

  it('adds a missing node for each reference no brief defines; its edge is dangling', () => {
    const view = buildGraphView(graphOf(
      { program: 'a', title: 'A', owner: '@a', depends_on: ['ghost'], milestones: [ms('x', undefined, ['ghost#m', 'ghost#m'])] },
    ), { today: TODAY });
    assert.deepEqual(ids(view), ['a', 'a#x', 'ghost', 'ghost#m']);
    const ghost = view.nodes.find((n) => n.id === 'ghost#m')!;
    assert.deepEqual({ missing: ghost.missing, display: ghost.display, kind: ghost.kind, program: ghost.program, uri: ghost.uri }, {
      missing: true, display: 'missing', kind: 'milestone', program: 'ghost', uri: undefined,
    });
    assert.deepEqual(pairs(view), ['a->ghost', 'a#x->ghost#m']);
    assert.ok(view.edges.every((e) => e.dangling));
    assert.equal(view.edges[1].sources.length, 2, 'the duplicate entry is merged, both places kept');

    const programs = buildGraphView(graphOf(
      { program: 'a', title: 'A', owner: '@a', milestones: [ms('x', undefined, ['b#nope'])] },
      { program: 'b', title: 'B', owner: '@b' },
    ), { today: TODAY, level: 'program' });
    assert.deepEqual(pairs(programs), ['a->b']);
    assert.equal(programs.edges[0].dangling, false, 'b exists even if its milestone does not');
  });

  it('is plain data: survives JSON (for postMessage to a webview)', () => {
    const view = buildGraphView(sample(), { today: TODAY, focus: 'platform#launch' });
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
  });
});

describe('graphView: focus and depth', () => {
  it('keeps the focus and what is within depth steps upstream and downstream', () => {
    const graph = sample();
    const at = (depth: number) => ids(buildGraphView(graph, { today: TODAY, focus: 'security#keys', depth }));
    assert.deepEqual(at(0), ['security#keys']);
    assert.deepEqual(at(1), ['data#warehouse', 'security#keys']);
    assert.deepEqual(at(2), ['data#warehouse', 'platform#launch', 'security#keys']);
    assert.deepEqual(at(10), ['data#warehouse', 'platform#launch', 'security#keys']);
  });

  it('follows upstream nodes further upstream only (no siblings)', () => {
    // launch depends on api; audit (a sibling dependent of api) is not pulled in through api.
    const view = buildGraphView(graphOf(
      { program: 'p', title: 'P', owner: '@p', milestones: [ms('api'), ms('launch', undefined, ['api']), ms('audit', undefined, ['api'])] },
    ), { today: TODAY, focus: 'p#launch', depth: 3 });
    assert.deepEqual(ids(view), ['p#api', 'p#launch']);
    assert.deepEqual(view.nodes.map((n) => n.focus), [false, true]);
  });

  it('focuses a program on itself and all its milestones; defaults to depth 2', () => {
    const view = buildGraphView(sample(), { today: TODAY, focus: 'data', depth: 1 });
    assert.deepEqual(ids(view), ['data', 'data#warehouse', 'platform#launch', 'security#keys']);
    assert.deepEqual(view.nodes.filter((n) => n.focus).map((n) => n.id), ['data', 'data#warehouse']);
    assert.equal(buildGraphView(sample(), { today: TODAY, focus: 'data' }).depth, 2);
  });

  it('at program level, focuses the program of a milestone reference', () => {
    const view = buildGraphView(sample(), { today: TODAY, level: 'program', focus: 'data#warehouse', depth: 1 });
    assert.equal(view.focus, 'data');
    assert.deepEqual(ids(view), ['data', 'platform', 'security']);
  });

  it('throws UnknownReferenceError for a reference nothing defines', () => {
    assert.throws(() => buildGraphView(sample(), { today: TODAY, focus: 'nope' }), UnknownReferenceError);
    assert.throws(() => buildGraphView(sample(), { today: TODAY, focus: 'data#nope' }), /data#nope/);
  });

  it('neighbourhood works on any DependencyGraph', () => {
    assert.deepEqual([...neighbourhood(sample(), ['platform#api'], 1)].sort(), ['platform#api', 'platform#launch', 'security#audit']);
  });
});

describe('graphView: critical path', () => {
  it('steps to the upstream with the latest due date until nothing bounds it', () => {
    assert.deepEqual(criticalPath(sample(), 'platform#launch'), ['platform#launch', 'security#audit', 'platform#api']);
    assert.deepEqual(criticalPath(sample(), 'security#keys'), ['security#keys']);
    assert.deepEqual(criticalPath(sample(), 'nope'), []);
  });

  it('skips upstreams without a date, breaks ties by id, and stops at a cycle', () => {
    const graph = graphOf(
      { program: 'p', title: 'P', owner: '@p', milestones: [
        ms('end', '2026-09-01', ['undated', 'b', 'a']), ms('undated', undefined, ['late']), ms('late', '2026-08-01'),
        ms('a', '2026-05-01', ['loop']), ms('b', '2026-05-01'), ms('loop', '2026-04-01', ['a']),
      ] },
    );
    assert.deepEqual(criticalPath(graph, 'p#end'), ['p#end', 'p#a', 'p#loop']);
  });

  it('is marked in the view: defaults to the focus, or criticalPathOf', () => {
    const view = buildGraphView(sample(), { today: TODAY, focus: 'platform#launch', depth: 2 });
    assert.deepEqual(view.criticalPath, ['platform#launch', 'security#audit', 'platform#api']);
    assert.deepEqual(view.nodes.filter((n) => n.critical).map((n) => n.id), ['platform#api', 'platform#launch', 'security#audit']);
    assert.deepEqual(view.edges.filter((e) => e.critical).map((e) => `${e.from}->${e.to}`), ['platform#launch->security#audit', 'security#audit->platform#api']);

    const whole = buildGraphView(sample(), { today: TODAY, criticalPathOf: 'data#warehouse' });
    assert.deepEqual(whole.criticalPath, ['data#warehouse', 'security#keys']);
    assert.equal(whole.focus, undefined);
    assert.throws(() => buildGraphView(sample(), { today: TODAY, criticalPathOf: 'zzz' }), UnknownReferenceError);
  });

  it('at program level, runs over program targets', () => {
    const view = buildGraphView(sample(), { today: TODAY, level: 'program', focus: 'platform' });
    assert.deepEqual(view.criticalPath, ['platform', 'data', 'security']);
  });
});

describe('graphView: JSON graph (spec §4)', () => {
  it('has exactly id, kind, title, owner, status, due, file, line per node and from/to per edge', () => {
    const graph = graphOf(
      { program: 'a', title: 'A', owner: '@a', depends_on: ['ghost', 'b'], milestones: [{ id: 'x', title: 'X' }] },
      { program: 'b', title: 'B', owner: '@b', status: 'done', target: '2026-01-01' },
    );
    const json = toGraphJson(buildGraphView(graph, { today: TODAY }), (uri) => uri.replace('file:///ws/', 'briefs/'));
    assert.deepEqual(json, {
      nodes: [
        { id: 'a', kind: 'program', title: 'A', owner: '@a', status: null, due: null, file: 'briefs/a.md', line: 2 },
        { id: 'a#x', kind: 'milestone', title: 'X', owner: null, status: null, due: null, file: 'briefs/a.md', line: 11 },
        { id: 'b', kind: 'program', title: 'B', owner: '@b', status: 'done', due: '2026-01-01', file: 'briefs/b.md', line: 2 },
      ],
      edges: [{ from: 'a', to: 'b' }],
    });
  });
});
