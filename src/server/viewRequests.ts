/**
 * The answers to the custom view requests of src/server/protocol.ts (Checklist and Programs
 * trees, diagram, status bar, pickers): the core's view models over the server's workspace,
 * made JSON-safe (no `Brief` objects or file texts go over the wire; a child is found again by
 * its parent's uri and id in the current model, so a node that predates an edit still works).
 * The reports (status report, what changed since a git revision) are the CLI's: the same core
 * functions, and git through src/host (git.ts, history.ts), as `brief report` and `brief diff`.
 */
import { type Brief, type BriefsConfig, BriefWorkspace, buildDiagramModel, HEALTH_LABELS, highRiskCount, nextMilestone, programHealth, workspaceSchedule, checklistChildEntries, type ChecklistEntry, checklistEntryById, checklistHeadings, checklistProgramChildren, checklistPrograms, checklistTopEntries, type ChecklistViewOptions, criticalPathSteps, displayStatus, isMilestoneOverdue, knownHandles, levelOf, milestoneFacts, programAttention, programFacts, programNodes, programSections, programsRoot, type ProgramsTreeNode, sectionEntries } from '../core';
import { buildTimeline, buildReport, changeSentence, DEFAULT_HORIZON, type DiffChange, diffWorkspaces, reportHtml, reportMarkdown } from '../core';
import { GitError, headCommit, listRefs, openRepository } from '../host/git';
import { workspaceAt } from '../host/history';
import { DiskTexts } from './diskTexts';
import type {
  ChangesSinceParams, ChangesSinceResult, ChangeWire, GitRefsParams, GitRefsResult, ReportParams, ReportResult,
  BriefSummary, BriefsResult, ChecklistParams, ChecklistResult, ChecklistWireNode, CriticalPathParams, CriticalPathResult, DiagramParams,
  DiagramResult, GraphNodeParams, GraphNodeResult, ProgramsParams, ProgramsResult, ProgramsWireNode, StatusResult,
  TimelineBaselineParams, TimelineBaselineResult, TimelineResult,
} from './protocol';

export interface ViewModelSource {
  workspace: BriefWorkspace;
  /** YYYY-MM-DD: the effective today of the workspace. */
  today: string;
  configOf(uri: string): BriefsConfig;
}

export function briefSummary(brief: Brief): BriefSummary {
  return { uri: brief.uri, ...(brief.program && { program: brief.program.value }), ...(brief.title && { title: brief.title.value }) };
}

export function briefsResult(source: ViewModelSource): BriefsResult {
  return { briefs: source.workspace.briefs().map(briefSummary), today: source.today };
}

export function statusResult(source: ViewModelSource): StatusResult {
  const briefs = source.workspace.briefs();
  let programs = 0;
  let overdue = 0;
  for (const brief of briefs) {
    if (brief.program !== undefined) programs++;
    for (const milestone of brief.milestones) if (isMilestoneOverdue(milestone, brief, source.today)) overdue++;
  }
  return { briefs: briefs.length, programs, overdue, today: source.today };
}

export function handlesResult(source: ViewModelSource, uri: string): string[] {
  return knownHandles(source.workspace, source.configOf(uri));
}

function entryWire(entry: ChecklistEntry): ChecklistWireNode {
  const { source: _text, ...wire } = entry;
  return wire;
}

export function checklistResult(source: ViewModelSource, params: ChecklistParams): ChecklistResult {
  const { workspace, today } = source;
  const options: ChecklistViewOptions = { filter: params.filter ?? {}, today };
  const result = (nodes: ChecklistWireNode[], text?: string): ChecklistResult => ({
    nodes, briefs: workspace.briefs().length, today, ...(text !== undefined && nodes.some((n) => n.kind === 'item') && { text }),
  });
  const node = params.parent;
  if (!node) return result(checklistPrograms(workspace.briefs(), options));
  const found = workspace.get(node.uri);
  if (!found?.isBrief) return result([]);
  const brief = found;
  const items = (entries: ChecklistWireNode[]) => result(entries, brief.text);
  if (node.kind === 'program') return items(checklistProgramChildren(brief, options).map((n) => (n.kind === 'item' ? entryWire(n) : n)));
  if (node.kind === 'heading') {
    const current = node.heading ? checklistHeadings(brief, options).find((h) => h.id === node.id) : node;
    return items(current ? checklistTopEntries(brief, current.heading?.line, options).map(entryWire) : []);
  }
  // An item: the items nested in it, found again by its id in the current text.
  const current = checklistEntryById(brief, node.id, options);
  return items(current ? checklistChildEntries(brief, current.index, options).map(entryWire) : []);
}

function programsWire(node: ProgramsTreeNode, workspace: BriefWorkspace, today: string, schedule: () => ReturnType<typeof workspaceSchedule>): ProgramsWireNode {
  switch (node.kind) {
    case 'group': {
      const { briefs, ...rest } = node;
      // A status group's key is the status as written: the core says what it shows as.
      return { ...rest, uris: briefs.map((b) => b.uri), ...(node.grouping === 'status' && { display: displayStatus({ kind: 'program', status: node.key }, today) }) };
    }
    case 'program': {
      const { brief, ...rest } = node;
      const attention = programAttention(brief, today);
      // Health as report/health.ts decides it, over the workspace's one schedule (docs/schedule.md).
      const health = brief.program ? programHealth(brief, schedule(), today) : undefined;
      const next = nextMilestone(brief, today);
      return {
        ...rest, display: displayStatus(programFacts(brief), today), attention,
        row: {
          ...(health && { health: health.health, healthLabel: HEALTH_LABELS[health.health] }), reasons: health?.reasons.map((r) => r.message) ?? [],
          ...(next && { next }), overdue: attention.overdueMilestones, highRisks: highRiskCount(brief),
        },
      };
    }
    case 'section': {
      const { brief: _brief, ...rest } = node;
      return rest;
    }
    case 'milestone': {
      const index = /\/milestone:(\d+)$/.exec(node.id)?.[1];
      const brief = workspace.get(node.uri);
      const milestone = index === undefined ? undefined : brief?.milestones[Number(index)];
      return brief && milestone ? { ...node, display: displayStatus(milestoneFacts(brief, milestone), today) } : node;
    }
    default:
      return node;
  }
}

export function programsResult(source: ViewModelSource, params: ProgramsParams): ProgramsResult {
  const { workspace, today } = source;
  let schedule: ReturnType<typeof workspaceSchedule> | undefined;
  const scheduleOnce = () => (schedule ??= workspaceSchedule(workspace));
  const wire = (nodes: ProgramsTreeNode[]): ProgramsResult => ({ nodes: nodes.map((n) => programsWire(n, workspace, today, scheduleOnce)), briefs: workspace.briefs().length, today });
  const node = params.parent;
  if (!node) return wire(programsRoot(workspace.briefs(), params.grouping));
  // Nodes may predate the last edit: the briefs are read afresh.
  switch (node.kind) {
    case 'group':
      return wire(programNodes(node.uris.map((uri) => workspace.get(uri)).filter((b): b is Brief => b?.isBrief === true), node.id));
    case 'program': {
      const brief = workspace.get(node.uri);
      return wire(brief?.isBrief ? programSections(brief, node.id, today) : []);
    }
    case 'section': {
      const brief = workspace.get(node.uri);
      return wire(brief?.isBrief ? sectionEntries({ ...node, brief }, today) : []);
    }
    default:
      return wire([]);
  }
}

export function diagramResult(source: ViewModelSource, params: DiagramParams): DiagramResult {
  const { workspace, today } = source;
  return buildDiagramModel(workspace.graph(), { options: params.options, focus: params.focus, today, cycles: workspace.cycles(), schedule: workspaceSchedule(workspace) });
}

export function criticalPathResult(source: ViewModelSource, params: CriticalPathParams): CriticalPathResult {
  return criticalPathSteps(source.workspace.graph(), levelOf(params.options), params.nodeId, workspaceSchedule(source.workspace));
}

export function timelineResult(source: ViewModelSource): TimelineResult {
  return buildTimeline(source.workspace, source.today);
}

export function graphNodeResult(source: ViewModelSource, params: GraphNodeParams): GraphNodeResult {
  const node = source.workspace.graph().nodes.get(params.nodeId);
  return node ? { uri: node.uri, line: node.line } : null;
}

// --- Reports: the status report and what changed since a git revision ------------------------

/** The server's folders as the reports need them. */
export interface ReportSource extends ViewModelSource {
  /** The workspace folders (absolute paths), each with its config and maximum file size. */
  folders: readonly { path: string; config: BriefsConfig; maxFileSizeKB?: number }[];
  /** A uri as the user reads it: relative to its folder. */
  fileOf(uri: string): string;
}

/** A user-fixable problem of a report request (git's), answered as the error InvalidParams with this message. */
export class ReportRequestError extends Error {}

const MAX_HORIZON = 3650;

export async function reportResult(source: ReportSource, params: ReportParams | undefined): Promise<ReportResult> {
  const asked = params?.horizon;
  const horizon = Number.isInteger(asked) && asked! >= 0 && asked! <= MAX_HORIZON ? asked! : DEFAULT_HORIZON;
  const first = source.folders[0];
  const commit = first && params?.git !== false ? await headCommit(first.path) : undefined;
  const report = buildReport(source.workspace, { today: source.today, horizon, fileOf: source.fileOf, ...(commit && { commit }) });
  const options = { fileOf: source.fileOf };
  return {
    html: reportHtml(report, options),
    markdown: reportMarkdown(report, options),
    today: report.today,
    programs: report.programs.map((p) => ({ program: p.program, ...(p.title !== undefined && { title: p.title }), health: p.health, uri: p.uri, line: p.line })),
  };
}

function firstFolderPath(source: ReportSource): string {
  const first = source.folders[0];
  if (!first) throw new ReportRequestError('no workspace folder is open: open the folder of your briefs (a git clone) first');
  return first.path;
}

/** Git's problems the user can fix become ReportRequestErrors; anything else is a bug and stays as it is. */
async function gitAnswer<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GitError) throw new ReportRequestError(error.message);
    throw error;
  }
}

export function gitRefsResult(source: ReportSource, params: GitRefsParams | undefined): Promise<GitRefsResult> {
  const asked = params?.commits;
  const count = Number.isInteger(asked) && asked! > 0 ? Math.min(asked!, 200) : 20;
  return gitAnswer(async () => {
    const repository = await openRepository(firstFolderPath(source));
    return { ...(await listRefs(repository, count)), shallow: repository.shallow };
  });
}

/** Kinds whose `line` is in the old text of the brief (what was removed): opened at the program's line now. */
const REMOVED = new Set(['milestone-removed', 'risk-removed', 'checklist-removed']);

export function changesSinceResult(source: ReportSource, params: ChangesSinceParams | undefined): Promise<ChangesSinceResult> {
  const ref = typeof params?.ref === 'string' ? params.ref.trim() : '';
  if (ref === '') return Promise.reject(new ReportRequestError('no revision given: a branch, tag, commit or date (YYYY-MM-DD)'));
  firstFolderPath(source);
  return gitAnswer(async () => {
    // Every folder at REF, from git (one batch each), in one workspace as the server's is.
    const { workspace: before, since } = await workspaceAtRef(source, ref);
    const changes = diffWorkspaces({ workspace: before, fileOf: source.fileOf }, { workspace: source.workspace, fileOf: source.fileOf });
    return { since, changes: changes.map((change) => changeWire(change, source)) };
  });
}

/** The sentence's subject for a milestone, risk or decision: its kind's noun, its id and title, as changeSentence begins. */
function subjectOf(change: DiffChange, sentence: string): string | undefined {
  const noun = change.kind.split('-')[0];
  if (noun !== 'milestone' && noun !== 'risk' && noun !== 'decision') return undefined;
  const subject = `${noun} ${change.id ?? change.program}${change.text !== undefined ? ` (${change.text})` : ''}`;
  return sentence.startsWith(subject) && sentence.length > subject.length ? subject : undefined;
}

function changeWire(change: DiffChange, source: ReportSource): ChangeWire {
  const sentence = changeSentence(change);
  const subject = subjectOf(change, sentence);
  const wire: ChangeWire = { program: change.program, kind: change.kind, ...(change.id !== undefined && { id: change.id }), sentence, ...(subject && { subject }), file: change.file };
  const brief = source.workspace.program(change.program);
  if (!brief?.program || change.kind === 'program-removed') return wire;
  const line = change.line !== undefined && !REMOVED.has(change.kind) ? change.line : brief.program.range.start.line;
  return { ...wire, location: { uri: brief.uri, line } };
}

/** The workspace at REF (every folder, from git in one batch each), as one workspace. */
async function workspaceAtRef(source: ReportSource, ref: string): Promise<{ workspace: BriefWorkspace; since: ChangesSinceResult['since'] }> {
  const pasts = [];
  for (const folder of source.folders) {
    pasts.push(await workspaceAt(ref, { cwd: folder.path, paths: ['.'], config: folder.config, current: source.workspace, isTextOf: DiskTexts.sameText, ...(folder.maxFileSizeKB !== undefined && { maxFileSizeKB: folder.maxFileSizeKB }) }));
  }
  let workspace = pasts[0].workspace;
  if (pasts.length > 1) {
    workspace = new BriefWorkspace();
    for (const past of pasts) for (const brief of past.workspace.briefs()) workspace.setBrief(brief);
  }
  return { workspace, since: pasts[0].since };
}

/**
 * The dates the bars had at REF ("Compare with…"): the timeline of the workspace then, its bars
 * matched to today's by program and milestone id (a milestone without an id has no baseline).
 */
export function timelineBaselineResult(source: ReportSource, params: TimelineBaselineParams | undefined): Promise<TimelineBaselineResult> {
  const ref = typeof params?.ref === 'string' ? params.ref.trim() : '';
  if (ref === '') return Promise.reject(new ReportRequestError('no revision given: a branch, tag, commit or date (YYYY-MM-DD)'));
  firstFolderPath(source);
  return gitAnswer(async () => {
    const past = await workspaceAtRef(source, ref);
    const then = buildTimeline(past.workspace, source.today);
    const dates = new Map<string, { start: string; due: string }>();
    for (const row of then.rows) for (const bar of row.bars) if (bar.milestone !== undefined) dates.set(`${bar.program}#${bar.milestone}`, { start: bar.start, due: bar.due });
    const now = buildTimeline(source.workspace, source.today);
    const bars: Record<string, { start: string; due: string }> = {};
    for (const row of now.rows) {
      for (const bar of row.bars) {
        const was = bar.milestone === undefined ? undefined : dates.get(`${bar.program}#${bar.milestone}`);
        if (was) bars[bar.key] = was;
      }
    }
    return { since: past.since, bars };
  });
}
