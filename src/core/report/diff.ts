/**
 * What changed in the plan (v2 spec section 3.6; docs/cli.md "brief diff"): two workspaces
 * compared, the briefs at a git revision and the working tree's. Programs are matched by id
 * (so a brief renamed or moved to another folder is the same program), milestones, risks and
 * decisions by id (a risk or decision without id by its title), checklist items by their text
 * without owner and date. Only values the schema accepted are compared, so a file whose line
 * endings alone changed has no change.
 */
import type { Brief, Decision, Risk } from '../model/model';
import { checklistMarkers } from '../parse/checklist';
import { isChecklistItemDone, isChecklistItemOpen, milestoneFacts, programFacts } from '../model/status';
import { compareText } from '../model/text';
import { dateOfDay, dayNumber, ScheduleIndex } from '../schedule';
import type { BriefWorkspace } from '../workspace/workspace';

export const CHANGE_KINDS = [
  'program-added', 'program-removed', 'status-changed', 'target-moved',
  'milestone-added', 'milestone-removed', 'milestone-due-moved', 'milestone-status-changed',
  'risk-added', 'risk-removed', 'risk-changed',
  'decision-added', 'decision-status-changed',
  'checklist-done', 'checklist-reopened', 'checklist-cancelled', 'checklist-added', 'checklist-removed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface RiskValues {
  status: string | null;
  likelihood: string | null;
  impact: string | null;
  mitigation: string | null;
}

export interface DiffChange {
  program: string;
  kind: ChangeKind;
  /** `program#milestone`, `program#risk`, `program#decision` (a risk or decision without id: its title). */
  id?: string;
  /** A checklist item's text (without owner and date), a milestone's or risk's title. */
  text?: string;
  before?: string | RiskValues | null;
  after?: string | RiskValues | null;
  /** `target-moved`, `milestone-due-moved` with both dates: positive = later. */
  days?: number;
  /** The file as shown: the current one, the old one for what was removed. */
  file: string;
  /** 0-based line in `file`, when known. */
  line?: number;
}

export interface DiffSide {
  workspace: BriefWorkspace;
  fileOf(uri: string): string;
}

/** The briefs that define a program on one side, by program id. */
function programs(side: DiffSide): Map<string, Brief> {
  const byId = new Map<string, Brief>();
  for (const brief of side.workspace.briefs()) {
    if (brief.program && side.workspace.program(brief.program.value) === brief) byId.set(brief.program.value, brief);
  }
  return byId;
}

export function diffWorkspaces(before: DiffSide, after: DiffSide): DiffChange[] {
  const old = programs(before);
  const now = programs(after);
  const changes: DiffChange[] = [];
  for (const [program, brief] of now) {
    const file = after.fileOf(brief.uri);
    const previous = old.get(program);
    if (!previous) {
      changes.push({ program, kind: 'program-added', ...(brief.title && { text: brief.title.value }), file, line: brief.program!.range.start.line });
      continue;
    }
    // The same parsed brief on both sides (its text did not change): nothing to compare.
    if (previous !== brief) diffBriefs(program, previous, brief, file, before.fileOf(previous.uri), changes);
  }
  for (const [program, brief] of old) {
    if (!now.has(program)) changes.push({ program, kind: 'program-removed', ...(brief.title && { text: brief.title.value }), file: before.fileOf(brief.uri) });
  }
  return changes.sort((a, b) => compareText(a.program, b.program) || compareText(a.kind, b.kind) || compareText(a.id ?? a.text ?? '', b.id ?? b.text ?? '') || (a.line ?? 0) - (b.line ?? 0));
}

const daysBetween = (a: string | undefined, b: string | undefined) => (a !== undefined && b !== undefined ? { days: dayNumber(b) - dayNumber(a) } : {});

function accepted(value: string | undefined, rejected: boolean | undefined): string | null {
  return value !== undefined && !rejected ? value : null;
}

function diffBriefs(program: string, old: Brief, now: Brief, file: string, oldFile: string, changes: DiffChange[]): void {
  const [was, is] = [programFacts(old), programFacts(now)];
  const line = now.program!.range.start.line;
  const [statusBefore, statusAfter] = [accepted(was.status, was.statusRejected), accepted(is.status, is.statusRejected)];
  if (statusBefore !== statusAfter) changes.push({ program, kind: 'status-changed', before: statusBefore, after: statusAfter, file, line: now.status?.range.start.line ?? line });
  const [targetBefore, targetAfter] = [accepted(was.due, was.dueRejected), accepted(is.due, is.dueRejected)];
  if (targetBefore !== targetAfter) {
    changes.push({ program, kind: 'target-moved', before: targetBefore, after: targetAfter, ...daysBetween(targetBefore ?? undefined, targetAfter ?? undefined), file, line: now.target?.range.start.line ?? line });
  }

  // Milestones, by id (the first of a duplicated id).
  const milestonesOf = (brief: Brief) => {
    const byId = new Map<string, Brief['milestones'][number]>();
    for (const m of brief.milestones) if (m.id && !byId.has(m.id.value)) byId.set(m.id.value, m);
    return byId;
  };
  const [oldMilestones, newMilestones] = [milestonesOf(old), milestonesOf(now)];
  for (const [id, milestone] of newMilestones) {
    const full = `${program}#${id}`;
    const at = { file, line: milestone.id!.range.start.line };
    const title = milestone.title ? { text: milestone.title.value } : {};
    const previous = oldMilestones.get(id);
    if (!previous) {
      changes.push({ program, kind: 'milestone-added', id: full, ...title, ...at });
      continue;
    }
    const [a, b] = [milestoneFacts(old, previous), milestoneFacts(now, milestone)];
    const [dueBefore, dueAfter] = [accepted(a.due, a.dueRejected), accepted(b.due, b.dueRejected)];
    if (dueBefore !== dueAfter) changes.push({ program, kind: 'milestone-due-moved', id: full, ...title, before: dueBefore, after: dueAfter, ...daysBetween(dueBefore ?? undefined, dueAfter ?? undefined), ...at });
    const [statusA, statusB] = [accepted(a.status, a.statusRejected), accepted(b.status, b.statusRejected)];
    if (statusA !== statusB) changes.push({ program, kind: 'milestone-status-changed', id: full, ...title, before: statusA, after: statusB, ...at });
  }
  for (const [id, milestone] of oldMilestones) {
    if (!newMilestones.has(id)) changes.push({ program, kind: 'milestone-removed', id: `${program}#${id}`, ...(milestone.title && { text: milestone.title.value }), file: oldFile, line: milestone.id!.range.start.line });
  }

  // Risks, by id, else by title.
  const keyOf = (item: Risk | Decision) => item.id?.value ?? (item.title ? `"${item.title.value}"` : undefined);
  const byKey = <T extends Risk | Decision>(items: readonly T[]) => {
    const map = new Map<string, T>();
    for (const item of items) {
      const key = keyOf(item);
      if (key !== undefined && !map.has(key)) map.set(key, item);
    }
    return map;
  };
  const [oldRisks, newRisks] = [byKey(old.risks), byKey(now.risks)];
  const riskValues = (risk: Risk): RiskValues => ({
    status: risk.status?.value ?? null, likelihood: risk.likelihood?.value ?? null, impact: risk.impact?.value ?? null, mitigation: risk.mitigation?.value ?? null,
  });
  for (const [key, risk] of newRisks) {
    const at = { id: `${program}#${key}`, ...(risk.title && { text: risk.title.value }), file, line: risk.itemRange.start.line };
    const previous = oldRisks.get(key);
    if (!previous) {
      changes.push({ program, kind: 'risk-added', ...at, after: riskValues(risk) });
      continue;
    }
    const [a, b] = [riskValues(previous), riskValues(risk)];
    if (a.status !== b.status || a.likelihood !== b.likelihood || a.impact !== b.impact || a.mitigation !== b.mitigation) changes.push({ program, kind: 'risk-changed', ...at, before: a, after: b });
  }
  for (const [key, risk] of oldRisks) {
    if (!newRisks.has(key)) changes.push({ program, kind: 'risk-removed', id: `${program}#${key}`, ...(risk.title && { text: risk.title.value }), file: oldFile, line: risk.itemRange.start.line });
  }

  // Decisions: added, and status changes.
  const [oldDecisions, newDecisions] = [byKey(old.decisions), byKey(now.decisions)];
  for (const [key, decision] of newDecisions) {
    const at = { id: `${program}#${key}`, ...(decision.title && { text: decision.title.value }), file, line: decision.itemRange.start.line };
    const previous = oldDecisions.get(key);
    if (!previous) changes.push({ program, kind: 'decision-added', ...at, after: decision.status?.value ?? null });
    else if ((previous.status?.value ?? null) !== (decision.status?.value ?? null)) {
      changes.push({ program, kind: 'decision-status-changed', ...at, before: previous.status?.value ?? null, after: decision.status?.value ?? null });
    }
  }

  // Checklist items, by their text without owner and date; items with the same text pair up in order.
  const itemsOf = (brief: Brief) => {
    const map = new Map<string, Brief['checklist']>();
    for (const item of brief.checklist) {
      const key = checklistKey(item);
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
    return map;
  };
  const [oldItems, newItems] = [itemsOf(old), itemsOf(now)];
  for (const [key, items] of newItems) {
    const previous = oldItems.get(key) ?? [];
    items.forEach((item, i) => {
      const at = { text: key, file, line: item.line };
      const before = previous[i];
      if (!before) changes.push({ program, kind: 'checklist-added', ...at });
      else if (before.state === item.state) return;
      else if (isChecklistItemDone(item)) changes.push({ program, kind: 'checklist-done', ...at });
      else if (item.state === 'cancelled') changes.push({ program, kind: 'checklist-cancelled', ...at });
      // Open and in progress are both open: only done or cancelled → open is a change.
      else if (!isChecklistItemOpen(before)) changes.push({ program, kind: 'checklist-reopened', ...at });
    });
  }
  for (const [key, items] of oldItems) {
    const now = newItems.get(key) ?? [];
    for (const item of items.slice(now.length)) changes.push({ program, kind: 'checklist-removed', text: key, file: oldFile, line: item.line });
  }
}

/** A checklist item's text without its owner and due date (`due:…`, `📅 …`), spaces collapsed. */
export function checklistKey(item: Brief['checklist'][number]): string {
  let text = item.text;
  // Cut the owner (by its range in the item's line) and every date and priority marker (done and
  // cancelled dates too: ticking an item that adds `✅ date` leaves it the same item).
  const start = item.range.end.character - item.text.length;
  const cuts: (readonly [number, number])[] = checklistMarkers(text).map((marker) => [marker.start, marker.end] as const);
  if (item.owner) cuts.push([item.owner.range.start.character - start, item.owner.range.end.character - start]);
  cuts.sort((a, b) => b[0] - a[0]);
  let end = text.length;
  for (const [from, to] of cuts) {
    if (to > end) continue; // overlapping cuts cannot happen (an owner holds no emoji), but never cut twice
    text = text.slice(0, Math.max(0, from)) + text.slice(to);
    end = from;
  }
  return text.split(/\s+/).filter((word) => word !== '').join(' ');
}

const signed = (days: number) => `${days > 0 ? '+' : ''}${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
const shown = (value: string | null | undefined) => value ?? 'none';

function riskDelta(before: RiskValues, after: RiskValues): string {
  const parts: string[] = [];
  for (const key of ['likelihood', 'impact', 'status'] as const) if (before[key] !== after[key]) parts.push(`${key} ${shown(before[key])} → ${shown(after[key])}`);
  if (before.mitigation !== after.mitigation) parts.push(after.mitigation === null ? 'mitigation removed' : before.mitigation === null ? 'mitigation added' : 'mitigation changed');
  return parts.join(', ');
}

/**
 * One line of plain text for a change (workspace text inside: escape it where it is rendered):
 * "milestone payments#cutover due 2027-01-20 → 2027-01-27 (+7 days)".
 */
export function changeSentence(change: DiffChange): string {
  const what = change.id ?? change.program;
  const title = change.text !== undefined && change.kind !== 'program-added' && change.kind !== 'program-removed' ? ` (${change.text})` : '';
  const moved = `${shown(change.before as string | null)} → ${shown(change.after as string | null)}${change.days !== undefined ? ` (${signed(change.days)})` : ''}`;
  switch (change.kind) {
    case 'program-added': return `program ${change.program} added${change.text ? `: ${change.text}` : ''}`;
    case 'program-removed': return `program ${change.program} removed${change.text ? `: ${change.text}` : ''}`;
    case 'status-changed': return `status ${moved}`;
    case 'target-moved': return `target ${moved}`;
    case 'milestone-added': return `milestone ${what}${title} added`;
    case 'milestone-removed': return `milestone ${what}${title} removed`;
    case 'milestone-due-moved': return `milestone ${what}${title} due ${moved}`;
    case 'milestone-status-changed': return `milestone ${what}${title} status ${moved}`;
    case 'risk-added': return `risk ${what}${title} added`;
    case 'risk-removed': return `risk ${what}${title} removed`;
    case 'risk-changed': return `risk ${what}${title}: ${riskDelta(change.before as RiskValues, change.after as RiskValues)}`;
    case 'decision-added': return `decision ${what}${title} added (${shown(change.after as string | null)})`;
    case 'decision-status-changed': return `decision ${what}${title} ${moved}`;
    case 'checklist-done': return `checklist item done: ${change.text}`;
    case 'checklist-reopened': return `checklist item reopened: ${change.text}`;
    case 'checklist-cancelled': return `checklist item cancelled: ${change.text}`;
    case 'checklist-added': return `checklist item added: ${change.text}`;
    case 'checklist-removed': return `checklist item removed: ${change.text}`;
  }
}

export interface ForecastChange {
  /** A schedule node: `program#milestone` or a program's finish. */
  id: string;
  kind: 'milestone' | 'program';
  program: string;
  before: string;
  after: string;
  /** Positive = later. */
  days: number;
  /** The new forecast is after the node's planned date. */
  late: boolean;
  uri: string;
  line: number;
}

/**
 * The slip impact of a change (for a pull request): every schedule node, in both workspaces,
 * whose forecast moved, sorted by id. A node that gained or lost its forecast is not listed
 * (its added/removed/moved change says it).
 */
export function forecastChanges(before: BriefWorkspace, after: BriefWorkspace): ForecastChange[] {
  // Incrementally from the old schedule: the index recomputes only the programs whose parsed
  // brief is not the same object, and briefs that did not change are shared between the two.
  const index = new ScheduleIndex();
  index.update(before);
  const oldResult = new Map([...index.schedule].map(([id, own]) => [id, own.forecast]));
  index.update(after);
  const graph = index.nodes;
  const result = index.schedule;
  const changes: ForecastChange[] = [];
  for (const [id, node] of graph) {
    const was = oldResult.get(id);
    const is = result.get(id)?.forecast;
    if (was === undefined || is === undefined || was === is) continue;
    changes.push({
      id, kind: node.kind, program: node.program, before: dateOfDay(was), after: dateOfDay(is), days: is - was,
      late: node.planned !== undefined && is > node.planned, uri: node.uri, line: node.range.start.line,
    });
  }
  return changes.sort((a, b) => compareText(a.id, b.id));
}
