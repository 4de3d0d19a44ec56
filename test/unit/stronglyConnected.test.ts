/**
 * The one strongly-connected-components search of the core (src/core/workspace/stronglyConnected.ts),
 * checked against the definition on seeded random graphs: two nodes share a component exactly when
 * each reaches the other; a node is on a cycle when its component has two or more nodes or it
 * depends on itself. Also a chain long enough to overflow a recursive search.
 */
import { strict as assert } from 'node:assert';
import { prng } from '../support/prng';
import { onCycle, stronglyConnectedComponents, type AdjacencyRows } from '../../src/core/workspace/stronglyConnected';

function rowsOf(n: number, edges: [number, number][]): AdjacencyRows {
  const start = new Int32Array(n + 1);
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  for (const [from] of sorted) start[from + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  return { start, targets: Int32Array.from(sorted, ([, to]) => to) };
}

function reachable(n: number, rows: AdjacencyRows, from: number): Uint8Array {
  const seen = new Uint8Array(n);
  const queue = [from];
  seen[from] = 1;
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (let e = rows.start[v]; e < rows.start[v + 1]; e++) {
      const w = rows.targets[e];
      if (!seen[w]) {
        seen[w] = 1;
        queue.push(w);
      }
    }
  }
  return seen;
}

describe('strongly connected components (one search for lint, its index and the schedule)', () => {
  it('agrees with mutual reachability on 300 seeded random graphs', () => {
    const random = prng(20261201);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 14);
      const edges: [number, number][] = [];
      const m = Math.floor(random() * n * 2);
      for (let k = 0; k < m; k++) edges.push([Math.floor(random() * n), Math.floor(random() * n)]);
      const rows = rowsOf(n, edges);
      const components = stronglyConnectedComponents(n, rows);
      const reach = Array.from({ length: n }, (_, v) => reachable(n, rows, v));
      for (let u = 0; u < n; u++) {
        for (let v = 0; v < n; v++) {
          const mutual = Boolean(reach[u][v] && reach[v][u]);
          assert.equal(components.component[u] === components.component[v], mutual, `round ${round}: ${u} and ${v} in ${JSON.stringify(edges)}`);
        }
        const selfLoop = edges.some(([a, b]) => a === u && b === u);
        const cyclic = selfLoop || reach.some((r, v) => v !== u && r[u] && reach[u][v]);
        assert.equal(onCycle(components, rows, u), cyclic, `round ${round}: node ${u} on a cycle in ${JSON.stringify(edges)}`);
      }
      assert.equal([...components.size].reduce((a, b) => a + b, 0), n, 'every node is in exactly one component');
    }
  });

  it('searches only from the given roots', () => {
    const rows = rowsOf(4, [[0, 1], [1, 0], [2, 3], [3, 2]]);
    const components = stronglyConnectedComponents(4, rows, Uint8Array.from([1, 0, 0, 0]));
    assert.deepEqual([...components.component].map((c) => c >= 0), [true, true, false, false]);
    assert.equal(onCycle(components, rows, 2), false);
  });

  it('handles a 200,000-node cycle without overflowing the stack', () => {
    const n = 200_000;
    const edges: [number, number][] = Array.from({ length: n }, (_, v) => [v, (v + 1) % n]);
    const rows = rowsOf(n, edges);
    const components = stronglyConnectedComponents(n, rows);
    assert.equal(components.size.length, 1);
    assert.equal(components.size[0], n);
  });
});
