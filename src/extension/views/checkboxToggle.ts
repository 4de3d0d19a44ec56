/**
 * Ticking checklist items from the tree. The handler of `onDidChangeCheckboxState`: for each
 * toggled item it re-reads the line from the document (open and unsaved text included) and
 * writes `x` or a space at exactly the checkbox, through one WorkspaceEdit per document, so the
 * change is an ordinary, undoable edit. A line that no longer holds the item writes nothing.
 */
import * as vscode from 'vscode';
import { planCheckboxToggle } from '../../core/checkboxEdit';
import type { ChecklistEntry, ChecklistNode } from '../../core/checklistTree';
import type { BriefIndex } from '../briefIndex';
import { toVsRange } from '../convert';
import { plainNotificationText } from '../plainText';

export interface ToggleOutcome {
  /** Items whose checkbox was written. */
  written: ChecklistEntry[];
  /** Items already in the wanted state (nothing to write). */
  unchanged: ChecklistEntry[];
  /** Items whose line changed underneath: nothing written. */
  stale: { entry: ChecklistEntry; reason: string }[];
}

export async function toggleChecklistItems(
  index: BriefIndex,
  changes: ReadonlyArray<readonly [ChecklistNode, vscode.TreeItemCheckboxState]>,
  refreshNow: () => void,
): Promise<ToggleOutcome> {
  const outcome: ToggleOutcome = { written: [], unchanged: [], stale: [] };
  const byUri = new Map<string, [ChecklistEntry, boolean][]>();
  for (const [node, state] of changes) {
    if (node.kind !== 'item') continue;
    const list = byUri.get(node.uri) ?? [];
    list.push([node, state === vscode.TreeItemCheckboxState.Checked]);
    byUri.set(node.uri, list);
  }
  for (const [uri, toggles] of byUri) {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    } catch (error) {
      for (const [entry] of toggles) outcome.stale.push({ entry, reason: `the file cannot be opened (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    const edit = new vscode.WorkspaceEdit();
    const planned: ChecklistEntry[] = [];
    for (const [entry, checked] of toggles) {
      const line = entry.item.line;
      const lineText = line < document.lineCount ? document.lineAt(line).text : undefined;
      const plan = planCheckboxToggle(lineText, entry.item, checked);
      if (plan.kind === 'write') {
        edit.replace(document.uri, toVsRange(plan.range), plan.text);
        planned.push(entry);
      } else if (plan.kind === 'unchanged') {
        outcome.unchanged.push(entry);
      } else {
        outcome.stale.push({ entry, reason: plan.reason });
      }
    }
    if (planned.length > 0) {
      // A clean file is saved after the edit, so ticking from the tree persists like ticking in
      // the editor and saving; a file with unsaved changes is left unsaved (the user's call).
      const wasDirty = document.isDirty;
      if (await vscode.workspace.applyEdit(edit)) {
        outcome.written.push(...planned);
        if (!wasDirty) await document.save();
      } else {
        for (const entry of planned) outcome.stale.push({ entry, reason: 'the editor refused the edit' });
      }
    }
    // The tree must show the file as it is now, whatever happened.
    index.updateNow(document);
  }
  if (outcome.stale.length > 0 || outcome.unchanged.length > 0) refreshNow();
  if (outcome.stale.length > 0) void vscode.window.showWarningMessage(staleMessage(outcome.stale));
  return outcome;
}

function staleMessage(stale: ToggleOutcome['stale']): string {
  const [{ entry, reason }] = stale;
  const file = vscode.workspace.asRelativePath(vscode.Uri.parse(entry.uri));
  const more = stale.length > 1 ? ` (and ${stale.length - 1} more)` : '';
  return plainNotificationText(`Nothing was changed: “${entry.label}” in ${file} changed since the Checklist view showed it (${reason})${more}. The view is refreshed; tick it again there.`);
}
