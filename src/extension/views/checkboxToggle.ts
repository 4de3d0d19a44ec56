/**
 * Ticking checklist items from the tree. The handler of `onDidChangeCheckboxState`: for each
 * toggled item it finds the item again in the document's CURRENT text (open and unsaved text
 * included) by who it is (heading path, text, occurrence; `planChecklistToggle` in the core),
 * never by the line number the tree remembered, and writes `x` or a space at exactly its
 * checkbox (and, with `programBriefs.checklist.addDoneDate`, adds or removes its `✅ DATE`; the
 * rest of the line is kept as it is), as one edit per document: one ordinary, undoable edit.
 *
 * Races. From reading the text to sending the edit nothing is awaited, so the edit carries the
 * version that was read. Through the document's visible editor, the editor checks that version
 * and applies the edit in one step. A WorkspaceEdit (no visible editor) is checked against the
 * version too, but not in one step with applying it: another edit can land in between, and ours
 * then lands on a text it was not planned for. So, either way, the change VS Code reports for
 * the edit must be exactly the planned characters on the version read; if it is not, it is
 * taken back at once. A document that was clean is saved only if, right before saving, the tick
 * is its only change; VS Code has no save that depends on the version, so if another edit still
 * slips in between that check and the save, the user is told.
 */
import * as vscode from 'vscode';
import { offsetAfterChanges, planChecklistToggle, type CheckboxOptions, type ChecklistTogglePlan } from '../../core/fixes/checkboxEdit';
import type { ChecklistEntry, ChecklistNode } from '../../core/views/checklistTree';
import { parseBrief, withoutBom } from '../../core/parse/parseBrief';
import { toVsRange } from '../convert';
import { showWarning } from '../plainText';

export interface ToggleOutcome {
  /** Items whose checkbox was written. */
  written: ChecklistEntry[];
  /** Items already in the wanted state (nothing to write). */
  unchanged: ChecklistEntry[];
  /** Items whose line changed underneath: nothing written. */
  stale: { entry: ChecklistEntry; reason: string }[];
  /** Files saved after the tick (they were clean before it and the tick was their only change). */
  saved: string[];
  /** Files whose save took along an edit made in the same instant as the tick (the user is told). */
  savedWithOtherEdits: string[];
}

/** How long to wait for VS Code to report the change of an applied edit (it normally has already). */
const CHANGE_REPORT_TIMEOUT_MS = 5_000;

/** Round trips to the editor before saving (see the save below). */
const SAVE_FLUSH_ROUND_TRIPS = 3;

type Write = { entry: ChecklistEntry; plan: Extract<ChecklistTogglePlan, { kind: 'write' }> };

export async function toggleChecklistItems(
  changes: ReadonlyArray<readonly [ChecklistNode, vscode.TreeItemCheckboxState]>,
  refreshNow: () => void,
  options: CheckboxOptions = {},
): Promise<ToggleOutcome> {
  const outcome: ToggleOutcome = { written: [], unchanged: [], stale: [], saved: [], savedWithOtherEdits: [] };
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
    await toggleInDocument(document, toggles, outcome, options);
  }
  if (outcome.stale.length > 0 || outcome.unchanged.length > 0) refreshNow();
  if (outcome.stale.length > 0) void showWarning(staleMessage(outcome.stale));
  if (outcome.savedWithOtherEdits.length > 0) {
    void showWarning(`${outcome.savedWithOtherEdits.length === 1 ? 'A file was' : `${outcome.savedWithOtherEdits.length} files were`} saved after a tick together with an edit made at the same moment. Nothing was lost: the editor and the file hold the same text.`);
  }
  return outcome;
}

async function toggleInDocument(document: vscode.TextDocument, toggles: [ChecklistEntry, boolean][], outcome: ToggleOutcome, options: CheckboxOptions): Promise<void> {
  // ---- From here to sending the edit, nothing is awaited: the plan, the edit and its version agree. ----
  const version = document.version;
  const wasDirty = document.isDirty;
  const text = document.getText();
  // The document's current text, parsed here: the tick is planned on exactly the text it is written to.
  const current = parseBrief(document.uri.toString(), text);
  if (!current.isBrief || current.text !== withoutBom(text)) {
    for (const [entry] of toggles) outcome.stale.push({ entry, reason: 'the file cannot be read as a brief now' });
    return;
  }
  const writes: Write[] = [];
  const lines = new Set<number>();
  for (const [entry, checked] of toggles) {
    const plan = planChecklistToggle(current, { item: entry.item, key: entry.key, source: entry.source }, checked, options);
    if (plan.kind === 'write' && !lines.has(plan.range.start.line)) {
      lines.add(plan.range.start.line);
      writes.push({ entry, plan });
    } else if (plan.kind === 'stale') {
      outcome.stale.push({ entry, reason: plan.reason });
    } else {
      outcome.unchanged.push(entry);
    }
  }
  if (writes.length === 0) return;
  const replacements = writes.flatMap(({ plan }) => [
    { range: toVsRange(plan.range), text: plan.text },
    ...(plan.dateEdit ? [{ range: toVsRange(plan.dateEdit.range), text: plan.dateEdit.text }] : []),
  ]);
  const expected = replaced(document, text, replacements);
  const log = new ChangeLog(document, text);
  try {
    const landed = await applyChecked(document, log, version, replacements);
    if (landed === 'refused') {
      for (const { entry } of writes) outcome.stale.push({ entry, reason: 'the file changed while the tick was being written' });
      return;
    }
    if (landed.before !== text || landed.after !== expected) {
      // VS Code checks a WorkspaceEdit's version before applying it, but not in one step with
      // applying it: another edit can land in between, and ours then lands on a text it was not
      // planned for. Take it back at once.
      const reason = await takeBack(document, log, landed);
      for (const { entry } of writes) outcome.stale.push({ entry, reason });
      return;
    }
    for (const { entry } of writes) outcome.written.push(entry);
    // Save only what the user's action changed: a clean document whose one change is the tick.
    const onlyOurs = () => !wasDirty && !document.isClosed && log.events.length === 1 && document.version === landed.version && document.getText() === expected;
    if (!onlyOurs()) return;
    // An edit sent to the editor before this point may not have been applied and reported yet:
    // a few round trips through the editor first, so that its change is known before deciding.
    for (let i = 0; i < SAVE_FLUSH_ROUND_TRIPS; i++) {
      await Promise.resolve(vscode.workspace.applyEdit(new vscode.WorkspaceEdit())).then(undefined, () => false);
      if (!onlyOurs()) return;
    }
    let saved = false;
    try {
      saved = await document.save();
    } catch {
      // Not saved: the document keeps the tick, unsaved, as after any edit.
    }
    if (!saved) return;
    outcome.saved.push(document.uri.toString());
    // VS Code cannot make a save conditional: an edit landing between the check and the save is
    // saved too. It cannot be taken off the disk without losing it, so the user is told.
    const onDisk = await vscode.workspace.fs.readFile(document.uri).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    if (onDisk === undefined || withoutBom(onDisk) !== withoutBom(expected)) outcome.savedWithOtherEdits.push(document.uri.toString());
  } finally {
    log.dispose();
  }
}

interface Replacement {
  range: vscode.Range;
  text: string;
}

/** `text` (the document's text now) with the replacements made. */
function replaced(document: vscode.TextDocument, text: string, replacements: readonly Replacement[]): string {
  const offsets = replacements.map((r) => ({ offset: document.offsetAt(r.range.start), length: document.offsetAt(r.range.end) - document.offsetAt(r.range.start), text: r.text }));
  return replaceSpans(text, offsets);
}

/** A replacement of `length` characters at `offset` by `text`. */
interface Span {
  offset: number;
  length: number;
  text: string;
}

/** `text` with the characters of each (disjoint) span replaced. */
function replaceSpans(text: string, replacements: readonly Span[]): string {
  let result = text;
  for (const { offset, length, text: by } of [...replacements].sort((a, b) => b.offset - a.offset)) result = result.slice(0, offset) + by + result.slice(offset + length);
  return result;
}

/** One change of the document as VS Code reported it, with the text before and after it. */
interface Recorded {
  version: number;
  before: string;
  after: string;
  changes: readonly vscode.TextDocumentContentChangeEvent[];
}

/** Every change of one document from a known text on, in order. */
class ChangeLog implements vscode.Disposable {
  readonly events: Recorded[] = [];
  private last: string;
  private readonly listeners = new Set<() => void>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly document: vscode.TextDocument, text: string) {
    this.last = text;
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== this.document || event.contentChanges.length === 0) return;
      const after = event.document.getText();
      this.events.push({ version: event.document.version, before: this.last, after, changes: event.contentChanges });
      this.last = after;
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** The text after the last reported change. */
  get text(): string {
    return this.last;
  }

  /** The first change from index `from` on that `matches`, waiting for it (bounded) if not reported yet. */
  find(from: number, matches: (event: Recorded) => boolean): Promise<Recorded | undefined> {
    const look = () => this.events.slice(from).find(matches);
    const found = look();
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const done = () => {
        const event = look();
        if (!event) return;
        this.listeners.delete(done);
        clearTimeout(timer);
        resolve(event);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(done);
        resolve(undefined);
      }, CHANGE_REPORT_TIMEOUT_MS);
      this.listeners.add(done);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
  }
}

/**
 * Sends the replacements for the document at `version` and returns the change they made as VS
 * Code reported it, or 'refused'. Through the document's visible editor when it has one (the
 * editor checks the version and applies the edit in one step), else as a WorkspaceEdit.
 */
async function applyChecked(document: vscode.TextDocument, log: ChangeLog, version: number, replacements: readonly Replacement[]): Promise<Recorded | 'refused'> {
  if (document.isClosed || document.version !== version) return 'refused';
  const from = log.events.length;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  let applied: boolean;
  try {
    if (editor) {
      applied = await editor.edit((builder) => {
        for (const r of replacements) builder.replace(r.range, r.text);
      });
    } else {
      const edit = new vscode.WorkspaceEdit();
      for (const r of replacements) edit.replace(document.uri, r.range, r.text);
      applied = await vscode.workspace.applyEdit(edit);
    }
  } catch {
    applied = false;
  }
  if (!applied) return 'refused';
  return (await log.find(from, (event) => isChange(event, replacements))) ?? 'refused';
}

/** Whether a reported change is exactly the given replacements (each on one line). */
function isChange(event: Recorded, replacements: readonly Replacement[]): boolean {
  return event.changes.length === replacements.length && event.changes.every((change) =>
    change.range.isSingleLine && replacements.some((r) => r.range.isEqual(change.range) && r.text === change.text));
}

/**
 * Our edit landed on a text it was not planned for: put back the characters it replaced, as one
 * more undoable edit, unless someone has edited them since. The take-back is checked the same way.
 */
async function takeBack(document: vscode.TextDocument, log: ChangeLog, landed: Recorded): Promise<string> {
  const failed = 'the tick landed on a text it was not planned for and could not be taken back: check the file (Undo takes the tick back)';
  // Where each replaced character is now: moved by the changes reported after ours.
  const later = log.events.slice(log.events.indexOf(landed) + 1);
  // Where each replacement's text is now (its start moved by the later changes, none inside it).
  const restore: Span[] = [];
  const text = document.getText();
  if (text !== log.text) return failed;
  for (const change of landed.changes) {
    let offset: number | undefined = change.rangeOffset;
    for (const event of later) offset = offset === undefined ? undefined : offsetAfterChanges(offset, event.changes);
    if (offset === undefined || text.slice(offset, offset + change.text.length) !== change.text) return failed;
    restore.push({ offset, length: change.text.length, text: landed.before.slice(change.rangeOffset, change.rangeOffset + change.rangeLength) });
  }
  const version = document.version;
  const replacements = restore.map(({ offset, length, text: by }) => ({ range: new vscode.Range(document.positionAt(offset), document.positionAt(offset + length)), text: by }));
  const back = await applyChecked(document, log, version, replacements);
  if (back === 'refused' || back.before !== text || back.after !== replaceSpans(text, restore)) return failed;
  return 'the file changed while the tick was being written (the tick was taken back)';
}

function staleMessage(stale: ToggleOutcome['stale']): string {
  const [{ entry, reason }] = stale;
  const file = vscode.workspace.asRelativePath(vscode.Uri.parse(entry.uri));
  const more = stale.length > 1 ? ` (and ${stale.length - 1} more)` : '';
  return `Nothing was changed: “${entry.label}” in ${file} changed since the Checklist view showed it (${reason})${more}. The view is refreshed; tick it again there.`;
}
