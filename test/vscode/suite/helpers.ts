/** Shared helpers of the real-editor tests: wait for conditions (never sleep), find files and ranges. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BriefWorkspace, mayBeBrief, withoutBom } from '../../../src/core';
import type { ProgramBriefsApi } from '../../../src/extension/extension';
import { FILE, REINDEX, type FileResult, type ReindexResult } from '../../../src/server/protocol';

export const EXTENSION_ID = 'program-briefs.program-briefs';
export const SOURCE = 'program-briefs';

/** Polls `condition` until it returns a truthy value (returned) or `timeoutMs` passes. */
export async function waitFor<T>(condition: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : String(last)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The quick fixes at a range, as the editor's light bulb asks for them. VS Code cancels a code
 * action request when the document's model changes while it runs (which happens right after a
 * document is first opened and the server catches up), so a Canceled answer is asked again; any
 * other error is thrown.
 */
export async function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return waitFor(async () => {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    } catch (error) {
      if (error instanceof Error && error.message === 'Canceled') return undefined;
      throw error;
    }
  }, `the quick fixes at ${uri.path}:${range.start.line + 1}`);
}

/** The extension, activated, with its first indexing done (the language server's too: its diagnostics are published). */
export async function extensionApi(): Promise<ProgramBriefsApi> {
  const extension = vscode.extensions.getExtension<ProgramBriefsApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
  const api = await extension.activate();
  await api.serverReady;
  return api;
}

/** What the language server holds for a file (`programBriefs/file`): its text and summary when it is a brief, why it was skipped. */
export async function serverFile(uri: vscode.Uri | string): Promise<FileResult> {
  const api = await extensionApi();
  return (await api.model.request<FileResult>(FILE, { uri: uri.toString() }))!;
}

/**
 * The test workspace's briefs read by the test itself (the editor's text for open documents),
 * independently of the server: what its answers are checked against. README.md is excluded, as
 * in briefs.config.json.
 */
export async function workspaceFromDisk(): Promise<BriefWorkspace> {
  const workspace = new BriefWorkspace();
  for (const uri of await vscode.workspace.findFiles('**/*.md', '{**/node_modules/**,README.md}')) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : await vscode.workspace.fs.readFile(uri).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    if (text !== undefined && mayBeBrief(uri.toString(), text)) workspace.setText(uri.toString(), text);
  }
  return workspace;
}

/** The language server reads every folder again (as "Refresh" does); resolves once its diagnostics are published. */
export async function reindex(): Promise<void> {
  const api = await extensionApi();
  await api.client.sendRequest<ReindexResult>(REINDEX);
}

/**
 * Waits until the language server holds `text` for `uri` (the change reached it), or, with
 * `text` undefined, until the file has left its model. Files that cannot be briefs are not
 * indexed: nothing to wait for.
 */
export async function waitForIndex(uri: vscode.Uri, text: string | undefined): Promise<void> {
  const key = uri.toString();
  if (text === undefined) {
    await waitFor(async () => (await serverFile(key)).text === undefined, `${uri.path} to leave the server's model`);
  } else if (mayBeBrief(key, text)) {
    await waitFor(async () => {
      const file = await serverFile(key);
      return file.text === withoutBom(text) || file.skipped !== undefined;
    }, `the server to have the current text of ${uri.path}`);
  }
}

/** Waits until the server has caught up with an open document's text. */
export async function settled(document: vscode.TextDocument): Promise<void> {
  await waitForIndex(document.uri, document.getText());
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

export function fileUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...relativePath.split('/'));
}

export function briefDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** `rule@line:col-line:col` strings, sorted: compact to compare and readable in a failure. */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
}

/** The range of the `occurrence`-th (0-based) `needle` in a document's text. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${occurrence}) occurs in ${document.uri.path}`);
  }
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

/** `rule@range` as `summarize` prints it, for a needle in a document. */
export function at(rule: string, document: vscode.TextDocument, needle: string, occurrence = 0): string {
  const r = rangeOf(document, needle, occurrence);
  return `${rule}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export async function open(relativePath: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fileUri(relativePath));
}

export async function show(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await open(relativePath));
}

/** Replaces the first `find` in a document (unsaved edit, as a user types it). */
export async function replaceInDocument(document: vscode.TextDocument, find: string, replacement: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, find), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), `edit applied to ${document.uri.path}`);
}

/**
 * Remembers files' text and puts it back (in the editor and on disk), so a test's edits do not
 * leak into the next test or into other features' tests sharing the workspace.
 */
export class Snapshot {
  private readonly saved = new Map<string, { uri: vscode.Uri; text?: string }>();

  async keep(...relativePaths: string[]): Promise<void> {
    for (const path of relativePaths) {
      const uri = fileUri(path);
      let text: string | undefined;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        text = undefined; // did not exist: restore deletes it
      }
      this.saved.set(uri.toString(), { uri, text });
    }
  }

  async restore(): Promise<void> {
    for (const { uri, text } of this.saved.values()) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (text === undefined) {
        if (document?.isDirty) await document.save();
        if (document) await closeEditorsOf(uri);
        await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
        continue;
      }
      // An edited (dirty) document is put back and saved; the disk is then made right either way
      // (an open document that is not dirty follows its file).
      if (document && !document.isClosed && document.isDirty) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
        await vscode.workspace.applyEdit(edit);
        if (document.isDirty) await document.save();
      }
      const onDisk = await vscode.workspace.fs.readFile(uri).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
      if (onDisk !== text) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    }
    // The next test starts from the restored files, as the extension sees them.
    for (const { uri, text } of this.saved.values()) await waitForIndex(uri, text);
    this.saved.clear();
  }
}

export async function closeEditorsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
