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

/** Ids of the nodes on a cycle: Tarjan's algorithm, iterative (a long chain must not overflow the stack). */
export function nodesOnCycles(graph: ScheduleGraph): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Set<string>();
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { id: string; next: number }[] = [{ id: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const successors = graph.get(frame.id)!.successors;
      if (frame.next < successors.length) {
        const next = successors[frame.next++];
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ id: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        if (component.length > 1) for (const id of component) result.add(id);
      }
    }
  }
  return result;
}

/** The nodes not on a cycle, each after all of its predecessors (Kahn's algorithm; ties by id). */
export function topologicalOrder(graph: ScheduleGraph, onCycle: ReadonlySet<string>): string[] {
  const waiting = new Map<string, number>();
  for (const node of graph.values()) {
    if (onCycle.has(node.id)) continue;
    waiting.set(node.id, node.predecessors.filter((id) => !onCycle.has(id)).length);
  }
  const ready = [...waiting].filter(([, count]) => count === 0).map(([id]) => id).sort();
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i];
    order.push(id);
    for (const next of graph.get(id)!.successors) {
      const count = waiting.get(next);
      if (count === undefined) continue;
      if (count === 1) ready.push(next);
      waiting.set(next, count - 1);
    }
  }
  return order;
}

function plannedOf(node: ScheduleNode, overrides: PlannedOverrides | undefined): number | undefined {
  return overrides?.get(node.id) ?? node.planned;
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

/** Forecasts and what derives from them, for every node. */
export function computeSchedule(graph: ScheduleGraph, overrides?: PlannedOverrides, cycles = nodesOnCycles(graph), order = topologicalOrder(graph, cycles)): ScheduleResult {
  const result: ScheduleResult = new Map();
  for (const id of cycles) result.set(id, { onCycle: true });
  for (const id of order) {
    const node = graph.get(id)!;
    result.set(id, nodeForecast(node, plannedOf(node, overrides), result));
  }
  for (const id of order) {
    const slack = nodeSlack(graph.get(id)!, graph, result);
    if (slack !== undefined) result.get(id)!.slack = slack;
  }
  return result;
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
