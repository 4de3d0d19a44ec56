/**
 * The answers to the custom view requests of src/server/protocol.ts (Checklist and Programs
 * trees, diagram, status bar, pickers): the core's view models over the server's workspace,
 * made JSON-safe (no `Brief` objects or file texts go over the wire; a child is found again by
 * its parent's uri and id in the current model, so a node that predates an edit still works).
 */
import { type Brief, type BriefsConfig, type BriefWorkspace, buildDiagramModel, HEALTH_LABELS, highRiskCount, nextMilestone, programHealth, workspaceSchedule, checklistChildEntries, type ChecklistEntry, checklistEntryById, checklistHeadings, checklistProgramChildren, checklistPrograms, checklistTopEntries, type ChecklistViewOptions, criticalPathSteps, diagramSchedule, displayStatus, isMilestoneOverdue, knownHandles, levelOf, milestoneFacts, programAttention, programFacts, programNodes, programSections, programsRoot, type ProgramsTreeNode, sectionEntries } from '../core';
import type {
  BriefSummary, BriefsResult, ChecklistParams, ChecklistResult, ChecklistWireNode, CriticalPathParams, CriticalPathResult, DiagramParams,
  DiagramResult, GraphNodeParams, GraphNodeResult, ProgramsParams, ProgramsResult, ProgramsWireNode, StatusResult,
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
  return buildDiagramModel(workspace.graph(), { options: params.options, focus: params.focus, today, cycles: workspace.cycles(), schedule: diagramSchedule(workspace) });
}

export function criticalPathResult(source: ViewModelSource, params: CriticalPathParams): CriticalPathResult {
  return criticalPathSteps(source.workspace.graph(), levelOf(params.options), params.nodeId, diagramSchedule(source.workspace));
}

export function graphNodeResult(source: ViewModelSource, params: GraphNodeParams): GraphNodeResult {
  const node = source.workspace.graph().nodes.get(params.nodeId);
  return node ? { uri: node.uri, line: node.line } : null;
}
