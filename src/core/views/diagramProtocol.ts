/**
 * Every message between the extension host and the dependency-diagram webview, as
 * discriminated unions on `type`, plus the state the webview persists for panel restore.
 * No `vscode` or Node imports: the webview bundle (browser) and the host share this file.
 *
 * Flow: the webview loads, posts `ready`; the host answers with `diagram` (or `tooLarge` /
 * `empty`); the webview draws it and reports `rendered` or `renderFailed`. Brief text
 * reaches the webview only inside these messages (Mermaid source escaped by
 * src/core/render/mermaid.ts, plain strings put into the page with `textContent`), never in HTML.
 */
import type { DisplayStatus } from './graphView';

export const DIAGRAM_VIEW_TYPE = 'programBriefs.diagram';

/** `brief`: the focused program, its milestones and their neighbourhood. `workspace`: every program. */
export type DiagramScope = 'brief' | 'workspace';
export type DiagramDirection = 'LR' | 'TB' | 'RL' | 'BT';

export const DIAGRAM_SCOPES: readonly DiagramScope[] = ['brief', 'workspace'];
export const DIAGRAM_DIRECTIONS: readonly DiagramDirection[] = ['LR', 'TB', 'RL', 'BT'];
export const MAX_DEPTH = 10;

export interface DiagramOptions {
  scope: DiagramScope;
  /** Dependency steps upstream and downstream of the focus (scope `brief`). */
  depth: number;
  direction: DiagramDirection;
}

/** One node as the webview needs it; `key` is its Mermaid id (`n0`, `n1`, …). */
export interface DiagramNode {
  id: string;
  key: string;
  kind: 'program' | 'milestone';
  /** Plain text (title, else id) for accessible names and the toolbar; set with `textContent`. */
  label: string;
  display: DisplayStatus;
  owner?: string;
  due?: string;
  focus: boolean;
  missing: boolean;
  /** The schedule's forecast (YYYY-MM-DD), slip and slack (docs/schedule.md), when known. */
  forecast?: string;
  slip?: number;
  slack?: number;
  /** It slips, or waits for overdue or slipping work (src/core/model/status.ts, `scheduleAtRisk`). */
  atRisk?: boolean;
}

/** One edge: `from` depends on `to`, drawn as an arrow from `from` to `to` (docs/cli.md, "Which way arrows point"). */
export interface DiagramEdge {
  from: string;
  to: string;
  inCycle: boolean;
  scheduleConflict: boolean;
  dangling: boolean;
}

/** What Mermaid is configured to accept; the host refuses bigger graphs before sending them. */
export interface DiagramLimits {
  maxNodes: number;
  maxEdges: number;
  maxTextSize: number;
}

/** A step of a critical path, for the status line. */
export interface PathStep {
  id: string;
  label: string;
  due?: string;
  /** The schedule's forecast and slack of the step, when the path is the remaining critical path. */
  forecast?: string;
  slack?: number;
}

// --- host → webview --------------------------------------------------------------------

interface Answer {
  /** Increases with every answer, so the webview can drop stale work. */
  seq: number;
  options: DiagramOptions;
  /** The program the `brief` scope is focused on, if any. */
  focus?: string;
  /** A short plain-text heading, e.g. `payments-v2 · 2 steps`. */
  title: string;
}

export interface DiagramMessage extends Answer {
  type: 'diagram';
  source: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  limits: DiagramLimits;
  /** True when the scope or focus changed: fit the new diagram instead of keeping pan/zoom. */
  resetView: boolean;
  /** The YYYY-MM-DD the statuses (overdue) were decided for: shown in the exported SVG's legend. */
  today: string;
}

export interface TooLargeMessage extends Answer {
  type: 'tooLarge';
  nodes: number;
  edges: number;
  limits: DiagramLimits;
  /** What the webview should offer: the focused view, or fewer steps around the focus. */
  suggestion: 'focus' | 'lowerDepth';
}

export interface EmptyMessage extends Answer {
  type: 'empty';
  message: string;
  /** Whether the host can offer a program to focus on (a quick pick). */
  canPickFocus: boolean;
}

export interface CriticalPathMessage {
  type: 'criticalPath';
  /** The selected node; `undefined` clears the highlight. */
  nodeId?: string;
  /** From the selected node upstream, one step at a time. */
  path: PathStep[];
}

export type HostToWebview = DiagramMessage | TooLargeMessage | EmptyMessage | CriticalPathMessage;

// --- webview → host --------------------------------------------------------------------

export type WebviewToHost =
  | { type: 'ready' }
  /** Open the brief that defines a node, at its line. */
  | { type: 'open'; nodeId: string }
  | { type: 'setOptions'; options: Partial<DiagramOptions> }
  /** Ask the host for a program to focus on (quick pick). */
  | { type: 'pickFocus' }
  /** Select a node (highlight its critical path) or clear the selection. */
  | { type: 'select'; nodeId?: string }
  | { type: 'copySource' }
  | { type: 'exportSvg'; svg: string }
  | { type: 'rendered'; seq: number; ms: number; nodes: number; edges: number }
  | { type: 'renderFailed'; seq: number; message: string };

/** What the webview keeps with `setState`; the host reads it back when a panel is restored. */
export interface PersistedState {
  options?: DiagramOptions;
  focus?: string;
  view?: { x: number; y: number; scale: number };
  selected?: string;
}

// --- validation (the host never trusts what a webview sends) -------------------------

const MAX_SVG_BYTES = 64 * 1024 * 1024;

const isString = (value: unknown, max = 1000): value is string => typeof value === 'string' && value.length <= max;
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isDiagramScope(value: unknown): value is DiagramScope {
  return DIAGRAM_SCOPES.includes(value as DiagramScope);
}

export function isDiagramDirection(value: unknown): value is DiagramDirection {
  return DIAGRAM_DIRECTIONS.includes(value as DiagramDirection);
}

export function clampDepth(value: unknown, fallback = 2): number {
  return isFiniteNumber(value) ? Math.min(MAX_DEPTH, Math.max(0, Math.round(value))) : fallback;
}

function parseOptionsPatch(value: unknown): Partial<DiagramOptions> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const patch: Partial<DiagramOptions> = {};
  if (raw.scope !== undefined) {
    if (!isDiagramScope(raw.scope)) return undefined;
    patch.scope = raw.scope;
  }
  if (raw.depth !== undefined) {
    if (!isFiniteNumber(raw.depth)) return undefined;
    patch.depth = clampDepth(raw.depth);
  }
  if (raw.direction !== undefined) {
    if (!isDiagramDirection(raw.direction)) return undefined;
    patch.direction = raw.direction;
  }
  return patch;
}

/** The message if it is one the host understands, else `undefined` (and it is ignored). */
export function parseWebviewMessage(data: unknown): WebviewToHost | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'pickFocus':
    case 'copySource':
      return { type: message.type };
    case 'open':
      return isString(message.nodeId) ? { type: 'open', nodeId: message.nodeId } : undefined;
    case 'select':
      if (message.nodeId === undefined || message.nodeId === null) return { type: 'select' };
      return isString(message.nodeId) ? { type: 'select', nodeId: message.nodeId } : undefined;
    case 'setOptions': {
      const options = parseOptionsPatch(message.options);
      return options ? { type: 'setOptions', options } : undefined;
    }
    case 'exportSvg':
      return isString(message.svg, MAX_SVG_BYTES) && /^\s*<svg[\s>]/.test(message.svg) ? { type: 'exportSvg', svg: message.svg } : undefined;
    case 'rendered':
      return isFiniteNumber(message.seq) && isFiniteNumber(message.ms) && isFiniteNumber(message.nodes) && isFiniteNumber(message.edges)
        ? { type: 'rendered', seq: message.seq, ms: message.ms, nodes: message.nodes, edges: message.edges }
        : undefined;
    case 'renderFailed':
      return isFiniteNumber(message.seq) && typeof message.message === 'string'
        ? { type: 'renderFailed', seq: message.seq, message: message.message.slice(0, 2000) }
        : undefined;
    default:
      return undefined;
  }
}

/** Persisted state from a restored panel: whatever of it is well-formed. */
export function parsePersistedState(data: unknown): PersistedState {
  if (typeof data !== 'object' || data === null) return {};
  const raw = data as Record<string, unknown>;
  const state: PersistedState = {};
  const patch = parseOptionsPatch(raw.options);
  if (patch && patch.scope && patch.depth !== undefined && patch.direction) {
    state.options = { scope: patch.scope, depth: patch.depth, direction: patch.direction };
  }
  if (isString(raw.focus, 200)) state.focus = raw.focus;
  if (isString(raw.selected, 400)) state.selected = raw.selected;
  const view = raw.view as Record<string, unknown> | undefined;
  if (view && isFiniteNumber(view.x) && isFiniteNumber(view.y) && isFiniteNumber(view.scale) && view.scale > 0) {
    state.view = { x: view.x, y: view.y, scale: view.scale };
  }
  return state;
}
