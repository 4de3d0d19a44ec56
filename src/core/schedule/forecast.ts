/**
 * Forecast, slip, slack and driver of every schedule node (docs/schedule.md; v2 spec section 1).
 *
 * - Nodes on a cycle (a strongly connected component of more than one node) get no forecast;
 *   the rest is computed without them.
 * - Forecast, by a forward pass in topological order: a pinned (`done`) milestone's is its
 *   planned date; otherwise the latest of its planned date and its predecessors' forecasts.
 * - Slip = forecast − planned, when both exist.
 * - Slack = the least gap to a successor's forecast. A pinned successor never moves, so it
 *   constrains nothing and is left out (that keeps slack >= 0). There is no slack without a
 *   successor that has a forecast.
 * - Driver of a slipping node: the predecessor whose forecast is the node's (ties: smallest id).
 */
import { stronglyConnectedComponents } from '../workspace/stronglyConnected';
import type { ScheduleGraph, ScheduleNode } from './nodes';

export interface NodeSchedule {
  /** Day number; undefined when the node has neither a planned date nor a predecessor with a forecast, or is on a cycle. */
  forecast?: number;
  slip?: number;
  slack?: number;
  driver?: string;
  onCycle: boolean;
}

export type ScheduleResult = Map<string, NodeSchedule>;

/** Planned dates to use instead of the nodes' own (what-if): id → day number. */
export type PlannedOverrides = ReadonlyMap<string, number>;

/**
 * The graph with nodes numbered, for the passes over all of it (cycles, order, forecasts):
 * arrays instead of maps keyed by id, which is what makes a full schedule of about twenty
 * thousand nodes fast (docs/benchmark.md). Edge lists keep the graph's order (sorted by id).
 */
export interface SchedulePlan {
  ids: string[];
  index: Map<string, number>;
  /** Edges in compressed rows: node v's predecessors are `predecessors.list[predecessors.start[v] .. predecessors.start[v + 1]]`. */
  predecessors: Rows;
  successors: Rows;
  pinned: boolean[];
  /** Planned day numbers; NaN for none. */
  planned: Float64Array;
  /** On a cycle: no forecast. */
  onCycle: boolean[];
  /** The nodes not on a cycle, each after all of its predecessors (ties by id). */
  order: number[];
}

/** Adjacency in compressed sparse rows: few large typed arrays instead of one array per node. */
export interface Rows {
  start: Int32Array;
  list: Int32Array;
}

function rowsOf(lists: string[][], index: Map<string, number>): Rows {
  const start = new Int32Array(lists.length + 1);
  for (let v = 0; v < lists.length; v++) start[v + 1] = start[v] + lists[v].length;
  const list = new Int32Array(start[lists.length]);
  for (let v = 0; v < lists.length; v++) {
    const ids = lists[v];
    for (let k = 0; k < ids.length; k++) list[start[v] + k] = index.get(ids[k])!;
  }
  return { start, list };
}

export function planSchedule(graph: ScheduleGraph): SchedulePlan {
  const ids = [...graph.keys()].sort();
  const index = new Map<string, number>();
  for (let v = 0; v < ids.length; v++) index.set(ids[v], v);
  const nodes = ids.map((id) => graph.get(id)!);
  const predecessors = rowsOf(nodes.map((node) => node.predecessors), index);
  const successors = rowsOf(nodes.map((node) => node.successors), index);
  const planned = new Float64Array(ids.length).fill(Number.NaN);
  for (let v = 0; v < ids.length; v++) if (nodes[v].planned !== undefined) planned[v] = nodes[v].planned!;
  const onCycle = cyclesOf(successors);
  return { ids, index, predecessors, successors, pinned: nodes.map((node) => node.pinned), planned, onCycle, order: orderOf(predecessors, successors, onCycle) };
}

/**
 * The nodes in a component of more than one (workspace/stronglyConnected.ts, the core's one
 * search). Only components of two or more count: `link` (nodes.ts) makes no self-loops, and
 * a node that waits for itself alone would otherwise be on a cycle of one.
 */
export function cyclesOf(successors: Rows): boolean[] {
  const n = successors.start.length - 1;
  const { component, size } = stronglyConnectedComponents(n, { start: successors.start, targets: successors.list });
  const result = new Array<boolean>(n);
  for (let v = 0; v < n; v++) result[v] = size[component[v]] > 1;
  return result;
}

/**
 * Kahn's algorithm over the nodes not on a cycle; ready nodes are taken in id order (a min-heap
 * of node numbers, in one typed array: no allocation per step).
 */
export function orderOf(predecessors: Rows, successors: Rows, onCycle: boolean[]): number[] {
  const n = predecessors.start.length - 1;
  const waiting = new Int32Array(n);
  const heap = new Int32Array(n);
  let size = 0;
  const push = (value: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] <= value) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = value;
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap[--size];
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const child = left + 1 < size && heap[left + 1] < heap[left] ? left + 1 : left;
      if (heap[child] >= last) break;
      heap[i] = heap[child];
      i = child;
    }
    if (size > 0) heap[i] = last;
    return top;
  };
  for (let v = 0; v < n; v++) {
    if (onCycle[v]) continue;
    let count = 0;
    for (let k = predecessors.start[v]; k < predecessors.start[v + 1]; k++) if (!onCycle[predecessors.list[k]]) count++;
    waiting[v] = count;
    if (count === 0) push(v);
  }
  const order: number[] = [];
  while (size > 0) {
    const v = pop();
    order.push(v);
    for (let k = successors.start[v]; k < successors.start[v + 1]; k++) {
      const w = successors.list[k];
      if (onCycle[w]) continue;
      if (--waiting[w] === 0) push(w);
    }
  }
  return order;
}

/** Ids of the nodes on a cycle. */
export function nodesOnCycles(graph: ScheduleGraph, plan = planSchedule(graph)): Set<string> {
  return new Set(plan.ids.filter((_, i) => plan.onCycle[i]));
}

/** The nodes not on a cycle, each after all of its predecessors (ties by id). */
export function topologicalOrder(graph: ScheduleGraph, plan = planSchedule(graph)): string[] {
  return plan.order.map((i) => plan.ids[i]);
}

/**
 * One node's forecast, slip and driver from its predecessors' current forecasts: a pinned
 * (`done`) milestone keeps its planned date; otherwise the latest of its planned date and its
 * predecessors' forecasts. The driver of a slipping node is the first predecessor (by id) at
 * that date.
 */
export function nodeForecast(node: ScheduleNode, planned: number | undefined, result: ScheduleResult): NodeSchedule {
  let forecast = planned;
  if (!node.pinned) {
    for (const predecessor of node.predecessors) {
      const upstream = result.get(predecessor)?.forecast;
      if (upstream !== undefined && (forecast === undefined || upstream > forecast)) forecast = upstream;
    }
  }
  // Properties are set only when they exist (no spreads: this runs for every node on every pass).
  const schedule: NodeSchedule = { onCycle: false };
  if (forecast === undefined) return schedule;
  schedule.forecast = forecast;
  if (planned === undefined) return schedule;
  const slip = forecast - planned;
  schedule.slip = slip;
  if (slip > 0) {
    for (const predecessor of node.predecessors) {
      if (result.get(predecessor)?.forecast === forecast) {
        schedule.driver = predecessor;
        break;
      }
    }
  }
  return schedule;
}

/** The least gap to a successor's forecast, pinned successors left out; undefined without one. */
export function nodeSlack(node: ScheduleNode, graph: ScheduleGraph, result: ScheduleResult): number | undefined {
  const own = result.get(node.id)?.forecast;
  if (own === undefined) return undefined;
  let slack: number | undefined;
  for (const successor of node.successors) {
    const later = result.get(successor)?.forecast;
    if (graph.get(successor)!.pinned || later === undefined) continue;
    slack = Math.min(slack ?? Infinity, later - own);
  }
  return slack;
}

/**
 * Every node's forecast, slip, slack and driver in numbered form (node v of the plan at index v).
 * NaN (or -1 for `driver`) where there is none, and for every node on a cycle.
 */
export interface PlanForecast {
  forecast: Float64Array;
  slip: Float64Array;
  slack: Float64Array;
  /** The driver's node number. */
  driver: Int32Array;
}

/** The planned dates with what-if overrides applied (ids that are not nodes are ignored). */
export function plannedWith(plan: SchedulePlan, overrides: PlannedOverrides | undefined): Float64Array {
  if (!overrides || overrides.size === 0) return plan.planned;
  const planned = plan.planned.slice();
  for (const [id, day] of overrides) {
    const v = plan.index.get(id);
    if (v !== undefined) planned[v] = day;
  }
  return planned;
}

/**
 * The forward pass in topological order, then slack: typed arrays only, no object per node (this
 * is the whole of a full schedule once the plan exists). `planned`: the plan's dates, or a
 * what-if's (`plannedWith`).
 */
export function forecastPlan(plan: SchedulePlan, planned: Float64Array = plan.planned): PlanForecast {
  const { successors, pinned, order } = plan;
  const n = plan.ids.length;
  const forecast = new Float64Array(n).fill(Number.NaN);
  const slip = new Float64Array(n).fill(Number.NaN);
  const slack = new Float64Array(n).fill(Number.NaN);
  const driver = new Int32Array(n).fill(-1);
  for (let i = 0; i < order.length; i++) forecastNode(plan, planned, order[i], forecast, slip, driver);
  for (let i = 0; i < order.length; i++) {
    const v = order[i];
    const own = forecast[v];
    if (own !== own) continue;
    let least = Infinity;
    for (let k = successors.start[v]; k < successors.start[v + 1]; k++) {
      const w = successors.list[k];
      const later = forecast[w];
      // A pinned successor never moves, so it constrains nothing (that keeps slack >= 0).
      if (pinned[w] || later !== later) continue;
      if (later - own < least) least = later - own;
    }
    if (least !== Infinity) slack[v] = least;
  }
  return { forecast, slip, slack, driver };
}

/**
 * Node v's forecast, slip and driver from its predecessors' forecasts (already final in
 * topological order): a pinned (`done`) milestone keeps its planned date; otherwise the latest of
 * its planned date and its predecessors' forecasts. The driver of a slipping node is its first
 * predecessor (rows are in id order) at that date. Shared by the full pass and the what-if's pass
 * downstream of the moved nodes, so that both give the same numbers.
 */
export function forecastNode(plan: SchedulePlan, planned: Float64Array, v: number, forecast: Float64Array, slip: Float64Array, driver: Int32Array): void {
  const { predecessors, pinned } = plan;
  const own = planned[v];
  let latest = own;
  if (!pinned[v]) {
    for (let k = predecessors.start[v]; k < predecessors.start[v + 1]; k++) {
      const upstream = forecast[predecessors.list[k]];
      // NaN compares false both ways: a predecessor without a forecast is left out, and so is a missing planned date.
      if (upstream === upstream && !(upstream <= latest)) latest = upstream;
    }
  }
  forecast[v] = latest;
  slip[v] = latest - own;
  driver[v] = -1;
  if (latest > own) {
    for (let k = predecessors.start[v]; k < predecessors.start[v + 1]; k++) {
      if (forecast[predecessors.list[k]] === latest) {
        driver[v] = predecessors.list[k];
        break;
      }
    }
  }
}

/**
 * One node's schedule as an object, properties only when they exist, in this order: `onCycle`,
 * `forecast`, `slip`, `driver`, `slack`. Each shape is one object literal (no spreads: see
 * resultOf), so its fields are in the object itself: set one by one, they went to a second
 * array of their own, and the day numbers read from the plan's Float64Arrays were boxed, one
 * heap number each (0.8 KB per brief in the language server's schedule, docs/benchmark.md).
 */
export function nodeScheduleOf(plan: SchedulePlan, numbers: PlanForecast, v: number): NodeSchedule {
  if (plan.onCycle[v]) return { onCycle: true };
  const forecast = numbers.forecast[v];
  if (forecast !== forecast) return { onCycle: false };
  const f = small(forecast);
  const slip = small(numbers.slip[v]);
  const driver = numbers.driver[v] >= 0 ? plan.ids[numbers.driver[v]] : undefined;
  const slack = small(numbers.slack[v]);
  // NaN is none: slip without a planned date, slack without a successor.
  switch ((slip === slip ? 4 : 0) | (driver !== undefined ? 2 : 0) | (slack === slack ? 1 : 0)) {
    case 0: return { onCycle: false, forecast: f };
    case 1: return { onCycle: false, forecast: f, slack };
    case 2: return { onCycle: false, forecast: f, driver };
    case 3: return { onCycle: false, forecast: f, driver, slack };
    case 4: return { onCycle: false, forecast: f, slip };
    case 5: return { onCycle: false, forecast: f, slip, slack };
    case 6: return { onCycle: false, forecast: f, slip, driver };
    default: return { onCycle: false, forecast: f, slip, driver, slack };
  }
}

/** The same number, as a small integer when it is one (a day number, a count of days). */
function small(value: number): number {
  const integer = value | 0;
  return integer === value ? integer : value;
}

/** The numbered schedule as a map by id, in id order (what `computeSchedule` returns). */
export function resultOf(plan: SchedulePlan, numbers: PlanForecast): ScheduleResult {
  const result: ScheduleResult = new Map();
  for (let v = 0; v < plan.ids.length; v++) result.set(plan.ids[v], nodeScheduleOf(plan, numbers, v));
  return result;
}

/**
 * A plan's own schedule (no what-if) and each node's place in its topological order, computed
 * once per plan for the what-ifs on it (a plan is never changed once made).
 */
export interface Baseline {
  numbers: PlanForecast;
  position: Int32Array;
}

const baselines = new WeakMap<SchedulePlan, Baseline>();

/** Records `numbers` as the schedule of `plan` without overrides (the caller has just computed it), so that what-ifs need not compute it again. */
export function rememberBaseline(plan: SchedulePlan, numbers: PlanForecast): void {
  if (!baselines.has(plan)) baselines.set(plan, { numbers, position: positionsOf(plan) });
}

export function baselineOf(plan: SchedulePlan): Baseline {
  let baseline = baselines.get(plan);
  if (!baseline) baselines.set(plan, (baseline = { numbers: forecastPlan(plan), position: positionsOf(plan) }));
  return baseline;
}

function positionsOf(plan: SchedulePlan): Int32Array {
  const position = new Int32Array(plan.ids.length).fill(-1);
  for (let i = 0; i < plan.order.length; i++) position[plan.order[i]] = i;
  return position;
}

/** Forecasts and what derives from them, for every node (`plan`: reuse one for many what-ifs on the same graph). */
export function computeSchedule(graph: ScheduleGraph, overrides?: PlannedOverrides, plan = planSchedule(graph)): ScheduleResult {
  const numbers = forecastPlan(plan, plannedWith(plan, overrides));
  if (!overrides) rememberBaseline(plan, numbers);
  return resultOf(plan, numbers);
}

/** The driving chain of a node: the node, its driver, the driver's driver… until a node with slip 0 (or none). */
export function drivingChain(result: ScheduleResult, id: string): string[] {
  const chain: string[] = [];
  let current: string | undefined = id;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = result.get(current)?.driver;
  }
  return chain;
}

/**
 * The remaining critical path to a node, from the node upstream: its driving chain when it
 * slips, else the chain of predecessors with slack 0 (the latest first, ties by id). `done`
 * milestones are left out: they are no longer on anyone's path.
 */
export function remainingCriticalPath(graph: ScheduleGraph, result: ScheduleResult, id: string): string[] {
  const own = result.get(id);
  if (!own || own.forecast === undefined) return [];
  let path: string[];
  if ((own.slip ?? 0) > 0) {
    path = drivingChain(result, id);
  } else {
    path = [id];
    let current = id;
    for (;;) {
      const candidates = graph.get(current)!.predecessors
        .filter((p) => !graph.get(p)!.pinned && result.get(p)?.slack === 0 && result.get(p)?.forecast !== undefined && !path.includes(p));
      if (candidates.length === 0) break;
      candidates.sort((a, b) => result.get(b)!.forecast! - result.get(a)!.forecast! || (a < b ? -1 : 1));
      current = candidates[0];
      path.push(current);
    }
  }
  return path.filter((node) => !graph.get(node)!.pinned);
}
