/**
 * The dependency-diagram webview. Posts `ready`, then draws what the host sends (see
 * src/core/views/diagramProtocol.ts): Mermaid source rendered to SVG in this page, decorated for
 * clicks, keyboard and highlights, inside a pan-and-zoom viewport. Live updates keep the
 * view; the view, options and selection are persisted with `setState` for panel restore.
 */
import type {
  CriticalPathMessage, DiagramMessage, DiagramOptions, EmptyMessage, HostToWebview, PathStep, PersistedState, TooLargeMessage, WebviewToHost,
} from '../core/views/diagramProtocol';
import { decorate, highlight, type Decorated } from './decorate';
import { button, h } from './dom';
import { PanZoom } from './panZoom';
import { isSizeError, renderSvg } from './renderer';
import { exportableSvg } from './exportSvg';
import { readPalette, type Palette } from './theme';
import { Toolbar } from './toolbar';
import { DISPLAY_STATUSES } from '../core/model/status';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: PersistedState & { viewKey?: string }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as PersistedState & { viewKey?: string };
const post = (message: WebviewToHost) => vscode.postMessage(message);

// --- page ----------------------------------------------------------------------------------

const app = document.getElementById('app')!;
const canvas = h('div', { class: 'pb-canvas' });
const viewport = h('div', { class: 'pb-viewport', attrs: { tabindex: '0', 'aria-label': 'Dependency diagram. Drag to pan, wheel or + and - to zoom, Tab to move between nodes, Enter to open one.' } }, canvas);
const notice = h('div', { class: 'pb-notice', attrs: { role: 'alert', hidden: '' } });
const heading = h('h1', { class: 'pb-title' });
const statusLine = h('div', { class: 'pb-status', attrs: { role: 'status', 'aria-live': 'polite' } });

let current: DiagramMessage | undefined;
let decorated: Decorated | undefined;
let selected: string | undefined = saved.selected;
let criticalPath: PathStep[] = [];
/** The newest answer's seq: a render that finishes after a newer answer arrived is dropped. */
let newestSeq = 0;
let firstDiagram = true;

const panZoom = new PanZoom(viewport, canvas, () => persist());

const toolbar = new Toolbar({
  setOptions: (patch) => post({ type: 'setOptions', options: patch }),
  pickFocus: () => post({ type: 'pickFocus' }),
  selectNode: (nodeId) => select(nodeId),
  zoomIn: () => panZoom.zoomBy(1.25),
  zoomOut: () => panZoom.zoomBy(0.8),
  fit: () => panZoom.fit(),
  copySource: () => post({ type: 'copySource' }),
  exportSvg: () => exportSvg(),
});

app.replaceChildren(h('header', { class: 'pb-header' }, heading, toolbar.element, toolbar.legend), viewport, notice, statusLine);
app.dataset.state = 'waiting';

// --- state ----------------------------------------------------------------------------------

let persistQueued = false;
function persist(): void {
  if (persistQueued) return;
  persistQueued = true;
  requestAnimationFrame(() => {
    persistQueued = false;
    vscode.setState({
      ...(current && { options: current.options, viewKey: viewKey(current) }),
      ...(current?.focus !== undefined && { focus: current.focus }),
      view: panZoom.current,
      ...(selected !== undefined && { selected }),
    });
  });
}

const viewKey = (message: { options: DiagramOptions; focus?: string }) => `${message.options.scope}:${message.focus ?? ''}:${message.options.depth}`;

// --- messages -------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as HostToWebview | undefined;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'diagram':
      newestSeq = Math.max(newestSeq, message.seq);
      toolbar.showOptions(message.options, message.focus);
      void draw(message);
      return;
    case 'tooLarge':
      newestSeq = Math.max(newestSeq, message.seq);
      showTooLarge(message);
      return;
    case 'empty':
      newestSeq = Math.max(newestSeq, message.seq);
      showEmpty(message);
      return;
    case 'criticalPath':
      showCriticalPath(message);
      return;
  }
});

// --- drawing --------------------------------------------------------------------------------

let drawing = false;
let queued: DiagramMessage | undefined;
/** A message that asked for a fresh view was superseded before it was shown: the next one fits. */
let resetOwed = false;

/** Draws one diagram at a time; while one is drawn only the newest waiting message is kept. */
async function draw(message: DiagramMessage): Promise<void> {
  if (message.resetView) resetOwed = true;
  queued = message;
  if (drawing) return;
  drawing = true;
  try {
    while (queued) {
      const next = queued;
      queued = undefined;
      await drawNow(next);
    }
  } finally {
    drawing = false;
  }
}

async function drawNow(message: DiagramMessage): Promise<void> {
  const started = performance.now();
  const size = `${message.nodes.length} ${message.nodes.length === 1 ? 'node' : 'nodes'} and ${message.edges.length} ${message.edges.length === 1 ? 'dependency' : 'dependencies'}`;
  statusLine.textContent = `Drawing ${size}…`;
  app.dataset.busy = 'true';
  let svgText: string;
  const palette = readPalette();
  try {
    showLegendColours(palette);
    svgText = await renderSvg(message.source, message.limits, palette);
  } catch (error) {
    delete app.dataset.busy;
    if (message.seq < newestSeq) return;
    const text = error instanceof Error ? error.message : String(error);
    post({ type: 'renderFailed', seq: message.seq, message: text });
    showRenderFailure(message, text);
    return;
  }
  delete app.dataset.busy;
  if (message.seq < newestSeq) return;

  const keepView = !message.resetView && !resetOwed && current !== undefined && canvas.querySelector('svg') !== null;
  resetOwed = false;
  // Mermaid's SVG, sanitised by Mermaid itself (securityLevel 'strict' runs DOMPurify).
  canvas.innerHTML = svgText;
  const svg = canvas.querySelector('svg');
  if (!svg) return;
  current = message;
  // The theme the drawing's colours are for (tests wait for it after a theme change).
  app.dataset.theme = palette.kind;
  decorated = decorate(svg, message.nodes, message.edges);
  heading.textContent = message.title;
  hideNotice();
  app.dataset.state = 'diagram';
  if (selected !== undefined && !decorated.nodes.has(selected)) selected = undefined;
  toolbar.showNodes(message.nodes, selected);

  // A new diagram is fitted to the panel, and a fitted one stays fitted (through live updates,
  // theme changes and panel resizes) until the user pans or zooms; a restored panel gets the
  // view it had.
  if (firstDiagram && saved.view && saved.viewKey === viewKey(message)) panZoom.set(saved.view);
  else if (!keepView || panZoom.isFitted) panZoom.fit();
  firstDiagram = false;
  highlight(svg, decorated, selected, selected !== undefined ? criticalPath : []);
  // The critical path may have changed with the briefs: ask again.
  if (selected !== undefined) post({ type: 'select', nodeId: selected });
  persist();

  const ms = Math.round(performance.now() - started);
  statusLine.textContent = `${size} · drawn in ${ms} ms`;
  post({ type: 'rendered', seq: message.seq, ms, nodes: message.nodes.length, edges: message.edges.length });
}

function clearDiagram(): void {
  canvas.replaceChildren();
  current = undefined;
  decorated = undefined;
  criticalPath = [];
  toolbar.showNodes(undefined, undefined);
}

function showNotice(title: string, text: string, actions: HTMLButtonElement[]): void {
  notice.replaceChildren(h('p', { class: 'pb-notice-title', text: title }), h('p', { text }), h('div', { class: 'pb-notice-actions' }, ...actions));
  notice.hidden = false;
}

function hideNotice(): void {
  notice.hidden = true;
  notice.replaceChildren();
}

function showTooLarge(message: TooLargeMessage): void {
  clearDiagram();
  heading.textContent = message.title;
  toolbar.showOptions(message.options, message.focus);
  app.dataset.state = 'too-large';
  const actions = message.suggestion === 'focus'
    ? [
        ...(message.focus ? [button(`Show ${message.focus} and its neighbours`, 'Show the focused view', () => post({ type: 'setOptions', options: { scope: 'brief' } }))] : []),
        button('Pick a program to focus on…', 'Show one program and its neighbours', () => post({ type: 'pickFocus' })),
      ]
    : [
        ...(message.options.depth > 0 ? [button(`Show ${message.options.depth - 1} ${message.options.depth - 1 === 1 ? 'step' : 'steps'}`, 'Show fewer dependency steps', () => post({ type: 'setOptions', options: { depth: message.options.depth - 1 } }))] : []),
        button('Pick another program…', 'Focus on another program', () => post({ type: 'pickFocus' })),
      ];
  showNotice(
    'This graph is too large to draw',
    `It has ${message.nodes} nodes and ${message.edges} dependencies; the diagram draws up to ${message.limits.maxNodes} nodes and ${message.limits.maxEdges} dependencies. ` +
      (message.suggestion === 'focus' ? 'Show one program and its neighbourhood instead.' : 'Show fewer steps around the program.'),
    actions,
  );
  statusLine.textContent = `Too large: ${message.nodes} nodes, ${message.edges} dependencies`;
}

function showEmpty(message: EmptyMessage): void {
  clearDiagram();
  heading.textContent = message.title;
  toolbar.showOptions(message.options, message.focus);
  app.dataset.state = 'empty';
  const actions = [
    ...(message.canPickFocus ? [button('Pick a program…', 'Focus on a program', () => post({ type: 'pickFocus' }))] : []),
    ...(message.options.scope === 'brief' && message.canPickFocus ? [button('Show all programs', 'Show every program of the workspace', () => post({ type: 'setOptions', options: { scope: 'workspace' } }))] : []),
  ];
  showNotice('Nothing to draw', message.message, actions);
  statusLine.textContent = '';
}

function showRenderFailure(message: DiagramMessage, error: string): void {
  clearDiagram();
  app.dataset.state = 'failed';
  if (isSizeError(error)) {
    showTooLarge({ ...message, type: 'tooLarge', nodes: message.nodes.length, edges: message.edges.length, suggestion: message.options.scope === 'workspace' ? 'focus' : 'lowerDepth' });
    return;
  }
  showNotice('The diagram could not be drawn', `Mermaid reported: ${error}`, [button('Copy Mermaid source', 'Copy the source to report the problem', () => post({ type: 'copySource' }))]);
  statusLine.textContent = '';
}

// --- selection and critical path --------------------------------------------------------------

function select(nodeId: string | undefined): void {
  selected = nodeId;
  toolbar.showSelection(nodeId);
  persist();
  post({ type: 'select', ...(nodeId !== undefined && { nodeId }) });
  if (nodeId === undefined) showCriticalPath({ type: 'criticalPath', path: [] });
}

function showCriticalPath(message: CriticalPathMessage): void {
  if (message.nodeId !== selected) return; // an answer to an older selection
  const svg = canvas.querySelector('svg');
  criticalPath = message.path;
  if (svg && decorated) highlight(svg, decorated, selected, criticalPath);
  if (!current) return;
  if (selected === undefined || criticalPath.length === 0) {
    statusLine.textContent = `${current.nodes.length} nodes, ${current.edges.length} dependencies`;
    return;
  }
  const [start, ...upstream] = criticalPath;
  const outside = criticalPath.filter((step) => !decorated?.nodes.has(step.id)).length;
  // The remaining critical path (with a schedule) gives each step's forecast and slack.
  const step = (s: PathStep) => (s.forecast !== undefined
    ? `${s.label} (forecast ${s.forecast}${s.slack !== undefined ? `, slack ${s.slack}` : ''})`
    : `${s.label}${s.due ? ` (${s.due})` : ''}`);
  statusLine.textContent = upstream.length === 0
    ? `${step(start)}: ${start.forecast !== undefined ? 'no open work upstream bounds it.' : 'no dated dependency bounds it.'}`
    : `Critical path of ${step(start)}: ${upstream.map(step).join(' → ')}${outside > 0 ? ` (${outside} outside this view)` : ''}`;
}

function nodeIdOf(target: EventTarget | null): string | undefined {
  const group = target instanceof Element ? target.closest<SVGGElement>('g.pb-node') : null;
  return group?.dataset.nodeId;
}

/**
 * A click (or Enter) on a node opens its brief. It does not change the critical-path
 * selection: that is picked in the toolbar's "Critical path" list, so a click never replaces
 * the path the user is looking at without saying so.
 */
function activate(nodeId: string): void {
  post({ type: 'open', nodeId });
}

viewport.addEventListener('click', (event) => {
  const nodeId = nodeIdOf(event.target);
  if (nodeId) activate(nodeId);
  else if (selected !== undefined) select(undefined);
});

viewport.addEventListener('keydown', (event) => {
  const nodeId = nodeIdOf(event.target);
  if ((event.key === 'Enter' || event.key === ' ') && nodeId) {
    event.preventDefault();
    activate(nodeId);
    return;
  }
  const pan = 40;
  const actions: Record<string, () => void> = {
    'Escape': () => select(undefined),
    '+': () => panZoom.zoomBy(1.25),
    '=': () => panZoom.zoomBy(1.25),
    '-': () => panZoom.zoomBy(0.8),
    '0': () => panZoom.fit(),
    'ArrowLeft': () => panZoom.panBy(pan, 0),
    'ArrowRight': () => panZoom.panBy(-pan, 0),
    'ArrowUp': () => panZoom.panBy(0, pan),
    'ArrowDown': () => panZoom.panBy(0, -pan),
  };
  const action = actions[event.key];
  if (action && !(nodeId && event.key.startsWith('Arrow'))) {
    event.preventDefault();
    action();
  }
});

// --- export -----------------------------------------------------------------------------------

/** The SVG with a legend below it: the date it was drawn for, the arrow's meaning, the statuses shown. */
function exportSvg(): void {
  const svg = canvas.querySelector('svg');
  if (!svg || !current) return;
  const shown = new Set(current.nodes.map((node) => node.display));
  const copy = exportableSvg(svg, {
    title: current.title,
    today: current.today,
    statuses: DISPLAY_STATUSES.filter((status) => shown.has(status)),
    cycles: current.edges.some((edge) => edge.inCycle),
    conflicts: current.edges.some((edge) => edge.scheduleConflict && !edge.inCycle),
    palette: readPalette(),
  });
  post({ type: 'exportSvg', svg: new XMLSerializer().serializeToString(copy) });
}

/** The legend's swatches take the same colours as the nodes (CSS variables on #app, set through the CSSOM; not on <html>, whose style changes mean "the theme changed"). */
function showLegendColours(palette: Palette): void {
  for (const status of DISPLAY_STATUSES) app.style.setProperty(`--pb-status-${status}`, palette.status[status].stroke);
  app.style.setProperty('--pb-edge-cycle', palette.cycle);
  app.style.setProperty('--pb-edge-conflict', palette.conflict);
  app.style.setProperty('--pb-edge-critical', palette.critical);
}

// --- theme ------------------------------------------------------------------------------------

/** VS Code changes body classes and the `--vscode-*` variables on <html> when the theme changes: redraw in place. */
let themeTimer: ReturnType<typeof setTimeout> | undefined;
const redrawForTheme = () => {
  clearTimeout(themeTimer);
  themeTimer = setTimeout(() => {
    if (current) void draw({ ...current, resetView: false });
  }, 100);
};
new MutationObserver(redrawForTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });
new MutationObserver(redrawForTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

post({ type: 'ready' });
