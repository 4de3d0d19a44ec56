/**
 * The schedule's nodes and edges, from the workspace model (docs/schedule.md; the rules are the
 * v2 spec's section 1): a node for every milestone that is not `cancelled` and one "program
 * finish" node per program; an edge wherever a reference names a milestone, and from each of a
 * program's milestones to its finish. A reference to a whole program moves no date; one that
 * names nothing, or a cancelled milestone, is left out here (v1 reports the unknown ones).
 */
import type { Brief, Milestone } from '../model';
import type { Range } from '../range';
import { hasSchemaProblemUnder } from '../rules/helpers';
import type { BriefWorkspace } from '../workspace';
import { dayNumber } from './days';

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
  /** Nodes this one waits for, sorted by id. */
  predecessors: string[];
  /** Nodes that wait for this one, sorted by id. */
  successors: string[];
}

/** The nodes of a workspace, keyed by id. Edges are in the nodes (both directions). */
export type ScheduleGraph = Map<string, ScheduleNode>;

/** The brief that defines each program id (the first by uri when an id is duplicated, as `workspace.program`). */
function programBriefs(workspace: BriefWorkspace): Brief[] {
  return workspace.briefs().filter((brief) => brief.program && workspace.program(brief.program.value) === brief);
}

/** A milestone's status, unless the schema rejected it (then nothing is known of it). */
function statusOf(brief: Brief, milestone: Milestone): string | undefined {
  return hasSchemaProblemUnder(brief, ['milestones', milestone.index, 'status']) ? undefined : milestone.status?.value;
}

export function buildScheduleGraph(workspace: BriefWorkspace): ScheduleGraph {
  const graph: ScheduleGraph = new Map();
  const briefs = programBriefs(workspace);
  /** The milestone each milestone node was made from: only its `depends_on` gives edges. */
  const madeFrom = new Map<string, Milestone>();
  for (const brief of briefs) {
    const program = brief.program!.value;
    graph.set(program, {
      id: program, kind: 'program', program, uri: brief.uri, range: brief.program!.range,
      ...(brief.title && { title: brief.title.value }),
      ...(brief.owner && { owner: brief.owner.value }),
      ...(brief.status && !hasSchemaProblemUnder(brief, ['status']) && { status: brief.status.value }),
      ...(brief.target && !hasSchemaProblemUnder(brief, ['target']) && { planned: dayNumber(brief.target.value) }),
      pinned: false, predecessors: [], successors: [],
    });
    for (const milestone of brief.milestones) {
      if (!milestone.id) continue;
      const id = `${program}#${milestone.id.value}`;
      const status = statusOf(brief, milestone);
      // A duplicated milestone id (id-duplicate): the first one is the node.
      if (status === 'cancelled' || graph.has(id)) continue;
      const due = milestone.due && !hasSchemaProblemUnder(brief, ['milestones', milestone.index, 'due']) ? milestone.due.value : undefined;
      graph.set(id, {
        id, kind: 'milestone', program, milestone: milestone.id.value, uri: brief.uri, range: milestone.id.range,
        ...(milestone.title && { title: milestone.title.value }),
        ...(milestone.owner && { owner: milestone.owner.value }),
        ...(status && { status }),
        ...(due !== undefined && { planned: dayNumber(due) }),
        pinned: status === 'done', predecessors: [], successors: [],
      });
      madeFrom.set(id, milestone);
    }
  }
  const link = (from: string, to: string) => {
    const a = graph.get(from);
    const b = graph.get(to);
    if (!a || !b || a === b || b.predecessors.includes(from)) return;
    b.predecessors.push(from);
    a.successors.push(to);
  };
  for (const brief of briefs) {
    const program = brief.program!.value;
    for (const milestone of brief.milestones) {
      if (!milestone.id) continue;
      const id = `${program}#${milestone.id.value}`;
      if (madeFrom.get(id) !== milestone) continue;
      for (const entry of milestone.dependsOn) {
        if (entry.milestone !== undefined) link(`${entry.program}#${entry.milestone}`, id);
      }
      link(id, program);
    }
    for (const entry of brief.dependsOn) {
      if (entry.milestone !== undefined) link(`${entry.program}#${entry.milestone}`, program);
    }
  }
  for (const node of graph.values()) {
    node.predecessors.sort();
    node.successors.sort();
  }
  return graph;
}
