/**
 * The Programs view's content, level by level: groups (by status, owner or team) or programs,
 * then a program's sections (milestones, risks, open decisions), then their entries. Each level
 * is computed on its own from the briefs, so a host builds only what is expanded.
 */
import { isClosed, isDecisionOpen, isMilestoneAtRisk, isMilestoneOverdue, isRiskClosed, isRiskUnmitigated, milestoneFacts, riskHighOn } from '../model/status';
import type { Brief, Decision, Milestone, Risk } from '../model/model';
import type { Range } from '../model/range';
import { programLabel } from './checklistTree';
import { compareText } from '../model/text';

export type ProgramsGrouping = 'program' | 'status' | 'owner' | 'team';

export const PROGRAMS_GROUPINGS: readonly { grouping: ProgramsGrouping; label: string; detail: string }[] = [
  { grouping: 'program', label: 'Program id', detail: 'All programs, sorted by id' },
  { grouping: 'status', label: 'Status', detail: 'Grouped by status, most urgent first (blocked, off-track, at-risk, …)' },
  { grouping: 'owner', label: 'Owner', detail: 'Grouped by the program owner' },
  { grouping: 'team', label: 'Team', detail: 'Grouped by team (a program shows under each of its teams)' },
];

/** Most urgent first: the order a TPM scans a portfolio in. */
export const PROGRAM_STATUS_ORDER = ['blocked', 'off-track', 'at-risk', 'on-track', 'not-started', 'proposed', 'done', 'cancelled'] as const;

export interface ProgramGroupNode {
  kind: 'group';
  id: string;
  grouping: ProgramsGrouping;
  key: string;
  label: string;
  briefs: readonly Brief[];
}

export interface ProgramNode {
  kind: 'program';
  id: string;
  uri: string;
  brief: Brief;
  label: string;
  title?: string;
  status?: string;
  owner?: string;
  target?: string;
  range: Range;
}

/** What needs attention in a program (for its tooltip; computed on demand, not for the whole list). */
export interface ProgramAttention {
  overdueMilestones: number;
  atRiskMilestones: number;
  unmitigatedRisks: number;
  openDecisions: number;
}

export type ProgramSection = 'milestones' | 'risks' | 'decisions';

export interface ProgramSectionNode {
  kind: 'section';
  id: string;
  uri: string;
  brief: Brief;
  section: ProgramSection;
  label: string;
  count: number;
  /** Overdue or at-risk milestones; unmitigated risks. */
  flagged: number;
}

export interface MilestoneNode {
  kind: 'milestone';
  id: string;
  uri: string;
  label: string;
  milestoneId?: string;
  owner?: string;
  due?: string;
  status?: string;
  overdue: boolean;
  atRisk: boolean;
  dependencies: number;
  range: Range;
}

export interface RiskNode {
  kind: 'risk';
  id: string;
  uri: string;
  label: string;
  riskId?: string;
  owner?: string;
  likelihood?: string;
  impact?: string;
  status?: string;
  unmitigated: boolean;
  range: Range;
}

export interface DecisionNode {
  kind: 'decision';
  id: string;
  uri: string;
  label: string;
  decisionId?: string;
  owner?: string;
  date?: string;
  range: Range;
}

export type ProgramsTreeNode = ProgramGroupNode | ProgramNode | ProgramSectionNode | MilestoneNode | RiskNode | DecisionNode;

const NO_STATUS = '(no status)';
const NO_OWNER = '(no owner)';
const NO_TEAM = '(no team)';

/** The top level: programs sorted by id, or the groups of the chosen grouping. */
export function programsRoot(briefs: readonly Brief[], grouping: ProgramsGrouping): (ProgramGroupNode | ProgramNode)[] {
  if (grouping === 'program') return programNodes(sortBriefs(briefs));
  const groups = new Map<string, Brief[]>();
  const add = (key: string, brief: Brief) => {
    const list = groups.get(key);
    if (list) list.push(brief);
    else groups.set(key, [brief]);
  };
  for (const brief of briefs) {
    if (grouping === 'status') add(brief.status?.value ?? NO_STATUS, brief);
    else if (grouping === 'owner') add(brief.owner?.value ?? NO_OWNER, brief);
    else {
      const teams = new Set(brief.teams.map((team) => team.id?.value).filter((id): id is string => id !== undefined));
      if (teams.size === 0) add(NO_TEAM, brief);
      for (const team of teams) add(team, brief);
    }
  }
  return [...groups.keys()].sort(groupOrder(grouping)).map((key) => ({
    kind: 'group',
    id: `programs:${grouping}:${key}`,
    grouping,
    key,
    label: key,
    briefs: sortBriefs(groups.get(key)!),
  }));
}

/** The program nodes of a group (or of the whole workspace), in the given order. */
export function programNodes(briefs: readonly Brief[], parentId = 'programs'): ProgramNode[] {
  return briefs.map((brief) => ({
    kind: 'program',
    id: `${parentId}/${brief.uri}`,
    uri: brief.uri,
    brief,
    label: programLabel(brief),
    title: brief.title?.value,
    status: brief.status?.value,
    owner: brief.owner?.value,
    target: brief.target?.value,
    range: brief.programKeyRange ?? brief.firstLineRange,
  }));
}

export function programAttention(brief: Brief, today: string): ProgramAttention {
  const attention: ProgramAttention = { overdueMilestones: 0, atRiskMilestones: 0, unmitigatedRisks: 0, openDecisions: 0 };
  for (const milestone of brief.milestones) {
    const state = milestoneState(milestone, brief, today);
    if (state.overdue) attention.overdueMilestones++;
    if (state.atRisk) attention.atRiskMilestones++;
  }
  for (const risk of brief.risks) if (isUnmitigated(risk, brief)) attention.unmitigatedRisks++;
  for (const decision of brief.decisions) if (isOpenDecision(decision)) attention.openDecisions++;
  return attention;
}

/** The non-empty sections of a program (`programId`: the id of its program node). */
export function programSections(brief: Brief, programId: string, today: string): ProgramSectionNode[] {
  const milestones = brief.milestones.map((m) => milestoneState(m, brief, today));
  const sections: ProgramSectionNode[] = [];
  const section = (kind: ProgramSection, label: string, count: number, flagged: number) => {
    if (count > 0) sections.push({ kind: 'section', id: `${programId}/${kind}`, uri: brief.uri, brief, section: kind, label, count, flagged });
  };
  section('milestones', 'Milestones', brief.milestones.length, milestones.filter((m) => m.overdue || m.atRisk).length);
  section('risks', 'Risks', brief.risks.length, brief.risks.filter((r) => isUnmitigated(r, brief)).length);
  section('decisions', 'Open decisions', brief.decisions.filter(isOpenDecision).length, 0);
  return sections;
}

/** The entries of one section, in the order the brief lists them. */
export function sectionEntries(section: ProgramSectionNode, today: string): (MilestoneNode | RiskNode | DecisionNode)[] {
  const { brief } = section;
  const id = (kind: string, index: number) => `${section.id}/${kind}:${index}`;
  switch (section.section) {
    case 'milestones':
      return brief.milestones.map((m): MilestoneNode => ({
        kind: 'milestone',
        id: id('milestone', m.index),
        uri: brief.uri,
        label: m.title?.value ?? m.id?.value ?? `Milestone ${m.index + 1}`,
        milestoneId: m.id?.value,
        owner: m.owner?.value,
        due: m.due?.value,
        status: m.status?.value,
        ...milestoneState(m, brief, today),
        dependencies: m.dependsOn.length,
        range: m.itemRange,
      }));
    case 'risks':
      return brief.risks.map((r): RiskNode => ({
        kind: 'risk',
        id: id('risk', r.index),
        uri: brief.uri,
        label: r.title?.value ?? r.id?.value ?? `Risk ${r.index + 1}`,
        riskId: r.id?.value,
        owner: r.owner?.value,
        likelihood: r.likelihood?.value,
        impact: r.impact?.value,
        status: r.status?.value,
        unmitigated: isUnmitigated(r, brief),
        range: r.itemRange,
      }));
    case 'decisions':
      return brief.decisions.filter(isOpenDecision).map((d): DecisionNode => ({
        kind: 'decision',
        id: id('decision', d.index),
        uri: brief.uri,
        label: d.title?.value ?? d.id?.value ?? `Decision ${d.index + 1}`,
        decisionId: d.id?.value,
        owner: d.owner?.value,
        date: d.date?.value,
        range: d.itemRange,
      }));
  }
}

/**
 * Overdue exactly when rule `milestone-overdue` reports it (the decision is src/core/model/status.ts:
 * a `status` or `due` that failed the schema is `schema`'s only). At risk: status at-risk or blocked.
 */
export function milestoneState(milestone: Milestone, brief: Brief, today: string): { overdue: boolean; atRisk: boolean } {
  return { overdue: isMilestoneOverdue(milestone, brief, today), atRisk: isMilestoneAtRisk(milestone, brief) };
}

/** Unmitigated exactly when rule `risk-unmitigated` reports it (src/core/model/status.ts). */
export function isUnmitigated(risk: Risk, brief: Brief): boolean {
  return isRiskUnmitigated(risk, brief);
}

export function isOpenDecision(decision: Decision): boolean {
  return isDecisionOpen(decision);
}

/** A program's next milestone: the open one (not done, not cancelled) due first, overdue ones included. */
export interface NextMilestone {
  label: string;
  milestoneId?: string;
  due: string;
  owner?: string;
  overdue: boolean;
}

export function nextMilestone(brief: Brief, today: string): NextMilestone | undefined {
  let next: NextMilestone | undefined;
  for (const milestone of brief.milestones) {
    const due = milestone.due?.value;
    if (due === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(due) || isClosed(milestoneFacts(brief, milestone))) continue;
    if (next && compareText(next.due, due) <= 0) continue;
    next = {
      label: milestone.title?.value ?? milestone.id?.value ?? `Milestone ${milestone.index + 1}`,
      ...(milestone.id && { milestoneId: milestone.id.value }),
      due,
      ...(milestone.owner && { owner: milestone.owner.value }),
      overdue: isMilestoneOverdue(milestone, brief, today),
    };
  }
  return next;
}

/** Open risks rated high on likelihood or impact (mitigated or not). */
export function highRiskCount(brief: Brief): number {
  return brief.risks.filter((risk) => riskHighOn(risk).length > 0 && !isRiskClosed(risk)).length;
}

/** What a program's row shows beside its title: its health (decided by report/health.ts), next milestone and counts. */
export interface ProgramRowFacts {
  /** The health (`at-risk`) and its label ("At risk"), as report/health.ts names them (none for a brief without a program id). */
  health?: string;
  healthLabel?: string;
  next?: NextMilestone;
  overdue: number;
  highRisks: number;
}

/**
 * "at risk · next 05-01 · 1 high risk", or "at risk · 1 overdue · 1 high risk": short enough to
 * fit the default side bar (300 px) on its own; the title, the full dates, owners and reasons
 * are in the tooltip. The next milestone's date drops its year when it is this year's
 * (`today`'s), and is left out when something is overdue (the next milestone is then one of the
 * overdue ones: "1 overdue" says it). The reported `status` comes first when the health says
 * something else ("blocked · health on track"): health is shown beside the reported status,
 * never instead of it.
 */
export function programRowDescription(facts: ProgramRowFacts, today: string, status?: string): string {
  const next = facts.next && facts.overdue === 0 && `next ${facts.next.due.slice(0, 4) === today.slice(0, 4) ? facts.next.due.slice(5) : facts.next.due}`;
  const health = facts.healthLabel?.toLowerCase();
  const reported = status !== undefined && status !== '' && status !== facts.health ? status : undefined;
  return [
    reported,
    reported && health ? `health ${health}` : health,
    next,
    facts.overdue > 0 && `${facts.overdue} overdue`,
    facts.highRisks > 0 && `${facts.highRisks} high risk${facts.highRisks === 1 ? '' : 's'}`,
  ].filter(Boolean).join(' · ');
}

/** "on-track · @maria · target 2026-06-30". */
export function programDescription(node: Pick<ProgramNode, 'status' | 'owner' | 'target'>): string {
  return [node.status, node.owner, node.target && `target ${node.target}`].filter(Boolean).join(' · ');
}

/** "overdue · due 2026-02-01 · @vera · 2 deps" (the status is the row's icon, and in its tooltip). */
export function milestoneDescription(node: MilestoneNode): string {
  return [
    node.overdue && 'overdue',
    node.due && `due ${node.due}`,
    node.owner,
    node.dependencies > 0 && `${node.dependencies} dep${node.dependencies === 1 ? '' : 's'}`,
  ].filter(Boolean).join(' · ');
}

/**
 * "likelihood high · impact medium", then the status when it is not `open` (an unmitigated
 * risk has its own icon, and says so in its tooltip).
 */
export function riskDescription(node: RiskNode): string {
  return [node.likelihood && `likelihood ${node.likelihood}`, node.impact && `impact ${node.impact}`, node.status !== 'open' && node.status].filter(Boolean).join(' · ');
}

export function decisionDescription(node: DecisionNode): string {
  return ['proposed', node.owner].filter(Boolean).join(' · ');
}

/** "5 · 2 need attention". */
export function sectionDescription(node: Pick<ProgramSectionNode, 'section' | 'count' | 'flagged'>): string {
  if (node.flagged === 0) return String(node.count);
  const what = node.section === 'risks' ? 'unmitigated' : 'overdue or at risk';
  return `${node.count} · ${node.flagged} ${what}`;
}

function sortBriefs(briefs: readonly Brief[]): Brief[] {
  return [...briefs].sort((a, b) => compareText(programLabel(a), programLabel(b)) || compareText(a.uri, b.uri));
}

function groupOrder(grouping: ProgramsGrouping): (a: string, b: string) => number {
  if (grouping === 'status') {
    const rank = (status: string) => {
      const at = (PROGRAM_STATUS_ORDER as readonly string[]).indexOf(status);
      return at < 0 ? PROGRAM_STATUS_ORDER.length : at;
    };
    return (a, b) => rank(a) - rank(b) || compareText(a, b);
  }
  const last = grouping === 'owner' ? NO_OWNER : NO_TEAM;
  return (a, b) => Number(a === last) - Number(b === last) || compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}

