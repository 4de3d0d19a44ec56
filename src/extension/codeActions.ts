/**
 * Quick fixes for brief diagnostics. The text edits come from src/core/fixes, computed on the
 * text the diagnostic was linted from; an action is offered only while its guards still match
 * the editor's text, so a fix never lands on text that moved or changed.
 */
import * as vscode from 'vscode';
import { HANDLE_PATTERN, type Brief, type Diagnostic, type Range } from '../core';
import {
  addDependencyFix, addMilestoneFix, addTeamFix, briefText, guardsHold, humanize, knownHandles,
  replaceValueFix, setOwnerFix, setStatusFix, type Fix,
} from '../core/fixes';
import type { BriefIndex } from './briefIndex';
import { toVsRange } from './convert';
import { editDistance as distance, sameRange } from '../language/codeActions';
import { escapeIcons } from './plainText';
import { DIAGNOSTIC_SOURCE, type BriefDiagnostics } from './diagnostics';

export const SET_OWNER_COMMAND = 'programBriefs.fix.setOwner';

/** Arguments of the set-owner command: which owner is missing, and the text that must still be there. */
export interface SetOwnerArgs {
  uri: string;
  path: (string | number)[];
  /** The diagnostic's range and the text it covered when the action was offered. */
  range: Range;
  expected: string;
  label: string;
}

export class BriefCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly index: BriefIndex, private readonly diagnostics: BriefDiagnostics) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const brief = this.index.workspace.get(document.uri.toString());
    if (!brief?.isBrief) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const found = this.diagnostics.find(document.uri, rule, diagnostic.range);
      if (!found) continue;
      actions.push(...await this.actionsFor(document, brief, diagnostic, found));
    }
    return actions;
  }

  private async actionsFor(document: vscode.TextDocument, brief: Brief, diagnostic: vscode.Diagnostic, found: Diagnostic): Promise<vscode.CodeAction[]> {
    const data = found.data ?? {};
    const editAction = (title: string, fix: Fix | undefined, preferred = false) => {
      const edit = fix && workspaceEdit(document, fix);
      if (!edit) return [];
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = edit;
      action.isPreferred = preferred;
      return [action];
    };
    switch (found.rule) {
      case 'owner-missing': {
        const path = data.path as (string | number)[] | undefined;
        if (!path) return [];
        const args: SetOwnerArgs = { uri: brief.uri, path, range: found.range, expected: document.getText(diagnostic.range), label: ownerLabel(found.message) };
        const action = new vscode.CodeAction('Set an owner…', vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.command = { command: SET_OWNER_COMMAND, title: 'Set an owner…', arguments: [args] };
        action.isPreferred = true;
        return [action];
      }
      case 'dependency-undeclared': {
        const program = data.program as string;
        return editAction(`Declare \`${program}\` in depends_on`, addDependencyFix(brief.text, program), true);
      }
      case 'team-undeclared': {
        const team = data.team as string;
        const milestone = brief.milestones.find((m) => m.team && sameRange(m.team.range, found.range));
        const owner = milestone?.owner?.value ?? brief.owner?.value;
        return editAction(`Add team \`${team}\` to teams`, addTeamFix(brief.text, team, owner), true);
      }
      case 'dependency-unknown':
        return this.unknownDependencyActions(document, brief, diagnostic, data.program as string, data.milestone as string | undefined);
      case 'schema': {
        const allowed = data.allowedValues as string[] | undefined;
        if (!allowed) return [];
        const current = document.getText(diagnostic.range).replace(/^["']|["']$/g, '');
        const ranked = [...allowed].sort((a, b) => distance(current, a) - distance(current, b));
        return ranked.flatMap((value, i) => editAction(`Change to \`${value}\``, replaceValueFix(brief.text, found.range, value), i === 0 && distance(current, value) <= 3));
      }
      case 'status-optimistic': {
        const statuses = (data.statuses as string[] | undefined) ?? [];
        return statuses.flatMap((status, i) => editAction(`Set status to \`${status}\``, setStatusFix(brief.text, found.range, status), i === 0));
      }
      default:
        return [];
    }
  }

  private async unknownDependencyActions(document: vscode.TextDocument, brief: Brief, diagnostic: vscode.Diagnostic, program: string, milestone: string | undefined): Promise<vscode.CodeAction[]> {
    const workspace = this.index.workspace;
    const target = workspace.program(program);
    if (target && milestone !== undefined) {
      // The program exists: declare the milestone in its brief (guarded against that file's current text).
      const fix = addMilestoneFix(target.text, milestone);
      const targetUri = vscode.Uri.parse(target.uri);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.uri);
      if (!fix || !guardsHold(open ? open.getText() : target.text, fix.guards)) return [];
      const action = new vscode.CodeAction(`Add milestone \`${milestone}\` to \`${program}\``, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = new vscode.WorkspaceEdit();
      for (const edit of fix.edits) action.edit.replace(targetUri, toVsRange(edit.range), edit.newText);
      return [action];
    }
    if (target) return [];
    const uri = await freeFileName(vscode.Uri.joinPath(document.uri, '..'), program);
    if (!uri) return [];
    const text = briefText({
      program,
      title: humanize(program),
      milestones: milestone !== undefined ? [milestone] : [],
      summary: `Stub created because ${brief.program?.value ?? 'another program'} depends on it; fill in or replace.`,
      eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
    });
    const action = new vscode.CodeAction(`Create a stub brief for \`${program}\` (${vscode.workspace.asRelativePath(uri)})`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    // Create + insert (not createFile's `contents`, which does not survive every host's round
    // trip): one undoable edit; the new brief opens unsaved, for the user to review and save.
    action.edit = new vscode.WorkspaceEdit();
    action.edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
    action.edit.insert(uri, new vscode.Position(0, 0), text);
    action.command = { command: 'vscode.open', title: 'Open the new brief', arguments: [uri] };
    return [action];
  }
}

/** The edit of a fix, when its guards hold on the editor's current text. */
function workspaceEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit | undefined {
  if (!guardsHold(document.getText(), fix.guards)) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of fix.edits) edit.replace(document.uri, toVsRange(textEdit.range), textEdit.newText);
  return edit;
}

/** `<folder>/<id>.md`, or `<id>-2.md`… when taken. */
async function freeFileName(folder: vscode.Uri, id: string): Promise<vscode.Uri | undefined> {
  for (let n = 1; n < 10; n++) {
    const uri = vscode.Uri.joinPath(folder, n === 1 ? `${id}.md` : `${id}-${n}.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
  return undefined;
}

/** "Milestone `cutover` has no owner; …" → "Milestone `cutover`". */
function ownerLabel(message: string): string {
  return message.split(' has no owner')[0];
}

/**
 * Sets a missing owner: a QuickPick of the handles the workspace already uses, where typing a
 * new handle offers it too. `handle` skips the picker (tests, keybindings).
 */
export async function setOwner(index: BriefIndex, args: SetOwnerArgs, handle?: string): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const stale = () => {
    void vscode.window.showWarningMessage('Program Briefs: the brief changed since the fix was offered; try the fix again.');
    return false;
  };
  if (document.getText(toVsRange(args.range)) !== args.expected) return stale();
  const chosen = handle ?? await pickHandle(index, args.label);
  if (!chosen) return false;
  if (!HANDLE_PATTERN.test(chosen)) throw new Error(`Not a handle: ${chosen}; expected @name or @org/team`);
  // Computed now, after the pick, from the text as it is now: nothing can move under it.
  if (document.getText(toVsRange(args.range)) !== args.expected) return stale();
  const fix = setOwnerFix(document.getText(), args.path, chosen);
  const edit = fix && workspaceEdit(document, fix);
  if (!edit) return stale();
  return vscode.workspace.applyEdit(edit);
}

async function pickHandle(index: BriefIndex, label: string): Promise<string | undefined> {
  const handles = knownHandles(index.workspace, index.config);
  // Quick pick labels render `$(icon)`: handles from the workspace are shown literally.
  type HandleItem = vscode.QuickPickItem & { handle: string };
  const base: HandleItem[] = handles.map((handle) => ({ label: escapeIcons(handle), handle }));
  const picker = vscode.window.createQuickPick<HandleItem>();
  picker.title = `Owner of ${escapeIcons(label.replace(/`/g, ''))}`;
  picker.placeholder = handles.length > 0 ? 'Pick a handle used in the workspace, or type a new one (@name)' : 'Type a handle (@name)';
  picker.items = base;
  picker.onDidChangeValue((value) => {
    const typed = value.trim();
    const candidate = typed.startsWith('@') ? typed : `@${typed}`;
    picker.items = typed && HANDLE_PATTERN.test(candidate) && !handles.includes(candidate)
      ? [{ label: escapeIcons(candidate), description: 'new handle', handle: candidate }, ...base]
      : base;
  });
  return new Promise<string | undefined>((resolve) => {
    let result: string | undefined;
    picker.onDidAccept(() => {
      result = picker.selectedItems[0]?.handle;
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(result);
    });
    picker.show();
  });
}
