/**
 * The schedule's nodes and edges, from the workspace model (docs/schedule.md; the rules are the
 * v2 spec's section 1): a node for every milestone that is not `cancelled` and one "program
 * finish" node per program; an edge wherever a reference names a milestone, and from each of a
 * program's milestones to its finish. A reference to a whole program moves no date; one that
 * names nothing, or a cancelled milestone, is left out here (v1 reports the unknown ones).
 */
import type { Brief, Milestone } from '../model/model';
import type { Range } from '../model/range';
import { hasSchemaProblemUnder } from '../model/schemaProblems';
import type { BriefWorkspace } from '../workspace/workspace';
import { dayNumber } from './days';
import { milestoneNodeId } from '../model/intern';
import { exactly } from '../model/exactly';

export type ScheduleNodeKind = 'milestone' | 'program';

export interface ScheduleNode {
  /** `program#milestone` for a milestone, the program id for a program finish. */
  id: string;
  kind: ScheduleNodeKind;
  program: string;
  milestone?: string;
  uri: string;
  /** Where the node is declared: the milestone's `id` value, the program's `program` value. */
  range: Range;
  title?: string;
  owner?: string;
  status?: string;
  /** The `due` (milestone) or `target` (program), as a day number, when valid. */
  planned?: number;
  /** A `done` milestone is pinned: its forecast is its planned date. */
  pinned: boolean;
  /** The node ids this node's references name, whether or not they exist (its would-be predecessors). */
  waitsFor: string[];
  /** Nodes this one waits for that exist, sorted by id. */
  predecessors: string[];
  /** Nodes that wait for this one, sorted by id. */
  successors: string[];
}

/** The nodes of a workspace, keyed by id. Edges are in the nodes (both directions). */
export type ScheduleGraph = Map<string, ScheduleNode>;

/** The brief that defines each program id (the first by uri when an id is duplicated, as `workspace.program`). */
export function programBriefs(workspace: BriefWorkspace): Brief[] {
  return workspace.briefs().filter((brief) => brief.program && workspace.program(brief.program.value) === brief);
}

/** Whether the schema rejected the value at `path` (quick when, as usual, the brief has no schema problem). */
export function rejected(brief: Brief, path: (string | number)[]): boolean {
  return brief.schemaProblems.length > 0 && hasSchemaProblemUnder(brief, path);
}

/** A milestone's status, unless the schema rejected it (then nothing is known of it). */
export function statusOf(brief: Brief, milestone: Milestone): string | undefined {
  return rejected(brief, ['milestones', milestone.index, 'status']) ? undefined : milestone.status?.value;
}

/** The ids a list of references names (`prog#ms`), milestones only: a whole program moves no date. */
function milestoneRefs(entries: Brief['dependsOn'], into: string[]): string[] {
  for (const entry of entries) if (entry.milestone !== undefined) into.push(milestoneNodeId(entry.program, entry.milestone));
  return exactly(into);
}


/**
 * The nodes a program's brief makes (its finish first), without edges; `waitsFor` lists what each
 * node's references name. Plain loops, no intermediate arrays: this runs for every brief of
 * every full schedule (docs/benchmark.md).
 */
export function nodesOfBrief(brief: Brief): ScheduleNode[] {
  const program = brief.program!.value;
  const finish: ScheduleNode = {
    id: program, kind: 'program', program, uri: brief.uri, range: brief.program!.range, pinned: false,
    waitsFor: milestoneRefs(brief.dependsOn, []),
    predecessors: [], successors: [],
  };
  if (brief.title) finish.title = brief.title.value;
  if (brief.owner) finish.owner = brief.owner.value;
  if (brief.status && !rejected(brief, ['status'])) finish.status = brief.status.value;
  if (brief.target && !rejected(brief, ['target'])) finish.planned = dayNumber(brief.target.value);
  const nodes = [finish];
  const ids = new Set<string>();
  for (const milestone of brief.milestones) {
    if (!milestone.id) continue;
    const id = milestoneNodeId(program, milestone.id.value);
    const status = statusOf(brief, milestone);
    // A duplicated milestone id (id-duplicate): the first that is not cancelled is the node.
    if (status === 'cancelled' || ids.has(id)) continue;
    ids.add(id);
    const node: ScheduleNode = {
      id, kind: 'milestone', program, milestone: milestone.id.value, uri: brief.uri, range: milestone.id.range,
      pinned: status === 'done',
      waitsFor: milestoneRefs(milestone.dependsOn, []),
      predecessors: [], successors: [],
    };
    if (milestone.title) node.title = milestone.title.value;
    if (milestone.owner) node.owner = milestone.owner.value;
    if (status) node.status = status;
    if (milestone.due && !rejected(brief, ['milestones', milestone.index, 'due'])) node.planned = dayNumber(milestone.due.value);
    nodes.push(node);
    // Every program finish waits for each of its own milestones.
    finish.waitsFor.push(id);
  }
  finish.waitsFor = exactly(finish.waitsFor);
  return nodes;
}

/**
 * Adds the edge `from` → `to` (to waits for from) when both exist; no self-loops, no duplicates.
 * Keeps the lists sorted, each in an array of its own length (a pushed-to or spliced array keeps
 * 16 or more slots, and a workspace's schedule holds two such lists per node: docs/benchmark.md,
 * "The language server's memory per brief").
 */
export function link(graph: ScheduleGraph, from: string, to: string): boolean {
  const a = graph.get(from);
  const b = graph.get(to);
  if (!a || !b || a === b || b.predecessors.includes(from)) return false;
  b.predecessors = withInserted(b.predecessors, from);
  a.successors = withInserted(a.successors, to);
  return true;
}

/** A copy of a sorted list with `id` in its place, exactly as long as it must be. */
function withInserted(list: readonly string[], id: string): string[] {
  let at = list.length;
  while (at > 0 && list[at - 1] > id) at--;
  const out = new Array<string>(list.length + 1);
  for (let i = 0; i < at; i++) out[i] = list[i];
  out[at] = id;
  for (let i = at; i < list.length; i++) out[i + 1] = list[i];
  return out;
}
