/**
 * The dependency diagram: the `programBriefs.showDiagram` command and the panel serializer
 * that restores the panel after a window reload. (The `programBriefs.isBrief` context key that
 * shows the command's button in a brief's editor title is set by ../editorContext.ts.) Mermaid
 * never runs here: the host only generates Mermaid text (src/core/render/mermaid.ts); drawing happens
 * in the webview.
 */
import * as vscode from 'vscode';
import { DIAGRAM_VIEW_TYPE, parsePersistedState } from '../../core/views/diagramProtocol';
import type { ServerModel } from '../serverModel';
import { defaultOptions, DiagramPanel, type DiagramRenderEvent } from './diagramPanel';

export type { DiagramPanel, DiagramRenderEvent };

export const SHOW_DIAGRAM_COMMAND = 'programBriefs.showDiagram';

/** For the real-editor tests (`ProgramBriefsApi.diagram`): the open panel, and what its webview drew. */
export interface DiagramApi {
  readonly panel: DiagramPanel | undefined;
  /** Fires when a webview reports a drawn diagram (or a failure). */
  readonly onDidRender: vscode.Event<DiagramRenderEvent>;
}

export function registerDiagram(context: vscode.ExtensionContext, model: ServerModel): DiagramApi {
  const panels = new Set<DiagramPanel>();
  /** The panel the command reveals and that follows the active brief: the last one created or restored. */
  let current: DiagramPanel | undefined;

  const renderEmitter = new vscode.EventEmitter<DiagramRenderEvent>();
  const adopt = (panel: DiagramPanel) => {
    panels.add(panel);
    current = panel;
    panel.onDidRender((event) => renderEmitter.fire(event));
    panel.onDidDispose(() => {
      panels.delete(panel);
      if (current === panel) current = [...panels].pop();
    });
  };

  /** The program a brief defines, as the language server's model says. */
  const programOf = (uri: vscode.Uri | undefined): string | undefined => (uri ? model.brief(uri.toString())?.program : undefined);

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_DIAGRAM_COMMAND, async (target?: unknown) => {
      // Right after start-up the brief in the editor may not be indexed yet.
      await model.indexed;
      const document = vscode.window.activeTextEditor?.document;
      const program = programFromArgument(target, programOf) ?? programOf(document?.uri);
      if (current) {
        current.reveal();
        if (program) current.focusOn(program, 'brief');
        return;
      }
      const options = defaultOptions();
      // Nothing to focus on (no brief in the active editor): start with the whole workspace.
      adopt(DiagramPanel.create(context.extensionUri, model, program, program ? options : { ...options, scope: 'workspace' }));
    }),
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        adopt(new DiagramPanel(panel, context.extensionUri, model, parsePersistedState(state)));
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Follow the brief being edited, unless the diagram already shows it (e.g. it was
      // opened by clicking one of the diagram's nodes): then keep the view as it is.
      const program = programOf(editor?.document.uri);
      if (!current || !program || current.currentOptions.scope !== 'brief') return;
      if (program !== current.currentFocus && !current.shows(program)) current.focusOn(program, 'brief');
    }),
    renderEmitter,
    { dispose: () => [...panels].forEach((panel) => panel.dispose()) },
  );
  return {
    get panel() {
      return current;
    },
    onDidRender: renderEmitter.event,
  };
}

/** The program a command argument names: a brief's URI (explorer, editor title), a program id, or an item with one. */
function programFromArgument(target: unknown, programOf: (uri: vscode.Uri | undefined) => string | undefined): string | undefined {
  if (target instanceof vscode.Uri) return programOf(target);
  if (typeof target === 'string') return target;
  if (typeof target === 'object' && target !== null) {
    const item = target as { program?: unknown; uri?: unknown; resourceUri?: unknown };
    if (typeof item.program === 'string') return item.program;
    if (item.resourceUri instanceof vscode.Uri) return programOf(item.resourceUri);
    if (item.uri instanceof vscode.Uri) return programOf(item.uri);
  }
  return undefined;
}
