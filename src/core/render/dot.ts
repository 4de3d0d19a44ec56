/**
 * A `GraphView` as a Graphviz DOT digraph. Node ids are `n0`, `n1`, … (the index in
 * `view.nodes`), never brief text; every label is a double-quoted DOT string escaped by
 * `escapeDotString`. An arrow from A to B means "A depends on B", as in the Mermaid output and
 * the JSON edges (docs/cli.md, "Which way arrows point"). Each node's label ends with its
 * status as a symbol and a word.
 */
import { nodesByProgram, type GraphView, type ViewEdge, type ViewNode } from '../views/graphView';
import { EDGE_COLORS, STATUS_COLORS, statusBadge, truncate } from './mermaid';

export type DotRankDir = 'LR' | 'RL' | 'TB' | 'BT';

export interface DotOptions {
  /** Default `LR`. */
  rankdir?: DotRankDir;
  /** At milestone level, one cluster per program (default true). */
  groupByProgram?: boolean;
  /** Default 60. */
  maxTitleLength?: number;
}

/**
 * Text made safe inside a double-quoted DOT string: `\` and `"` are escaped, line breaks and
 * tabs become spaces, other control characters are dropped. (Inside quotes `<` and `>` are
 * plain text; only `<…>` without quotes is an HTML label, and this renderer never writes one.)
 */
export function escapeDotString(text: string): string {
  return text
    .replace(/\r\n|[\r\n\t\v\f\u2028\u2029]/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(/[\\"]/g, (char) => `\\${char}`);
}

export function toDot(view: GraphView, options: DotOptions = {}): string {
  const maxTitle = options.maxTitleLength ?? 60;
  const group = (options.groupByProgram ?? true) && view.level === 'milestone';
  const index = new Map(view.nodes.map((node, i) => [node.id, i]));
  const lines = [
    'digraph briefs {',
    `  rankdir=${options.rankdir ?? 'LR'};`,
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
    '  edge [color="#6b7280"];',
  ];
  const nodeLine = (node: ViewNode) => `n${index.get(node.id)} [${nodeAttributes(node, maxTitle)}];`;
  if (group) {
    let c = 0;
    for (const [program, members] of nodesByProgram(view)) {
      lines.push(`  subgraph cluster_${c++} {`, `    label="${escapeDotString(program)}";`, '    style="rounded,dashed";', '    color="#9ca3af";');
      for (const node of members) lines.push(`    ${nodeLine(node)}`);
      lines.push('  }');
    }
  } else {
    for (const node of view.nodes) lines.push(`  ${nodeLine(node)}`);
  }
  for (const edge of view.edges) {
    const attributes = edgeAttributes(edge);
    // `from` depends on `to`: the arrow points from the dependent to its dependency.
    lines.push(`  n${index.get(edge.from)} -> n${index.get(edge.to)}${attributes ? ` [${attributes}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function nodeAttributes(node: ViewNode, maxTitle: number): string {
  const colors = STATUS_COLORS[node.display];
  const label = (node.missing
    ? [node.id, statusBadge(node.display)]
    : [truncate(node.title ?? node.id, maxTitle), [node.owner, node.due].filter((part) => part !== undefined).join(' · '), statusBadge(node.display)])
    .filter((part) => part !== '')
    .map(escapeDotString)
    .join('\\n');
  const style = [node.kind === 'program' && !node.missing ? 'filled' : 'rounded,filled', colors.dashed ? 'dashed' : ''].filter(Boolean).join(',');
  const attributes = [
    `label="${label}"`,
    `style="${style}"`,
    `fillcolor="${colors.fill}"`,
    `color="${colors.stroke}"`,
    `fontcolor="${colors.text}"`,
  ];
  if (node.focus) attributes.push('penwidth=3');
  return attributes.join(', ');
}

function edgeAttributes(edge: ViewEdge): string {
  const attributes: string[] = [];
  const color = edge.inCycle ? EDGE_COLORS.cycle : edge.scheduleConflict ? EDGE_COLORS.conflict : edge.critical ? EDGE_COLORS.critical : undefined;
  if (color) attributes.push(`color="${color}"`, `penwidth=${edge.critical ? 3 : 2}`);
  if (edge.dangling || (edge.scheduleConflict && !edge.inCycle)) attributes.push('style=dashed');
  return attributes.join(', ');
}
