/**
 * Entry point. Activation stays cheap: the bundle is one file, and the language server
 * (dist/server.js, a child process) reads the workspace while features register at once; the
 * extension holds no model of its own (every view asks the server, and refreshes on its change
 * notifications). Every registration goes into `context.subscriptions`, so nothing outlives
 * deactivation.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { briefSelector, createBriefClient } from './client';
import { registerCommands } from './commands';
import { registerEditorContext } from './editorContext';
import { ServerModel } from './serverModel';
import { Timings } from './timings';
import { registerTreeViews } from './views';
import { registerDueView } from './views/dueView';
import { registerPeopleView } from './views/peopleView';
import { registerDiagram } from './diagram';
import { registerStatusBar, type StatusBarApi } from './statusBar';
import { registerFirstRun, type FirstRunApi } from './firstRun';
import { registerWhatIf } from './whatIf';
import { registerReports } from './report';
import { registerTimeline } from './timeline';

/** What `activate` returns: `vscode.extensions.getExtension(...).exports`, used by the real-editor tests. */
export interface ProgramBriefsApi {
  /** The client of the language server (dist/server.js), which serves diagnostics and editing help. */
  client: LanguageClient;
  /** Resolves once the client runs and the server's first indexing is done (its diagnostics published). */
  serverReady: Promise<void>;
  /** The server's model, through its custom requests. */
  model: ServerModel;
  timings: Timings;
  /** Set by the tree views' registration (their own API type). */
  views?: unknown;
  /** The People and Due views (src/extension/views/peopleView.ts, dueView.ts). */
  people?: unknown;
  due?: unknown;
  /** Set by the diagram's registration (its own API type). */
  diagram?: unknown;
  /** The status bar item. */
  statusBar?: StatusBarApi;
  /** The first run in a workspace. */
  firstRun?: FirstRunApi;
  /** The status report panel (src/extension/report). */
  reports?: unknown;
  /** The Timeline panel (src/extension/timeline). */
  timeline?: unknown;
}

export function activate(context: vscode.ExtensionContext): ProgramBriefsApi {
  const output = vscode.window.createOutputChannel('Program Briefs', { log: true });
  const timings = new Timings(output);
  let model: ServerModel | undefined;
  const client = createBriefClient(context, output, briefSelector(), {
    timings,
    onDidChangeModel: (change) => {
      if (change.all) timings.record({ event: 'first-diagnostics', ms: timings.sinceActivation(), briefs: change.briefs, files: 0, indexMs: 0, lintMs: 0 });
      model?.changed(change);
    },
    onDidSkipFiles: (params) => model?.skippedFiles(params),
  });
  model = new ServerModel(client, timings);
  const serverReady = client.start().then(() => model.indexed);
  serverReady.catch((error: unknown) => output.error(`The language server did not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
  context.subscriptions.push(
    output,
    client,
    model,
    ...registerCommands(client, model),
    ...registerEditorContext(model),
    registerWhatIf(model),
  );
  const api: ProgramBriefsApi = {
    client,
    serverReady,
    model,
    timings,
    views: registerTreeViews(context, model),
    people: registerPeopleView(context, model),
    due: registerDueView(context, model),
    diagram: registerDiagram(context, model),
    statusBar: registerStatusBar(context, model),
    reports: registerReports(context, model),
    timeline: registerTimeline(context, model),
    // Last: it reveals the view once per workspace, after the first indexing.
    firstRun: registerFirstRun(context, model),
  };
  timings.record({ event: 'activated', ms: timings.sinceActivation() });
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (the client stops its server there).
}
