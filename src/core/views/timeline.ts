/**
 * What the Timeline view draws (docs/extension.md, "Timeline"): a row per program with a bar per
 * milestone, program targets, and the dependency arrows between milestones. Pure and built from
 * the workspace's one schedule (schedule/workspaceSchedule.ts) and the one place that decides
 * overdue / at risk (model/status.ts), so the timeline never disagrees with lint or the other
 * views:
 *
 * - a bar runs from the milestone's `start`, else from the `due` of the milestone before it in
 *   the brief (the nearest earlier one with a `due`), else from the program's `start`, to its
 *   `due`; with none of these (or a `start` after the `due`, a `schedule-conflict`) it is a
 *   marker on its `due`;
 * - the forecast is the schedule's; later than the `due`, the view draws it as an extension;
 * - an arrow is an edge of the schedule between two milestones; `conflict` is exactly what
 *   `schedule-conflict` reports on that `depends_on` entry (`isScheduleConflict`), `drivesSlip`
 *   exactly the entry `schedule-slip` reports (`milestoneSlip`, rules/scheduleFacts.ts).
 */
import type { Brief, Milestone } from '../model/model';
import type { Located } from '../model/range';
import { hasSchemaProblemUnder } from '../model/schemaProblems';
import { displayStatus, isMilestoneAtRisk, isMilestoneOverdue, isScheduleConflict, milestoneFacts, programFacts, scheduleAtRisk, type DisplayStatus } from '../model/status';
import { dateOfDay } from '../schedule/days';
import { workspaceSchedule } from '../schedule/workspaceSchedule';
import { milestoneWithId, resolveMilestone } from '../rules/helpers';
import { milestoneSlip } from '../rules/scheduleFacts';
import type { BriefWorkspace } from '../workspace/workspace';
import { compareText } from '../model/text';

/** Where a bar begins: its own `start`, the milestone before it, the program's `start`, or nowhere (a marker). */
export type BarStartSource = 'start' | 'previous' | 'program' | 'none';

export interface TimelineBar {
  /** Unique in the model: `uri#milestone-index`. */
  key: string;
  program: string;
  /** The milestone's id, when it has one. */
  milestone?: string;
  /** The schedule node (`program#milestone`), when the milestone is one (an id, not cancelled). */
  node?: string;
  index: number;
  title: string;
  owner?: string;
  team?: string;
  uri: string;
  /** The line of the milestone's list item (0-based): where a click opens the brief. */
  line: number;
  /** YYYY-MM-DD: where the bar begins (equal to `due` for a marker). */
  start: string;
  startSource: BarStartSource;
  /** YYYY-MM-DD. */
  due: string;
  /** The schedule's forecast, when later than `due` (drawn as an extension). */
  forecast?: string;
  /** Days the forecast is after `due`. */
  slip?: number;
  slack?: number;
  status?: string;
  display: DisplayStatus;
  done: boolean;
  cancelled: boolean;
  /** `milestone-overdue`'s decision. */
  overdue: boolean;
  /** The Programs view's: status `at-risk` or `blocked`. */
  atRisk: boolean;
  /** The diagram's schedule risk: it slips or waits for overdue or slipping work. */
  scheduleRisk: boolean;
  /** Where the `due` and `start` values are written (for a drag's guarded edit): 0-based line and characters. */
  dueAt: TextSpot;
  startAt?: TextSpot;
}

export interface TextSpot {
  line: number;
  character: number;
  endCharacter: number;
  /** The value as the model read it. */
  value: string;
}

/** A milestone with no `due` (or one the schema rejected): listed under its program, drawn nowhere. */
export interface UndatedMilestone {
  key: string;
  title: string;
  milestone?: string;
  uri: string;
  line: number;
}

export interface TimelineRow {
  program: string;
  title?: string;
  owner?: string;
  teams: string[];
  uri: string;
  line: number;
  status?: string;
  display: DisplayStatus;
  /** YYYY-MM-DD. */
  start?: string;
  target?: string;
  /** The program finish's forecast, when later than its target. */
  targetForecast?: string;
  bars: TimelineBar[];
  undated: UndatedMilestone[];
}

export interface TimelineArrow {
  /** Bar keys: the dependency and the milestone that waits for it. */
  from: string;
  to: string;
  /** `schedule-conflict` reports this edge: the dependent is due before its dependency. */
  conflict: boolean;
  /** `schedule-slip` reports this edge: it carries the slip of the dependent's forecast. */
  drivesSlip: boolean;
}

export interface TimelineModel {
  today: string;
  rows: TimelineRow[];
  arrows: TimelineArrow[];
  /** The earliest and latest date of any bar, target, forecast or today (YYYY-MM-DD). */
  from: string;
  to: string;
  bars: number;
}

function accepted(brief: Brief, path: (string | number)[]): boolean {
  return brief.schemaProblems.length === 0 || !hasSchemaProblemUnder(brief, path);
}

function spot(value: Located<string>): TextSpot {
  return { line: value.range.start.line, character: value.range.start.character, endCharacter: value.range.end.character, value: value.value };
}

/** The timeline of every program brief of the workspace, programs sorted by id, milestones in the brief's order. */
export function buildTimeline(workspace: BriefWorkspace, today: string): TimelineModel {
  const schedule = workspaceSchedule(workspace);
  const { graph, result } = schedule;
  const risky = scheduleAtRisk(graph, result, today);
  const rows: TimelineRow[] = [];
  const keyOfNode = new Map<string, string>();
  let low = today;
  let high = today;
  const see = (date: string | undefined) => {
    if (date === undefined) return;
    if (date < low) low = date;
    if (date > high) high = date;
  };
  const briefs = workspace.briefs().filter((brief) => brief.program && workspace.program(brief.program.value) === brief);
  briefs.sort((a, b) => compareText(a.program!.value, b.program!.value));
  let count = 0;
  for (const brief of briefs) {
    const program = brief.program!.value;
    const programStart = brief.start && accepted(brief, ['start']) ? brief.start.value : undefined;
    const target = brief.target && accepted(brief, ['target']) ? brief.target.value : undefined;
    const finish = result.get(program);
    const finishNode = graph.get(program);
    const targetForecast = finish?.forecast !== undefined && finishNode?.planned !== undefined && finish.forecast > finishNode.planned ? dateOfDay(finish.forecast) : undefined;
    const row: TimelineRow = {
      program,
      ...(brief.title && { title: brief.title.value }),
      ...(brief.owner && { owner: brief.owner.value }),
      teams: [...new Set(brief.teams.map((team) => team.id?.value).filter((id): id is string => id !== undefined))],
      uri: brief.uri,
      line: brief.program!.range.start.line,
      ...(brief.status && accepted(brief, ['status']) && { status: brief.status.value }),
      display: displayStatus(programFacts(brief), today),
      ...(programStart && { start: programStart }),
      ...(target && { target }),
      ...(targetForecast && { targetForecast }),
      bars: [],
      undated: [],
    };
    see(programStart);
    see(target);
    see(targetForecast);
    let previousDue: string | undefined;
    for (const milestone of brief.milestones) {
      const key = `${brief.uri}#${milestone.index}`;
      const title = milestone.title?.value ?? milestone.id?.value ?? `Milestone ${milestone.index + 1}`;
      const line = milestone.itemRange.start.line;
      const due = milestone.due && accepted(brief, ['milestones', milestone.index, 'due']) ? milestone.due : undefined;
      if (!due) {
        row.undated.push({ key, title, ...(milestone.id && { milestone: milestone.id.value }), uri: brief.uri, line });
        continue;
      }
      const bar = timelineBar(workspace, brief, milestone, { key, title, line, due: due.value, previousDue, programStart, today, risky });
      row.bars.push(bar);
      if (bar.node) keyOfNode.set(bar.node, key);
      see(bar.start);
      see(bar.due);
      see(bar.forecast);
      previousDue = due.value;
      count++;
    }
    rows.push(row);
  }
  return { today, rows, arrows: timelineArrows(workspace, keyOfNode), from: low, to: high, bars: count };
}

interface BarContext {
  key: string;
  title: string;
  line: number;
  due: string;
  previousDue?: string;
  programStart?: string;
  today: string;
  risky: ReadonlySet<string>;
}

function timelineBar(workspace: BriefWorkspace, brief: Brief, milestone: Milestone, context: BarContext): TimelineBar {
  const program = brief.program!.value;
  const { graph, result } = workspaceSchedule(workspace);
  const path = ['milestones', milestone.index];
  const own = milestone.start && accepted(brief, [...path, 'start']) ? milestone.start.value : undefined;
  let start: string | undefined;
  let startSource: BarStartSource = 'none';
  if (own !== undefined) [start, startSource] = [own, 'start'];
  else if (context.previousDue !== undefined) [start, startSource] = [context.previousDue, 'previous'];
  else if (context.programStart !== undefined) [start, startSource] = [context.programStart, 'program'];
  // A start after the due (`schedule-conflict`, or a predecessor due later) leaves a marker on the due.
  if (start === undefined || start > context.due) {
    start = context.due;
    if (startSource !== 'start') startSource = 'none';
  }
  const id = milestone.id?.value;
  const nodeId = id === undefined ? undefined : `${program}#${id}`;
  // The node of this very milestone (the first with its id, not cancelled).
  const node = nodeId === undefined ? undefined : graph.get(nodeId);
  const isNode = node !== undefined && node.range.start.line === milestone.id!.range.start.line && node.range.start.character === milestone.id!.range.start.character;
  const facts = isNode ? result.get(nodeId!) : undefined;
  const forecast = facts?.forecast !== undefined && node?.planned !== undefined && facts.forecast > node.planned ? dateOfDay(facts.forecast) : undefined;
  const statusFacts = milestoneFacts(brief, milestone);
  const status = statusFacts.statusRejected ? undefined : statusFacts.status;
  return {
    key: context.key,
    program,
    ...(id !== undefined && { milestone: id }),
    ...(isNode && { node: nodeId }),
    index: milestone.index,
    title: context.title,
    ...(milestone.owner && { owner: milestone.owner.value }),
    ...(milestone.team && { team: milestone.team.value }),
    uri: brief.uri,
    line: context.line,
    start,
    startSource,
    due: context.due,
    ...(forecast && { forecast, slip: facts!.slip }),
    ...(facts?.slack !== undefined && { slack: facts.slack }),
    ...(status !== undefined && { status }),
    display: displayStatus(statusFacts, context.today),
    done: status === 'done',
    cancelled: status === 'cancelled',
    overdue: isMilestoneOverdue(milestone, brief, context.today),
    atRisk: isMilestoneAtRisk(milestone, brief),
    scheduleRisk: isNode && context.risky.has(nodeId!),
    dueAt: spot(milestone.due!),
    ...(own !== undefined && { startAt: spot(milestone.start!) }),
  };
}

/** The schedule's edges between two drawn milestones, with the rules' decisions on them. */
function timelineArrows(workspace: BriefWorkspace, keyOfNode: ReadonlyMap<string, string>): TimelineArrow[] {
  const { graph } = workspaceSchedule(workspace);
  const arrows: TimelineArrow[] = [];
  for (const [nodeId, to] of keyOfNode) {
    const node = graph.get(nodeId)!;
    const brief = workspace.program(node.program)!;
    const milestone = milestoneWithId(brief, node.milestone!)!;
    const slip = milestoneSlip(workspace, node.program, milestone);
    for (const predecessor of node.predecessors) {
      const from = keyOfNode.get(predecessor);
      if (from === undefined) continue;
      // The entry that makes this edge, as `schedule-conflict` reads it.
      const entry = milestone.dependsOn.find((e) => e.milestone !== undefined && `${e.program}#${e.milestone}` === predecessor);
      const upstream = entry && resolveMilestone(workspace, brief, entry);
      const conflict = upstream !== undefined && isScheduleConflict(milestoneFacts(brief, milestone), milestoneFacts(upstream.brief, upstream.milestone));
      arrows.push({ from, to, conflict, drivesSlip: slip !== undefined && `${slip.entry.program}#${slip.entry.milestone}` === predecessor });
    }
  }
  return arrows;
}
