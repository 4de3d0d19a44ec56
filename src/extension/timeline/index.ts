/**
 * The Timeline: the `programBriefs.showTimeline` command (a button in the Programs view's title
 * and in a brief's editor title) and the serializer that restores the panel after a reload.
 */
import * as vscode from 'vscode';
import { TIMELINE_VIEW_TYPE } from '../../webview/timeline/protocol';
import type { ServerModel } from '../serverModel';
import { TimelinePanel } from './timelinePanel';

export type { TimelinePanel };

export const SHOW_TIMELINE_COMMAND = 'programBriefs.showTimeline';

/** What the real-editor tests reach (`api.timeline`). */
export interface TimelineApi {
  readonly panel: TimelinePanel | undefined;
}

export function registerTimeline(context: vscode.ExtensionContext, model: ServerModel): TimelineApi {
  let panel: TimelinePanel | undefined;
  const adopt = (created: TimelinePanel) => {
    panel = created;
    created.onDidDispose(() => {
      if (panel === created) panel = undefined;
    });
    return created;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TIMELINE_COMMAND, async () => {
      await model.indexed;
      if (panel) {
        panel.reveal();
        await panel.update();
        return panel;
      }
      return adopt(TimelinePanel.create(context.extensionUri, model));
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel) {
        adopt(new TimelinePanel(restored, context.extensionUri, model));
      },
    }),
    { dispose: () => panel?.dispose() },
  );
  return {
    get panel() {
      return panel;
    },
  };
}
