/**
 * Views of the dependency graph, for `brief graph` and the diagram webview: the graph at
 * program or milestone level, focused on one reference, with a display status per node and
 * flags per edge. Pure and JSON-serialisable (arrays and plain objects, no Maps), so a host
 * can build a view and post it to a webview as is.
 *
 * Direction: as in `DependencyGraph`, an edge `{ from: A, to: B }` means A depends on B;
 * B is "upstream" of A, A is "downstream" of B.
 */
import { findCycles, type DependencyGraph, type GraphEdge, type GraphNode, type NodeKind } from '../workspace/graph';
import { plainRange, type Range } from '../model/range';
import { displayStatus as statusDisplay, isScheduleConflict as conflictBetween, type DisplayStatus, type StatusFacts, scheduleAtRisk } from '../model/status';
import { dateOfDay, remainingCriticalPath, type ScheduleGraph, type ScheduleResult } from '../schedule';

export { DISPLAY_STATUSES, STATUS_LABELS, type DisplayStatus } from '../model/status';

/** `program`: one node per program, milestone edges lifted to their programs. `milestone`: every node. */
export type GraphLevel = 'program' | 'milestone';

export interface ViewNode {
  /** `program` or `program#milestone`. */
  id: string;
  kind: NodeKind;
  program: string;
  title?: string;
  owner?: string;
  /** The status as written in the brief. */
  status?: string;
  /** A milestone's `due`, a program's `target`. */
  due?: string;
  /** Where the node is defined (absent for a missing node). */
  uri?: string;
  /** 0-based line of the `program:` value or the milestone's `id:` value. */
  line?: number;
  /** True when a `depends_on` names it but no brief defines it. */
  missing: boolean;
  display: DisplayStatus;
  /** One of the nodes the view is focused on. */
  focus: boolean;
  /** On the view's critical path. */
  critical: boolean;
  /** With a schedule (docs/schedule.md): the forecast, YYYY-MM-DD. */
  forecast?: string;
  /** With a schedule: days the forecast is after the planned date. */
  slip?: number;
  /** With a schedule: days it can move without moving anything else. */
  slack?: number;
  /** With a schedule: it slips, or waits for overdue or slipping work (`scheduleAtRisk`, src/core/model/status.ts). */
  atRisk?: boolean;
}

/** The schedule a view shows forecasts from (the language server's ScheduleIndex, or one computed for the view). */
export interface ViewSchedule {
  graph: ScheduleGraph;
  result: ScheduleResult;
}

export interface ViewEdge {
  /** The dependent: `from` depends on `to`. */
  from: string;
  /** The dependency (upstream). */
  to: string;
  /** One of the `depends_on` entries behind the edge lies on a dependency cycle. */
  inCycle: boolean;
  /**
   * `from` is a milestone due before the milestone `to`, as rule `schedule-conflict` reports it
   * (for an edge lifted to program level: any milestone entry behind it is); program targets never conflict here.
   */
  scheduleConflict: boolean;
  /** `to` is a missing node. */
  dangling: boolean;
  /** On the view's critical path. */
  critical: boolean;
  /** Where the `depends_on` entries behind this edge are written: one or more (duplicates and lifted edges merge). */
  sources: { uri: string; range: Range }[];
}

export interface GraphView {
  level: GraphLevel;
  /** YYYY-MM-DD the display statuses were computed for. */
  today: string;
  /** The reference the view is focused on, as resolved at this level. */
  focus?: string;
  depth?: number;
  /** Node ids from the critical path's start, upstream step by step; empty when there is none. */
  criticalPath: string[];
  /** Defined nodes in graph order (briefs by uri, then milestones in file order), then missing nodes by id. */
  nodes: ViewNode[];
  /** Unique `from`→`to` pairs, in the order they are first written. */
  edges: ViewEdge[];
}

export interface GraphViewOptions {
  /** YYYY-MM-DD, for the `overdue` display status. */
  today: string;
  /** Default `milestone`. */
  level?: GraphLevel;
  /**
   * `program` or `program#milestone`: keep only the nodes within `depth` steps upstream or
   * downstream of it. A program at milestone level focuses on the program node and all its
   * milestones; a milestone at program level focuses on its program.
   */
  focus?: string;
  /** Steps upstream and downstream of the focus; default 2 (as the diagram's setting). */
  depth?: number;
  /** The cycles of `graph`, when the caller already has them (the workspace caches them). */
  cycles?: ReadonlyMap<GraphEdge, unknown>;
  /** Whose critical path to mark; defaults to the focus. */
  criticalPathOf?: string;
  /**
   * The schedule: nodes get their forecast, slip, slack and schedule risk, and the critical
   * path is the remaining one (`remainingCriticalPath`: done milestones left out) instead of
   * v1's chain of latest due dates.
   */
  schedule?: ViewSchedule;
}

/** A focus or critical-path reference that names no node of the graph. */
export class UnknownReferenceError extends Error {
  constructor(readonly reference: string) {
    super(`No program or milestone \`${reference}\` is defined; expected \`program\` or \`program#milestone\` of a brief in the workspace`);
    this.name = 'UnknownReferenceError';
  }
}

export const DEFAULT_FOCUS_DEPTH = 2;

/** The program part of a node id or reference. */
export function programOf(id: string): string {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

/** How a node is shown: decided in src/core/model/status.ts, as every view and rule does. */
export function displayStatus(node: (Pick<GraphNode, 'status' | 'due'> & Partial<Pick<GraphNode, 'kind' | 'statusRejected' | 'dueRejected'>>) | undefined, today: string): DisplayStatus {
  return statusDisplay(node && facts(node), today);
}

/** A schedule conflict, exactly as rule `schedule-conflict` decides it: a milestone due before a milestone it depends on. */
export function isScheduleConflict(dependent: GraphNode | undefined, dependency: GraphNode | undefined): boolean {
  return conflictBetween(dependent && facts(dependent), dependency && facts(dependency));
}

function facts(node: Pick<GraphNode, 'status' | 'due'> & Partial<Pick<GraphNode, 'kind' | 'statusRejected' | 'dueRejected'>>): StatusFacts {
  return { kind: node.kind ?? 'milestone', status: node.status, due: node.due, statusRejected: node.statusRejected, dueRejected: node.dueRejected };
}

/**
 * The graph with milestones collapsed into their programs: program nodes only; an edge
 * between two programs when any entry of one depends on the other or one of its milestones;
 * duplicate edges merged (the first entry written is the edge's place). Edges between
 * milestones of the same program disappear; a program that names itself keeps its self-loop.
 */
export function programGraph(graph: DependencyGraph): DependencyGraph {
  return project(graph, 'program').graph;
}

/**
 * The critical path of a node: the chain of upstream dependencies that bounds its date. From
 * `ref`, step at each node to the dependency with the latest due date (ties: the smaller id);
 * dependencies without a date, or already on the chain (a cycle), are not candidates. Returns
 * `[ref, upstream1, upstream2, …]`, just `[ref]` when nothing bounds it, `[]` when `ref` is not a node.
 */
export function criticalPath(graph: DependencyGraph, ref: string): string[] {
  if (!graph.nodes.has(ref)) return [];
  const path = [ref];
  const onPath = new Set(path);
  for (let current = ref; ;) {
    let best: GraphNode | undefined;
    for (const edge of graph.outgoing.get(current) ?? []) {
      const upstream = graph.nodes.get(edge.to);
      if (!upstream?.due || onPath.has(upstream.id)) continue;
      if (!best || upstream.due > best.due! || (upstream.due === best.due && upstream.id < best.id)) best = upstream;
    }
    if (!best) return path;
    path.push(best.id);
    onPath.add(best.id);
    current = best.id;
  }
}

/**
 * The nodes within `depth` steps of the seeds: upstream nodes are followed further upstream
 * only, downstream nodes further downstream only (siblings are not pulled in).
 */
export function neighbourhood(graph: DependencyGraph, seeds: Iterable<string>, depth: number): Set<string> {
  const start = [...seeds];
  const kept = new Set(start);
  for (const direction of ['up', 'down'] as const) {
    let frontier = start;
    const seen = new Set(frontier);
    for (let step = 0; step < depth && frontier.length > 0; step++) {
      const next: string[] = [];
      for (const id of frontier) {
        const edges = direction === 'up' ? graph.outgoing.get(id) : graph.incoming.get(id);
        for (const edge of edges ?? []) {
          const other = direction === 'up' ? edge.to : edge.from;
          if (seen.has(other)) continue;
          seen.add(other);
          kept.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
  }
  return kept;
}

/**
 * The view a diagram draws: the graph at a level, optionally focused on a reference, with
 * per-node display status and per-edge flags (cycles are found on the full graph, so a
 * program-level edge is `inCycle` only when a real `depends_on` cycle runs through it).
 * Throws `UnknownReferenceError` when `focus` or `criticalPathOf` names nothing.
 */
export function buildGraphView(graph: DependencyGraph, options: GraphViewOptions): GraphView {
  const level = options.level ?? 'milestone';
  const { graph: projected, origins } = project(graph, level);
  const cyclic = new Set((options.cycles ?? findCycles(graph)).keys());

  let kept: Set<string> | undefined;
  let focus: string | undefined;
  let seeds: string[] = [];
  if (options.focus !== undefined) {
    focus = resolveReference(projected, level, options.focus);
    seeds = level === 'milestone' && !focus.includes('#')
      ? [focus, ...[...projected.nodes.values()].filter((node) => node.kind === 'milestone' && node.program === focus).map((node) => node.id)]
      : [focus];
    kept = neighbourhood(projected, seeds, Math.max(0, options.depth ?? DEFAULT_FOCUS_DEPTH));
  }
  const criticalOf = options.criticalPathOf !== undefined ? resolveReference(projected, level, options.criticalPathOf) : focus;
  const path = criticalOf === undefined ? [] : options.schedule ? scheduleCriticalPath(options.schedule, level, criticalOf) : criticalPath(projected, criticalOf);
  const atRisk = options.schedule ? scheduleAtRisk(options.schedule.graph, options.schedule.result, options.today) : undefined;
  const criticalEdges = new Set(path.slice(1).map((to, i) => edgeKey(path[i], to)));
  const isKept = (id: string) => kept === undefined || kept.has(id);

  const nodes: ViewNode[] = [];
  for (const node of projected.nodes.values()) {
    if (!isKept(node.id)) continue;
    nodes.push({
      id: node.id, kind: node.kind, program: node.program,
      ...(node.title !== undefined && { title: node.title }),
      ...(node.owner !== undefined && { owner: node.owner }),
      ...(node.status !== undefined && { status: node.status }),
      ...(node.due !== undefined && { due: node.due }),
      uri: node.uri, line: node.line,
      missing: false,
      display: displayStatus(node, options.today),
      focus: seeds.includes(node.id),
      critical: path.includes(node.id),
      ...(options.schedule && scheduleFacts(options.schedule, node.id, atRisk!)),
    });
  }
  const missing = new Set<string>();
  const edges: ViewEdge[] = [];
  for (const edge of projected.edges) {
    if (!isKept(edge.from) || !isKept(edge.to)) continue;
    const behind = origins.get(edge) ?? [edge];
    if (edge.dangling) missing.add(edge.to);
    edges.push({
      from: edge.from,
      to: edge.to,
      inCycle: behind.some((e) => cyclic.has(e)),
      scheduleConflict: behind.some((e) => isScheduleConflict(graph.nodes.get(e.from), graph.nodes.get(e.to))),
      dangling: edge.dangling,
      critical: criticalEdges.has(edgeKey(edge.from, edge.to)),
      sources: behind.map((e) => ({ uri: e.uri, range: plainRange(e.range) })),
    });
  }
  for (const id of [...missing].sort()) {
    nodes.push({
      id, kind: id.includes('#') ? 'milestone' : 'program', program: programOf(id),
      missing: true, display: 'missing', focus: seeds.includes(id), critical: false,
    });
  }
  return {
    level,
    today: options.today,
    ...(focus !== undefined && { focus, depth: Math.max(0, options.depth ?? DEFAULT_FOCUS_DEPTH) }),
    criticalPath: path,
    nodes,
    edges,
  };
}

/** A node's forecast, slip, slack and risk, as far as the schedule has them. */
function scheduleFacts(schedule: ViewSchedule, id: string, atRisk: ReadonlySet<string>): Pick<ViewNode, 'forecast' | 'slip' | 'slack' | 'atRisk'> {
  const own = schedule.result.get(id);
  return {
    ...(own?.forecast !== undefined && { forecast: dateOfDay(own.forecast) }),
    ...(own?.slip !== undefined && { slip: own.slip }),
    ...(own?.slack !== undefined && { slack: own.slack }),
    atRisk: atRisk.has(id),
  };
}

/**
 * The remaining critical path of a node (docs/schedule.md), upstream from it, done milestones
 * left out; at program level each step is its program (consecutive repeats merged).
 */
export function scheduleCriticalPath(schedule: ViewSchedule, level: GraphLevel, ref: string): string[] {
  const path = remainingCriticalPath(schedule.graph, schedule.result, ref);
  if (level === 'milestone') return path;
  const lifted: string[] = [];
  for (const id of path) {
    const program = programOf(id);
    if (lifted[lifted.length - 1] !== program && !lifted.includes(program)) lifted.push(program);
  }
  return lifted;
}

/** One node of `brief graph --format json` (spec §4). `file` is whatever the host makes of the uri. */
export interface GraphJsonNode {
  id: string;
  kind: NodeKind;
  title: string | null;
  owner: string | null;
  status: string | null;
  due: string | null;
  file: string;
  /** 0-based, as every line in the CLI's JSON. */
  line: number;
}

export interface GraphJson {
  nodes: GraphJsonNode[];
  /** `from` depends on `to`. */
  edges: { from: string; to: string }[];
}

/**
 * The spec's JSON graph: defined nodes only (a missing node has no file), and the edges
 * between them; absent values are `null` so every node has the same keys.
 */
export function toGraphJson(view: GraphView, fileOf: (uri: string) => string): GraphJson {
  const defined = view.nodes.filter((node) => !node.missing);
  return {
    nodes: defined.map((node) => ({
      id: node.id,
      kind: node.kind,
      title: node.title ?? null,
      owner: node.owner ?? null,
      status: node.status ?? null,
      due: node.due ?? null,
      file: fileOf(node.uri!),
      line: node.line!,
    })),
    edges: view.edges.filter((edge) => !edge.dangling).map(({ from, to }) => ({ from, to })),
  };
}

function resolveReference(projected: DependencyGraph, level: GraphLevel, reference: string): string {
  const ref = level === 'program' ? programOf(reference) : reference;
  if (!projected.nodes.has(ref)) throw new UnknownReferenceError(reference);
  return ref;
}

function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/** The graph at a level, with duplicate edges merged; `origins` maps each edge to the full graph's edges behind it. */
function project(graph: DependencyGraph, level: GraphLevel): { graph: DependencyGraph; origins: Map<GraphEdge, GraphEdge[]> } {
  const lift = level === 'program' ? programOf : (id: string) => id;
  const nodes = new Map<string, GraphNode>();
  for (const node of graph.nodes.values()) if (level === 'milestone' || node.kind === 'program') nodes.set(node.id, node);
  const byKey = new Map<string, GraphEdge>();
  const origins = new Map<GraphEdge, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  const incoming = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const from = lift(edge.from);
    const to = lift(edge.to);
    if (from === to && edge.from !== edge.to) continue;
    const key = edgeKey(from, to);
    const existing = byKey.get(key);
    if (existing) {
      origins.get(existing)!.push(edge);
      continue;
    }
    const lifted: GraphEdge = { from, to, uri: edge.uri, range: edge.range, dangling: !nodes.has(to) };
    byKey.set(key, lifted);
    origins.set(lifted, [edge]);
    append(outgoing, from, lifted);
    append(incoming, to, lifted);
  }
  return { graph: { nodes, edges: [...byKey.values()], outgoing, incoming }, origins };
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A view's nodes grouped by program, in the order the programs first appear (for subgraphs). */
export function nodesByProgram(view: GraphView): Map<string, ViewNode[]> {
  const programs = new Map<string, ViewNode[]>();
  for (const node of view.nodes) {
    const members = programs.get(node.program);
    if (members) members.push(node);
    else programs.set(node.program, [node]);
  }
  return programs;
}
