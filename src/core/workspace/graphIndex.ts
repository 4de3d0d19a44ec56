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
import { onCycle, stronglyConnectedComponents } from './stronglyConnected';
import type { Brief, DependencyEntry } from '../model/model';

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
    const rows = { start, targets };
    const components = stronglyConnectedComponents(n, rows, defined);
    const result = new Set<string>();
    for (let v = 0; v < n; v++) if (onCycle(components, rows, v)) result.add(this.names[v]);
    return result;
  }
}
