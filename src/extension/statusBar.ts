/**
 * The status bar item "$(checklist) 8 programs · 1 error · 1 overdue": what the workspace holds
 * at a glance; a click opens the Programs view. Programs and overdue milestones come from the
 * language server (`programBriefs/status`: src/core/model/status.ts with the effective today, never
 * its own logic), errors from the published diagnostics.
 * Hidden until the first indexing is done, and whenever the workspace has no briefs.
 * It updates as the trees refresh (soon after a change, once the typing pauses while a brief is
 * typed in: views/typingPause.ts); it asks the server only after a change of its model (the
 * programs and overdue counts are the server's), and recounts the errors alone, without asking,
 * when only diagnostics changed.
 *
 * Wording (docs/extension.md): the programs count is always shown ("1 program", "0 programs"),
 * errors and overdue milestones only when there are some, so a healthy workspace reads
 * "8 programs"; the tooltip and the accessibility label spell every count out, zeros as "no".
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../language/diagnostics';
import { STATUS, type StatusResult } from '../server/protocol';
import type { ServerModel } from './serverModel';
import { refreshAfterTypingPause } from './views/typingPause';

export interface StatusCounts {
  /** Files of the index that are briefs. */
  briefs: number;
  /** Briefs with a program id. */
  programs: number;
  /** Error-severity diagnostics of Program Briefs, in every file (briefs.config.json included). */
  errors: number;
  /** Milestones overdue on the effective today (`today` of the configuration, else UTC today). */
  overdue: number;
}

/** The view the item opens: VS Code's own focus command of the Programs view. */
export const PROGRAMS_FOCUS_COMMAND = 'programBriefs.programs.focus';
export const STATUS_BAR_ID = 'programBriefs.status';

function count(n: number, noun: string, none = `no ${noun}s`): string {
  if (n === 0) return none;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The item's text: "$(checklist) 8 programs · 1 error · 1 overdue" (zero errors and overdue left out). */
export function statusBarText(counts: StatusCounts): string {
  const parts = [count(counts.programs, 'program', '0 programs')];
  if (counts.errors > 0) parts.push(count(counts.errors, 'error'));
  if (counts.overdue > 0) parts.push(`${counts.overdue} overdue`);
  return `$(checklist) ${parts.join(' · ')}`;
}

/** Every count in words, zeros included: "8 programs, 1 error, no overdue milestones". */
export function statusBarSummary(counts: StatusCounts): string {
  return [count(counts.programs, 'program', '0 programs'), count(counts.errors, 'error'), count(counts.overdue, 'overdue milestone')].join(', ');
}

/** The counts of the server's model as it is now, with the errors published. */
export function statusCounts(status: StatusResult): StatusCounts {
  const { briefs, programs, overdue } = status;
  return { briefs, programs, errors: publishedErrors(), overdue };
}

/** Error-severity diagnostics of Program Briefs published now, in every file. */
function publishedErrors(): number {
  let errors = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
    }
  }
  return errors;
}

/** What the extension's API exposes (the real-editor tests read it). */
export interface StatusBarApi {
  item: vscode.StatusBarItem;
  /** Whether the item is shown (a StatusBarItem cannot be asked). */
  readonly shown: boolean;
  /** The counts behind the item's current text. */
  readonly counts: StatusCounts | undefined;
  /** Updates the item now (skipping the debounce); resolves once it shows the server's answer. */
  update(): Promise<void>;
}

export function registerStatusBar(context: vscode.ExtensionContext, model: ServerModel): StatusBarApi {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 10);
  item.name = 'Program Briefs';
  item.command = { command: PROGRAMS_FOCUS_COMMAND, title: 'Open the Programs View' };
  let ready = false;
  let shown = false;
  let counts: StatusCounts | undefined;

  /** The server's last answer: shown again with the errors recounted when only diagnostics changed. */
  let lastStatus: StatusResult | undefined;
  /** Whether the model changed since the server was last asked. */
  let modelChanged = true;
  const show = (status: StatusResult | undefined) => {
    counts = ready && status ? statusCounts(status) : undefined;
    if (!counts || counts.briefs === 0) {
      item.hide();
      shown = false;
      return;
    }
    const summary = statusBarSummary(counts);
    const text = statusBarText(counts);
    // Only what changed is set (each set is a message to the window).
    if (item.text !== text) item.text = text;
    // Plain strings: only counts, never workspace text; no Markdown to render.
    const tooltip = `Program Briefs: ${summary}. Click to open the Programs view.`;
    if (item.tooltip !== tooltip) item.tooltip = tooltip;
    if (item.accessibilityInformation?.label !== `Program Briefs: ${summary}. Open the Programs view`) item.accessibilityInformation = { label: `Program Briefs: ${summary}. Open the Programs view` };
    if (!shown) item.show();
    shown = true;
  };
  /** Asks the server (a newer update cancels an older one still waiting); resolves once shown. */
  const update = async () => {
    if (!ready) return show(undefined);
    modelChanged = false;
    const status = await model.request<StatusResult>(STATUS, {}, 'statusBar').catch(() => undefined);
    if (status) show((lastStatus = status));
    else modelChanged = true; // replaced by a newer update, or failed: ask again next time
  };
  /** After a change: the server is asked only if its model changed; else the errors are recounted. */
  let asking = false;
  const updates = refreshAfterTypingPause(() => {
    if (modelChanged) void ask();
    else if (lastStatus) show(lastStatus);
    else if (!asking) void ask(); // no answer yet, and none on its way
  });
  const ask = async () => {
    asking = true;
    try {
      await update();
    } finally {
      asking = false;
    }
  };
  const indexed = () => {
    ready = true;
    void ask();
  };
  void model.indexed.then(indexed, indexed);

  // Overdue depends on the date: count again just after each UTC midnight.
  let midnight: ReturnType<typeof setTimeout> | undefined;
  const scheduleMidnight = () => {
    const now = new Date();
    const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 0, 1);
    midnight = setTimeout(() => {
      void update();
      scheduleMidnight();
    }, next - now.getTime());
  };
  scheduleMidnight();

  context.subscriptions.push(
    item,
    updates,
    { dispose: () => clearTimeout(midnight) },
    model.onDidChange((change) => {
      modelChanged = true;
      updates.schedule(change);
    }),
    vscode.languages.onDidChangeDiagnostics(() => updates.schedule()),
  );
  return {
    item,
    get shown() { return shown; },
    get counts() { return counts; },
    update,
  };
}
