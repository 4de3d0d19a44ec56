/**
 * A Timeline drag written to the brief: the milestone's `due` (or `start`) replaced, as one
 * ordinary undoable edit, only if the document's CURRENT text (open and unsaved text included)
 * still holds the date the timeline showed at that milestone (`planDateEdit` in the core), and
 * never a due before the start. As with ticking a checklist item (../views/checkboxToggle.ts),
 * nothing is awaited between reading the text and sending the edit, the edit goes through the
 * document's visible editor when it has one (the editor checks the version and applies in one
 * step), else as a WorkspaceEdit checked against the version read; and afterwards the document
 * must read exactly as planned, or the user is told. A document that was clean is saved when the
 * date is its only change, so the file on disk says what the timeline shows.
 */
import * as vscode from 'vscode';
import { planDateEdit } from '../../core/fixes/dateEdit';
import { parseBrief, withoutBom } from '../../core/parse/parseBrief';
import type { DateField, TimelineBarWire } from '../../webview/timeline/protocol';

export interface DateEditOutcome {
  written: boolean;
  /** Why nothing was written (plain text). */
  reason?: string;
  uri?: string;
}

export async function setMilestoneDate(bar: TimelineBarWire, field: DateField, from: string, to: string): Promise<DateEditOutcome> {
  const uri = vscode.Uri.parse(bar.uri);
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    return { written: false, reason: `the file cannot be opened (${error instanceof Error ? error.message : String(error)})` };
  }
  // ---- From here to sending the edit, nothing is awaited: the plan, the edit and its version agree. ----
  const version = document.version;
  const wasDirty = document.isDirty;
  const text = document.getText();
  const current = parseBrief(document.uri.toString(), text);
  if (!current.isBrief || current.text !== withoutBom(text)) return { written: false, reason: 'the file cannot be read as a brief now', uri: bar.uri };
  const plan = planDateEdit(current, { index: bar.index, ...(bar.milestone !== undefined && { milestone: bar.milestone }), field, from, to });
  if (plan.kind === 'unchanged') return { written: false, uri: bar.uri };
  if (plan.kind !== 'write') return { written: false, reason: plan.reason, uri: bar.uri };
  const range = new vscode.Range(plan.range.start.line, plan.range.start.character, plan.range.end.line, plan.range.end.character);
  const start = document.offsetAt(range.start);
  const expected = text.slice(0, start) + plan.text + text.slice(document.offsetAt(range.end));
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  let applied: boolean;
  try {
    if (document.version !== version) applied = false;
    else if (editor) applied = await editor.edit((builder) => builder.replace(range, plan.text));
    else {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, range, plan.text);
      applied = await vscode.workspace.applyEdit(edit);
    }
  } catch {
    applied = false;
  }
  if (!applied) return { written: false, reason: 'the file changed while the date was being written', uri: bar.uri };
  if (document.getText() !== expected) {
    return { written: false, reason: 'the file changed while the date was being written: check it (Undo takes the date back)', uri: bar.uri };
  }
  if (!wasDirty) {
    try {
      // The date is the document's only change: save it, as editing the file would.
      if (document.getText() === expected) await document.save();
    } catch {
      // Not saved: the document keeps the date, unsaved, as after any edit.
    }
  }
  return { written: true, uri: bar.uri };
}
