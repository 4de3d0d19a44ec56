/**
 * "Program Briefs: Show Timeline" (docs/extension.md, "Timeline"): one webview panel that draws
 * the language server's timeline (`programBriefs/timeline`, src/core/views/timeline.ts), posted
 * again whenever the server's model changes. What the webview asks is validated
 * (parseTimelineMessage) and names bars by key only: the file and line come from this panel's
 * own copy of the model, so the webview cannot make the extension open or write another file.
 * A drag becomes a guarded date edit (./dateEdit.ts).
 */
import * as vscode from 'vscode';
import { TIMELINE, TIMELINE_BASELINE, type TimelineBaselineParams, type TimelineBaselineResult, type TimelineResult } from '../../server/protocol';
import { parseTimelineMessage, TIMELINE_VIEW_TYPE, type HostToTimeline, type TimelineBarWire, type TimelineBaseline, type TimelineToHost } from '../../webview/timeline/protocol';
import { createNonce } from '../diagram/html';
import { ensureUsableWidth } from '../diagram/diagramPanel';
import { escapeIcons, showError, showInformation, showWarning } from '../plainText';
import { pickRef } from '../report/whatChanged';
import type { ServerModel } from '../serverModel';
import { setMilestoneDate, type DateEditOutcome } from './dateEdit';
import { timelineHtml } from './html';

/** Groups bursts of model changes (typing, a re-index) into one new timeline. */
const UPDATE_DEBOUNCE_MS = 250;

export interface TimelineRenderEvent {
  seq: number;
  bars: number;
  arrows: number;
  ms: number;
}

let panels = 0;

export class TimelinePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private ready = false;
  private seq = 0;
  private lastPosted = '';
  private readonly requestKey = `timeline:${++panels}`;
  /** The last model posted: what bar keys mean. */
  model: TimelineResult | undefined;
  baseline: TimelineBaseline | undefined;
  lastRender: TimelineRenderEvent | undefined;
  private readonly renderEmitter = new vscode.EventEmitter<TimelineRenderEvent>();
  readonly onDidRender = this.renderEmitter.event;
  private readonly editEmitter = new vscode.EventEmitter<DateEditOutcome>();
  /** After each drag's edit (written or not): tests wait on it. */
  readonly onDidEdit = this.editEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  static create(extensionUri: vscode.Uri, model: ServerModel): TimelinePanel {
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'dist')],
    });
    void ensureUsableWidth(panel);
    return new TimelinePanel(panel, extensionUri, model);
  }

  constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly server: ServerModel) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'dist')] };
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data: unknown) => {
        const message = parseTimelineMessage(data);
        if (message) void this.handle(message);
      }),
      server.onDidChange(() => this.scheduleUpdate()),
    );
    const scriptUri = panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dist', 'timeline.js')).toString();
    panel.webview.html = timelineHtml({ scriptUri, nonce: createNonce() });
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  private scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DEBOUNCE_MS);
  }

  /** Asks the server for the timeline and posts it, unless the webview has it already. */
  async update(force = false): Promise<void> {
    clearTimeout(this.timer);
    if (this.disposed || !this.ready) return;
    const model = await this.server.request<TimelineResult>(TIMELINE, {}, this.requestKey).catch(() => undefined);
    if (!model || this.disposed) return;
    const fingerprint = JSON.stringify([model, this.baseline]);
    this.model = model;
    if (fingerprint === this.lastPosted && !force) return;
    this.lastPosted = fingerprint;
    this.panel.title = `Timeline, ${model.today}`;
    await this.post({ type: 'model', seq: ++this.seq, model, ...(this.baseline && { baseline: this.baseline }) });
  }

  private post(message: HostToTimeline): Thenable<boolean> {
    return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
  }

  private bar(key: string): TimelineBarWire | undefined {
    for (const row of this.model?.rows ?? []) for (const bar of row.bars) if (bar.key === key) return bar;
    return undefined;
  }

  /** Handles a message as if the webview had posted it (validated the same way); for tests. */
  receive(data: unknown): Promise<void> {
    const message = parseTimelineMessage(data);
    return message ? this.handle(message) : Promise.resolve();
  }

  private async handle(message: TimelineToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        // Also after the webview was reloaded: send everything again.
        this.ready = true;
        this.lastPosted = '';
        await this.server.indexed;
        await this.update(true);
        return;
      case 'open':
        await this.open(message.key);
        return;
      case 'setDate': {
        const bar = this.bar(message.key);
        const outcome: DateEditOutcome = bar
          ? await setMilestoneDate(bar, message.field, message.from, message.to)
          : { written: false, reason: 'the timeline has changed since: drag it again' };
        if (!outcome.written && outcome.reason) void showWarning(`Nothing was changed: ${outcome.reason}.`);
        await this.post({ type: 'dateEdit', key: message.key, ok: outcome.written, ...(outcome.reason && { message: outcome.reason }) });
        this.editEmitter.fire(outcome);
        return;
      }
      case 'exportSvg':
        await this.exportSvg(message.svg);
        return;
      case 'compare':
        await this.compare();
        return;
      case 'rendered':
        this.lastRender = { seq: message.seq, bars: message.bars, arrows: message.arrows, ms: message.ms };
        this.renderEmitter.fire(this.lastRender);
        return;
    }
  }

  /** Opens the brief at the milestone's line, in another editor group (the timeline stays in view). */
  private async open(key: string): Promise<void> {
    const bar = this.bar(key);
    if (!bar) return;
    const uri = vscode.Uri.parse(bar.uri);
    const position = new vscode.Position(bar.line, 0);
    const own = this.panel.viewColumn;
    const other = vscode.window.tabGroups.all.find((group) => group.viewColumn !== own);
    await vscode.window.showTextDocument(uri, { viewColumn: other?.viewColumn ?? vscode.ViewColumn.Beside, selection: new vscode.Range(position, position), preserveFocus: false });
  }

  /** "Compare with…": the bars' dates at a git revision or date, drawn as ghost bars. */
  async compare(ref?: string): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void showWarning('Compare with… runs git, and a repository\'s own git config can make git run programs: trust this workspace to use it.');
      return;
    }
    const since = ref ?? await pickRef(this.server, 'Compare the Timeline with…');
    if (since === undefined) return;
    let result: TimelineBaselineResult | undefined;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Reading the briefs from git' },
        () => this.server.request<TimelineBaselineResult>(TIMELINE_BASELINE, { ref: since } satisfies TimelineBaselineParams),
      );
    } catch (error) {
      void showError(`Compare with: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!result) return;
    this.baseline = { label: `${since} (${result.since.commit.slice(0, 10)}, ${result.since.date})`, bars: result.bars };
    await this.update(true);
  }

  private async exportSvg(svg: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `timeline-${this.model?.today ?? 'today'}.svg`;
    const target = await vscode.window.showSaveDialog({
      title: 'Export the timeline as SVG',
      saveLabel: 'Export SVG',
      filters: { 'SVG image': ['svg'] },
      ...(folder && { defaultUri: vscode.Uri.joinPath(folder, name) }),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`));
    void showInformation(`Timeline exported to ${escapeIcons(vscode.workspace.asRelativePath(target))}.`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.disposeEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.renderEmitter.dispose();
    this.editEmitter.dispose();
    this.disposeEmitter.dispose();
  }
}
