/**
 * The one place that decides what a status means: whether a milestone (or program) is overdue,
 * a risk unmitigated, an item closed, two dates in a schedule conflict, a checklist item due;
 * and the status a view shows for a node. Lint rules (`milestone-overdue`, `risk-unmitigated`,
 * `schedule-conflict`, `status-inconsistent`), the Programs and Checklist trees, the diagram
 * and `brief checklist` all ask here, so a view never disagrees with lint.
 *
 * A value that failed the schema is reported by `schema` only (docs/format.md): nothing here
 * reasons about it (a milestone whose `status` was rejected is not overdue, whatever its date).
 */
import type { ChecklistItem } from '../parse/checklist';
import type { Brief, Decision, Milestone, Risk } from './model';
import { hasSchemaProblemUnder } from './schemaProblems';
import { dateOfDay, dayNumber, topologicalOrder, type ScheduleGraph, type ScheduleResult } from '../schedule';

/** What the decisions need of a milestone or a program: its status and date, and whether the schema rejected them. */
export interface StatusFacts {
  /** Whether this is a program (`target`) or a milestone (`due`). Default `milestone`. */
  kind?: 'program' | 'milestone';
  status?: string;
  /** A milestone's `due`, a program's `target`. */
  due?: string;
  /** The schema rejected the `status` (or something containing it); the model then may hold no status at all. */
  statusRejected?: boolean;
  /** The schema rejected the `due` / `target`. */
  dueRejected?: boolean;
}

/** The facts of a milestone of `brief`. */
export function milestoneFacts(brief: Brief, milestone: Milestone): StatusFacts {
  const path = ['milestones', milestone.index];
  return {
    kind: 'milestone',
    status: milestone.status?.value,
    due: milestone.due?.value,
    ...(hasSchemaProblemUnder(brief, [...path, 'status']) && { statusRejected: true }),
    ...(hasSchemaProblemUnder(brief, [...path, 'due']) && { dueRejected: true }),
  };
}

/** The facts of a brief's program (its `status` and `target`). */
export function programFacts(brief: Brief): StatusFacts {
  return {
    kind: 'program',
    status: brief.status?.value,
    due: brief.target?.value,
    ...(hasSchemaProblemUnder(brief, ['status']) && { statusRejected: true }),
    ...(hasSchemaProblemUnder(brief, ['target']) && { dueRejected: true }),
  };
}

/** `done` or `cancelled`: a milestone or program that needs nothing more. */
export function isClosedMilestoneStatus(status: string | undefined): boolean {
  return status === 'done' || status === 'cancelled';
}

/** Closed: status `done` or `cancelled` (and accepted by the schema). */
export function isClosed(facts: StatusFacts): boolean {
  return !facts.statusRejected && isClosedMilestoneStatus(facts.status);
}

/**
 * Overdue: the date (accepted by the schema) is before today and the status (accepted by the
 * schema, or absent) is not `done` or `cancelled`. Rule `milestone-overdue` reports exactly the
 * milestones for which this holds.
 */
export function isOverdue(facts: StatusFacts, today: string): boolean {
  if (facts.due === undefined || facts.dueRejected || facts.statusRejected) return false;
  return facts.due < today && !isClosedMilestoneStatus(facts.status);
}

export function isMilestoneOverdue(milestone: Milestone, brief: Brief, today: string): boolean {
  return isOverdue(milestoneFacts(brief, milestone), today);
}

/** At risk in the Programs view: status `at-risk` or `blocked`. */
export function isMilestoneAtRisk(milestone: Milestone, brief: Brief): boolean {
  const facts = milestoneFacts(brief, milestone);
  return !facts.statusRejected && (facts.status === 'at-risk' || facts.status === 'blocked');
}

/** Which of a risk's likelihood and impact are `high`. */
export function riskHighOn(risk: Risk): ('likelihood' | 'impact')[] {
  const high: ('likelihood' | 'impact')[] = [];
  if (risk.likelihood?.value === 'high') high.push('likelihood');
  if (risk.impact?.value === 'high') high.push('impact');
  return high;
}

/** A risk with status `closed`. */
export function isRiskClosed(risk: Risk): boolean {
  return risk.status?.value === 'closed';
}

/**
 * Unmitigated: high likelihood or impact, no `mitigation`, not `closed`; a `mitigation` or
 * `status` the schema rejected is left to `schema`. Rule `risk-unmitigated` reports exactly these.
 */
export function isRiskUnmitigated(risk: Risk, brief: Brief): boolean {
  if (riskHighOn(risk).length === 0 || risk.mitigation || isRiskClosed(risk)) return false;
  const path = ['risks', risk.index];
  return !hasSchemaProblemUnder(brief, [...path, 'mitigation']) && !hasSchemaProblemUnder(brief, [...path, 'status']);
}

/** An open decision: status `proposed`. */
export function isDecisionOpen(decision: Decision): boolean {
  return decision.status?.value === 'proposed';
}

/**
 * A schedule conflict on a `depends_on` edge: a milestone due before a milestone it depends on.
 * Rule `schedule-conflict` reports exactly these edges, and the diagram draws exactly these;
 * two programs' targets, or a program and a milestone, are never a conflict.
 */
export function isScheduleConflict(dependent: StatusFacts | undefined, dependency: StatusFacts | undefined): boolean {
  if (!dependent || !dependency || (dependent.kind ?? 'milestone') !== 'milestone' || (dependency.kind ?? 'milestone') !== 'milestone') return false;
  if (dependent.due === undefined || dependency.due === undefined || dependent.dueRejected || dependency.dueRejected) return false;
  return dependent.due < dependency.due;
}

/**
 * How a node is shown: each status as itself, except that a closed node is `done`/`cancelled`
 * whatever its date and an open one past its date is `overdue` (exactly when `isOverdue`).
 *
 * | display       | when                                                              |
 * |---------------|-------------------------------------------------------------------|
 * | `done`        | status `done`                                                     |
 * | `cancelled`   | status `cancelled`                                                |
 * | `overdue`     | otherwise, `isOverdue` (date before today)                        |
 * | the status    | `blocked`, `off-track`, `at-risk`, `on-track`, `in-progress`, `not-started`, `proposed` |
 * | `no-status`   | no status, or one the schema rejected                             |
 * | `missing`     | the node is referenced by a `depends_on` but no brief defines it  |
 */
export type DisplayStatus =
  | 'done' | 'cancelled' | 'overdue' | 'blocked' | 'off-track' | 'at-risk' | 'on-track' | 'in-progress' | 'not-started' | 'proposed'
  | 'no-status' | 'missing';

export const DISPLAY_STATUSES: readonly DisplayStatus[] = [
  'done', 'cancelled', 'overdue', 'blocked', 'off-track', 'at-risk', 'on-track', 'in-progress', 'not-started', 'proposed', 'no-status', 'missing',
];

/** The words a view shows for each display status. */
export const STATUS_LABELS: Readonly<Record<DisplayStatus, string>> = {
  'done': 'Done',
  'cancelled': 'Cancelled',
  'overdue': 'Overdue',
  'blocked': 'Blocked',
  'off-track': 'Off track',
  'at-risk': 'At risk',
  'on-track': 'On track',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  'proposed': 'Proposed',
  'no-status': 'No status',
  'missing': 'Not defined',
};

const SHOWN_AS_ITSELF = new Set<string>(['blocked', 'off-track', 'at-risk', 'on-track', 'in-progress', 'not-started', 'proposed']);

export function displayStatus(facts: StatusFacts | undefined, today: string): DisplayStatus {
  if (!facts) return 'missing';
  const status = facts.statusRejected ? undefined : facts.status;
  if (status === 'done') return 'done';
  if (status === 'cancelled') return 'cancelled';
  if (isOverdue(facts, today)) return 'overdue';
  if (status !== undefined && SHOWN_AS_ITSELF.has(status)) return status as DisplayStatus;
  return 'no-status';
}

/** The label of a node's status: "Overdue", "In progress", … */
export function statusLabel(facts: StatusFacts | undefined, today: string): string {
  return STATUS_LABELS[displayStatus(facts, today)];
}

/**
 * Whether a checklist item is open: `[ ]` or `[/]` (in progress). Done (`[x]`) and cancelled
 * (`[-]`) items are not. Every count of open items (views, due, owners, the CLI) asks here.
 */
export function isChecklistItemOpen(item: Pick<ChecklistItem, 'state'>): boolean {
  return item.state === 'open' || item.state === 'in-progress';
}

/** Whether a checklist item is done (`[x]`/`[X]`). */
export function isChecklistItemDone(item: Pick<ChecklistItem, 'state'>): boolean {
  return item.state === 'done';
}

/** Whether a checklist item counts in a `done/total`: every state but cancelled (`[-]`). */
export function countsTowardsChecklistTotal(item: Pick<ChecklistItem, 'state'>): boolean {
  return item.state !== 'cancelled';
}

/** `done/total` of some checklist items, cancelled ones left out. */
export function checklistProgress(items: readonly Pick<ChecklistItem, 'state'>[]): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const item of items) {
    if (!countsTowardsChecklistTotal(item)) continue;
    total++;
    if (isChecklistItemDone(item)) done++;
  }
  return { done, total };
}

/** A checklist item is overdue when it is open (not done, not cancelled) and its due date is before today. */
export function isChecklistItemOverdue(item: Pick<ChecklistItem, 'state' | 'due'>, today: string): boolean {
  return isChecklistItemOpen(item) && item.due !== undefined && item.due.value < today;
}

/** "Due within N days": open, and due on or before today + N (overdue ones included). */
export function isChecklistItemDueWithin(item: Pick<ChecklistItem, 'state' | 'due'>, today: string, days: number): boolean {
  return isChecklistItemOpen(item) && item.due !== undefined && item.due.value <= addDays(today, days);
}

/** YYYY-MM-DD plus `days` (UTC calendar arithmetic). */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return date;
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Schedule risk (docs/schedule.md, "At risk from upstream"): the open nodes (not `done` or
 * `cancelled`) that slip (forecast after planned), or that wait, directly or through other open
 * work, for work that is overdue (`isOverdue`, as `milestone-overdue` decides it) or slips. A
 * `done` milestone is pinned, so nothing upstream of it reaches past it; nodes on a cycle have
 * no forecast and carry no risk. The diagram marks exactly these nodes.
 */
export function scheduleAtRisk(graph: ScheduleGraph, result: ScheduleResult, today: string): Set<string> {
  const atRisk = new Set<string>();
  /** Open work that is overdue or slips, or waits for such work: what puts its successors at risk. */
  const troubled = new Set<string>();
  const todayDay = dayNumber(today);
  for (const id of topologicalOrder(graph)) {
    const node = graph.get(id)!;
    if (node.pinned || isClosedMilestoneStatus(node.status)) continue;
    const own = result.get(id);
    const slips = (own?.slip ?? 0) > 0;
    const fromUpstream = node.predecessors.some((p) => troubled.has(p));
    // Only a date before today can be overdue: `isOverdue` decides it (no date string made for the others).
    const overdue = node.kind === 'milestone' && node.planned !== undefined && node.planned < todayDay && isOverdue({ kind: 'milestone', status: node.status, due: dateOfDay(node.planned) }, today);
    if (slips || fromUpstream) atRisk.add(id);
    if (slips || fromUpstream || overdue) troubled.add(id);
  }
  return atRisk;
}
