/**
 * Health (v2 spec section 2; docs/cli.md "Health"): each program's computed health and the
 * reasons that led to it, in one place. It only asks: the status decisions are those of
 * ../model/status.ts (overdue, at risk, unmitigated), the dates those of the schedule
 * (../schedule: forecast, slip, driver). Every view and report shows this beside the program's
 * self-reported `status`, never instead of it.
 *
 * - `done` / `cancelled`: the program's own status is one of those (no reasons);
 * - `off-track`: the forecast finish is later than the `target` (reason `forecast-late`);
 * - `at-risk`: otherwise, when a milestone not done/cancelled is overdue (`overdue`), a
 *   milestone has slip > 0 (`slip`), a milestone's status is `blocked` or `at-risk` (`blocked`,
 *   `at-risk`), or a risk meets `risk-unmitigated` (`risk`);
 * - `on-track`: otherwise.
 *
 * An `off-track` program lists the `at-risk` reasons too, after its `forecast-late`: what a
 * reader needs to know about it (its health is decided by the first).
 */
import type { Brief, Milestone, Risk } from '../model/model';
import { isMilestoneAtRisk, isMilestoneOverdue, isRiskUnmitigated, milestoneFacts, programFacts, riskHighOn } from '../model/status';
import { plural } from '../model/text';
import { dateOfDay, dayNumber, drivingChain, workspaceSchedule, type SharedSchedule } from '../schedule';
import type { BriefWorkspace } from '../workspace/workspace';

export type Health = 'done' | 'cancelled' | 'off-track' | 'at-risk' | 'on-track';
export const HEALTHS: readonly Health[] = ['off-track', 'at-risk', 'on-track', 'done', 'cancelled'];

export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
  'done': 'Done',
  'cancelled': 'Cancelled',
  'off-track': 'Off track',
  'at-risk': 'At risk',
  'on-track': 'On track',
};

export type HealthReasonKind = 'forecast-late' | 'overdue' | 'slip' | 'blocked' | 'at-risk' | 'risk';

export interface HealthReason {
  kind: HealthReasonKind;
  /** The node: the program id (`forecast-late`), `program#milestone`, or `program#risk` (a risk without id: `program#risk-N`, N from 1). */
  node: string;
  /** One line, plain text (workspace text inside: escape it where it is rendered). */
  message: string;
  uri: string;
  /** 0-based line of the node. */
  line: number;
}

export interface ProgramHealth {
  program: string;
  health: Health;
  reasons: HealthReason[];
}


/** The health of the program `brief` defines (it must have a `program`). */
export function programHealth(brief: Brief, schedule: SharedSchedule, today: string): ProgramHealth {
  const program = brief.program!.value;
  const facts = programFacts(brief);
  if (!facts.statusRejected && (facts.status === 'done' || facts.status === 'cancelled')) return { program, health: facts.status, reasons: [] };
  const reasons: HealthReason[] = [];
  const late = forecastLate(brief, schedule);
  if (late) reasons.push(late);
  for (const milestone of brief.milestones) reasons.push(...milestoneReasons(brief, milestone, schedule, today));
  brief.risks.forEach((risk, i) => {
    if (isRiskUnmitigated(risk, brief)) reasons.push(riskReason(brief, risk, i));
  });
  const health: Health = late ? 'off-track' : reasons.length > 0 ? 'at-risk' : 'on-track';
  return { program, health, reasons };
}

/** Health of every program of the workspace (the brief that defines each id), by program id. */
export function portfolioHealth(workspace: BriefWorkspace, today: string, schedule: SharedSchedule = workspaceSchedule(workspace)): Map<string, ProgramHealth> {
  const byProgram = new Map<string, ProgramHealth>();
  for (const brief of workspace.briefs()) {
    if (!brief.program || workspace.program(brief.program.value) !== brief) continue;
    byProgram.set(brief.program.value, programHealth(brief, schedule, today));
  }
  return byProgram;
}

function forecastLate(brief: Brief, schedule: SharedSchedule): HealthReason | undefined {
  const program = brief.program!.value;
  const node = schedule.graph.get(program);
  const own = schedule.result.get(program);
  if (!node || node.uri !== brief.uri || node.planned === undefined || own?.forecast === undefined || own.forecast <= node.planned) return undefined;
  const chain = drivingChain(schedule.result, program).filter((id) => id !== program);
  const via = chain.length > 0 ? `, driven by ${chain.join(' → ')}` : '';
  return {
    kind: 'forecast-late', node: program, uri: brief.uri, line: brief.program!.range.start.line,
    message: `forecast finish ${dateOfDay(own.forecast)} is ${plural(own.forecast - node.planned, 'day')} after the target ${dateOfDay(node.planned)}${via}`,
  };
}

function milestoneReasons(brief: Brief, milestone: Milestone, schedule: SharedSchedule, today: string): HealthReason[] {
  if (!milestone.id) return [];
  const program = brief.program!.value;
  const id = `${program}#${milestone.id.value}`;
  const at = { node: id, uri: brief.uri, line: milestone.id.range.start.line };
  const name = `milestone ${milestone.id.value}`;
  const reasons: HealthReason[] = [];
  if (isMilestoneOverdue(milestone, brief, today)) {
    const due = milestone.due!.value;
    reasons.push({ kind: 'overdue', ...at, message: `${name} was due ${due} (${plural(dayNumber(today) - dayNumber(due), 'day')} ago)` });
  }
  const node = schedule.graph.get(id);
  const own = schedule.result.get(id);
  // The node of this very milestone (a duplicated id makes one node, of the first).
  if (node && node.uri === brief.uri && node.range.start.line === milestone.id.range.start.line && own?.slip && own.forecast !== undefined && node.planned !== undefined) {
    const driver = own.driver ? `, waiting for ${own.driver}` : '';
    reasons.push({ kind: 'slip', ...at, message: `${name}: forecast ${dateOfDay(own.forecast)}, ${plural(own.slip, 'day')} after its due ${dateOfDay(node.planned)}${driver}` });
  }
  if (isMilestoneAtRisk(milestone, brief)) {
    const status = milestoneFacts(brief, milestone).status;
    if (status === 'blocked') reasons.push({ kind: 'blocked', ...at, message: `${name} is blocked` });
    else reasons.push({ kind: 'at-risk', ...at, message: `${name} is at risk` });
  }
  return reasons;
}

function riskReason(brief: Brief, risk: Risk, i: number): HealthReason {
  const program = brief.program!.value;
  const name = risk.id?.value ?? `risk-${i + 1}`;
  const high = riskHighOn(risk).map((on) => `${on} high`).join(', ');
  const title = risk.title ? ` (${risk.title.value})` : '';
  return {
    kind: 'risk', node: `${program}#${name}`, uri: brief.uri, line: (risk.id ?? risk.title)?.range.start.line ?? risk.itemRange.start.line,
    message: `risk ${name}${title}: ${high}, no mitigation`,
  };
}
