/**
 * The status report (v2 spec section 3.4; docs/cli.md "brief report"): one model that every
 * format renders (markdown, html, json), computed from health (./health.ts), the due list
 * (./due.ts), the schedule and model/status.ts. Nothing here decides a status of its own.
 *
 * Choices (docs/cli.md): milestones done/total count every milestone but cancelled ones; the next
 * open milestone is the open one with the earliest due date; open risks are those not `closed`;
 * "decided since" lists decisions whose status is `decided` and whose `date` is on or after the
 * date of `--since` (none without it).
 */
import type { Brief } from '../model/model';
import { checklistProgress, isClosed, isDecisionOpen, isRiskClosed, milestoneFacts, programFacts } from '../model/status';
import { compareText } from '../model/text';
import { dateOfDay, drivingChain } from '../schedule';
import type { DiffChange } from './diff';
import { dueItems, type DueItem } from './due';
import { programHealth, type Health, type HealthReason } from './health';
import { workspaceSchedule, type SharedSchedule } from '../schedule';
import type { BriefWorkspace } from '../workspace/workspace';

export const DEFAULT_HORIZON = 14;
export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export interface ReportMilestone {
  id: string;
  title?: string;
  owner?: string;
  due: string;
}

export interface SlippingMilestone extends ReportMilestone {
  forecast: string;
  slip: number;
  /** From the milestone upstream, each with its forecast (spec: the driving chain). */
  chain: { id: string; forecast?: string }[];
}

export interface ReportRisk {
  id?: string;
  title?: string;
  owner?: string;
  likelihood?: Level;
  impact?: Level;
  status?: string;
  mitigation?: string;
  line: number;
}

export interface ReportDecision {
  id?: string;
  title?: string;
  owner?: string;
  status?: string;
  date?: string;
  line: number;
}

export interface ProgramReport {
  program: string;
  title?: string;
  owner?: string;
  /** The self-reported status (accepted by the schema). */
  status?: string;
  health: Health;
  reasons: HealthReason[];
  target?: string;
  forecast?: string;
  milestones: { done: number; total: number };
  checklist: { done: number; total: number };
  next?: ReportMilestone;
  /** Open items due within the horizon, not yet overdue. */
  due: DueItem[];
  overdue: DueItem[];
  slipping: SlippingMilestone[];
  /** Open risks (not `closed`), highest likelihood × impact first. */
  risks: ReportRisk[];
  proposedDecisions: ReportDecision[];
  decidedSince: ReportDecision[];
  /** With `--since`: what changed in this program (./diff.ts). */
  changes?: DiffChange[];
  uri: string;
  line: number;
}

/** Counts of open risks: `heatMap[likelihood][impact]`, rows and columns in LEVELS order. */
export type HeatMap = number[][];

export interface Report {
  today: string;
  horizon: number;
  /** The commit the working tree is on, when there is one, and whether it has uncommitted changes. */
  commit?: { id: string; dirty: boolean };
  since?: { ref: string; commit: string; date: string };
  programs: ProgramReport[];
  heatMap: HeatMap;
  /** With `since`: changes of programs that are not in `programs` (removed since). */
  otherChanges?: DiffChange[];
}

export interface ReportOptions {
  today: string;
  horizon?: number;
  /** The briefs reported (default every brief that defines its program). */
  isReported?(uri: string): boolean;
  fileOf?(uri: string): string;
  commit?: Report['commit'];
  since?: Report['since'];
  /** With `since`: the changes of ./diff.ts. */
  changes?: readonly DiffChange[];
  schedule?: SharedSchedule;
}

export function buildReport(workspace: BriefWorkspace, options: ReportOptions): Report {
  const horizon = options.horizon ?? DEFAULT_HORIZON;
  const schedule = options.schedule ?? workspaceSchedule(workspace);
  const fileOf = options.fileOf ?? ((uri: string) => uri);
  const briefs = workspace.briefs()
    .filter((brief) => brief.program && workspace.program(brief.program.value) === brief && (options.isReported?.(brief.uri) ?? true))
    .sort((a, b) => compareText(a.program!.value, b.program!.value));
  const programs = briefs.map((brief) => programReport(brief, schedule, options.today, horizon, fileOf, options.since?.date));
  let otherChanges: DiffChange[] | undefined;
  if (options.changes) {
    for (const program of programs) program.changes = options.changes.filter((change) => change.program === program.program);
    // A program removed since (or one not reported): its changes are listed on their own.
    const shown = new Set(programs.map((program) => program.program));
    otherChanges = options.changes.filter((change) => !shown.has(change.program));
  }
  const heatMap = heatMapOf(programs.flatMap((program) => program.risks));
  return {
    today: options.today,
    horizon,
    ...(options.commit && { commit: options.commit }),
    ...(options.since && { since: options.since }),
    programs,
    heatMap,
    ...(otherChanges && { otherChanges }),
  };
}

/** A program's own heat map of its open risks. */
export function heatMapOf(risks: readonly ReportRisk[]): HeatMap {
  const map = LEVELS.map(() => LEVELS.map(() => 0));
  for (const risk of risks) if (risk.likelihood && risk.impact) map[LEVELS.indexOf(risk.likelihood)][LEVELS.indexOf(risk.impact)]++;
  return map;
}

function level(value: string | undefined): Level | undefined {
  return (LEVELS as readonly string[]).includes(value ?? '') ? (value as Level) : undefined;
}

function programReport(brief: Brief, schedule: SharedSchedule, today: string, horizon: number, fileOf: (uri: string) => string, sinceDate: string | undefined): ProgramReport {
  const program = brief.program!.value;
  const { health, reasons } = programHealth(brief, schedule, today);
  const facts = programFacts(brief);
  const finish = schedule.graph.get(program);
  const finishForecast = finish?.uri === brief.uri ? schedule.result.get(program)?.forecast : undefined;
  let done = 0;
  let total = 0;
  let next: ReportMilestone | undefined;
  const slipping: SlippingMilestone[] = [];
  for (const milestone of brief.milestones) {
    const own = milestoneFacts(brief, milestone);
    if (!own.statusRejected && own.status === 'cancelled') continue;
    total++;
    if (!own.statusRejected && own.status === 'done') done++;
    if (!milestone.id) continue;
    const id = `${program}#${milestone.id.value}`;
    const about = { id, ...(milestone.title && { title: milestone.title.value }), ...(milestone.owner && { owner: milestone.owner.value }) };
    if (!isClosed(own) && own.due !== undefined && !own.dueRejected && (next === undefined || own.due < next.due)) next = { ...about, due: own.due };
    const node = schedule.graph.get(id);
    const result = schedule.result.get(id);
    if (node?.uri === brief.uri && node.range.start.line === milestone.id.range.start.line && result?.slip && result.forecast !== undefined && node.planned !== undefined) {
      slipping.push({
        ...about, due: dateOfDay(node.planned), forecast: dateOfDay(result.forecast), slip: result.slip,
        chain: drivingChain(schedule.result, id).map((link) => {
          const forecast = schedule.result.get(link)?.forecast;
          return { id: link, ...(forecast !== undefined && { forecast: dateOfDay(forecast) }) };
        }),
      });
    }
  }
  const items = dueItems([brief], { today, within: horizon, fileOf });
  const risks: ReportRisk[] = brief.risks.filter((risk) => !isRiskClosed(risk)).map((risk) => {
    const likelihood = level(risk.likelihood?.value);
    const impact = level(risk.impact?.value);
    return {
      ...(risk.id && { id: risk.id.value }), ...(risk.title && { title: risk.title.value }), ...(risk.owner && { owner: risk.owner.value }),
      ...(likelihood && { likelihood }), ...(impact && { impact }), ...(risk.status && { status: risk.status.value }),
      ...(risk.mitigation && { mitigation: risk.mitigation.value }), line: risk.itemRange.start.line,
    };
  });
  const score = (risk: ReportRisk) => (LEVELS.indexOf(risk.likelihood ?? 'low') + 1) * (LEVELS.indexOf(risk.impact ?? 'low') + 1);
  risks.sort((a, b) => score(b) - score(a) || a.line - b.line);
  const decision = (d: Brief['decisions'][number]): ReportDecision => ({
    ...(d.id && { id: d.id.value }), ...(d.title && { title: d.title.value }), ...(d.owner && { owner: d.owner.value }),
    ...(d.status && { status: d.status.value }), ...(d.date && { date: d.date.value }), line: d.itemRange.start.line,
  });
  return {
    program,
    ...(brief.title && { title: brief.title.value }),
    ...(brief.owner && { owner: brief.owner.value }),
    ...(facts.status !== undefined && !facts.statusRejected && { status: facts.status }),
    health,
    reasons,
    ...(facts.due !== undefined && !facts.dueRejected && { target: facts.due }),
    ...(finishForecast !== undefined && { forecast: dateOfDay(finishForecast) }),
    milestones: { done, total },
    checklist: checklistProgress(brief.checklist),
    ...(next && { next }),
    due: items.filter((item) => !item.overdue),
    overdue: items.filter((item) => item.overdue),
    slipping,
    risks,
    proposedDecisions: brief.decisions.filter(isDecisionOpen).map(decision),
    decidedSince: sinceDate === undefined ? [] : brief.decisions.filter((d) => d.status?.value === 'decided' && d.date !== undefined && d.date.value >= sinceDate).map(decision),
    uri: brief.uri,
    line: brief.program!.range.start.line,
  };
}
