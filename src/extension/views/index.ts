/**
 * The Program Briefs view container: the Programs and Checklist trees, their title-bar commands,
 * and live refresh from the language server's model (its `programBriefs/didChangeModel`). Everything registered here goes into
 * `context.subscriptions`.
 */
import * as vscode from 'vscode';
import type { ChecklistNode } from '../../core/views/checklistTree';
import { PROGRAMS_GROUPINGS, type ProgramsGrouping } from '../../core/views/programsTree';
import { BRIEFS, type BriefsResult, type ProgramsWireNode } from '../../server/protocol';
import type { ServerModel } from '../serverModel';
import { toggleChecklistItems, type ToggleOutcome } from './checkboxToggle';
import { chooseDueWithin, ChecklistFilters, toggleMine, toggleOpenOnly } from './checklistFilters';
import { ChecklistTreeProvider } from './checklistProvider';
import { ProgramsTreeProvider } from './programsProvider';
import { refreshAfterTypingPause } from './typingPause';
import { utcDate } from './openLine';

export { ChecklistTreeProvider } from './checklistProvider';
export { ProgramsTreeProvider } from './programsProvider';
export type { ChecklistFilterState } from './checklistFilters';
export type { ToggleOutcome } from './checkboxToggle';

/** What the views expose to the extension's API (the real-editor tests use it). */
export interface TreeViewsApi {
  checklist: {
    provider: ChecklistTreeProvider;
    view: vscode.TreeView<ChecklistNode>;
    filters: ChecklistFilters;
    /** The handler `onDidChangeCheckboxState` calls. */
    toggle(changes: ReadonlyArray<readonly [ChecklistNode, vscode.TreeItemCheckboxState]>): Promise<ToggleOutcome>;
  };
  programs: {
    provider: ProgramsTreeProvider;
    view: vscode.TreeView<ProgramsWireNode>;
  };
  /** Refreshes both trees now (skipping the debounce). */
  refresh(): void;
}

export function registerTreeViews(context: vscode.ExtensionContext, model: ServerModel): TreeViewsApi {
  const subscriptions = context.subscriptions;
  const filters = new ChecklistFilters(context.workspaceState);
  const checklistProvider = new ChecklistTreeProvider(model, filters);
  const programsProvider = new ProgramsTreeProvider(model, context.workspaceState);

  const checklistView = vscode.window.createTreeView('programBriefs.checklist', {
    treeDataProvider: checklistProvider,
    showCollapseAll: true,
    // A ticked item must not tick its heading or program: only items have checkboxes.
    manageCheckboxStateManually: true,
  });
  checklistProvider.view = checklistView;
  const programsView = vscode.window.createTreeView('programBriefs.programs', { treeDataProvider: programsProvider, showCollapseAll: true });
  programsProvider.view = programsView;

  // Both trees at once: soon after a change, once the typing pauses while a brief is typed in (./typingPause.ts).
  const refreshes = refreshAfterTypingPause(() => {
    checklistProvider.refresh();
    programsProvider.refresh();
  });
  const refreshNow = () => refreshes.now();
  // Until the first indexing is done, an empty tree means "not yet", not "nothing there".
  const indexed = () => {
    checklistProvider.indexed = programsProvider.indexed = true;
    refreshNow();
  };
  void model.indexed.then(indexed, indexed);
  /** The server's today now (it follows the config's `today` and the date). */
  const serverToday = async () => (await model.request<BriefsResult>(BRIEFS).catch(() => undefined))?.today;

  const toggle = async (changes: ReadonlyArray<readonly [ChecklistNode, vscode.TreeItemCheckboxState]>) => {
    // The done date is the day the views and rules call today (the config's `today`, else the UTC date).
    const addDoneDate = vscode.workspace.getConfiguration('programBriefs').get<boolean>('checklist.addDoneDate', false) === true;
    const doneDate = addDoneDate ? (await serverToday()) ?? checklistProvider.today ?? new Date().toISOString().slice(0, 10) : undefined;
    return toggleChecklistItems(changes, () => checklistProvider.refresh(), doneDate === undefined ? {} : { doneDate });
  };

  subscriptions.push(
    filters,
    checklistView,
    programsView,
    refreshes,
    model.onDidChange((change) => refreshes.schedule(change)),
    filters.onDidChange(() => checklistProvider.refresh()),
    checklistView.onDidChangeCheckboxState((event) => void toggle(event.items)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('programBriefs.me')) checklistProvider.refresh();
    }),
    // Overdue depends on the date: a view shown again on another UTC day than its last answer is
    // rebuilt (asking nothing otherwise: at 10,000 briefs even the server's today cost a request
    // of every brief; a change of the config's `today` re-reads the workspace, which refreshes).
    ...[checklistView, programsView].map((view) => view.onDidChangeVisibility(({ visible }) => {
      if (!visible) return;
      const answeredOn = view === checklistView ? checklistProvider.answeredOn : programsProvider.answeredOn;
      if (answeredOn !== undefined && answeredOn !== utcDate()) refreshNow();
    })),
    vscode.commands.registerCommand('programBriefs.checklist.filterOpen', () => toggleOpenOnly(filters)),
    vscode.commands.registerCommand('programBriefs.checklist.filterMine', () => toggleMine(filters)),
    vscode.commands.registerCommand('programBriefs.checklist.filterDue', (days?: unknown) => chooseDueWithin(filters, days)),
    vscode.commands.registerCommand('programBriefs.checklist.clearFilters', () => filters.set({ openOnly: false, mine: false })),
    vscode.commands.registerCommand('programBriefs.programs.sortBy', (grouping?: unknown) => chooseGrouping(programsProvider, grouping)),
  );
  return {
    checklist: { provider: checklistProvider, view: checklistView, filters, toggle },
    programs: { provider: programsProvider, view: programsView },
    refresh: refreshNow,
  };
}

/** Sorts or groups the Programs view; `grouping` comes from tests and keybindings, else a QuickPick asks. */
async function chooseGrouping(provider: ProgramsTreeProvider, grouping?: unknown): Promise<void> {
  // Anything but a known grouping (e.g. what a menu passes) asks.
  let chosen: ProgramsGrouping | undefined = PROGRAMS_GROUPINGS.find((g) => g.grouping === grouping)?.grouping;
  if (!chosen) {
    const current = provider.grouping;
    const picked = await vscode.window.showQuickPick(
      PROGRAMS_GROUPINGS.map((g) => ({ label: g.label, detail: g.detail, description: g.grouping === current ? 'current' : undefined, grouping: g.grouping })),
      { title: 'Sort or Group Programs', placeHolder: 'Show programs by…' },
    );
    chosen = picked?.grouping;
  }
  if (chosen) await provider.setGrouping(chosen);
}
