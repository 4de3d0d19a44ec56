/**
 * The extension as a client of the Program Briefs language server (`brief lsp`, bundled as
 * dist/server.js and run with Node by vscode-languageclient over IPC). Diagnostics, hover,
 * definition, references, completion, quick fixes and symbols come from the server; this file
 * only adapts them to VS Code where VS Code can do more than LSP says:
 *
 * - the settings the server asks for are `programBriefs.*`, with the workspace's own
 *   `maxFileSizeKB` ignored in Restricted Mode (package.json `restrictedConfigurations`);
 * - a diagnostic's docs link is the rule page shipped inside the extension (it works offline and
 *   matches the installed version), not the repository's;
 * - a missing owner gets one "Set an owner…" action with a QuickPick (src/extension/ownerFix.ts)
 *   instead of the server's one action per known handle, and a created stub brief opens;
 * - everything the server shows (messages, hover and completion Markdown) stays plain text or
 *   untrusted Markdown without HTML (docs/security.md).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient, MessageType, ShowMessageNotification, TransportKind,
  type LanguageClientOptions, type Middleware, type ServerOptions,
} from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '../language/diagnostics';
import {
  DID_CHANGE_MODEL, DID_PUBLISH_CACHED, DID_SKIP_FILES, PUBLISH_DIAGNOSTICS_BULK,
  type BriefInitializationOptions, type DidChangeModelParams, type DidPublishCachedParams, type DidSkipFilesParams, type PublishDiagnosticsBulkParams,
} from '../server/protocol';
import { SET_OWNER_COMMAND, ownerLabel, type SetOwnerArgs } from './ownerFix';
import { safeMarkdown, showError, showInformation, showWarning } from './plainText';
import type { Timings } from './timings';

export { DIAGNOSTIC_SOURCE };

/** The keys of the `programBriefs` section the server reads (docs/language-server.md, Settings). */
const SERVER_SETTINGS = ['include', 'exclude', 'rules', 'people', 'today', 'maxFileSizeKB', 'codeLens'] as const;

/** The rule id of a diagnostic (its `code`, a string or `{ value, target }`). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The `data` the server attached to a diagnostic (vscode-languageclient keeps it on the object). */
function dataOf(diagnostic: vscode.Diagnostic): Record<string, unknown> | undefined {
  const data = (diagnostic as { data?: unknown }).data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
}

/**
 * The `programBriefs` section, as the server reads it. In Restricted Mode the
 * workspace cannot raise `maxFileSizeKB`: only the user's value (or the default) counts.
 */
export function serverSettings(): Record<string, unknown> {
  // Window-scoped settings (package.json): the same for every folder, so read without a resource.
  const config = vscode.workspace.getConfiguration('programBriefs');
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) settings[key] = config.get(key);
  if (!vscode.workspace.isTrusted) {
    const size = config.inspect<number>('maxFileSizeKB');
    settings.maxFileSizeKB = size?.globalValue ?? size?.defaultValue;
  }
  return settings;
}

/**
 * Markdown files in the file systems of the workspace's folders (`file`, or a virtual one);
 * the server decides which of them are briefs.
 */
export function briefSelector(): { language: string; scheme: string }[] {
  const schemes = new Set((vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme));
  if (schemes.size === 0) schemes.add('file');
  return [...schemes].map((scheme) => ({ language: 'markdown', scheme }));
}

export interface BriefClientHooks {
  timings: Timings;
  /** Called after the server's model changed (its diagnostics are published by then). */
  onDidChangeModel(params: DidChangeModelParams): void;
  /** `programBriefs/didSkipFiles`: files left out, with plain-text notices to show. */
  onDidSkipFiles(params: DidSkipFilesParams): void;
}

/**
 * Where the server keeps V8's code cache of its bundle (src/server/launch.ts): the extension's
 * global storage, because its own folder may be read-only. No storage on disk, no cache.
 */
function serverCodeCacheArgs(context: vscode.ExtensionContext): string[] {
  if (context.globalStorageUri.scheme !== 'file') return [];
  try {
    mkdirSync(context.globalStorageUri.fsPath, { recursive: true });
  } catch {
    return [];
  }
  return [`--code-cache=${join(context.globalStorageUri.fsPath, 'languageServer.js.cache')}`];
}

export function createBriefClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, selector: { language: string; scheme: string }[], hooks: BriefClientHooks): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const args = serverCodeCacheArgs(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, args },
    debug: { module, transport: TransportKind.ipc, args },
  };
  // One Uri per rule, made once: the first indexing hands every brief's diagnostics through here.
  const docsUris = new Map<string, vscode.Uri>();
  const docsUri = (rule: string) => {
    let uri = docsUris.get(rule);
    if (!uri) docsUris.set(rule, (uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`)));
    return uri;
  };
  /** Each of our diagnostics' code links to its rule's page (the config diagnostic has none; every rule has one inside the extension). */
  const linkRulePages = (diagnostics: vscode.Diagnostic[]) => {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const rule = ruleOf(diagnostic);
      if (rule && typeof diagnostic.code === 'object') diagnostic.code = { value: rule, target: docsUri(rule) };
    }
  };
  const initializationOptions: BriefInitializationOptions = {
    retriggerCommand: 'editor.action.triggerSuggest',
    clientWatchesFiles: true,
    bulkDiagnostics: true,
    // The server's index cache lives in the extension's storage for this workspace (never in the
    // workspace itself); a window without a folder has none, and then no cache.
    ...(context.storageUri?.scheme === 'file' && { cacheDirectory: context.storageUri.fsPath }),
  };
  // Made now, at activation, so that nothing changed on disk while the server starts is missed:
  // the client sends their events once the server runs. Folders too (created or deleted only):
  // a folder deleted or renamed is reported for the folder alone.
  const fileEvents = [
    vscode.workspace.createFileSystemWatcher('**/*.md'),
    vscode.workspace.createFileSystemWatcher('**/briefs.config.json'),
    vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
  ];
  context.subscriptions.push(...fileEvents);

  /** When each document's last change went to the server: its diagnostics after it are timed. */
  const changeSent = new Map<string, number>();
  const middleware: Middleware = {
    didChange: (event, next) => {
      if (event.contentChanges.length > 0) changeSent.set(event.document.uri.toString(), performance.now());
      return next(event);
    },
    workspace: {
      configuration: (params, token, next) => params.items.map((item) => {
        if (item.section !== 'programBriefs') return next({ items: [item] }, token);
        return serverSettings();
      }).flat() as unknown[],
    },
    handleDiagnostics: (uri, diagnostics, next) => {
      linkRulePages(diagnostics);
      next(uri, diagnostics);
      // Keystroke (the change sent) to its diagnostics shown, as the benchmark measures it.
      const sent = changeSent.get(uri.toString());
      if (sent !== undefined) {
        changeSent.delete(uri.toString());
        const ms = performance.now() - sent;
        hooks.timings.record({ event: 'update', ms, parseMs: 0, affectedMs: 0, lintMs: ms, affected: 1, uri: uri.toString() });
      }
    },
    provideCodeActions: async (document, range, codeActionContext, token, next) => {
      const actions = (await next(document, range, codeActionContext, token)) ?? [];
      return adaptCodeActions(document, codeActionContext, actions);
    },
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (!hover) return hover;
      return new vscode.Hover(hover.contents.map(untrusted), hover.range);
    },
    provideCompletionItem: async (document, position, completionContext, token, next) => {
      const result = await next(document, position, completionContext, token);
      const items = Array.isArray(result) ? result : result?.items ?? [];
      for (const item of items) {
        if (item.documentation !== undefined && typeof item.documentation !== 'string') item.documentation = safeMarkdown(item.documentation.value);
      }
      return result;
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    initializationOptions,
    synchronize: { fileEvents },
    // Server Markdown (hover, completion documentation) is never trusted and never renders HTML.
    markdown: { isTrusted: false, supportHtml: false },
    middleware,
  };
  const client = new LanguageClient('programBriefs', 'Program Briefs', serverOptions, clientOptions);

  // The server's messages quote the workspace (config keys, file names): shown as plain text,
  // as every notification of the extension (VS Code renders `[text](link)` in notifications).
  client.onNotification(ShowMessageNotification.type, (message) => {
    switch (message.type) {
      case MessageType.Error: void showError(message.message); break;
      case MessageType.Warning: void showWarning(message.message); break;
      default: void showInformation(message.message);
    }
  });
  client.onNotification(DID_CHANGE_MODEL, (params: DidChangeModelParams) => hooks.onDidChangeModel(params));
  client.onNotification(DID_SKIP_FILES, (params: DidSkipFilesParams) => hooks.onDidSkipFiles(params));
  // The first indexing's diagnostics, many briefs to a message (protocol.ts, `bulkDiagnostics`):
  // converted and set at once, in one update of the collection, as they arrive.
  client.onNotification(PUBLISH_DIAGNOSTICS_BULK, (params: PublishDiagnosticsBulkParams) => {
    const collection = client.diagnostics;
    if (!collection) return;
    const p2c = client.protocol2CodeConverter;
    collection.set(params.items.map(({ uri, diagnostics }): [vscode.Uri, vscode.Diagnostic[]] => {
      const converted = diagnostics.map((diagnostic) => p2c.asDiagnostic(diagnostic));
      linkRulePages(converted);
      return [p2c.asUri(uri), converted];
    }));
  });
  client.onNotification(DID_PUBLISH_CACHED, (params: DidPublishCachedParams) => {
    hooks.timings.record({ event: 'cached-diagnostics', ms: hooks.timings.sinceActivation(), briefs: params.briefs });
  });
  return client;
}

function untrusted(content: vscode.MarkdownString | vscode.MarkedString): vscode.MarkdownString {
  if (typeof content === 'string') return safeMarkdown(content);
  if ('language' in content) return safeMarkdown().appendCodeblock(content.value, content.language);
  return safeMarkdown(content.value);
}

/**
 * The server's quick fixes, as VS Code shows them: its "Set owner to @x" actions become one
 * "Set an owner…" with a picker (per owner-missing diagnostic), and a stub brief it creates
 * opens in an editor.
 */
function adaptCodeActions(document: vscode.TextDocument, context: vscode.CodeActionContext, actions: (vscode.Command | vscode.CodeAction)[]): (vscode.Command | vscode.CodeAction)[] {
  const ownerActions = new Map<vscode.Diagnostic, vscode.CodeAction>();
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || ruleOf(diagnostic) !== 'owner-missing') continue;
    const path = dataOf(diagnostic)?.path;
    if (!Array.isArray(path)) continue;
    const args: SetOwnerArgs = {
      uri: document.uri.toString(),
      path: path as (string | number)[],
      range: { start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character }, end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character } },
      expected: document.getText(diagnostic.range),
      label: ownerLabel(diagnostic.message),
    };
    const action = new vscode.CodeAction('Set an owner…', vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { command: SET_OWNER_COMMAND, title: 'Set an owner…', arguments: [args] };
    action.isPreferred = true;
    ownerActions.set(diagnostic, action);
  }
  const result: (vscode.Command | vscode.CodeAction)[] = [];
  const placed = new Set<vscode.Diagnostic>();
  const ownerDiagnosticOf = (action: vscode.CodeAction) => action.diagnostics?.find((d) => ruleOf(d) === 'owner-missing');
  for (const action of actions) {
    if (!(action instanceof vscode.CodeAction)) {
      result.push(action);
      continue;
    }
    // Only the server's "Set owner to @x" actions: its suppressions ("Disable … for this line") stay as they are.
    const owner = action.title.startsWith('Set owner to ') ? ownerDiagnosticOf(action) : undefined;
    if (owner) {
      // The first of the server's per-handle actions for this diagnostic gives its place to the picker.
      const picker = [...ownerActions].find(([d]) => d === owner || sameDiagnostic(d, owner))?.[1];
      const diagnostic = picker?.diagnostics?.[0];
      if (picker && diagnostic && !placed.has(diagnostic)) {
        placed.add(diagnostic);
        result.push(picker);
      }
      continue;
    }
    if (action.title.startsWith('Create a stub brief') && action.edit) {
      const created = action.edit.entries()[0]?.[0];
      if (created) action.command = { command: 'vscode.open', title: 'Open the new brief', arguments: [created] };
    }
    result.push(action);
  }
  // Offered even when the workspace uses no handle yet (the server then has no action): the picker lets one be typed.
  for (const [diagnostic, action] of ownerActions) if (!placed.has(diagnostic)) result.push(action);
  return result;
}

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return a.range.isEqual(b.range) && a.message === b.message && ruleOf(a) === ruleOf(b);
}
