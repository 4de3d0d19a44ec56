/**
 * The dependency diagram: the `programBriefs.showDiagram` command, the panel serializer that
 * restores the panel after a window reload, and the `programBriefs.isBrief` context key that
 * shows the command's button in the editor title of a brief. Mermaid never runs here: the
 * host only generates Mermaid text (src/core/mermaid.ts); drawing happens in the webview.
 */
import * as vscode from 'vscode';
import { DIAGRAM_VIEW_TYPE, parsePersistedState } from '../../core/diagramProtocol';
import type { BriefIndex } from '../briefIndex';
import { defaultOptions, DiagramPanel } from './diagramPanel';

export const SHOW_DIAGRAM_COMMAND = 'programBriefs.showDiagram';
export const IS_BRIEF_CONTEXT = 'programBriefs.isBrief';

export function registerDiagram(context: vscode.ExtensionContext, index: BriefIndex): void {
  const panels = new Set<DiagramPanel>();
  /** The panel the command reveals and that follows the active brief: the last one created or restored. */
  let current: DiagramPanel | undefined;

  const adopt = (panel: DiagramPanel) => {
    panels.add(panel);
    current = panel;
    panel.onDidDispose(() => {
      panels.delete(panel);
      if (current === panel) current = [...panels].pop();
    });
  };

  const programOf = (uri: vscode.Uri | undefined): string | undefined => {
    const brief = uri && index.workspace.get(uri.toString());
    return brief?.isBrief ? brief.program?.value : undefined;
  };

  const updateContextKey = () => {
    const document = vscode.window.activeTextEditor?.document;
    const brief = document && index.workspace.get(document.uri.toString());
    void vscode.commands.executeCommand('setContext', IS_BRIEF_CONTEXT, Boolean(brief?.isBrief));
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_DIAGRAM_COMMAND, (target?: unknown) => {
      const program = programFromArgument(target, programOf) ?? programOf(vscode.window.activeTextEditor?.document.uri);
      if (current) {
        current.reveal();
        if (program) current.focusOn(program, 'brief');
        return;
      }
      const options = defaultOptions();
      // Nothing to focus on (no brief in the active editor): start with the whole workspace.
      adopt(DiagramPanel.create(context.extensionUri, index, program, program ? options : { ...options, scope: 'workspace' }));
    }),
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        adopt(new DiagramPanel(panel, context.extensionUri, index, parsePersistedState(state)));
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      updateContextKey();
      // Follow the brief being edited, unless the diagram already shows it (e.g. it was
      // opened by clicking one of the diagram's nodes): then keep the view as it is.
      const program = programOf(editor?.document.uri);
      if (!current || !program || current.currentOptions.scope !== 'brief') return;
      if (program !== current.currentFocus && !current.shows(program)) current.focusOn(program, 'brief');
    }),
    index.onDidChange(updateContextKey),
    { dispose: () => [...panels].forEach((panel) => panel.dispose()) },
  );
  updateContextKey();
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
