/**
 * Slip impact ("what if", docs/schedule.md; v2 spec section 1): move planned dates, recompute,
 * and report every node whose forecast changed. Nothing is written anywhere.
 *
 * - A milestone: its planned date moves by `days` (it must have one).
 * - A program: its `target` and the due date of each of its milestones that is not `done`.
 *
 * A change is `late` when its new forecast is after the date that was planned (the commitment,
 * before the move). `via` is the driving chain after the change, from the moved node down to
 * the changed node's driver. `programsLate` lists the programs whose finish was not late before
 * and is now.
 */
import { baselineOf, forecastNode, planSchedule, plannedWith, type SchedulePlan, type ScheduleResult } from './forecast';
import type { ScheduleGraph, ScheduleNodeKind } from './nodes';

export interface ImpactChange {
  id: string;
  kind: ScheduleNodeKind;
  owner?: string;
  planned?: number;
  before?: number;
  after?: number;
  /** after − before, when both exist. */
  days?: number;
  late: boolean;
  via: string[];
}

export interface Impact {
  ref: string;
  days: number;
  changes: ImpactChange[];
  programsLate: string[];
}

export class ImpactError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImpactError';
  }
}

/**
 * `plan`: the numbered form of `graph` (from `buildSchedule`, `scheduleWorkspace` or
 * `planSchedule`), to reuse for many what-ifs; without it, the graph is numbered again.
 * `before`: the schedule to compare with (default: the graph's own).
 *
 * Only what is downstream of the moved nodes is recomputed: starting from the moved nodes, in
 * topological order, a node's successors are visited only when its forecast changed, so the
 * cost is that of the nodes the slip reaches rather than of the whole graph. Every other node
 * keeps the plan's own forecast and driver, which a recomputation from scratch would give them
 * again: neither their planned date nor any predecessor's forecast moved.
 * test/unit/scheduleImpact.test.ts checks the result against a recomputation from scratch.
 */
export function slipImpact(graph: ScheduleGraph, ref: string, days: number, before?: ScheduleResult, plan?: SchedulePlan): Impact {
  const target = graph.get(ref);
  if (!target) throw new ImpactError(`no milestone or program \`${ref}\` in the schedule`);
  const overrides = new Map<string, number>();
  if (target.kind === 'milestone') {
    if (target.planned === undefined) throw new ImpactError(`milestone \`${ref}\` has no \`due\` date to move`);
    overrides.set(ref, target.planned + days);
  } else {
    if (target.planned !== undefined) overrides.set(ref, target.planned + days);
    // A program's milestones are all among its finish's predecessors (the finish waits for each).
    for (const id of target.predecessors) {
      const node = graph.get(id)!;
      if (node.kind === 'milestone' && node.program === ref && !node.pinned && node.planned !== undefined) overrides.set(node.id, node.planned + days);
    }
  }
  plan ??= planSchedule(graph);
  const baseline = baselineOf(plan);
  const { ids, successors, onCycle } = plan;
  const planned = plannedWith(plan, overrides);
  const forecast = baseline.numbers.forecast.slice();
  const slip = baseline.numbers.slip.slice();
  const driver = baseline.numbers.driver.slice();

  // Downstream of the moved nodes, in topological order (a heap of positions in it).
  const heap: number[] = [];
  const queued = new Uint8Array(ids.length);
  const reached: number[] = [];
  const push = (v: number) => {
    if (queued[v] || onCycle[v]) return;
    queued[v] = 1;
    reached.push(v);
    heapPush(heap, baseline.position[v], v);
  };
  for (const id of overrides.keys()) {
    const v = plan.index.get(id);
    if (v !== undefined) push(v);
  }
  while (heap.length > 0) {
    const v = heapPop(heap);
    const was = forecast[v];
    forecastNode(plan, planned, v, forecast, slip, driver);
    if (sameDay(was, forecast[v])) continue;
    for (let k = successors.start[v]; k < successors.start[v + 1]; k++) push(successors.list[k]);
  }

  // Without `before`, the comparison is with the plan's own schedule, and only the nodes reached
  // can differ from it. A caller's `before` may differ anywhere: then every node is compared, as
  // a full recomputation would.
  const candidates = before ? ids.map((_, v) => v) : reached.sort((a, b) => a - b);
  const wasAt = (v: number): number | undefined => {
    if (before) return before.get(ids[v])?.forecast;
    const day = baseline.numbers.forecast[v];
    return day === day ? day : undefined;
  };
  const nowAt = (v: number): number | undefined => (forecast[v] === forecast[v] ? forecast[v] : undefined);
  const moved = new Set(overrides.keys());
  const changes: ImpactChange[] = [];
  const programsLate: string[] = [];
  for (const v of candidates) {
    const a = wasAt(v);
    const b = nowAt(v);
    if (a === b) continue;
    const id = ids[v];
    const node = graph.get(id)!;
    const chain = chainOf(driver, v, ids).slice(1).reverse();
    const from = chain.findIndex((step) => moved.has(step));
    changes.push({
      id,
      kind: node.kind,
      ...(node.owner && { owner: node.owner }),
      ...(node.planned !== undefined && { planned: node.planned }),
      ...(a !== undefined && { before: a }),
      ...(b !== undefined && { after: b }),
      ...(a !== undefined && b !== undefined && { days: b - a }),
      late: b !== undefined && node.planned !== undefined && b > node.planned,
      via: from < 0 ? [] : chain.slice(from),
    });
    // A program finish whose forecast did not change cannot have become late.
    if (node.kind === 'program' && node.planned !== undefined && !isLate(a, node.planned) && isLate(b, node.planned)) programsLate.push(id);
  }
  return { ref, days, changes, programsLate: programsLate.sort() };
}

/** The driving chain (`drivingChain`) of node v, read from numbered drivers. */
function chainOf(driver: Int32Array, v: number, ids: string[]): string[] {
  const chain: string[] = [];
  let current = v;
  while (current >= 0 && !chain.includes(ids[current])) {
    chain.push(ids[current]);
    current = driver[current];
  }
  return chain;
}

function sameDay(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

function isLate(forecast: number | undefined, planned: number): boolean {
  return forecast !== undefined && forecast > planned;
}

/** A binary heap of node numbers keyed by topological position, as pairs [position, node] in one array. */
function heapPush(heap: number[], key: number, value: number): void {
  heap.push(key, value);
  let i = heap.length / 2 - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[2 * parent] <= heap[2 * i]) break;
    swap(heap, parent, i);
    i = parent;
  }
}

function heapPop(heap: number[]): number {
  const top = heap[1];
  const lastValue = heap.pop()!;
  const lastKey = heap.pop()!;
  const size = heap.length / 2;
  if (size > 0) {
    heap[0] = lastKey;
    heap[1] = lastValue;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      let smallest = i;
      if (left < size && heap[2 * left] < heap[2 * smallest]) smallest = left;
      if (left + 1 < size && heap[2 * (left + 1)] < heap[2 * smallest]) smallest = left + 1;
      if (smallest === i) break;
      swap(heap, smallest, i);
      i = smallest;
    }
  }
  return top;
}

function swap(heap: number[], i: number, j: number): void {
  const key = heap[2 * i];
  const value = heap[2 * i + 1];
  heap[2 * i] = heap[2 * j];
  heap[2 * i + 1] = heap[2 * j + 1];
  heap[2 * j] = key;
  heap[2 * j + 1] = value;
}
