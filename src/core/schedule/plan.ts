/**
 * The full schedule of a workspace in numbered form, built straight from the briefs
 * (docs/benchmark.md, "The schedule"). Nodes are numbers (the ranks of their sorted ids), edges
 * are compressed rows, forecasts are typed arrays: no object per node and no map keyed by
 * concatenated ids in the hot path. The node objects (`ScheduleGraph`) and the per-id results
 * (`ScheduleResult`) that the views read are made from it on first use.
 *
 * It decides nodes and edges exactly as `nodesOfBrief` and `buildScheduleGraph` do (the rules
 * are the v2 spec's section 1); test/unit/schedulePlan.test.ts checks that the plan, the graph
 * and the result equal the ones built through the graph, over seeded random workspaces.
 */
import type { Brief, Milestone } from '../model/model';
import type { BriefWorkspace } from '../workspace/workspace';
import { buildSchedule, transpose, uniqueRows } from './build';
import { dayNumber } from './days';
import { cyclesOf, forecastPlan, orderOf, rememberBaseline, resultOf, type PlanForecast, type SchedulePlan, type ScheduleResult } from './forecast';
import { nodesOfBrief, programBriefs, rejected, statusOf, type ScheduleGraph } from './nodes';
import { milestoneNodeId } from '../model/intern';

/** A plan that knows where each node comes from, to make its node object when one is asked for. */
export interface WorkspacePlan extends SchedulePlan {
  /** The program briefs the plan was made from, in the workspace's order. */
  programs: Brief[];
}

/**
 * The numbered plan of a workspace, built without a node object or a map keyed by
 * `program#milestone` strings:
 *
 * - Node numbers are the ranks of the sorted ids. When no program id has a character at or
 *   below `#` (the schema allows none), sorting the programs and, within each brief, its
 *   milestones gives that order directly: `p` < `p#m` < `p#n` < `q` for programs p < q, also when
 *   p is a prefix of q, because the character of q after p is above `#`. A program's nodes are
 *   then consecutive: its finish, then its milestones by id.
 * - A reference `program#milestone` is found by the program (a map keyed by the program ids the
 *   briefs hold) and a binary search among that program's milestones.
 * - `index` (id → number) is made on first use only.
 *
 * Undefined when some program id does have such a character (then `scheduleWorkspace` goes
 * through the graph, which handles every case the same way as before).
 */
export function planWorkspace(workspace: BriefWorkspace): WorkspacePlan | undefined {
  const programs = programBriefs(workspace);
  // The ids are read out once and the sort compares them, not the briefs: following two
  // references per comparison into a heap of thousands of parsed briefs costs more than the sort.
  const keys = programs.map((brief) => brief.program!.value);
  for (const key of keys) if (!sortsAsGroup(key)) return undefined;
  const sorted = keys.map((_, i) => i).sort((a, b) => compareIds(keys[a], keys[b])).map((i) => programs[i]);

  // Per node number: its id, its milestone id ('' for a finish), planned date, pinning, and the
  // references it has (a milestone's `depends_on`, a program's top-level `depends_on`).
  const ids: string[] = [];
  const names: string[] = [];
  const plannedDays: number[] = [];
  const pinned: boolean[] = [];
  const references: Brief['dependsOn'][] = [];
  /** For a program finish, how many of its own milestones follow it; 0 for a milestone. */
  const own: number[] = [];
  const finishOf = new Map<string, number>();
  const candidates: Milestone[] = [];
  for (const brief of sorted) {
    const program = brief.program!.value;
    const finish = ids.length;
    finishOf.set(program, finish);
    ids.push(program);
    names.push('');
    // Most briefs have no schema problem: then nothing was rejected, and no path is built to ask.
    const clean = brief.schemaProblems.length === 0;
    plannedDays.push(brief.target && (clean || !rejected(brief, ['target'])) ? dayNumber(brief.target.value) : Number.NaN);
    pinned.push(false);
    references.push(brief.dependsOn);
    own.push(0);
    candidates.length = 0;
    for (const milestone of brief.milestones) {
      if (milestone.id && statusIn(brief, clean, milestone) !== 'cancelled') candidates.push(milestone);
    }
    // Stable: of milestones with the same id (id-duplicate), the first in the brief stays first and is the node.
    candidates.sort((a, b) => compareIds(a.id!.value, b.id!.value));
    for (let i = 0; i < candidates.length; i++) {
      const milestone = candidates[i];
      const name = milestone.id!.value;
      if (i > 0 && name === names[names.length - 1]) continue;
      ids.push(milestoneNodeId(program, name));
      names.push(name);
      plannedDays.push(milestone.due && (clean || !rejected(brief, ['milestones', milestone.index, 'due'])) ? dayNumber(milestone.due.value) : Number.NaN);
      pinned.push(statusIn(brief, clean, milestone) === 'done');
      references.push(milestone.dependsOn);
      own.push(0);
      own[finish]++;
    }
  }
  const n = ids.length;

  /** The node `program#milestone` names, or -1 (as `graph.get` of the concatenated id would find it). */
  const find = (program: string, milestone: string): number => {
    const hash = program.indexOf('#');
    if (hash >= 0) {
      // `a#b` + `#` + `c` is the id `a#b#c`: program `a`, milestone `b#c` (no program id has a `#`).
      milestone = `${program.slice(hash + 1)}#${milestone}`;
      program = program.slice(0, hash);
    }
    const finish = finishOf.get(program);
    if (finish === undefined) return -1;
    let low = finish + 1;
    let high = finish + own[finish];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const name = names[middle];
      if (name === milestone) return middle;
      if (name < milestone) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };

  // Every edge as (from, to), in increasing `to` (see `uniqueRows`): what a node's references
  // name, and for a program finish its own milestones (the numbers right after its own).
  let capacity = n;
  for (let v = 0; v < n; v++) capacity += references[v].length;
  const from = new Int32Array(capacity);
  const to = new Int32Array(capacity);
  let edges = 0;
  for (let v = 0; v < n; v++) {
    const entries = references[v];
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k];
      if (entry.milestone === undefined) continue;
      const u = find(entry.program, entry.milestone);
      if (u < 0 || u === v) continue;
      from[edges] = u;
      to[edges] = v;
      edges++;
    }
    for (let m = v + 1; m <= v + own[v]; m++) {
      from[edges] = m;
      to[edges] = v;
      edges++;
    }
  }
  const successors = uniqueRows(n, from, to, edges);
  const predecessors = transpose(n, successors);
  const onCycle = cyclesOf(successors);
  const planned = Float64Array.from(plannedDays);
  const order = orderOf(predecessors, successors, onCycle);
  let index: Map<string, number> | undefined;
  return {
    ids,
    get index() {
      if (!index) {
        index = new Map();
        for (let v = 0; v < n; v++) index.set(ids[v], v);
      }
      return index;
    },
    predecessors, successors, pinned, planned, onCycle, order, programs,
  };
}

/** `statusOf`, without building the path to ask about when the brief has no schema problem. */
function statusIn(brief: Brief, clean: boolean, milestone: Milestone): string | undefined {
  return clean ? milestone.status?.value : statusOf(brief, milestone);
}

/** Code-unit order, as `Array.prototype.sort` without a comparator. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether every character of a program id sorts after `#` (see `planWorkspace`). */
function sortsAsGroup(program: string): boolean {
  for (let i = 0; i < program.length; i++) if (program.charCodeAt(i) <= 0x23) return false;
  return true;
}

/**
 * The full schedule of a workspace: every node's forecast, slip, slack and driver, in numbered
 * form (`plan`, `numbers`). `graph` and `result` are the same schedule as `buildScheduleGraph`
 * and `computeSchedule` give, made on first use (and then kept).
 */
export class WorkspaceSchedule {
  private graphView?: ScheduleGraph;
  private resultView?: ScheduleResult;

  constructor(readonly plan: SchedulePlan, readonly numbers: PlanForecast, private readonly programs: Brief[], graph?: ScheduleGraph) {
    this.graphView = graph;
  }

  /** The node objects, keyed by id (read them, do not change them). */
  get graph(): ScheduleGraph {
    if (!this.graphView) this.graphView = graphOf(this.plan, this.programs);
    return this.graphView;
  }

  /** Forecast, slip, slack and driver by id (read them, do not change them). */
  get result(): ScheduleResult {
    if (!this.resultView) this.resultView = resultOf(this.plan, this.numbers);
    return this.resultView;
  }
}

export function scheduleWorkspace(workspace: BriefWorkspace): WorkspaceSchedule {
  const planned = planWorkspace(workspace);
  const built = planned ? undefined : buildSchedule(workspace);
  const plan = planned ?? built!.plan;
  const numbers = forecastPlan(plan);
  // What-ifs on this schedule (slipImpact with this plan) start from these numbers.
  rememberBaseline(plan, numbers);
  return new WorkspaceSchedule(plan, numbers, planned ? planned.programs : programBriefs(workspace), built?.graph);
}

/** The node objects of a plan: `nodesOfBrief` of each program brief, edges written from the rows. */
function graphOf(plan: SchedulePlan, programs: Brief[]): ScheduleGraph {
  const graph: ScheduleGraph = new Map();
  for (const brief of programs) {
    for (const node of nodesOfBrief(brief)) graph.set(node.id, node);
  }
  const { ids, index, predecessors, successors } = plan;
  for (const node of graph.values()) {
    const v = index.get(node.id)!;
    for (let k = predecessors.start[v]; k < predecessors.start[v + 1]; k++) node.predecessors.push(ids[predecessors.list[k]]);
    for (let k = successors.start[v]; k < successors.start[v + 1]; k++) node.successors.push(ids[successors.list[k]]);
  }
  return graph;
}
