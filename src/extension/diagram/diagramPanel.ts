/**
 * One dependency-diagram webview panel: what it shows (scope, focus, depth, direction), the
 * answers it posts to the webview, and what it does with the webview's requests. Everything
 * the webview sends is validated (parseWebviewMessage) and node ids are resolved by the language
 * server against its model (`programBriefs/graphNode`), so a webview can never make the host
 * open an arbitrary file. What is drawn comes from the server too (`programBriefs/diagram`).
 */
import * as vscode from 'vscode';
import { DIAGRAM_LIMITS, type DiagramModel } from '../../core/views/diagramModel';
import {
  clampDepth, DIAGRAM_VIEW_TYPE, isDiagramDirection, parseWebviewMessage,
  type DiagramOptions, type HostToWebview, type PersistedState, type WebviewToHost,
} from '../../core/views/diagramProtocol';
import {
  CRITICAL_PATH, DIAGRAM, GRAPH_NODE,
  type CriticalPathParams, type CriticalPathResult, type DiagramParams, type DiagramResult, type GraphNodeParams, type GraphNodeResult,
} from '../../server/protocol';
import type { ServerModel } from '../serverModel';
import { escapeIcons, showInformation } from '../plainText';
import { diagramHtml } from './html';

/** Groups bursts of model changes (typing, saves of many files, a re-index) into one redraw. */
const UPDATE_DEBOUNCE_MS = 250;

/** What a webview reported after an answer: drawn (with its size and time) or failed. */
export interface DiagramRenderEvent {
  seq: number;
  ok: boolean;
  nodes: number;
  edges: number;
  ms: number;
  message?: string;
}

export function defaultOptions(): DiagramOptions {
  const settings = vscode.workspace.getConfiguration('programBriefs.diagram');
  const direction = settings.get<string>('direction');
  return {
    scope: 'brief',
    depth: clampDepth(settings.get<number>('depth'), 2),
    direction: isDiagramDirection(direction) ? direction : 'LR',
  };
}

/** What `vscode.getEditorLayout` answers (sizes in pixels). */
interface EditorLayout {
  orientation: 0 | 1;
  groups: { size?: number; groups?: unknown[] }[];
}

/**
 * The panel opens beside the brief at a usable width: when the editor groups are one row
 * (side by side, as `ViewColumn.Beside` makes them) and the diagram got less than half of it
 * (a third with three groups, or a group the user had made narrow), the diagram gets half and
 * the other groups share the rest in their proportions. Other layouts are left as they are.
 */
export async function ensureUsableWidth(panel: vscode.WebviewPanel): Promise<void> {
  try {
    // A panel created `Beside` learns its column when the workbench has placed it.
    const column = panel.viewColumn ?? await new Promise<vscode.ViewColumn | undefined>((resolve) => {
      const timer = setTimeout(() => done(), 5000);
      const listener = panel.onDidChangeViewState(() => done());
      function done() {
        clearTimeout(timer);
        listener.dispose();
        resolve(panel.viewColumn);
      }
    });
    const layout = await vscode.commands.executeCommand<EditorLayout | undefined>('vscode.getEditorLayout');
    if (!layout || layout.orientation !== 0 || layout.groups.length < 2 || layout.groups.some((group) => group.groups)) return;
    if (column === undefined || column < 1 || column > layout.groups.length) return;
    const sizes = layout.groups.map((group) => group.size ?? 0);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    const own = sizes[column - 1];
    if (total <= 0 || own / total >= 0.49) return;
    const rest = total - own;
    const groups = sizes.map((size, i) => ({ size: i === column - 1 ? 0.5 : rest > 0 ? (0.5 * size) / rest : 0.5 / (sizes.length - 1) }));
    await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 0, groups });
  } catch {
    // A VS Code without these commands: keep its layout.
  }
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

let panels = 0;

export class DiagramPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private options: DiagramOptions;
  private focus: string | undefined;
  private seq = 0;
  private ready = false;
  private resetPending = true;
  private lastModel: DiagramModel | undefined;
  /** What was last posted, to skip identical updates (most edits do not change the graph). */
  private lastPosted = '';
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Requests of this panel's updates: a newer one cancels the one still waiting. */
  private readonly requestKey = `diagram:${++panels}`;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly renderEmitter = new vscode.EventEmitter<DiagramRenderEvent>();
  readonly onDidRender = this.renderEmitter.event;
  /** The webview's last report, and the last answer posted (for tests and the status of the panel). */
  lastRender: DiagramRenderEvent | undefined;

  static create(extensionUri: vscode.Uri, model: ServerModel, focus: string | undefined, options: DiagramOptions): DiagramPanel {
    const panel = vscode.window.createWebviewPanel(
      DIAGRAM_VIEW_TYPE,
      'Dependency Diagram',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(extensionUri), retainContextWhenHidden: false },
    );
    void ensureUsableWidth(panel);
    return new DiagramPanel(panel, extensionUri, model, { options, focus });
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly server: ServerModel,
    state: PersistedState,
  ) {
    this.options = state.options ?? defaultOptions();
    this.focus = state.focus;
    panel.webview.options = webviewOptions(extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data) => {
        const message = parseWebviewMessage(data);
        if (message) void this.handle(message);
      }),
      server.onDidChange(() => this.scheduleUpdate()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('programBriefs.diagram')) {
          const defaults = defaultOptions();
          this.setOptions({ depth: defaults.depth, direction: defaults.direction });
        }
      }),
    );
    // A fresh HTML (and nonce) per panel; updates go through postMessage, never through HTML.
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.html = diagramHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', 'diagram.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'diagram.css')).toString(),
    });
    this.updateTitle();
  }

  get currentFocus(): string | undefined {
    return this.focus;
  }

  get currentOptions(): DiagramOptions {
    return this.options;
  }

  /** The last answer built for the webview. */
  get model(): DiagramModel | undefined {
    return this.lastModel;
  }

  /** Handles a message as if the webview had posted it (validated the same way); for tests. */
  receive(data: unknown): Promise<void> {
    const message = parseWebviewMessage(data);
    return message ? this.handle(message) : Promise.resolve();
  }

  /** Whether the diagram currently shows this node id. */
  shows(nodeId: string): boolean {
    return this.lastModel?.kind === 'diagram' && this.lastModel.nodes.some((node) => node.id === nodeId);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Focus the diagram on a program (scope `brief`). */
  focusOn(program: string | undefined, scope: DiagramOptions['scope'] = 'brief'): void {
    if (program === this.focus && scope === this.options.scope) return;
    this.focus = program ?? this.focus;
    this.options = { ...this.options, scope };
    this.resetPending = true;
    void this.update();
  }

  setOptions(patch: Partial<DiagramOptions>): void {
    const next = { ...this.options, ...patch };
    if (next.scope === this.options.scope && next.depth === this.options.depth && next.direction === this.options.direction) return;
    if (next.scope !== this.options.scope || next.depth !== this.options.depth) this.resetPending = true;
    this.options = next;
    void this.update();
  }

  private scheduleUpdate(): void {
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => void this.update(), UPDATE_DEBOUNCE_MS);
  }

  /**
   * Asks the server for the model and posts it, unless it is what the webview already has. A
   * newer update cancels an older one still waiting for its answer.
   */
  async update(): Promise<void> {
    clearTimeout(this.updateTimer);
    if (this.disposed) return;
    this.updateTitle();
    // A hidden panel's webview is gone (not retained); it says `ready` again when shown.
    if (!this.ready || !this.panel.visible) return;
    const params: DiagramParams = { options: this.options, ...(this.focus !== undefined && { focus: this.focus }) };
    const model = await this.server.request<DiagramResult>(DIAGRAM, params, this.requestKey).catch(() => undefined);
    // Cancelled by a newer update, or asked for options that changed meanwhile: that one posts.
    if (!model || this.disposed || JSON.stringify(params.options) !== JSON.stringify(this.options) || params.focus !== this.focus) return;
    this.lastModel = model;
    const resetView = this.resetPending;
    const fingerprint = JSON.stringify([model, this.options, this.focus]);
    if (fingerprint === this.lastPosted && !resetView) return;
    this.lastPosted = fingerprint;
    this.resetPending = false;
    void this.post(this.toMessage(model, resetView));
  }

  private toMessage(model: DiagramModel, resetView: boolean): HostToWebview {
    const common = { seq: ++this.seq, options: this.options, title: model.title, ...(this.focus !== undefined && { focus: this.focus }) };
    switch (model.kind) {
      case 'diagram':
        return { type: 'diagram', ...common, source: model.source, nodes: model.nodes, edges: model.edges, limits: DIAGRAM_LIMITS, resetView, today: model.today };
      case 'tooLarge':
        return { type: 'tooLarge', ...common, nodes: model.nodes, edges: model.edges, limits: DIAGRAM_LIMITS, suggestion: model.suggestion };
      case 'empty':
        return { type: 'empty', ...common, message: model.message, canPickFocus: model.canPickFocus };
    }
  }

  private post(message: HostToWebview): Thenable<boolean> {
    return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
  }

  private updateTitle(): void {
    this.panel.title = this.options.scope === 'workspace' ? 'Dependencies: all programs' : this.focus ? `Dependencies: ${this.focus}` : 'Dependency Diagram';
  }

  private async handle(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        // Also after the webview was reloaded (hidden and shown again): resend everything.
        this.ready = true;
        this.lastPosted = '';
        this.resetPending = true;
        await this.server.indexed;
        await this.update();
        return;
      case 'setOptions':
        this.setOptions(message.options);
        return;
      case 'pickFocus':
        await this.pickFocus();
        return;
      case 'open':
        await this.open(message.nodeId);
        return;
      case 'select':
        await this.select(message.nodeId);
        return;
      case 'copySource':
        if (this.lastModel?.kind === 'diagram') {
          await vscode.env.clipboard.writeText(this.lastModel.source);
          void vscode.window.setStatusBarMessage('Mermaid source of the diagram copied', 3000);
        }
        return;
      case 'exportSvg':
        await this.exportSvg(message.svg);
        return;
      case 'rendered':
        this.lastRender = { seq: message.seq, ok: true, nodes: message.nodes, edges: message.edges, ms: message.ms };
        this.renderEmitter.fire(this.lastRender);
        return;
      case 'renderFailed':
        // The webview shows the problem itself; keep a trace for bug reports.
        console.warn(`[program-briefs] diagram ${message.seq} could not be drawn: ${message.message}`);
        this.lastRender = { seq: message.seq, ok: false, nodes: 0, edges: 0, ms: 0, message: message.message };
        this.renderEmitter.fire(this.lastRender);
        return;
    }
  }

  private async pickFocus(): Promise<void> {
    const items = this.server.briefs()
      .filter((brief) => brief.program)
      // Quick pick texts render `$(icon)`: workspace text is shown literally.
      .map((brief) => ({
        label: escapeIcons(brief.program!),
        description: brief.title && escapeIcons(brief.title),
        detail: escapeIcons(vscode.workspace.asRelativePath(vscode.Uri.parse(brief.uri))),
        program: brief.program!,
      }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Focus the dependency diagram on a program', matchOnDescription: true, matchOnDetail: true });
    if (picked) this.focusOn(picked.program, 'brief');
  }

  /**
   * Opens the brief that defines a node at its line in another editor group, keeping the focus
   * and the diagram's group as they are: a group that shows the brief already, else the last
   * active other group; only when the diagram is alone a new group beside it.
   */
  private async open(nodeId: string): Promise<void> {
    const node = await this.server.request<GraphNodeResult>(GRAPH_NODE, { nodeId } satisfies GraphNodeParams);
    if (!node) {
      void showInformation(`No brief defines ${nodeId}.`);
      return;
    }
    const position = new vscode.Position(node.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(node.uri), {
      viewColumn: this.editorColumn(vscode.Uri.parse(node.uri)),
      selection: new vscode.Range(position, position),
      preserveFocus: true,
    });
  }

  /** The column of an editor group other than the diagram's, so opening a brief never covers the diagram nor splits it. */
  private editorColumn(uri: vscode.Uri): vscode.ViewColumn {
    const own = this.panel.viewColumn;
    const others = vscode.window.tabGroups.all.filter((group) => group.viewColumn !== own);
    const showsIt = (group: vscode.TabGroup) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
    const textGroup = (group: vscode.TabGroup) => group.activeTab?.input instanceof vscode.TabInputText;
    const target = others.find(showsIt) ?? others.find(textGroup) ?? others[0];
    return target?.viewColumn ?? vscode.ViewColumn.Beside;
  }

  private async select(nodeId: string | undefined): Promise<void> {
    const path = nodeId === undefined ? [] : (await this.server.request<CriticalPathResult>(CRITICAL_PATH, { options: this.options, nodeId } satisfies CriticalPathParams)) ?? [];
    await this.post({ type: 'criticalPath', ...(nodeId !== undefined && path.length > 0 && { nodeId }), path });
  }

  private async exportSvg(svg: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${this.options.scope === 'workspace' ? 'all-programs' : (this.focus ?? 'diagram')}-dependencies.svg`;
    const target = await vscode.window.showSaveDialog({
      title: 'Export the dependency diagram as SVG',
      saveLabel: 'Export SVG',
      filters: { 'SVG image': ['svg'] },
      ...(folder && { defaultUri: vscode.Uri.joinPath(folder, name) }),
    });
    if (!target) return;
    const text = svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void vscode.window.setStatusBarMessage(`Diagram exported to ${escapeIcons(vscode.workspace.asRelativePath(target))}`, 4000);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.updateTimer);
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.renderEmitter.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }
}
