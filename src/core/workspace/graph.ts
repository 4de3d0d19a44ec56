/**
 * The dependency graph across briefs: a node per program and per milestone, an edge per
 * `depends_on` entry (A → B means A depends on B). Built from a workspace, used by the
 * `dependency-cycle` rule, `brief graph` and the diagram.
 */
import type { Brief, DependencyEntry, Milestone } from '../model/model';
import type { Range } from '../model/range';
import { milestoneFacts, programFacts } from '../model/status';
import { onCycle, stronglyConnectedComponents } from './stronglyConnected';
import { milestoneNodeId } from '../model/intern';

export type NodeKind = 'program' | 'milestone';

export interface GraphNode {
  /** `program` or `program#milestone`. */
  id: string;
  kind: NodeKind;
  program: string;
  title?: string;
  owner?: string;
  status?: string;
  due?: string;
  /** The schema rejected `status`: no view reasons about it (src/core/model/status.ts). */
  statusRejected?: boolean;
  /** The schema rejected `due` / `target`. */
  dueRejected?: boolean;
  uri: string;
  line: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Where the edge is written: the `depends_on` entry. */
  uri: string;
  range: Range;
  /** True when no brief defines the target. */
  dangling: boolean;
}

export interface DependencyGraph {
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  outgoing: Map<string, GraphEdge[]>;
  incoming: Map<string, GraphEdge[]>;
}

export function nodeId(program: string, milestone?: string): string {
  // Interned: every index keyed by node id would otherwise hold a copy of its own (../model/intern.ts).
  return milestone === undefined ? program : milestoneNodeId(program, milestone);
}

/** Builds the graph from briefs; the first brief (in the given order) to define an id owns it. */
export function buildGraph(briefs: Iterable<Brief>): DependencyGraph {
  const nodes = new Map<string, GraphNode>();
  const pending: { from: string; entry: DependencyEntry; uri: string }[] = [];
  for (const brief of briefs) {
    const program = brief.program?.value;
    if (!program || nodes.has(program)) continue;
    nodes.set(program, {
      id: program, kind: 'program', program, uri: brief.uri,
      line: brief.program?.range.start.line ?? 0,
      title: brief.title?.value, owner: brief.owner?.value, status: brief.status?.value, due: brief.target?.value,
      ...rejected(programFacts(brief)),
    });
    for (const entry of brief.dependsOn) pending.push({ from: program, entry, uri: brief.uri });
    for (const milestone of brief.milestones) {
      if (!milestone.id) continue;
      const id = nodeId(program, milestone.id.value);
      if (nodes.has(id)) continue;
      nodes.set(id, milestoneNode(id, program, milestone, brief));
      for (const entry of milestone.dependsOn) pending.push({ from: id, entry, uri: brief.uri });
    }
  }
  const edges: GraphEdge[] = [];
  const outgoing = new Map<string, GraphEdge[]>();
  const incoming = new Map<string, GraphEdge[]>();
  for (const { from, entry, uri } of pending) {
    if (!entry.program) continue;
    const to = nodeId(entry.program, entry.milestone);
    const edge: GraphEdge = { from, to, uri, range: entry.range, dangling: !nodes.has(to) };
    edges.push(edge);
    push(outgoing, from, edge);
    push(incoming, to, edge);
  }
  return { nodes, edges, outgoing, incoming };
}

function milestoneNode(id: string, program: string, milestone: Milestone, brief: Brief): GraphNode {
  return {
    id, kind: 'milestone', program, uri: brief.uri,
    line: milestone.id?.range.start.line ?? milestone.itemRange.start.line,
    title: milestone.title?.value, owner: milestone.owner?.value, status: milestone.status?.value, due: milestone.due?.value,
    ...rejected(milestoneFacts(brief, milestone)),
  };
}

/** Only the flags that are set, so a node without schema problems looks as before. */
function rejected(facts: { statusRejected?: boolean; dueRejected?: boolean }): Pick<GraphNode, 'statusRejected' | 'dueRejected'> {
  return { ...(facts.statusRejected && { statusRejected: true }), ...(facts.dueRejected && { dueRejected: true }) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Cycles of at most this many nodes are kept (and spelled out in messages) whole. */
export const CYCLE_SPELLED_NODES = 10;
/** Of a longer cycle, the first nodes kept (from the edge's `from`)… */
export const CYCLE_HEAD_NODES = 3;
/** …and the last ones (before it comes back). */
export const CYCLE_TAIL_NODES = 2;
/** The other edges of a cycle kept with each edge: the nearest along the cycle, half after it and half before. */
export const CYCLE_RELATED_EDGES = 10;

/**
 * One shortest cycle through an edge. Its size is bounded whatever the cycle's length (a cycle
 * through 5,000 briefs has 5,000 edges, each with its own `Cycle`): the node ids and edges kept
 * are those nearest to the edge, and `length` says how many there are in all.
 */
export interface Cycle {
  /** How many edges (and so nodes) the cycle has. */
  length: number;
  /**
   * Node ids around the cycle, from the edge's `from` (repeated at the end when spelled out):
   * every one when `length <= CYCLE_SPELLED_NODES`; otherwise the first `CYCLE_HEAD_NODES`
   * then the last `CYCLE_TAIL_NODES`, and `length - path.length` are left out between them.
   */
  path: string[];
  /**
   * The edge itself, then the others in cycle order: every one when there are at most
   * `CYCLE_RELATED_EDGES` others; otherwise the `CYCLE_RELATED_EDGES / 2` that follow it and
   * the `CYCLE_RELATED_EDGES / 2` that lead back to it.
   */
  edges: GraphEdge[];
}

/**
 * For every edge that lies on a cycle, one shortest cycle through it. Strongly connected
 * components (Tarjan, iterative so deep graphs cannot overflow the stack) find the edges;
 * a breadth-first search inside the component finds the way back. The searches run on integer
 * arrays allocated once, and each cycle keeps a bounded part of its path, so memory stays
 * linear in the graph (time is one search per edge on a cycle, each linear in its component,
 * except in a component that is one simple cycle, which is walked once for all its edges).
 */
export function findCycles(graph: DependencyGraph): Map<GraphEdge, Cycle> {
  const component = cyclicComponents(graph);
  const cycles = new Map<GraphEdge, Cycle>();
  if (component.size === 0) return cycles;
  const names = [...component.keys()];
  const number = new Map(names.map((id, i) => [id, i]));
  const n = names.length;
  // The edges inside a component, numbered in graph order, and per node its outgoing ones (in
  // compressed rows, in the order of `graph.outgoing`, which is graph order).
  const inner: GraphEdge[] = [];
  for (const edge of graph.edges) {
    if (edge.dangling) continue;
    const c = component.get(edge.from);
    if (c !== undefined && c === component.get(edge.to)) inner.push(edge);
  }
  const m = inner.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const start = new Int32Array(n + 1);
  inner.forEach((edge, k) => {
    from[k] = number.get(edge.from)!;
    to[k] = number.get(edge.to)!;
    start[from[k] + 1]++;
  });
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[fill[from[k]]++] = k;

  const seen = new Int32Array(n);
  const cameBy = new Int32Array(n);
  const queue = new Int32Array(n);
  const half = CYCLE_RELATED_EDGES / 2;
  const ring = ringPositions(component, names, inner, from, to, start, out);
  for (let k = 0; k < m; k++) {
    const edge = inner[k];
    const u = from[k];
    const v = to[k];
    if (ring.position[k] >= 0) {
      cycles.set(edge, ringCycle(ring.rings[ring.ringOf[k]], ring.position[k], names, inner, from));
      continue;
    }
    if (u === v) {
      cycles.set(edge, { length: 1, path: [edge.from], edges: [edge] });
      continue;
    }
    // Breadth-first from `v` until `u` is reached (it is: they share a component).
    const stamp = k + 1;
    seen[v] = stamp;
    queue[0] = v;
    let found = false;
    for (let head = 0, tail = 1; head < tail && !found; head++) {
      const current = queue[head];
      for (let e = start[current]; e < start[current + 1]; e++) {
        const target = to[out[e]];
        if (seen[target] === stamp) continue;
        seen[target] = stamp;
        cameBy[target] = out[e];
        if (target === u) {
          found = true;
          break;
        }
        queue[tail++] = target;
      }
    }
    if (!found) continue;
    // The way back, walked from `u` to `v`, is edges L-1, L-2, …, 1 of the cycle (edge 0 is `edge`).
    let length = 1;
    for (let at = u; at !== v; at = from[cameBy[at]]) length++;
    const keepAll = length - 1 <= CYCLE_RELATED_EDGES;
    const spellAll = length <= CYCLE_SPELLED_NODES;
    const edges: GraphEdge[] = [edge];
    const path: string[] = [edge.from];
    const lateEdges: GraphEdge[] = [];
    const lateNodes: string[] = [];
    let position = length - 1;
    for (let at = u; at !== v; position--) {
      const step = cameBy[at];
      // Edge `position` runs from node `position` (its `from`) to node `position + 1`.
      if (keepAll || position <= half) edges[position] = inner[step];
      else if (position >= length - half) lateEdges.push(inner[step]);
      if (spellAll || position < CYCLE_HEAD_NODES) path[position] = names[from[step]];
      else if (position >= length - CYCLE_TAIL_NODES) lateNodes.push(names[from[step]]);
      at = from[step];
    }
    cycles.set(edge, {
      length,
      path: spellAll ? path : [...path, ...lateNodes.reverse()],
      edges: keepAll ? edges : [...edges, ...lateEdges.reverse()],
    });
  }
  return cycles;
}

/**
 * The components that are one simple cycle: as many edges inside as nodes (strongly connected,
 * so every node has one edge in and one out). Their cycle is the only one through each of
 * their edges, so it is walked once for all of them instead of searched from every edge: a
 * cycle through 5,000 briefs was 5,000 searches of 5,000 nodes each. For each inner edge, the
 * ring it is on and its place along it (-1 when its component is not a ring).
 */
function ringPositions(
  component: Map<string, number>, names: string[], inner: GraphEdge[],
  from: Int32Array, to: Int32Array, start: Int32Array, out: Int32Array,
): { rings: number[][]; ringOf: Int32Array; position: Int32Array } {
  const m = inner.length;
  const nodes = new Map<number, number>();
  const edges = new Map<number, number>();
  for (const name of names) nodes.set(component.get(name)!, (nodes.get(component.get(name)!) ?? 0) + 1);
  for (let k = 0; k < m; k++) {
    const c = component.get(names[from[k]])!;
    edges.set(c, (edges.get(c) ?? 0) + 1);
  }
  const rings: number[][] = [];
  const ringOf = new Int32Array(m).fill(-1);
  const position = new Int32Array(m).fill(-1);
  for (let k = 0; k < m; k++) {
    if (position[k] >= 0) continue;
    const c = component.get(names[from[k]])!;
    const count = nodes.get(c)!;
    if (count < 2 || edges.get(c) !== count) continue;
    // In a ring every node has exactly one edge out: follow them back to `k`.
    const order: number[] = [];
    for (let e = k; order.length === 0 || e !== k; e = out[start[to[e]]]) {
      ringOf[e] = rings.length;
      position[e] = order.length;
      order.push(e);
    }
    rings.push(order);
  }
  return { rings, ringOf, position };
}

/** The cycle through the ring's edge at `i`: the ring read from that edge, kept as findCycles keeps every cycle. */
function ringCycle(order: number[], i: number, names: string[], inner: GraphEdge[], from: Int32Array): Cycle {
  const length = order.length;
  const half = CYCLE_RELATED_EDGES / 2;
  const edgeAt = length - 1 <= CYCLE_RELATED_EDGES ? range(0, length) : [...range(0, half + 1), ...range(length - half, length)];
  const nodeAt = length <= CYCLE_SPELLED_NODES ? range(0, length) : [...range(0, CYCLE_HEAD_NODES), ...range(length - CYCLE_TAIL_NODES, length)];
  const at = (offset: number): number => order[(i + offset) % length];
  return {
    length,
    path: nodeAt.map((offset) => names[from[at(offset)]]),
    edges: edgeAt.map((offset) => inner[at(offset)]),
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** Maps each node on a cycle (a component of two or more nodes, or with a self-loop) to its component number. */
function cyclicComponents(graph: DependencyGraph): Map<string, number> {
  const names = [...graph.nodes.keys()];
  const number = new Map(names.map((id, i) => [id, i]));
  const n = names.length;
  // Compressed rows in the order of `graph.outgoing`; edges to nodes the graph lacks are left out.
  const start = new Int32Array(n + 1);
  const targets: number[] = [];
  for (let v = 0; v < n; v++) {
    for (const edge of graph.outgoing.get(names[v]) ?? []) {
      const to = number.get(edge.to);
      if (to !== undefined) targets.push(to);
    }
    start[v + 1] = targets.length;
  }
  const rows = { start, targets: Int32Array.from(targets) };
  const components = stronglyConnectedComponents(n, rows);
  const result = new Map<string, number>();
  for (let v = 0; v < n; v++) if (onCycle(components, rows, v)) result.set(names[v], components.component[v]);
  return result;
}
