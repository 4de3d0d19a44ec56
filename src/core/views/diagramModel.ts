/**
 * What the diagram webview draws, decided in the core so the host stays thin and it can be
 * unit-tested: which graph view a scope means, whether it is small enough for Mermaid, the
 * Mermaid source, and the node/edge tables the webview uses for clicks, highlights and
 * accessible names. Built on graphView.ts and mermaid.ts; adds only what the diagram needs.
 */
import type { DependencyGraph, GraphEdge } from '../workspace/graph';
import { buildGraphView, criticalPath, programGraph, UnknownReferenceError, type GraphLevel, type GraphView, scheduleCriticalPath, type ViewSchedule } from './graphView';
import { mermaidNodeId, toMermaid } from '../render/mermaid';
import { dateOfDay } from '../schedule';
import type { DiagramEdge, DiagramLimits, DiagramNode, DiagramOptions, PathStep } from './diagramProtocol';

/**
 * What the panel asks Mermaid to draw. Mermaid's own defaults are 500 edges and 50,000
 * characters; the program-level graph of 200 programs (about 200 nodes, 490 edges, 20,000
 * characters) must fit, with room to spare. Beyond these the host says the graph is too large
 * instead of sending it: layout time grows faster than linearly, and 2,000 programs (5,000
 * edges) take minutes in Chromium (see bench/measure/diagram.ts).
 */
export const DIAGRAM_LIMITS: DiagramLimits = { maxNodes: 400, maxEdges: 1000, maxTextSize: 150_000 };

export interface DiagramRequest {
  options: DiagramOptions;
  /** The program the `brief` scope is focused on. */
  focus?: string;
  /** YYYY-MM-DD, for overdue. */
  today: string;
  limits?: DiagramLimits;
  /** The graph's cycles, when already computed (the workspace caches them). */
  cycles?: ReadonlyMap<GraphEdge, unknown>;
  /** The schedule: forecast and slack on nodes, schedule risk, the remaining critical path (docs/schedule.md). */
  schedule?: ViewSchedule;
}

export type DiagramModel =
  | { kind: 'diagram'; title: string; level: GraphLevel; source: string; nodes: DiagramNode[]; edges: DiagramEdge[]; today: string }
  | { kind: 'tooLarge'; title: string; nodes: number; edges: number; suggestion: 'focus' | 'lowerDepth' }
  | { kind: 'empty'; title: string; message: string; canPickFocus: boolean };

export function levelOf(options: DiagramOptions): GraphLevel {
  return options.scope === 'workspace' ? 'program' : 'milestone';
}

export function buildDiagramModel(graph: DependencyGraph, request: DiagramRequest): DiagramModel {
  const { options, focus, today } = request;
  const limits = request.limits ?? DIAGRAM_LIMITS;
  const hasPrograms = [...graph.nodes.values()].some((node) => node.kind === 'program');
  if (!hasPrograms) {
    return { kind: 'empty', title: 'No briefs', message: 'There are no program briefs in this workspace yet.', canPickFocus: false };
  }

  let view: GraphView;
  let title: string;
  if (options.scope === 'workspace') {
    view = buildGraphView(graph, { today, level: 'program', cycles: request.cycles, schedule: request.schedule });
    title = `All programs (${view.nodes.filter((node) => !node.missing).length})`;
  } else {
    if (focus === undefined) {
      return { kind: 'empty', title: 'No brief', message: 'Open a program brief to see its dependencies, pick a program, or show the whole workspace.', canPickFocus: true };
    }
    try {
      view = buildGraphView(graph, { today, level: 'milestone', focus, depth: options.depth, cycles: request.cycles, schedule: request.schedule });
    } catch (error) {
      if (!(error instanceof UnknownReferenceError)) throw error;
      return { kind: 'empty', title: focus, message: `No brief defines the program ${focus} any more.`, canPickFocus: true };
    }
    title = `${focus} · ${options.depth} ${options.depth === 1 ? 'step' : 'steps'} up and downstream`;
  }

  const suggestion = options.scope === 'workspace' ? 'focus' : 'lowerDepth';
  if (view.nodes.length > limits.maxNodes || view.edges.length > limits.maxEdges) {
    return { kind: 'tooLarge', title, nodes: view.nodes.length, edges: view.edges.length, suggestion };
  }
  // The critical path is highlighted in the webview when the user selects a node; the
  // default one (of the focus) is left out of the source so it does not fight that highlight.
  const source = toMermaid(withoutCriticalPath(view), { direction: options.direction });
  if (source.length > limits.maxTextSize) {
    return { kind: 'tooLarge', title, nodes: view.nodes.length, edges: view.edges.length, suggestion };
  }
  return { kind: 'diagram', title, level: view.level, source, nodes: diagramNodes(view), edges: diagramEdges(view), today };
}

function withoutCriticalPath(view: GraphView): GraphView {
  return {
    ...view,
    criticalPath: [],
    nodes: view.nodes.map((node) => (node.critical ? { ...node, critical: false } : node)),
    edges: view.edges.map((edge) => (edge.critical ? { ...edge, critical: false } : edge)),
  };
}

function diagramNodes(view: GraphView): DiagramNode[] {
  return view.nodes.map((node, index) => ({
    id: node.id,
    key: mermaidNodeId(index),
    kind: node.kind,
    label: node.title ?? node.id,
    display: node.display,
    ...(node.owner !== undefined && { owner: node.owner }),
    ...(node.due !== undefined && { due: node.due }),
    focus: node.focus,
    missing: node.missing,
    ...(node.forecast !== undefined && { forecast: node.forecast }),
    ...(node.slip !== undefined && { slip: node.slip }),
    ...(node.slack !== undefined && { slack: node.slack }),
    ...(node.atRisk && { atRisk: true }),
  }));
}

function diagramEdges(view: GraphView): DiagramEdge[] {
  return view.edges.map(({ from, to, inCycle, scheduleConflict, dangling }) => ({ from, to, inCycle, scheduleConflict, dangling }));
}

/**
 * The critical path of a node at a level, as steps for the webview. With the schedule it is
 * the remaining critical path (done milestones left out), each step with its forecast and
 * slack; without, v1's: at program level the programs' targets bound each other, at milestone
 * level the milestones' due dates.
 */
export function criticalPathSteps(graph: DependencyGraph, level: GraphLevel, nodeId: string, schedule?: ViewSchedule): PathStep[] {
  const atLevel = level === 'program' ? programGraph(graph) : graph;
  const ids = schedule ? scheduleCriticalPath(schedule, level, nodeId) : criticalPath(atLevel, nodeId);
  return ids.map((id) => {
    const node = atLevel.nodes.get(id);
    const own = schedule?.result.get(id);
    return {
      id, label: node?.title ?? id,
      ...(node?.due !== undefined && { due: node.due }),
      ...(own?.forecast !== undefined && { forecast: dateOfDay(own.forecast) }),
      ...(own?.slack !== undefined && { slack: own.slack }),
    };
  });
}
