/**
 * The workspace's schedule as the rules `schedule-slip` and `status-optimistic` read it
 * (docs/schedule.md), brought up to date whenever a rule asks, so the CLI, the language server
 * and the extension, which all lint through `lintBrief`, report from the same schedule.
 *
 * A workspace linted once (the CLI) gets its schedule computed once, from scratch
 * (`buildScheduleGraph` + `computeSchedule`: less work and memory than an incremental index).
 * A workspace that is edited (the editor, the language server) gets a `ScheduleIndex`, which
 * recomputes only what an edit can change: from the start when its owner calls
 * `keepScheduleIncremental`, else from its first change on. What changed in the schedule since
 * the last `scheduleAffectedUris` is kept, so that after an edit the editor re-lints only the
 * briefs whose schedule facts changed (see `briefsAffectedBy`).
 */
import type { Brief, Milestone } from '../model/model';
import type { Range } from '../model/range';
import { buildScheduleGraph, computeSchedule, dateOfDay, ScheduleIndex, type NodeSchedule, type ScheduleGraph, type ScheduleNode, type ScheduleResult } from '../schedule';
import type { BriefWorkspace } from '../workspace/workspace';
import type { RelatedLocation } from './rule';
import { milestoneWithId } from './helpers';

/** What the rules read of the schedule. */
export interface ScheduleFacts {
  readonly nodes: ReadonlyMap<string, ScheduleNode>;
  readonly schedule: ReadonlyMap<string, NodeSchedule>;
}

interface LintSchedule {
  /** The workspace version `facts` are for. */
  version: number;
  facts: ScheduleFacts;
  index?: ScheduleIndex;
  /** The graph and result computed from scratch, while there is no index. */
  full?: WorkspaceSchedule;
  /** Ids whose schedule changed since the last `scheduleAffectedUris` (none for the first computation: everything is linted then). */
  pending: Set<string>;
}

const schedules = new WeakMap<BriefWorkspace, LintSchedule>();
/** Workspaces whose owner edits them: incremental from the start. */
const incremental = new WeakSet<BriefWorkspace>();

/** Keeps this workspace's schedule incrementally from its first computation on (for an editor, before its first lint). */
export function keepScheduleIncremental<W extends BriefWorkspace>(workspace: W): W {
  incremental.add(workspace);
  return workspace;
}

function lintScheduleOf(workspace: BriefWorkspace): LintSchedule {
  let own = schedules.get(workspace);
  if (!own) {
    if (incremental.has(workspace)) {
      const index = new ScheduleIndex();
      index.update(workspace);
      own = { version: workspace.version, facts: index, index, pending: new Set() };
    } else {
      const graph = buildScheduleGraph(workspace);
      const result = computeSchedule(graph);
      own = { version: workspace.version, facts: { nodes: graph, schedule: result }, full: { graph, result }, pending: new Set() };
    }
    schedules.set(workspace, own);
    return own;
  }
  if (own.version === workspace.version) return own;
  own.version = workspace.version;
  if (own.index) {
    for (const id of own.index.update(workspace).changed) own.pending.add(id);
    return own;
  }
  // Computed once from scratch, and now edited: incremental from here on.
  const before = own.facts;
  const index = new ScheduleIndex();
  index.update(workspace);
  own.index = index;
  own.facts = index;
  own.full = undefined;
  for (const [id, now] of index.schedule) {
    const was = before.schedule.get(id);
    if (!was || was.forecast !== now.forecast || was.slip !== now.slip || was.slack !== now.slack || was.driver !== now.driver || was.onCycle !== now.onCycle) own.pending.add(id);
  }
  for (const id of before.nodes.keys()) if (!index.nodes.has(id)) own.pending.add(id);
  return own;
}

/** The workspace's schedule, up to date. */
export function scheduleOf(workspace: BriefWorkspace): ScheduleFacts {
  return lintScheduleOf(workspace).facts;
}

/** The schedule as the editor features and views read it: a graph and its result (read them, do not change them). */
export interface WorkspaceSchedule {
  readonly graph: ScheduleGraph;
  readonly result: ScheduleResult;
}

/**
 * The same schedule lint reads, for hover, code lenses, the diagram and the language server's
 * requests: one per workspace, so a view never shows a forecast other than the one lint
 * reported (docs/schedule.md).
 */
export function workspaceSchedule(workspace: BriefWorkspace): WorkspaceSchedule {
  const own = lintScheduleOf(workspace);
  return own.index ? { graph: own.index.scheduleGraph, result: own.index.scheduleResult } : own.full!;
}

/**
 * The uris of the briefs whose schedule diagnostics may have changed since the last call, or
 * because the briefs of `programs` changed: those of the nodes whose schedule changed and of the
 * nodes of `programs` (their dates may have moved to another line: related locations point
 * there), of the nodes whose driving chain goes through one of them (their messages give the
 * chain's dates), and of the nodes that wait for one of them directly (`schedule-slip` compares
 * a milestone's `due` with its predecessors' planned dates).
 */
export function scheduleAffectedUris(workspace: BriefWorkspace, programs: Iterable<string> = []): Set<string> {
  const own = lintScheduleOf(workspace);
  const uris = new Set<string>();
  const { nodes, schedule } = own.facts;
  const stack = [...own.pending];
  own.pending.clear();
  for (const program of programs) {
    const finish = nodes.get(program);
    if (!finish) continue;
    stack.push(program);
    for (const id of finish.waitsFor) if (nodes.get(id)?.program === program) stack.push(id);
  }
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = nodes.get(id);
    if (!node) continue;
    uris.add(node.uri);
    for (const next of node.successors) {
      const successor = nodes.get(next);
      if (successor) uris.add(successor.uri);
      if (schedule.get(next)?.driver === id) stack.push(next);
    }
  }
  return uris;
}

/** The schedule node of a program, when `brief` is the brief that defines it. */
export function programNode(workspace: BriefWorkspace, brief: Brief): { node: ScheduleNode; schedule: NodeSchedule } | undefined {
  const program = brief.program?.value;
  if (program === undefined || workspace.program(program) !== brief) return undefined;
  const facts = scheduleOf(workspace);
  const node = facts.nodes.get(program);
  const schedule = facts.schedule.get(program);
  return node && schedule ? { node, schedule } : undefined;
}

/** How many days, for messages: "1 day", "5 days". */
export function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

/** What the chain's message and related locations say about one node: "`api#v2` (due 2027-03-05, forecast 2027-03-10)". */
function nodeDates(node: ScheduleNode, schedule: NodeSchedule | undefined): string {
  const planned = node.planned === undefined ? (node.kind === 'program' ? 'no target' : 'no due date') : `${node.kind === 'program' ? 'target' : 'due'} ${dateOfDay(node.planned)}`;
  const forecast = schedule?.forecast;
  if (forecast === undefined || forecast === node.planned) return `\`${node.id}\` (${planned})`;
  return `\`${node.id}\` (${planned}, forecast ${dateOfDay(forecast)})`;
}

export interface DrivingChain {
  /** "`storage#cluster` (due 2027-03-01, forecast 2027-03-10) ← `storage#hardware` (due 2027-03-10)": the chain upstream of the node. */
  text: string;
  /** One per node of the chain, the node itself first: at its `due` (or `target`), else where it is declared. */
  related: RelatedLocation[];
  /** The last node of the chain: what the date really waits for. */
  origin: ScheduleNode;
}

/** The driving chain of a slipping node, for a diagnostic. */
export function drivingChainOf(workspace: BriefWorkspace, id: string): DrivingChain {
  const { nodes, schedule } = scheduleOf(workspace);
  const chain: ScheduleNode[] = [];
  for (let current: string | undefined = id; current !== undefined && !chain.some((node) => node.id === current); current = schedule.get(current)?.driver) {
    const node = nodes.get(current);
    if (!node) break;
    chain.push(node);
  }
  const related = chain.map((node) => ({ uri: node.uri, range: dateRange(workspace, node) ?? node.range, message: nodeDates(node, schedule.get(node.id)) }));
  return { text: chain.slice(1).map((node) => nodeDates(node, schedule.get(node.id))).join(' ← '), related, origin: chain[chain.length - 1] };
}

/** Where a node's date is written: the milestone's `due`, the program's `target`. */
function dateRange(workspace: BriefWorkspace, node: ScheduleNode): Range | undefined {
  const brief = workspace.program(node.program);
  if (!brief || brief.uri !== node.uri) return undefined;
  if (node.kind === 'program') return brief.target?.range;
  const milestone: Milestone | undefined = node.milestone === undefined ? undefined : milestoneWithId(brief, node.milestone);
  return milestone?.due?.range;
}
