/**
 * Ticking from the Checklist tree while the document is being edited (issue 9, finding 5).
 *
 * The handler the tree's checkbox event calls (`views.checklist.toggle`) is raced, many times
 * (seeded), against edits: lines deleted or inserted above or below the item, typing in the
 * item's line or in another line. The edit lands before the tick is asked for (a stale tree
 * node), or at a random point while the tick is being planned, applied and saved, or the very
 * instant the tick's change is reported; the document is clean or has unsaved changes, and is
 * in a visible editor (the tick goes through it) or not (the tick is a WorkspaceEdit). After
 * each round:
 *
 * - every change the document went through is the racing edit, the tick, or the tick taken
 *   back; the tick is one character, ` ` → `x`, at the checkbox of the right item (the one the
 *   tree showed, by heading path, followed through the racing edit), so no other line changed;
 *   the text is exactly the racing edit plus, if it was written, the tick;
 * - the file on disk changed only if the document was clean and the tick was its only change
 *   (or the handler reported the one case VS Code's API cannot prevent, see docs/extension.md);
 * - undo takes every change back, one undo per change, so the tick is one undoable edit.
 *
 * Replay: TICK_RACE_SEED, TICK_RACE_ROUNDS; TICK_RACE_TIMING (before | during | onTickChange),
 * TICK_RACE_YIELDS and TICK_RACE_HIDDEN=1 force one case. No sleeps: the races yield to the
 * event loop (setImmediate) and waits poll for conditions.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChecklistEntry, ChecklistNode } from '../../../src/core/views/checklistTree';
import type { TreeViewsApi } from '../../../src/extension/views';
import { closeAllEditors, extensionApi, fileUri, Snapshot, waitFor, waitForIndex } from './helpers';
import { prng as random } from '../../support/prng';

const FILE = 'race-tick.md';
const BASE = [
  '---',
  'program: race-tick',
  'title: Race tick',
  'owner: "@vera"',
  'status: not-started',
  '---',
  '# Race tick',
  '',
  'Keep the runbook current, says the prose.',
  'Keep calm.',
  '',
  '## Alpha',
  '',
  '- [ ] Keep the runbook current',
  '- [ ] Alpha only',
  '',
  '## Beta',
  '',
  'Keep this prose line intact.',
  '- [ ] Keep the runbook current',
  '- [ ] Beta only',
  '',
  '### Beta details',
  '',
  '- [ ] Keep the runbook current',
  '',
  '## Gamma',
  '',
  '- [ ] Twin',
  '- [ ] Twin',
  '',
].join('\n');
const FRONTMATTER_LINES = 6;

/** The items a round may tick: heading label in the tree, item label, which one of that label. */
const TARGETS: { heading: string; label: string; nth: number; path: string[] }[] = [
  { heading: 'Alpha', label: 'Keep the runbook current', nth: 0, path: ['Race tick', 'Alpha'] },
  { heading: 'Beta', label: 'Keep the runbook current', nth: 0, path: ['Race tick', 'Beta'] },
  { heading: 'Beta details', label: 'Keep the runbook current', nth: 0, path: ['Race tick', 'Beta', 'Beta details'] },
  { heading: 'Gamma', label: 'Twin', nth: 0, path: ['Race tick', 'Gamma'] },
  { heading: 'Gamma', label: 'Twin', nth: 1, path: ['Race tick', 'Gamma'] },
];
const INSERTED = ['Keep going.', '- [ ] Keep the runbook current', '## Beta', '- [ ] Twin', '', 'Keep'];

type EditKind = 'deleteAbove' | 'insertAbove' | 'deleteBelow' | 'insertBelow' | 'typeSameLine' | 'typeOtherLine';
const EDIT_KINDS: EditKind[] = ['deleteAbove', 'insertAbove', 'deleteBelow', 'insertBelow', 'typeSameLine', 'typeOtherLine'];
type Timing = 'before' | 'during' | 'onTickChange';

/** Heading path of each line (ATX headings only; the fixture and the edits have nothing else). */
function headingPathOf(lines: readonly string[], line: number): string[] {
  const stack: { depth: number; text: string }[] = [];
  for (let i = FRONTMATTER_LINES; i < line; i++) {
    const match = /^(#{1,6}) (.*)$/.exec(lines[i]);
    if (!match) continue;
    while (stack.length > 0 && stack[stack.length - 1].depth >= match[1].length) stack.pop();
    stack.push({ depth: match[1].length, text: match[2].trim() });
  }
  return stack.map((h) => h.text);
}

/** Applies VS Code's reported changes of one event to the text before it. */
function applyChanges(text: string, changes: readonly vscode.TextDocumentContentChangeEvent[]): string {
  let result = text;
  for (const change of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
    result = result.slice(0, change.rangeOffset) + change.text + result.slice(change.rangeOffset + change.rangeLength);
  }
  return result;
}

interface PlannedEdit {
  edit: vscode.WorkspaceEdit;
  /** Where the target item's line is after this edit. */
  targetAfter: number;
  describe: string;
}

/** Builds one edit of `kind` against the document as it is now, around the target's line `target`. */
function buildEdit(document: vscode.TextDocument, kind: EditKind, target: number, next: () => number): PlannedEdit | undefined {
  const count = document.lineCount;
  const pick = (from: number, to: number) => (to <= from ? undefined : from + Math.floor(next() * (to - from)));
  const edit = new vscode.WorkspaceEdit();
  const uri = document.uri;
  switch (kind) {
    case 'deleteAbove':
    case 'deleteBelow': {
      const line = kind === 'deleteAbove' ? pick(FRONTMATTER_LINES, target) : pick(target + 1, count - 1);
      if (line === undefined) return undefined;
      edit.delete(uri, new vscode.Range(line, 0, line + 1, 0));
      return { edit, targetAfter: kind === 'deleteAbove' ? target - 1 : target, describe: `${kind} line ${line}` };
    }
    case 'insertAbove':
    case 'insertBelow': {
      const line = kind === 'insertAbove' ? pick(FRONTMATTER_LINES, target + 1) : pick(target + 1, count);
      if (line === undefined) return undefined;
      const text = INSERTED[Math.floor(next() * INSERTED.length)];
      edit.insert(uri, new vscode.Position(line, 0), `${text}\n`);
      return { edit, targetAfter: kind === 'insertAbove' ? target + 1 : target, describe: `${kind} ${JSON.stringify(text)} at line ${line}` };
    }
    case 'typeSameLine':
    case 'typeOtherLine': {
      let line = target;
      if (kind === 'typeOtherLine') {
        line = pick(FRONTMATTER_LINES, count - 1)!;
        if (line === target) line = target + 1;
      }
      const length = document.lineAt(line).text.length;
      const character = Math.floor(next() * (length + 1));
      edit.insert(uri, new vscode.Position(line, character), 'p');
      return { edit, targetAfter: target, describe: `${kind} at ${line}:${character}` };
    }
  }
}

/**
 * The race, as a suite: run by the trusted suite (tickRace.test.ts, 200 rounds) and in Restricted
 * Mode (test/vscode/restricted/, fewer rounds: the same code paths, less time).
 */
export function tickRaceSuite(mode: 'trusted' | 'restricted', defaultRounds: number): void {
  suite(`Ticking from the tree races edits (${mode})`, () => {
    let views: TreeViewsApi;
    const snapshot = new Snapshot();
    let autoSave: unknown;

    suiteSetup(async () => {
      const api = await extensionApi();
      assert.ok(api.views, 'the tree views are registered');
      views = api.views as TreeViewsApi;
      await snapshot.keep(FILE);
      // code-server saves dirty files a second after an edit by default (files.autoSave is
      // afterDelay there): off for this suite, so that every save seen on disk is the handler's.
      autoSave = vscode.workspace.getConfiguration('files').inspect('autoSave')?.globalValue;
      await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    });

    suiteTeardown(async () => {
      // Reset (and saved) before auto-save is back: an auto-save racing the reset's own save makes
      // that save return false (the document is no longer dirty when it runs).
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fileUri(FILE).toString());
      if (document?.isDirty) await reset(document, false);
      await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
      await closeAllEditors();
      await snapshot.restore();
    });

    async function diskText(): Promise<string> {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(FILE)));
    }

    /** Puts the document (and the disk) back to `text`, clean or with one unsaved edit at the end. */
    async function reset(document: vscode.TextDocument, dirty: boolean): Promise<void> {
      if (document.getText() !== BASE) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), BASE);
        assert.ok(await vscode.workspace.applyEdit(edit), 'reset applied');
      }
      if (document.isDirty) assert.ok(await document.save(), 'reset saved');
      await waitFor(async () => (await diskText()) === BASE && !document.isDirty, 'the reset file on disk', 30_000);
      if (dirty) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(document.lineCount - 1, 0), 'Unsaved notes.\n');
        assert.ok(await vscode.workspace.applyEdit(edit), 'unsaved edit applied');
      }
      await waitForIndex(document.uri, document.getText());
    }

    /** The tree node the user sees for a target, once the tree shows the document's current text. */
    async function nodeFor(target: (typeof TARGETS)[number]): Promise<ChecklistEntry> {
      const provider = views.checklist.provider;
      const children = async (node?: ChecklistNode) => (await provider.getChildren(node)) ?? [];
      const program = (await children()).find((n) => n.kind === 'program' && n.uri.endsWith(`/${FILE}`));
      assert.ok(program, 'the race-tick program in the Checklist view');
      const heading = (await children(program)).find((n) => n.kind === 'heading' && n.label === target.heading);
      assert.ok(heading, `heading ${target.heading}`);
      const items = (await children(heading)).filter((n): n is ChecklistEntry => n.kind === 'item' && n.label === target.label);
      assert.ok(items[target.nth], `item ${target.label} #${target.nth} under ${target.heading}`);
      return items[target.nth];
    }

    test(`${Number(process.env.TICK_RACE_ROUNDS ?? defaultRounds)} seeded rounds: the tick lands on the right item or nothing is written; no other line changes; saves only our change; undo restores`, async function () {
      this.timeout(600_000);
      const seed = Number(process.env.TICK_RACE_SEED ?? 20261201);
      const rounds = Number(process.env.TICK_RACE_ROUNDS ?? defaultRounds);
      const next = random(seed);
      const uri = fileUri(FILE);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(BASE));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const tally = { written: 0, stale: 0, unchanged: 0, editRefused: 0, saved: 0, savedWithOther: 0, takenBack: 0, hidden: 0 };
      const other = await vscode.workspace.openTextDocument(fileUri('README.md'));

      for (let round = 0; round < rounds; round++) {
        const dirty = next() < 0.3;
        const target = TARGETS[Math.floor(next() * TARGETS.length)];
        const kind = EDIT_KINDS[Math.floor(next() * EDIT_KINDS.length)];
        const drawn: Timing = (['before', 'during', 'onTickChange'] as const)[Math.floor(next() * 3)];
        const timing = (process.env.TICK_RACE_TIMING as Timing | undefined) ?? drawn;
        const yields = process.env.TICK_RACE_YIELDS ? Number(process.env.TICK_RACE_YIELDS) : Math.floor(next() * 12);
        // Half the rounds with the document in a visible editor, half with another file in front.
        const hidden = next() < 0.5 || process.env.TICK_RACE_HIDDEN === '1';
        await reset(document, dirty);
        if (hidden) {
          await vscode.window.showTextDocument(other);
          tally.hidden++;
        } else {
          await vscode.window.showTextDocument(document);
        }
        assert.equal(vscode.window.visibleTextEditors.some((e) => e.document === document), !hidden, 'the editor is shown or hidden');
        const node = await nodeFor(target);
        const where = `round ${round} (seed ${seed}): ${timing}/${yields} ${kind} ${target.heading}/${target.label}#${target.nth}${dirty ? ' dirty' : ''}${hidden ? ' hidden' : ''}`;

        const start = document.getText();
        const startDisk = await diskText();
        const targetLine = node.item.line;
        assert.equal(start.split('\n')[targetLine], `- [ ] ${target.label}`, `${where}: the node is the shown item`);
        const events: { before: string; changes: readonly vscode.TextDocumentContentChangeEvent[]; after: string }[] = [];
        let known = start;
        let planned: PlannedEdit | undefined;
        let editApplied: Promise<boolean> = Promise.resolve(false);
        let onTick: (() => void) | undefined;
        const listener = vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document !== document || event.contentChanges.length === 0) return;
          const after = applyChanges(known, event.contentChanges);
          assert.equal(after, event.document.getText(), `${where}: the reported changes add up`);
          events.push({ before: known, changes: event.contentChanges, after });
          known = after;
          onTick?.();
        });
        /** Builds the racing edit against the document as it is now and sends it at once. */
        let sent = false;
        const send = () => {
          // Built against the document as it is now; the tick never moves lines, so the target is
          // still on `targetLine` (the edit is sent once, before or after the tick).
          sent = true;
          planned = buildEdit(document, kind, targetLine, next);
          if (planned) editApplied = Promise.resolve(vscode.workspace.applyEdit(planned.edit)).then((ok) => ok, () => false);
        };
        let outcome: Awaited<ReturnType<TreeViewsApi['checklist']['toggle']>>;
        try {
          if (timing === 'before') {
            send();
            await editApplied;
            outcome = await views.checklist.toggle([[node, vscode.TreeItemCheckboxState.Checked]]);
          } else if (timing === 'during') {
            const toggled = views.checklist.toggle([[node, vscode.TreeItemCheckboxState.Checked]]);
            for (let i = 0; i < yields; i++) await new Promise((resolve) => setImmediate(resolve));
            send();
            outcome = await toggled;
          } else {
            onTick = () => {
              onTick = undefined;
              send();
            };
            outcome = await views.checklist.toggle([[node, vscode.TreeItemCheckboxState.Checked]]);
            if (!sent) send(); // nothing was written: the edit still races the refresh
            onTick = undefined;
          }
          const applied = await editApplied;
          // Every change has been reported once the document's text is the last one recorded.
          await waitFor(() => document.getText() === known, `${where}: all changes reported`);

          // 1. Each change is the racing edit, the tick, or the tick taken back; nothing else.
          const oneChar = (e: (typeof events)[number], text: string) => e.changes.length === 1 && e.changes[0].rangeLength === 1 && e.changes[0].text === text;
          const isTick = (e: (typeof events)[number]) => oneChar(e, 'x') && e.before.charAt(e.changes[0].rangeOffset) === ' ';
          const isTakeBack = (e: (typeof events)[number]) => oneChar(e, ' ') && e.before.charAt(e.changes[0].rangeOffset) === 'x';
          const ticks = events.filter(isTick);
          const takeBacks = events.filter(isTakeBack);
          const others = events.filter((e) => !isTick(e) && !isTakeBack(e));
          const reasons = JSON.stringify(outcome.stale.map((s) => s.reason));
          assert.equal(others.length, applied ? 1 : 0, `${where}: besides the tick, only the racing edit, once if it was applied (${JSON.stringify(others.map((e) => e.changes))})`);
          assert.ok(ticks.length <= 1 && takeBacks.length <= ticks.length, `${where}: at most one tick, taken back at most once`);
          const racing = others[0];
          if (takeBacks.length === 1) {
            // Only a WorkspaceEdit can land on a text it was not planned for (VS Code's version check
            // and the edit are not one step): it must be taken back at once and reported.
            assert.ok(events.indexOf(takeBacks[0]) > events.indexOf(ticks[0]), `${where}: the take-back follows the tick`);
            assert.match(reasons, /taken back/, `${where}: the take-back is reported`);
            assert.ok(hidden, `${where}: with the editor visible, the tick is applied in one step with its version check`);
            tally.takenBack++;
          }
          const written = ticks.length - takeBacks.length;
          assert.equal(written, outcome.written.length, `${where}: the tick is reported as written iff it was (${reasons})`);
          // The tick and its take-back replace one character, so the racing edit's offsets hold on `start`.
          const finalLine = applied ? planned!.targetAfter : targetLine;
          if (written === 1) {
            const tick = ticks[0];
            const change = tick.changes[0];
            const lines = tick.before.split('\n');
            // The right item: the one the tree showed, followed through the racing edit if that came first.
            const rightLine = racing && events.indexOf(racing) < events.indexOf(tick) ? finalLine : targetLine;
            assert.equal(change.range.start.line, rightLine, `${where}: the tick is on the right item's line (${planned?.describe}); it wrote ${JSON.stringify(tick.after.split('\n')[change.range.start.line])}`);
            assert.equal(lines[rightLine].slice(0, 6), '- [ ] ', `${where}: at a checkbox`);
            assert.equal(change.range.start.character, 3, `${where}: exactly the checkbox`);
            assert.deepEqual(headingPathOf(lines, rightLine), target.path, `${where}: under the right headings`);
            const startLines = start.split('\n');
            startLines[targetLine] = `- [x] ${target.label}`;
            assert.equal(document.getText(), applyChanges(startLines.join('\n'), racing?.changes ?? []), `${where}: the tick and the racing edit, nothing else`);
          } else {
            assert.equal(document.getText(), applyChanges(start, racing?.changes ?? []), `${where}: nothing written (${reasons}): only the racing edit`);
          }
          tally.written += outcome.written.length;
          tally.stale += outcome.stale.length;
          tally.unchanged += outcome.unchanged.length;
          if (planned && !applied) tally.editRefused++;

          // 2. The disk changed only by a save of our change alone, on a document that was clean.
          const disk = await diskText();
          if (disk !== startDisk) {
            assert.ok(!dirty, `${where}: a document with unsaved changes is never saved by a tick (saved ${JSON.stringify(outcome.saved)}, disk ${JSON.stringify(disk)}, start ${JSON.stringify(start)} events ${JSON.stringify(events.map((e) => e.changes))})`);
            assert.equal(written, 1, `${where}: saved only after a tick`);
            assert.equal(ticks[0].before, start, `${where}: the tick was the first change`);
            if ((outcome.savedWithOtherEdits ?? []).length > 0) {
              // VS Code has no conditional save: an edit already on its way to the editor when the
              // handler checked (here: sent the instant the tick's change was reported) is saved
              // with it. Then the handler must say so, and nothing is lost: the disk holds exactly
              // the editor's text, the tick and that edit.
              assert.equal(timing, 'onTickChange', `${where}: only an edit sent the instant the tick lands can slip into its save`);
              assert.equal(disk, document.getText(), `${where}: what was saved is what the editor holds`);
              tally.savedWithOther++;
            } else {
              assert.equal(disk, ticks[0].after, `${where}: the disk holds the tick and nothing else`);
              tally.saved++;
            }
          } else {
            assert.deepEqual(outcome.savedWithOtherEdits ?? [], [], `${where}: not saved, not reported as saved`);
            assert.ok(dirty || written === 0 || events.length > 1, `${where}: a clean document whose only change is the tick is saved`);
          }
        } finally {
          listener.dispose();
        }

        // 3. Undo takes every change back, one undo per change: the tick is one undoable edit.
        if (events.length > 0) {
          await vscode.window.showTextDocument(document, { preserveFocus: false });
          await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
          for (let i = events.length - 1; i >= 0; i--) {
            await vscode.commands.executeCommand('undo');
            await waitFor(() => document.getText() === events[i].before, `${where}: undo ${events.length - i} restores the text before change ${i}`);
          }
          assert.equal(document.getText(), start, `${where}: undo restores the text`);
        }
      }
      // The numbers show in the test's title in the report.
      this.test!.title += ` [seed ${seed}, ${rounds} rounds: ${JSON.stringify(tally)}]`;
      // With the default mix (no TICK_RACE_TIMING/YIELDS/HIDDEN), both outcomes must occur.
      if (!process.env.TICK_RACE_TIMING && !process.env.TICK_RACE_YIELDS && !process.env.TICK_RACE_HIDDEN) {
        assert.ok(tally.written > rounds / 4, `the race must not pass by refusing everything: ${JSON.stringify(tally)}`);
        assert.ok(tally.stale > 0, `some rounds must be refused: ${JSON.stringify(tally)}`);
      }
    });
  });
}
