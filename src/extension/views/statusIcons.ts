/**
 * The Programs view's icon for each display status (src/core/model/status.ts decides the status; this
 * only says how it looks). Every status has its own codicon, so the icon's shape tells the
 * status apart as well as its colour; the colours are theme colours. No `vscode` import: the
 * table is unit-tested (test/unit/statusIcons.test.ts).
 */
import type { DisplayStatus } from '../../core/model/status';
import type { ChecklistState } from '../../core/parse/checklist';

export interface StatusIcon {
  /** A codicon id. */
  icon: string;
  /** A theme colour id, if any. */
  color?: string;
}

export const STATUS_ICONS: Readonly<Record<DisplayStatus, StatusIcon>> = {
  'done': { icon: 'check-all', color: 'testing.iconPassed' },
  'on-track': { icon: 'pass', color: 'testing.iconPassed' },
  'in-progress': { icon: 'play-circle', color: 'charts.blue' },
  'not-started': { icon: 'circle-outline' },
  'at-risk': { icon: 'warning', color: 'list.warningForeground' },
  'off-track': { icon: 'arrow-circle-down', color: 'list.warningForeground' },
  'overdue': { icon: 'watch', color: 'list.errorForeground' },
  'blocked': { icon: 'error', color: 'list.errorForeground' },
  'proposed': { icon: 'lightbulb' },
  'cancelled': { icon: 'circle-slash' },
  'no-status': { icon: 'dash' },
  'missing': { icon: 'question' },
};

/**
 * The Checklist view's icon for an item's state, beside its checkbox (an overdue item shows the
 * warning icon instead). Open and done items need none: the checkbox says it. A cancelled item
 * has no checkbox (it is not ticked from the view), so its icon is what tells it apart.
 */
export const CHECKLIST_STATE_ICONS: Readonly<Record<ChecklistState, StatusIcon | undefined>> = {
  'open': undefined,
  'in-progress': STATUS_ICONS['in-progress'],
  'done': undefined,
  'cancelled': STATUS_ICONS.cancelled,
};
