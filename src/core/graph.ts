/**
 * The dependency graph across briefs: a node per program and per milestone, an edge per
 * `depends_on` entry (A → B means A depends on B). Built from a workspace, used by the
 * `dependency-cycle` rule, `brief graph` and the diagram.
 */
import type { Brief, DependencyEntry, Milestone } from './model';
import type { Range } from './range';

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
  return milestone === undefined ? program : `${program}#${milestone}`;
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
    });
    for (const entry of brief.dependsOn) pending.push({ from: program, entry, uri: brief.uri });
    for (const milestone of brief.milestones) {
      if (!milestone.id) continue;
      const id = nodeId(program, milestone.id.value);
      if (nodes.has(id)) continue;
      nodes.set(id, milestoneNode(id, program, milestone, brief.uri));
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

function milestoneNode(id: string, program: string, milestone: Milestone, uri: string): GraphNode {
  return {
    id, kind: 'milestone', program, uri,
    line: milestone.id?.range.start.line ?? milestone.itemRange.start.line,
    title: milestone.title?.value, owner: milestone.owner?.value, status: milestone.status?.value, due: milestone.due?.value,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface Cycle {
  /** Node ids around the cycle; the first is repeated at the end when spelled out. */
  path: string[];
  edges: GraphEdge[];
}

/**
 * For every edge that lies on a cycle, one shortest cycle through it. Strongly connected
 * components (Tarjan, iterative so deep graphs cannot overflow the stack) find the edges;
 * a breadth-first search inside the component finds the way back.
 */
export function findCycles(graph: DependencyGraph): Map<GraphEdge, Cycle> {
  const component = stronglyConnectedComponents(graph);
  const cycles = new Map<GraphEdge, Cycle>();
  for (const edge of graph.edges) {
    if (edge.dangling) continue;
    const c = component.get(edge.from);
    if (c === undefined || c !== component.get(edge.to)) continue;
    const back = shortestPath(graph, edge.to, edge.from, (id) => component.get(id) === c);
    if (!back) continue;
    // `back.nodes` runs from `edge.to` round to `edge.from`; the path lists `edge.from` once.
    cycles.set(edge, { path: [edge.from, ...back.nodes.slice(0, -1)], edges: [edge, ...back.edges] });
  }
  return cycles;
}

function shortestPath(graph: DependencyGraph, from: string, to: string, inside: (id: string) => boolean): { nodes: string[]; edges: GraphEdge[] } | undefined {
  if (from === to) return { nodes: [from], edges: [] };
  const cameBy = new Map<string, GraphEdge>();
  const queue = [from];
  const seen = new Set([from]);
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    for (const edge of graph.outgoing.get(current) ?? []) {
      if (seen.has(edge.to) || !inside(edge.to)) continue;
      seen.add(edge.to);
      cameBy.set(edge.to, edge);
      if (edge.to === to) {
        const edges: GraphEdge[] = [];
        for (let at = to; at !== from;) {
          const step = cameBy.get(at)!;
          edges.unshift(step);
          at = step.from;
        }
        return { nodes: [from, ...edges.map((e) => e.to)], edges };
      }
      queue.push(edge.to);
    }
  }
  return undefined;
}

/** Maps each node on a cycle (a component of two or more nodes, or with a self-loop) to its component number. */
function stronglyConnectedComponents(graph: DependencyGraph): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, number>();
  let counter = 0;
  let componentCount = 0;
  for (const root of graph.nodes.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter); low.set(root, counter); counter++;
    stack.push(root); onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const out = graph.outgoing.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++].to;
        if (!graph.nodes.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, counter); low.set(to, counter); counter++;
          stack.push(to); onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.outgoing.get(frame.node) ?? []).some((edge) => edge.to === frame.node);
        if (members.length > 1 || selfLoop) {
          for (const m of members) result.set(m, componentCount);
          componentCount++;
        }
      }
    }
  }
  return result;
}
