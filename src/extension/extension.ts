/**
 * Entry point. Activation stays cheap: the bundle is one file, and the index reads the
 * workspace in the background while features register at once (they read the index as it
 * fills and refresh on its change events). Every registration goes into
 * `context.subscriptions`, so nothing outlives deactivation.
 */
import * as vscode from 'vscode';
import { BriefIndex } from './briefIndex';
import { BriefCodeActionProvider } from './codeActions';
import { registerCommands } from './commands';
import { BriefDiagnostics } from './diagnostics';
import { registerEditorContext } from './editorContext';
import { briefSelector, registerLanguageFeatures } from './language';
import { Timings } from './timings';
import { registerTreeViews } from './views';
import { registerDiagram } from './diagram';
import { registerStatusBar, type StatusBarApi } from './statusBar';
import { registerFirstRun, type FirstRunApi } from './firstRun';

export type { BriefIndex, BriefIndexChange } from './briefIndex';

/** What `activate` returns: `vscode.extensions.getExtension(...).exports`, used by the real-editor tests. */
export interface ProgramBriefsApi {
  index: BriefIndex;
  diagnostics: BriefDiagnostics;
  timings: Timings;
  /** Set by the tree views' registration (their own API type). */
  views?: unknown;
  /** Set by the diagram's registration (its own API type). */
  diagram?: unknown;
  /** The status bar item. */
  statusBar?: StatusBarApi;
  /** The first run in a workspace. */
  firstRun?: FirstRunApi;
}

export function activate(context: vscode.ExtensionContext): ProgramBriefsApi {
  const output = vscode.window.createOutputChannel('Program Briefs', { log: true });
  const timings = new Timings(output);
  const index = new BriefIndex(output);
  const diagnostics = new BriefDiagnostics(index, context.extensionUri, timings);
  const selector = briefSelector();
  context.subscriptions.push(
    output,
    index,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, new BriefCodeActionProvider(index, diagnostics), BriefCodeActionProvider.metadata),
    ...registerLanguageFeatures(index, selector),
    ...registerCommands(index),
    ...registerEditorContext(index),
  );
  const api: ProgramBriefsApi = {
    index,
    diagnostics,
    timings,
    views: registerTreeViews(context, index),
    diagram: registerDiagram(context, index),
    statusBar: registerStatusBar(context, index),
    // Last: it reveals the view once per workspace, after the first indexing.
    firstRun: registerFirstRun(context, index),
  };

  index.ready.catch((error: unknown) => output.error(`Indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
  timings.record({ event: 'activated', ms: timings.sinceActivation() });
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
