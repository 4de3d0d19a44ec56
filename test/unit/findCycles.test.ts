/**
 * findCycles (src/core/workspace/graph.ts) against a plain breadth-first reference on seeded
 * random workspaces that mix rings (components that are one simple cycle, walked once for all
 * their edges) with denser components (searched from each edge) and acyclic parts: every edge
 * with a way back gets a cycle of the shortest length through it, starting with the edge and
 * made of consecutive edges; a ring's cycle is the ring itself, read from the edge.
 */
import { strict as assert } from 'node:assert';
import { prng } from '../support/prng';
import { buildGraph, CYCLE_RELATED_EDGES, CYCLE_SPELLED_NODES, findCycles, type DependencyGraph, type GraphEdge } from '../../src/core/workspace/graph';
import { BriefWorkspace } from '../../src/core/workspace/workspace';

function workspaceOf(dependsOn: Map<string, string[]>): BriefWorkspace {
  const workspace = new BriefWorkspace();
  for (const [id, targets] of dependsOn) {
    workspace.setText(`file:///ws/${id}.md`, `---\nprogram: ${id}\ntitle: ${id}\nowner: "@o"\ndepends_on: [${targets.join(', ')}]\n---\n# ${id}\n`);
  }
  return workspace;
}

/** Edges on a shortest way from `from` back to `to`, by a plain search over the graph's own maps. */
function shortestWay(graph: DependencyGraph, from: string, to: string): number | undefined {
  const distance = new Map([[from, 0]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    if (at === to) return distance.get(at);
    for (const edge of graph.outgoing.get(at) ?? []) {
      if (edge.dangling || distance.has(edge.to)) continue;
      distance.set(edge.to, distance.get(at)! + 1);
      queue.push(edge.to);
    }
  }
  return undefined;
}

describe('findCycles: the shortest cycle through every edge on one (rings walked once)', () => {
  it('agrees with a breadth-first reference on 200 seeded random workspaces', () => {
    const random = prng(20261202);
    for (let round = 0; round < 200; round++) {
      const dependsOn = new Map<string, string[]>();
      const rings: string[][] = [];
      const ringCount = Math.floor(random() * 4);
      for (let r = 0; r < ringCount; r++) {
        const size = 2 + Math.floor(random() * 16);
        const ids = Array.from({ length: size }, (_, i) => `r${r}n${i}`);
        ids.forEach((id, i) => dependsOn.set(id, [ids[(i + 1) % size]]));
        rings.push(ids);
      }
      // A random part, which may hang off the rings (edges into a ring keep it a ring).
      const others = Array.from({ length: Math.floor(random() * 14) }, (_, i) => `x${i}`);
      const everyone = [...dependsOn.keys(), ...others];
      for (const id of others) {
        const targets = new Set<string>();
        const degree = Math.floor(random() * 3);
        for (let d = 0; d < degree; d++) targets.add(random() < 0.8 ? others[Math.floor(random() * others.length)] : everyone[Math.floor(random() * everyone.length)]);
        dependsOn.set(id, [...targets]);
      }
      const graph = buildGraph(workspaceOf(dependsOn).briefs());
      const cycles = findCycles(graph);
      const label = `round ${round}`;
      let onCycle = 0;
      for (const edge of graph.edges) {
        const back = edge.dangling ? undefined : shortestWay(graph, edge.to, edge.from);
        const cycle = cycles.get(edge);
        if (back === undefined) {
          assert.equal(cycle, undefined, `${label}: ${edge.from} → ${edge.to} is on no cycle`);
          continue;
        }
        onCycle++;
        assert.ok(cycle, `${label}: ${edge.from} → ${edge.to} is on a cycle`);
        assert.equal(cycle.length, back + 1, `${label}: shortest cycle through ${edge.from} → ${edge.to}`);
        assert.equal(cycle.edges[0], edge);
        assert.equal(cycle.path[0], edge.from);
        assert.equal(cycle.path.length, cycle.length <= CYCLE_SPELLED_NODES ? cycle.length : 5);
        assert.equal(cycle.edges.length, Math.min(cycle.length, CYCLE_RELATED_EDGES + 1));
        if (cycle.length - 1 <= CYCLE_RELATED_EDGES) {
          // Kept whole: consecutive edges that come back to the start.
          cycle.edges.forEach((e, i) => assert.equal(e.to, cycle.edges[(i + 1) % cycle.edges.length].from, `${label}: edge ${i} of the cycle`));
        }
      }
      assert.equal(cycles.size, onCycle, label);
      for (const ids of rings) {
        ids.forEach((id, i) => {
          const edge = graph.outgoing.get(id)![0];
          const cycle = cycles.get(edge)!;
          const around = (k: number): string => ids[(i + k) % ids.length];
          const expectedPath = ids.length <= CYCLE_SPELLED_NODES
            ? ids.map((_, k) => around(k))
            : [around(0), around(1), around(2), around(ids.length - 2), around(ids.length - 1)];
          assert.deepEqual(cycle.path, expectedPath, `${label}: path of ${id}'s edge`);
          const kept: GraphEdge[] = cycle.edges;
          const offsets = ids.length - 1 <= CYCLE_RELATED_EDGES
            ? ids.map((_, k) => k)
            : [0, 1, 2, 3, 4, 5, ids.length - 5, ids.length - 4, ids.length - 3, ids.length - 2, ids.length - 1];
          assert.deepEqual(kept.map((e) => e.from), offsets.map(around), `${label}: edges of ${id}'s cycle`);
        });
      }
    }
  });
});
