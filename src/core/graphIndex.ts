/**
 * What the workspace needs to keep dependency cycles up to date cheaply after an edit:
 *
 * - `graphPart`: one brief's share of the dependency graph (its nodes and `depends_on` edges, in
 *   the order `buildGraph` creates them), computed once per parsed brief, with a `shape` string
 *   that changes exactly when the brief's share of the graph's structure changes. Edits that
 *   keep every shape (a due date, a status, a title, the body) cannot change which edges lie on
 *   a cycle.
 * - `cyclicNodes`: the nodes that lie on a cycle (strongly connected components of two or more
 *   nodes, or with a self-loop), over the whole workspace, with integer ids and typed arrays so
 *   that a structural edit costs a millisecond or two instead of a full `buildGraph`.
 *
 * The cycles themselves are still found by `findCycles` (graph.ts), on the small part of the
 * graph made of those nodes, so they are exactly the ones a full graph gives.
 */
import { nodeId } from './graph';
import type { Brief, DependencyEntry } from './model';

export interface GraphPart {
  /** The program id; '' when the brief has none (it then adds nothing to the graph). */
  program: string;
  /** Node ids in `buildGraph` order: the program, then each milestone (the first of duplicate ids). */
  nodes: string[];
  /** Edges in `buildGraph` order (entries that name no program are left out, as there). */
  edges: { from: string; to: string; entry: DependencyEntry }[];
  /** The program, nodes and edges (from → to) as one string: equal shapes, equal graph structure. */
  shape: string;
}

const EMPTY_PART: GraphPart = Object.freeze({ program: '', nodes: [], edges: [], shape: '' }) as GraphPart;

export function graphPart(brief: Brief): GraphPart {
  const program = brief.program?.value;
  if (!brief.isBrief || !program) return EMPTY_PART;
  const nodes = [program];
  const edges: GraphPart['edges'] = [];
  const add = (from: string, entries: readonly DependencyEntry[]) => {
    for (const entry of entries) if (entry.program) edges.push({ from, to: nodeId(entry.program, entry.milestone), entry });
  };
  add(program, brief.dependsOn);
  const seen = new Set(nodes);
  for (const milestone of brief.milestones) {
    if (!milestone.id) continue;
    const id = nodeId(program, milestone.id.value);
    if (seen.has(id)) continue;
    seen.add(id);
    nodes.push(id);
    add(id, milestone.dependsOn);
  }
  const shape = `${nodes.join(' ')}\n${edges.map((edge) => `${edge.from}>${edge.to}`).join(' ')}`;
  return { program, nodes, edges, shape };
}

interface InternedPart {
  nodes: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

/**
 * Finds the nodes on cycles. Node ids are interned to integers once and for all (the table only
 * grows, by the ids ever seen, which stays small next to the workspace), and each part's integer
 * form is kept with the part.
 */
export class CycleFinder {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly interned = new WeakMap<GraphPart, InternedPart>();

  private intern(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      n = this.names.length;
      this.ids.set(id, n);
      this.names.push(id);
    }
    return n;
  }

  private internPart(part: GraphPart): InternedPart {
    let result = this.interned.get(part);
    if (!result) {
      result = {
        nodes: Int32Array.from(part.nodes, (id) => this.intern(id)),
        from: Int32Array.from(part.edges, (edge) => this.intern(edge.from)),
        to: Int32Array.from(part.edges, (edge) => this.intern(edge.to)),
      };
      this.interned.set(part, result);
    }
    return result;
  }

  /** The ids of the nodes that lie on a cycle, given the parts of the briefs that own their program ids. */
  cyclicNodes(parts: Iterable<GraphPart>): Set<string> {
    const interned: InternedPart[] = [];
    for (const part of parts) if (part.nodes.length > 0) interned.push(this.internPart(part));
    const n = this.names.length;
    const defined = new Uint8Array(n);
    for (const part of interned) for (const node of part.nodes) defined[node] = 1;
    // Adjacency in compressed rows; edges to nodes no brief defines (dangling) are left out.
    const start = new Int32Array(n + 1);
    for (const part of interned) {
      for (let e = 0; e < part.from.length; e++) if (defined[part.to[e]]) start[part.from[e] + 1]++;
    }
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const fill = start.slice(0, n);
    const targets = new Int32Array(start[n]);
    for (const part of interned) {
      for (let e = 0; e < part.from.length; e++) if (defined[part.to[e]]) targets[fill[part.from[e]]++] = part.to[e];
    }
    return this.stronglyConnected(n, defined, start, targets);
  }

  /** Tarjan's algorithm, iterative: the nodes of components with two or more nodes, or a self-loop. */
  private stronglyConnected(n: number, defined: Uint8Array, start: Int32Array, targets: Int32Array): Set<string> {
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const stack = new Int32Array(n);
    const frameNode = new Int32Array(n);
    const frameNext = new Int32Array(n);
    let stackSize = 0;
    let counter = 0;
    const result = new Set<string>();
    for (let root = 0; root < n; root++) {
      if (!defined[root] || index[root] !== -1) continue;
      let depth = 0;
      frameNode[0] = root;
      frameNext[0] = start[root];
      index[root] = low[root] = counter++;
      stack[stackSize++] = root;
      onStack[root] = 1;
      while (depth >= 0) {
        const node = frameNode[depth];
        if (frameNext[depth] < start[node + 1]) {
          const to = targets[frameNext[depth]++];
          if (index[to] === -1) {
            index[to] = low[to] = counter++;
            stack[stackSize++] = to;
            onStack[to] = 1;
            depth++;
            frameNode[depth] = to;
            frameNext[depth] = start[to];
          } else if (onStack[to] && index[to] < low[node]) {
            low[node] = index[to];
          }
          continue;
        }
        depth--;
        if (depth >= 0) {
          const parent = frameNode[depth];
          if (low[node] < low[parent]) low[parent] = low[node];
        }
        if (low[node] !== index[node]) continue;
        let size = 0;
        let member: number;
        const first = stackSize;
        do {
          member = stack[--stackSize];
          onStack[member] = 0;
          size++;
        } while (member !== node);
        let selfLoop = false;
        if (size === 1) {
          for (let e = start[node]; e < start[node + 1]; e++) if (targets[e] === node) selfLoop = true;
        }
        if (size > 1 || selfLoop) for (let i = stackSize; i < first; i++) result.add(this.names[stack[i]]);
      }
    }
    return result;
  }
}
