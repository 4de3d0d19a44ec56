/**
 * The schedule of a whole workspace in one pass (docs/benchmark.md): the node objects every view
 * reads (ScheduleGraph) and, from the same pass, the numbered form the computations run on
 * (SchedulePlan), so that nothing has to be numbered twice.
 *
 * Building the plan from a finished graph (`planSchedule`) looks every edge up by its id string
 * on both sides and sorts every edge list as strings. Here each reference is looked up once,
 * then the compressed rows come out sorted and without duplicates from two stable counting sorts
 * on node numbers (numbers are ranks of the sorted ids, so number order is id order). The
 * graph's string edge lists are then written from the rows, sharing the id strings.
 *
 * The result is exactly `buildScheduleGraph`'s graph and `planSchedule` of it; the unit tests
 * (test/unit/schedule.test.ts) check both over seeded random workspaces.
 */
import type { BriefWorkspace } from '../workspace/workspace';
import { cyclesOf, orderOf, type Rows, type SchedulePlan } from './forecast';
import { nodesOfBrief, programBriefs, type ScheduleGraph, type ScheduleNode } from './nodes';

export interface BuiltSchedule {
  graph: ScheduleGraph;
  /** The numbered form of `graph`: pass it to `computeSchedule` and `slipImpact` to reuse it. */
  plan: SchedulePlan;
}

export function buildSchedule(workspace: BriefWorkspace): BuiltSchedule {
  const graph: ScheduleGraph = new Map();
  for (const brief of programBriefs(workspace)) {
    for (const node of nodesOfBrief(brief)) graph.set(node.id, node);
  }
  const ids = [...graph.keys()].sort();
  const n = ids.length;
  const index = new Map<string, number>();
  const nodes = new Array<ScheduleNode>(n);
  let references = 0;
  for (let v = 0; v < n; v++) {
    index.set(ids[v], v);
    nodes[v] = graph.get(ids[v])!;
    references += nodes[v].waitsFor.length;
  }

  // Every edge once, as (from, to) numbers, in increasing `to`: the references that name a node
  // (not itself, which would be a self-loop).
  const from = new Int32Array(references);
  const to = new Int32Array(references);
  let edges = 0;
  for (let v = 0; v < n; v++) {
    const waitsFor = nodes[v].waitsFor;
    for (let k = 0; k < waitsFor.length; k++) {
      const u = index.get(waitsFor[k]);
      if (u === undefined || u === v) continue;
      from[edges] = u;
      to[edges] = v;
      edges++;
    }
  }
  // Successor rows, by a stable counting sort on `from`: each row is in increasing `to`, so a
  // duplicated reference lands next to its twin and is dropped in the same pass.
  const successors = uniqueRows(n, from, to, edges);
  // Predecessor rows, by the same sort of the successor rows on their targets: rows are read in
  // increasing node number, so each predecessor row comes out sorted too.
  const predecessors = transpose(n, successors);

  const planned = new Float64Array(n).fill(Number.NaN);
  const pinned = new Array<boolean>(n);
  for (let v = 0; v < n; v++) {
    const node = nodes[v];
    if (node.planned !== undefined) planned[v] = node.planned;
    pinned[v] = node.pinned;
    node.predecessors = idsOf(predecessors, v, ids);
    node.successors = idsOf(successors, v, ids);
  }
  const onCycle = cyclesOf(successors);
  const plan: SchedulePlan = { ids, index, predecessors, successors, pinned, planned, onCycle, order: orderOf(predecessors, successors, onCycle) };
  return { graph, plan };
}

/** The schedule's nodes and edges (docs/schedule.md). */
export function buildScheduleGraph(workspace: BriefWorkspace): ScheduleGraph {
  return buildSchedule(workspace).graph;
}

/** Rows of the edges `from[e]` → `to[e]` (e < count), in the order given within each row, with adjacent duplicates dropped. */
export function uniqueRows(n: number, from: Int32Array, to: Int32Array, count: number): Rows {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) start[from[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const raw = new Int32Array(count);
  for (let e = 0; e < count; e++) raw[fill[from[e]]++] = to[e];
  // Compact in place, row by row: a row never moves right.
  const unique = new Int32Array(n + 1);
  let length = 0;
  for (let v = 0; v < n; v++) {
    unique[v] = length;
    let previous = -1;
    for (let k = start[v]; k < start[v + 1]; k++) {
      if (raw[k] === previous) continue;
      previous = raw[k];
      raw[length++] = previous;
    }
  }
  unique[n] = length;
  return { start: unique, list: raw.slice(0, length) };
}

/** The reverse rows: w's row lists every v whose row holds w, in increasing v. */
export function transpose(n: number, rows: Rows): Rows {
  const start = new Int32Array(n + 1);
  const count = rows.start[n];
  for (let k = 0; k < count; k++) start[rows.list[k] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const list = new Int32Array(count);
  for (let v = 0; v < n; v++) {
    for (let k = rows.start[v]; k < rows.start[v + 1]; k++) list[fill[rows.list[k]]++] = v;
  }
  return { start, list };
}

/** The ids of row v, in an array of exactly its length (see `exactly` in ./nodes). */
function idsOf(rows: Rows, v: number, ids: string[]): string[] {
  const from = rows.start[v];
  const list = new Array<string>(rows.start[v + 1] - from);
  for (let k = 0; k < list.length; k++) list[k] = ids[rows.list[from + k]];
  return list;
}
