/**
 * "Program Briefs: Status Report" (docs/extension.md): one webview panel showing the language
 * server's status report (`programBriefs/report`: the core's report, the same HTML as
 * `brief report --format html`), set again when the server's model changes. Its toolbar copies
 * the report's Markdown to the clipboard or saves the self-contained HTML file where the save
 * dialog says. The webview can only ask for those two things (parseReportMessage); it gets no
 * command, file or link of its own.
 */
import * as vscode from 'vscode';
import { REPORT, type ReportParams, type ReportResult } from '../../server/protocol';
import { parseReportMessage, REPORT_VIEW_TYPE, type ReportWebviewMessage } from '../../webview/report/protocol';
import { createNonce } from '../diagram/html';
import { showError, showInformation } from '../plainText';
import type { ServerModel } from '../serverModel';
import { reportWebviewHtml } from './html';

/** Groups bursts of model changes (typing, a re-index) into one new report. */
const UPDATE_DEBOUNCE_MS = 250;

export class ReportPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** The last report shown (its html is what the webview's page was made from). */
  report: ReportResult | undefined;
  private readonly updateEmitter = new vscode.EventEmitter<ReportResult>();
  /** After each new report set in the webview (tests wait on it). */
  readonly onDidUpdate = this.updateEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  static create(extensionUri: vscode.Uri, model: ServerModel): ReportPanel {
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Status Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'dist')],
    });
    return new ReportPanel(panel, extensionUri, model);
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri, private readonly model: ServerModel) {
    panel.webview.html = '<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body><p>Making the status report…</p></body></html>';
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        const parsed = parseReportMessage(message);
        if (parsed) void this.receive(parsed);
      }),
      model.onDidChange(() => this.scheduleUpdate()),
    );
    void this.update();
  }

  reveal(): void {
    this.panel.reveal();
  }

  private scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, UPDATE_DEBOUNCE_MS);
  }

  /** Asks the server for the report and shows it (unless it is what is shown already). */
  async update(): Promise<ReportResult | undefined> {
    let report: ReportResult | undefined;
    try {
      // Restricted Mode: no git (a repository's own config can make git run programs).
      report = await this.model.request<ReportResult>(REPORT, { git: vscode.workspace.isTrusted } satisfies ReportParams, 'statusReport');
    } catch (error) {
      if (!this.disposed) void showError(`Status report: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (!report || this.disposed) return undefined;
    if (report.html !== this.report?.html) {
      const scriptUri = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'dist', 'report.js')).toString();
      this.panel.webview.html = reportWebviewHtml({ html: report.html, scriptUri, nonce: createNonce() });
      this.panel.title = `Status Report, ${report.today}`;
    }
    this.report = report;
    this.updateEmitter.fire(report);
    return report;
  }

  /** What a toolbar button asks (tests call it as the webview would). */
  async receive(message: ReportWebviewMessage): Promise<void> {
    const report = this.report;
    if (!report) return;
    if (message.type === 'copyMarkdown') {
      await vscode.env.clipboard.writeText(report.markdown);
      void showInformation('Status report: the Markdown is on the clipboard.');
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `status-report-${report.today}.html`;
    const target = await vscode.window.showSaveDialog({
      title: 'Save the status report as HTML',
      saveLabel: 'Save',
      filters: { HTML: ['html', 'htm'] },
      ...(folder && { defaultUri: vscode.Uri.joinPath(folder, name) }),
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.html));
    } catch (error) {
      void showError(`Status report: could not save ${target.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    void showInformation(`Status report saved to ${vscode.workspace.asRelativePath(target)}.`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    this.disposeEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.updateEmitter.dispose();
    this.disposeEmitter.dispose();
  }
}
