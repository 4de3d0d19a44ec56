/** The reports in VS Code: "Status Report" (a webview) and "What Changed Since…" (quick picks); docs/extension.md. */
import * as vscode from 'vscode';
import type { ServerModel } from '../serverModel';
import { ReportPanel } from './reportPanel';
import { registerWhatChanged } from './whatChanged';

export const STATUS_REPORT_COMMAND = 'programBriefs.statusReport';

/** What the real-editor tests reach (`api.reports`). */
export interface ReportsApi {
  /** The open status report, if any. */
  readonly panel: ReportPanel | undefined;
}

export function registerReports(context: vscode.ExtensionContext, model: ServerModel): ReportsApi {
  let panel: ReportPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(STATUS_REPORT_COMMAND, async () => {
      if (panel) {
        panel.reveal();
        await panel.update();
        return panel;
      }
      const created = ReportPanel.create(context.extensionUri, model);
      panel = created;
      created.onDidDispose(() => {
        if (panel === created) panel = undefined;
      });
      return created;
    }),
    registerWhatChanged(model),
    { dispose: () => panel?.dispose() },
  );
  return {
    get panel() {
      return panel;
    },
  };
}
