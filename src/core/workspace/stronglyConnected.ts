/**
 * Strongly connected components, for every part of the core that must know which nodes lie on
 * a dependency cycle: the `dependency-cycle` rule (graph.ts), its incremental index
 * (graphIndex.ts) and the schedule, which leaves cycles out (schedule/forecast.ts). One
 * implementation, over integer nodes and compressed rows, so each caller numbers its own nodes
 * once and the search allocates a few typed arrays and nothing per node.
 *
 * Tarjan's algorithm, iterative: a dependency chain thousands of links long must not overflow
 * the stack (issue 9, finding 4).
 */

/** Compressed rows: the successors of node `v` are `targets[start[v]]` … `targets[start[v + 1] - 1]`. */
export interface AdjacencyRows {
  /** `n + 1` offsets into `targets`. */
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

export interface Components {
  /** Per node, the number of its component (numbered in the order Tarjan's algorithm closes them), or -1 for a node not searched. */
  readonly component: Int32Array;
  /** Per component, how many nodes it has. */
  readonly size: Int32Array;
}

/**
 * The components of the graph of `n` nodes. Roots are taken in node order, edges in row order.
 * With `roots`, only nodes where it is non-zero start a search (nodes reached from them are
 * searched too); the others keep component -1.
 */
export function stronglyConnectedComponents(n: number, rows: AdjacencyRows, roots?: Uint8Array): Components {
  const { start, targets } = rows;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const frameNode = new Int32Array(n);
  const frameNext = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  let stackSize = 0;
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if ((roots && !roots[root]) || index[root] !== -1) continue;
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
      const number = sizes.length;
      let size = 0;
      let member: number;
      do {
        member = stack[--stackSize];
        onStack[member] = 0;
        component[member] = number;
        size++;
      } while (member !== node);
      sizes.push(size);
    }
  }
  return { component, size: Int32Array.from(sizes) };
}

/** Whether node `v` has an edge to itself. */
export function hasSelfLoop(rows: AdjacencyRows, v: number): boolean {
  for (let e = rows.start[v]; e < rows.start[v + 1]; e++) if (rows.targets[e] === v) return true;
  return false;
}

/** Whether node `v` lies on a cycle: its component has two or more nodes, or it depends on itself. */
export function onCycle(components: Components, rows: AdjacencyRows, v: number): boolean {
  const c = components.component[v];
  return c >= 0 && (components.size[c] > 1 || hasSelfLoop(rows, v));
}
