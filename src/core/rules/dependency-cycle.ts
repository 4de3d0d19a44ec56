import { CYCLE_TAIL_NODES, type Cycle, type GraphEdge } from '../workspace/graph';
import type { Rule } from './rule';

/**
 * The cycle as a message spells it: `a` → `b` → `a`. A long cycle keeps its first and last
 * ids and says how many are left out ("`a` → `b` → `c` → … (994 more) … → `y` → `z` → `a`"),
 * so a message stays short however many briefs the cycle runs through.
 */
export function spellCycle(cycle: Pick<Cycle, 'path' | 'length'>): string {
  const quoted = cycle.path.map((id) => `\`${id}\``);
  const omitted = cycle.length - cycle.path.length;
  const first = quoted[0];
  if (omitted <= 0) return [...quoted, first].join(' → ');
  const head = quoted.slice(0, quoted.length - tailCount(cycle));
  const tail = quoted.slice(head.length);
  return `${head.join(' → ')} → … (${omitted} more) … → ${[...tail, first].join(' → ')}`;
}

/** How many of `path` are the cycle's last nodes (`findCycles` keeps CYCLE_TAIL_NODES of them). */
function tailCount(cycle: Pick<Cycle, 'path'>): number {
  return Math.min(CYCLE_TAIL_NODES, Math.max(0, cycle.path.length - 1));
}

/** The cycles by the uri of the brief their edge is written in (built once per `cycles()` map). */
const byUriCache = new WeakMap<Map<GraphEdge, Cycle>, Map<string, [GraphEdge, Cycle][]>>();

function cyclesIn(cycles: Map<GraphEdge, Cycle>, uri: string): readonly [GraphEdge, Cycle][] {
  let byUri = byUriCache.get(cycles);
  if (!byUri) {
    byUri = new Map();
    for (const entry of cycles) {
      const list = byUri.get(entry[0].uri);
      if (list) list.push(entry);
      else byUri.set(entry[0].uri, [entry]);
    }
    byUriCache.set(cycles, byUri);
  }
  return byUri.get(uri) ?? [];
}

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  defaultSeverity: 'error',
  description: '`depends_on` edges (program or milestone level) form a cycle.',
  crossFile: true,
  check({ brief, workspace, report }) {
    for (const [edge, cycle] of cyclesIn(workspace.cycles(), brief.uri)) {
      const long = cycle.length > cycle.path.length;
      report({
        range: edge.range,
        message: `Dependency cycle${long ? ` of ${cycle.length} edges` : ''}: ${spellCycle(cycle)}; expected \`depends_on\` edges that never lead back to \`${edge.from}\``,
        related: cycle.edges.slice(1).map((other) => ({ uri: other.uri, range: other.range, message: `\`${other.from}\` depends on \`${other.to}\` here` })),
      });
    }
  },
};
