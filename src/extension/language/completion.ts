/**
 * Completion in VS Code: the pure completion of src/language/completion.ts (the one the
 * language server serves), converted to VS Code's types. Handles are cached per workspace
 * version. Documentation is the pure code's escaped Markdown, shown untrusted, without HTML.
 */
import * as vscode from 'vscode';
import type { CompletionItem as LspItem } from 'vscode-languageserver-types';
import { knownHandles } from '../../core/fixes';
import { completionsAt, COMPLETION_TRIGGERS } from '../../language/completion';
import type { BriefIndex } from '../briefIndex';
import { toVsRange } from '../convert';
import { safeMarkdown } from '../plainText';

export { COMPLETION_TRIGGERS };

/** LSP's InsertTextFormat.Snippet. */
const SNIPPET = 2;

export class BriefCompletionProvider implements vscode.CompletionItemProvider {
  private handles: { version: number; list: string[] } | undefined;

  constructor(private readonly index: BriefIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const brief = this.index.briefOf(document);
    const lines: string[] = [];
    for (let line = 0; line < document.lineCount; line++) lines.push(document.lineAt(line).text);
    const items = completionsAt({
      workspace: this.index.workspace,
      handles: () => this.knownHandles(),
      brief: brief?.isBrief ? brief : undefined,
      lines,
      retriggerCommand: 'editor.action.triggerSuggest',
    }, { line: position.line, character: position.character });
    return items?.map(toVsItem);
  }

  private knownHandles(): string[] {
    const workspace = this.index.workspace;
    if (this.handles?.version !== workspace.version) this.handles = { version: workspace.version, list: knownHandles(workspace, this.index.config) };
    return this.handles.list;
  }
}

/** An LSP completion item as VS Code's (LSP kinds are VS Code's plus one). */
export function toVsItem(lsp: LspItem): vscode.CompletionItem {
  const description = lsp.labelDetails?.description;
  const item = new vscode.CompletionItem(description ? { label: lsp.label, description } : lsp.label, lsp.kind === undefined ? undefined : lsp.kind - 1);
  const edit = lsp.textEdit && 'range' in lsp.textEdit ? lsp.textEdit : undefined;
  if (edit) {
    item.range = toVsRange(edit.range);
    if (lsp.insertTextFormat === SNIPPET) item.insertText = new vscode.SnippetString(edit.newText);
    else if (edit.newText !== lsp.label) item.insertText = edit.newText;
  }
  if (lsp.filterText !== undefined) item.filterText = lsp.filterText;
  if (lsp.sortText !== undefined) item.sortText = lsp.sortText;
  if (lsp.detail !== undefined) item.detail = lsp.detail;
  if (lsp.documentation !== undefined) item.documentation = typeof lsp.documentation === 'string' ? lsp.documentation : safeMarkdown(lsp.documentation.value);
  if (lsp.command) item.command = { title: lsp.command.title, command: lsp.command.command };
  return item;
}
