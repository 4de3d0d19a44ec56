/**
 * The Checklist view's filters: what is on is remembered per workspace (workspaceState); the
 * handle for "mine" is the `programBriefs.me` setting, read when the tree is built.
 */
import * as vscode from 'vscode';
import { HANDLE_PATTERN } from '../../core';
import type { ChecklistFilter } from '../../core/views/checklistTree';

export interface ChecklistFilterState {
  openOnly: boolean;
  mine: boolean;
  /** Undefined: no due filter. */
  dueWithinDays?: number;
}

const STATE_KEY = 'programBriefs.checklist.filters';
const MAX_DAYS = 3650;

export class ChecklistFilters {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  get state(): ChecklistFilterState {
    const stored = this.memento.get<Partial<ChecklistFilterState>>(STATE_KEY) ?? {};
    const days = stored.dueWithinDays;
    return {
      openOnly: stored.openOnly === true,
      mine: stored.mine === true,
      ...(typeof days === 'number' && Number.isInteger(days) && days >= 0 ? { dueWithinDays: days } : {}),
    };
  }

  async set(state: ChecklistFilterState): Promise<void> {
    await this.memento.update(STATE_KEY, state);
    this.changeEmitter.fire();
  }

  async update(change: Partial<ChecklistFilterState>): Promise<void> {
    const next = { ...this.state, ...change };
    if (next.dueWithinDays === undefined) delete next.dueWithinDays;
    await this.set(next);
  }

  /** The filter the core applies; "mine" is off while `programBriefs.me` is not set. */
  effective(): ChecklistFilter {
    const state = this.state;
    const me = myHandle();
    return {
      ...(state.openOnly ? { openOnly: true } : {}),
      ...(state.mine && me ? { mine: me } : {}),
      ...(state.dueWithinDays !== undefined ? { dueWithinDays: state.dueWithinDays } : {}),
    };
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

export function myHandle(): string | undefined {
  const me = vscode.workspace.getConfiguration('programBriefs').get<string>('me', '').trim();
  return me && HANDLE_PATTERN.test(me) ? me : undefined;
}

/** Toggles "open only". */
export async function toggleOpenOnly(filters: ChecklistFilters): Promise<void> {
  await filters.update({ openOnly: !filters.state.openOnly });
}

/** Toggles "mine"; turning it on without `programBriefs.me` asks for the handle and saves it (user settings). */
export async function toggleMine(filters: ChecklistFilters): Promise<void> {
  if (filters.state.mine) return filters.update({ mine: false });
  if (!myHandle()) {
    const handle = await vscode.window.showInputBox({
      title: 'Show My Items',
      prompt: 'Your handle, as written in briefs (saved as the setting programBriefs.me)',
      placeHolder: '@maria',
      value: '@',
      validateInput: (value) => (HANDLE_PATTERN.test(value.trim()) ? undefined : 'A handle: @ followed by letters, digits, . _ - (for example @maria)'),
    });
    if (handle === undefined) return;
    await vscode.workspace.getConfiguration('programBriefs').update('me', handle.trim(), vscode.ConfigurationTarget.Global);
  }
  await filters.update({ mine: true });
}

/**
 * Sets "due within N days". `days` comes from tests and keybindings; from the view title it is
 * asked for (empty turns the filter off).
 */
export async function chooseDueWithin(filters: ChecklistFilters, days?: unknown): Promise<void> {
  if (typeof days === 'number' || days === null) {
    return filters.update({ dueWithinDays: days === null ? undefined : validDays(days) });
  }
  const current = filters.state.dueWithinDays;
  const answer = await vscode.window.showInputBox({
    title: 'Show Items Due Within…',
    prompt: 'Number of days from today (overdue items included); leave empty to show items whatever their due date',
    value: current === undefined ? '7' : String(current),
    validateInput: (value) => (value.trim() === '' || (/^\d+$/.test(value.trim()) && Number(value) <= MAX_DAYS) ? undefined : `A whole number of days, 0 to ${MAX_DAYS}`),
  });
  if (answer === undefined) return;
  await filters.update({ dueWithinDays: answer.trim() === '' ? undefined : Number(answer.trim()) });
}

function validDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) throw new Error(`Due within: expected a whole number of days, 0 to ${MAX_DAYS}; got ${days}`);
  return days;
}
