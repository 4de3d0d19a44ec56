/**
 * A `GraphView` as a Mermaid flowchart. Brief text never reaches the output raw: node ids are
 * `n0`, `n1`, … (the index in `view.nodes`), subgraph ids `s0`, `s1`, …, and every label is
 * escaped by `escapeMermaidLabel`, which keeps letters, digits, spaces and a few harmless
 * punctuation marks and writes everything else as a Mermaid entity code (`#quot;`, `#35;`).
 * A title cannot open a new statement, close its node, inject a `%%{init}%%` directive, a
 * `click` callback, a `:::class` or HTML.
 *
 * An arrow from A to B means "A depends on B" (docs/cli.md, "Which way arrows point"): the
 * same as an edge `{ "from": A, "to": B }` of `brief graph --format json`, the DOT output and
 * the diagram panel. Link `i` of the chart is `view.edges[i]` (what `linkStyle` counts), which
 * lets a host style or find edges by index.
 *
 * Every node carries its status as a symbol and a word ("▲ At risk"), not as a colour alone.
 */
import { nodesByProgram, type DisplayStatus, type GraphView, type ViewEdge, type ViewNode } from '../views/graphView';
import { STATUS_LABELS } from '../model/status';

export type MermaidDirection = 'LR' | 'RL' | 'TB' | 'TD' | 'BT';

export const MERMAID_DIRECTIONS: readonly MermaidDirection[] = ['LR', 'RL', 'TB', 'TD', 'BT'];

export interface MermaidOptions {
  /** Default `LR`. */
  direction?: MermaidDirection;
  /** At milestone level, one subgraph per program (default true). */
  groupByProgram?: boolean;
  /** Titles longer than this are cut with `…` (default 60). */
  maxTitleLength?: number;
}

/** Fill, stroke and text colours per display status (also the DOT renderer's palette). */
export const STATUS_COLORS: Readonly<Record<DisplayStatus, { fill: string; stroke: string; text: string; dashed?: boolean }>> = {
  'done': { fill: '#dcfce7', stroke: '#16a34a', text: '#14532d' },
  'cancelled': { fill: '#f3f4f6', stroke: '#9ca3af', text: '#4b5563', dashed: true },
  // Overdue red and blocked magenta, far from at-risk yellow and off-track orange (the panel's
  // light palette, src/webview/palette.ts, uses the same hues).
  'overdue': { fill: '#ffebe9', stroke: '#d1242f', text: '#82071e' },
  'blocked': { fill: '#ffeff7', stroke: '#bf3989', text: '#772057' },
  'off-track': { fill: '#fff1e5', stroke: '#bc4c00', text: '#762c00' },
  'at-risk': { fill: '#fef9c3', stroke: '#ca8a04', text: '#713f12' },
  'on-track': { fill: '#e0f2fe', stroke: '#0284c7', text: '#0c4a6e' },
  'in-progress': { fill: '#ccfbf1', stroke: '#0d9488', text: '#134e4a' },
  'not-started': { fill: '#f1f5f9', stroke: '#64748b', text: '#334155' },
  'proposed': { fill: '#e0e7ff', stroke: '#4f46e5', text: '#312e81' },
  'no-status': { fill: '#ffffff', stroke: '#9ca3af', text: '#374151' },
  'missing': { fill: '#ffffff', stroke: '#6b7280', text: '#374151', dashed: true },
};

/**
 * The symbol shown before each status word, on the node and in the legend: each status has
 * its own, so neither the colour nor the symbol alone has to carry it.
 */
export const STATUS_SYMBOLS: Readonly<Record<DisplayStatus, string>> = {
  'done': '\u2714', // ✔
  'cancelled': '\u2715', // ✕
  'overdue': '\u25F7', // ◷ (a clock face)
  'blocked': '\u2298', // ⊘
  'off-track': '\u25BC', // ▼
  'at-risk': '\u25B2', // ▲
  'on-track': '\u25CF', // ●
  'in-progress': '\u25D0', // ◐
  'not-started': '\u25CB', // ○
  'proposed': '\u25C7', // ◇
  'no-status': '\u2013', // –
  'missing': '?',
};

/** "▲ At risk": what a node and the legend show for a status. */
export function statusBadge(status: DisplayStatus): string {
  return `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[status]}`;
}

/** The sentence every legend and doc uses for the arrows. */
export const ARROW_MEANING = 'An arrow from A to B means A depends on B (B must be done first).';

/** Edge colours: a cycle wins over a schedule conflict, which wins over the critical path. */
export const EDGE_COLORS = { cycle: '#dc2626', conflict: '#ea580c', critical: '#7c3aed' } as const;

/** The Mermaid class of each display status (fixed names, never from brief text). */
export const MERMAID_STATUS_CLASS: Readonly<Record<DisplayStatus, string>> = {
  'done': 'stDone',
  'cancelled': 'stCancelled',
  'overdue': 'stOverdue',
  'blocked': 'stBlocked',
  'off-track': 'stOffTrack',
  'at-risk': 'stAtRisk',
  'on-track': 'stOnTrack',
  'in-progress': 'stInProgress',
  'not-started': 'stNotStarted',
  'proposed': 'stProposed',
  'no-status': 'stNoStatus',
  'missing': 'stMissing',
};

/** The Mermaid class of a node at risk from the schedule (a fixed name). */
export const AT_RISK_CLASS = 'schedRisk';

/** The Mermaid id of `view.nodes[index]`. */
export function mermaidNodeId(index: number): string {
  return `n${index}`;
}

/**
 * Text made safe for a double-quoted Mermaid label: line breaks and tabs become spaces,
 * other control characters are dropped, and anything but letters, digits, spaces and
 * `. , - _ @ / '` becomes `#<code point>;` (`&` → `#amp;`, `<` → `#lt;`, `>` → `#gt;`,
 * `"` → `#quot;`, `#` → `#35;`).
 */
export function escapeMermaidLabel(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n|[\r\n\t\v\f\u2028\u2029]/g, ' ')) {
    if (/[\p{L}\p{N} .,\-_@/']/u.test(char)) out += char;
    else if (/\p{Cc}/u.test(char)) continue;
    else out += NAMED_ENTITIES[char] ?? `#${char.codePointAt(0)};`;
  }
  return out;
}

const NAMED_ENTITIES: Record<string, string> = { '&': '#amp;', '<': '#lt;', '>': '#gt;', '"': '#quot;' };

export function toMermaid(view: GraphView, options: MermaidOptions = {}): string {
  const direction = options.direction ?? 'LR';
  const maxTitle = options.maxTitleLength ?? 60;
  const group = (options.groupByProgram ?? true) && view.level === 'milestone';
  const lines = [`flowchart ${direction}`];
  const index = new Map(view.nodes.map((node, i) => [node.id, i]));
  const nodeLine = (node: ViewNode) => `${mermaidNodeId(index.get(node.id)!)}${shape(node, nodeLabel(node, maxTitle))}`;

  if (group) {
    let s = 0;
    for (const [program, members] of nodesByProgram(view)) {
      lines.push(`  subgraph s${s++}["${escapeMermaidLabel(program)}"]`);
      for (const node of members) lines.push(`    ${nodeLine(node)}`);
      lines.push('  end');
    }
  } else {
    for (const node of view.nodes) lines.push(`  ${nodeLine(node)}`);
  }

  for (const edge of view.edges) {
    // `from` depends on `to`: the arrow points from the dependent to its dependency.
    const dependent = mermaidNodeId(index.get(edge.from)!);
    const dependency = mermaidNodeId(index.get(edge.to)!);
    lines.push(`  ${dependent} ${edge.dangling ? '-.->' : '-->'} ${dependency}`);
  }

  const byStatus = new Map<DisplayStatus, string[]>();
  view.nodes.forEach((node, i) => {
    const ids = byStatus.get(node.display);
    if (ids) ids.push(mermaidNodeId(i));
    else byStatus.set(node.display, [mermaidNodeId(i)]);
  });
  for (const [status, ids] of byStatus) {
    const { fill, stroke, text, dashed } = STATUS_COLORS[status];
    lines.push(`  classDef ${MERMAID_STATUS_CLASS[status]} fill:${fill},stroke:${stroke},color:${text}${dashed ? ',stroke-dasharray:4 3' : ''}`);
    lines.push(`  class ${ids.join(',')} ${MERMAID_STATUS_CLASS[status]}`);
  }
  const risky = view.nodes.flatMap((node, i) => (node.atRisk ? [mermaidNodeId(i)] : []));
  if (risky.length > 0) {
    // After the status classes: a dashed, thicker outline over the status colours.
    lines.push(`  classDef ${AT_RISK_CLASS} stroke-width:3px,stroke-dasharray:6 3`);
    lines.push(`  class ${risky.join(',')} ${AT_RISK_CLASS}`);
  }
  const focused = view.nodes.flatMap((node, i) => (node.focus ? [mermaidNodeId(i)] : []));
  if (focused.length > 0) {
    lines.push('  classDef focus stroke-width:3px');
    lines.push(`  class ${focused.join(',')} focus`);
  }

  const byStyle = new Map<string, number[]>();
  view.edges.forEach((edge, i) => {
    const style = edgeStyle(edge);
    if (!style) return;
    const indexes = byStyle.get(style);
    if (indexes) indexes.push(i);
    else byStyle.set(style, [i]);
  });
  for (const [style, indexes] of byStyle) lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
  return lines.join('\n') + '\n';
}

function edgeStyle(edge: ViewEdge): string | undefined {
  const color = edge.inCycle ? EDGE_COLORS.cycle : edge.scheduleConflict ? EDGE_COLORS.conflict : edge.critical ? EDGE_COLORS.critical : undefined;
  if (!color) return undefined;
  return `stroke:${color},stroke-width:${edge.critical ? 4 : 3}px${edge.scheduleConflict && !edge.inCycle ? ',stroke-dasharray:6 4' : ''}`;
}

function shape(node: ViewNode, label: string): string {
  // Programs are subroutine boxes: as distinct as Mermaid's stadium, but a stadium's outline is a
  // ~40 KB path, which made a 200-program SVG ten times larger and its render twice as slow.
  return node.kind === 'program' && !node.missing ? `[["${label}"]]` : `["${label}"]`;
}

function nodeLabel(node: ViewNode, maxTitle: number): string {
  const badge = escapeMermaidLabel(statusBadge(node.display));
  if (node.missing) return `${escapeMermaidLabel(node.id)}<br/>${badge}`;
  const title = escapeMermaidLabel(truncate(node.title ?? node.id, maxTitle));
  const details = [node.owner, node.due].filter((part): part is string => part !== undefined).map(escapeMermaidLabel);
  const schedule = scheduleLine(node);
  return [title, ...(details.length > 0 ? [details.join(' · ')] : []), ...(schedule ? [escapeMermaidLabel(schedule)] : []), badge, ...(node.atRisk ? [escapeMermaidLabel(AT_RISK_BADGE)] : [])].join('<br/>');
}

/** What a node at risk from the schedule shows, as a symbol and words (not a colour alone). */
export const AT_RISK_BADGE = '\u26A0 At risk from upstream'; // ⚠

/**
 * A node's schedule line, when the view has a schedule: "forecast 2027-03-24 (+9 d) · slack 0"
 * for a milestone, "forecast 2027-03-24 (+9 d)" for a program (nothing waits for its finish).
 * A done milestone shows no slack: its date is fact, nothing can move it.
 */
export function scheduleLine(node: Pick<ViewNode, 'kind' | 'forecast' | 'slip' | 'slack' | 'display'>): string | undefined {
  if (node.forecast === undefined) return undefined;
  const parts = [`forecast ${node.forecast}${node.slip ? ` (+${node.slip} d)` : ''}`];
  if (node.kind === 'milestone' && node.slack !== undefined && node.display !== 'done') parts.push(`slack ${node.slack}`);
  return parts.join(' · ');
}

/** Cuts on code points (never in the middle of a surrogate pair). */
export function truncate(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}
