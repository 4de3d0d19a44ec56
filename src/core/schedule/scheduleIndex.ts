/**
 * The schedule of a workspace, kept up to date edit by edit (docs/schedule.md). An edit
 * recomputes only what it can change:
 *
 * - Only the programs whose brief changed get their nodes again. Edges come from the nodes'
 *   references, so a node that appears or goes is linked or unlinked with the nodes that name
 *   it (`referencedBy`), whether they named it before or not.
 * - While the edges stay the same (typing a title, a date, a status), the cycles and the
 *   topological order are kept. Forecasts are recomputed from the changed nodes downstream, in
 *   topological order, and the pass stops wherever a forecast comes out unchanged. Slack is
 *   recomputed for the nodes whose forecast changed and for their predecessors.
 * - When the edges change, the cycles and the order are recomputed, and with them every
 *   forecast (a new cycle can change any of them). Nothing is parsed again.
 *
 * test/unit/scheduleIncremental.test.ts checks, over seeded random edit sequences, that the
 * result always equals a computation from scratch.
 */
import type { Brief } from '../model/model';
import type { BriefWorkspace } from '../workspace/workspace';
import { computeSchedule, nodeForecast, nodeSlack, planSchedule, type NodeSchedule, type ScheduleResult, type SchedulePlan } from './forecast';
import { slipImpact, type Impact } from './impact';
import { link, nodesOfBrief, programBriefs, type ScheduleGraph, type ScheduleNode } from './nodes';

export interface ScheduleUpdate {
  /** Whether the edges changed (then everything was recomputed). */
  structural: boolean;
  /** Nodes whose forecast, slip, slack or driver was recomputed. */
  recomputed: number;
  /** Ids whose schedule (forecast, slip, slack, driver, or the node itself) changed. */
  changed: string[];
}

export class ScheduleIndex {
  private readonly graph: ScheduleGraph = new Map();
  private result: ScheduleResult = new Map();
  /** Program id → the brief its nodes were made from. */
  private readonly made = new Map<string, Brief>();
  /**
   * Node id (existing or not) → the ids of the nodes whose references name it: one id as itself,
   * more in a set (most nodes are named once; 17,000 sets of one cost 1 KB per brief).
   */
  private readonly referencedBy = new Map<string, string | Set<string>>();
  private cycles = new Set<string>();
  /**
   * Each node's topological position, by its number in `planIndex` (the plan's own id → number
   * map, kept even when the plan is let go): recomputed with the order.
   */
  private planIndex = new Map<string, number>();
  /** -1 for a node on a cycle (it has no place in the order). */
  private positions = new Int32Array(0);
  /** How many nodes the order holds (none: the next update recomputes it). */
  private ordered = 0;
  /** The workspace of the last update, and its version then. */
  private workspace?: BriefWorkspace;
  private workspaceVersion = -1;
  /**
   * The numbered form of the graph, for what-ifs: made when the edges change. When only dates or
   * statuses change, the nodes made since are kept in `redated`, and the next what-if makes a
   * copy of the plan with their planned dates and pinning (a plan is never changed in place:
   * what-ifs remember the schedule of each plan). Typing pays nothing for it.
   */
  private numbered?: SchedulePlan;
  private redated: ScheduleNode[] = [];

  get nodes(): ReadonlyMap<string, ScheduleNode> {
    return this.graph;
  }

  get schedule(): ReadonlyMap<string, NodeSchedule> {
    return this.result;
  }

  /** The graph itself, for what-if and critical paths (read it, do not change it). */
  get scheduleGraph(): ScheduleGraph {
    return this.graph;
  }

  /** The schedule as a result map, for what-if and critical paths (read it, do not change it). */
  get scheduleResult(): ScheduleResult {
    return this.result;
  }

  /**
   * Slip impact on the current schedule (`slipImpact`), reusing the index's plan: only what is
   * downstream of the moved nodes is recomputed. Throws `ImpactError` as `slipImpact` does.
   */
  impact(ref: string, days: number): Impact {
    if (this.redated.length > 0) this.replanDates();
    this.numbered ??= planSchedule(this.graph);
    return slipImpact(this.graph, ref, days, undefined, this.numbered);
  }

  /** Brings the schedule up to date with the workspace. */
  update(workspace: BriefWorkspace): ScheduleUpdate {
    const none: ScheduleUpdate = { structural: false, recomputed: 0, changed: [] };
    if (workspace === this.workspace && workspace.version === this.workspaceVersion) return none;
    // Only the programs the changed files declare can have another brief now; every program the
    // first time, and when the workspace is another one (brief diff brings the index of the old
    // workspace up to date with the new: it shares the briefs that did not change).
    const since = workspace === this.workspace ? workspace.programsChangedSince(this.workspaceVersion) : undefined;
    this.workspace = workspace;
    this.workspaceVersion = workspace.version;
    const programs = new Set<string>();
    if (since) {
      for (const program of since) if (this.made.get(program) !== workspace.program(program)) programs.add(program);
    } else {
      const current = new Map(programBriefs(workspace).map((brief) => [brief.program!.value, brief]));
      for (const [program, brief] of this.made) if (current.get(program) !== brief) programs.add(program);
      for (const [program, brief] of current) if (this.made.get(program) !== brief) programs.add(program);
    }
    if (programs.size === 0) return none;

    // What the changed programs' nodes were, to report what changed and to start from.
    const previous = new Map<string, NodeSchedule | undefined>();
    const touched = new Set<string>();
    // Each node's edges before this update, taken before they change: while they hold after it,
    // so do the cycles and the order (the edges after the last update are the graph's own).
    const edgesBefore = new Map<string, string>();
    this.edgesBefore = edgesBefore;
    for (const program of programs) {
      for (const node of this.nodesOfProgram(program)) {
        previous.set(node.id, this.result.get(node.id));
        this.removeNode(node, touched);
      }
      this.made.delete(program);
    }
    const added: ScheduleNode[] = [];
    for (const program of programs) {
      const brief = workspace.program(program);
      if (!brief) continue;
      this.made.set(program, brief);
      for (const node of nodesOfBrief(brief)) {
        this.graph.set(node.id, node);
        added.push(node);
      }
    }
    this.fresh = new Set(added);
    for (const node of added) this.addEdges(node, touched);
    this.fresh = undefined;

    const addedIds = new Set(added.map((node) => node.id));
    this.edgesBefore = undefined;
    let structural = this.ordered === 0;
    for (const id of previous.keys()) if (!addedIds.has(id)) structural = true;
    // Edge lists compared only while the answer can still be no (the first update, of every
    // program, is structural: making their keys cost 0.1 s at 10,000 briefs).
    if (!structural) {
      for (const id of [...addedIds, ...touched]) {
        const node = this.graph.get(id);
        if (node && edgesBefore.get(id) !== edgeKey(node)) {
          structural = true;
          break;
        }
      }
    }
    if (structural) {
      const before = new Map(this.result);
      for (const [id, old] of previous) if (old) before.set(id, old);
      const plan = planSchedule(this.graph);
      this.numbered = plan;
      this.redated = [];
      this.cycles = new Set(plan.ids.filter((_, i) => plan.onCycle[i]));
      this.planIndex = plan.index;
      this.positions = new Int32Array(plan.ids.length).fill(-1);
      this.ordered = plan.order.length;
      for (let i = 0; i < plan.order.length; i++) this.positions[plan.order[i]] = i;
      this.result = computeSchedule(this.graph, undefined, plan);
      return { structural: true, recomputed: this.graph.size, changed: changedIds(before, this.result, this.graph.keys(), previous.keys()) };
    }
    if (this.numbered) {
      this.redated.push(...added);
      // A long run of edits without a what-if: number the graph again when one is asked for.
      if (this.redated.length > this.graph.size) [this.numbered, this.redated] = [undefined, []];
    }
    return this.forward(added.map((node) => node.id), previous);
  }

  /** The same nodes and edges with the redated nodes' planned dates and pinning: a new plan sharing the rows. */
  private replanDates(): void {
    const plan = this.numbered!;
    const planned = plan.planned.slice();
    const pinned = plan.pinned.slice();
    // In the order they were made: a node made again later has the last word.
    for (const node of this.redated) {
      const v = plan.index.get(node.id)!;
      planned[v] = node.planned ?? Number.NaN;
      pinned[v] = node.pinned;
    }
    this.numbered = { ...plan, planned, pinned };
    this.redated = [];
  }

  /** A program's nodes: its finish and the milestones it waits for that are its own. */
  private nodesOfProgram(program: string): ScheduleNode[] {
    const finish = this.graph.get(program);
    if (!finish) return [];
    const nodes = [finish];
    for (const id of finish.waitsFor) {
      const node = this.graph.get(id);
      if (node && node.kind === 'milestone' && node.program === program) nodes.push(node);
    }
    return nodes;
  }

  /** The edges of this update's nodes before it changed them (see `update`). */
  private edgesBefore: Map<string, string> | undefined;
  /** The nodes this update made: they had no edges before it. */
  private fresh: Set<ScheduleNode> | undefined;

  /** Notes a node's edges before they first change in this update (a node made by it had none). */
  private remember(id: string): void {
    const node = this.graph.get(id);
    if (node && this.edgesBefore && !this.fresh?.has(node) && !this.edgesBefore.has(id)) this.edgesBefore.set(id, edgeKey(node));
  }

  /** Topological position of a node of the current order, else undefined. */
  private positionOf(id: string): number | undefined {
    const v = this.planIndex.get(id);
    const position = v === undefined ? -1 : this.positions[v];
    return position < 0 ? undefined : position;
  }

  private removeNode(node: ScheduleNode, touched: Set<string>): void {
    this.remember(node.id);
    for (const target of node.waitsFor) this.unreference(target, node.id);
    for (const id of node.predecessors) {
      const other = this.graph.get(id);
      this.remember(id);
      if (other) other.successors = without(other.successors, node.id);
      touched.add(id);
    }
    for (const id of node.successors) {
      const other = this.graph.get(id);
      this.remember(id);
      if (other) other.predecessors = without(other.predecessors, node.id);
      touched.add(id);
    }
    this.graph.delete(node.id);
    this.result.delete(node.id);
  }

  private addEdges(node: ScheduleNode, touched: Set<string>): void {
    for (const target of node.waitsFor) {
      this.reference(target, node.id);
      this.remember(target);
      if (link(this.graph, target, node.id)) touched.add(target);
    }
    // Nodes elsewhere that already named this one.
    const naming = this.referencedBy.get(node.id);
    for (const id of naming === undefined ? [] : typeof naming === 'string' ? [naming] : [...naming]) {
      this.remember(id);
      if (link(this.graph, node.id, id)) touched.add(id);
    }
  }

  private reference(target: string, by: string): void {
    const naming = this.referencedBy.get(target);
    if (naming === undefined) this.referencedBy.set(target, by);
    else if (typeof naming === 'string') {
      if (naming !== by) this.referencedBy.set(target, new Set([naming, by]));
    } else naming.add(by);
  }

  private unreference(target: string, by: string): void {
    const naming = this.referencedBy.get(target);
    if (naming === by) this.referencedBy.delete(target);
    else if (typeof naming === 'object') {
      naming.delete(by);
      if (naming.size === 1) this.referencedBy.set(target, naming.values().next().value as string);
    }
  }

  /**
   * The edges did not change: recomputes forecasts from `dirty` downstream in topological
   * order, going on past a node only when its forecast changed; then the slack of every node
   * whose forecast, or whose successors' forecasts or pinning, changed.
   */
  private forward(dirty: string[], previous: Map<string, NodeSchedule | undefined>): ScheduleUpdate {
    const queue = new MinQueue((id: string) => this.positionOf(id)!);
    const queued = new Set<string>();
    const push = (id: string) => {
      if (!queued.has(id) && this.positionOf(id) !== undefined) {
        queued.add(id);
        queue.push(id);
      }
    };
    for (const id of dirty) push(id);
    // A node on a cycle stays there while the edges stay the same: no forecast.
    for (const id of dirty) if (this.cycles.has(id)) this.result.set(id, { onCycle: true });
    const old = new Map(previous);
    const slackToRecompute = new Set<string>(dirty);
    for (const id of dirty) for (const p of this.graph.get(id)!.predecessors) slackToRecompute.add(p);
    while (queue.size > 0) {
      const id = queue.pop()!;
      const node = this.graph.get(id)!;
      if (!old.has(id)) old.set(id, this.result.get(id));
      const was = old.get(id);
      const fresh = nodeForecast(node, node.planned, this.result);
      this.result.set(id, fresh);
      slackToRecompute.add(id);
      if (was?.forecast !== fresh.forecast) {
        for (const next of node.successors) push(next);
        for (const p of node.predecessors) slackToRecompute.add(p);
      }
    }
    for (const id of slackToRecompute) {
      const own = this.result.get(id);
      if (!own || own.onCycle) continue;
      if (!old.has(id)) old.set(id, { ...own });
      const slack = nodeSlack(this.graph.get(id)!, this.graph, this.result);
      if (slack === undefined) delete own.slack;
      else own.slack = slack;
    }
    const changed = new Set<string>();
    for (const [id, was] of old) {
      const now = this.result.get(id);
      if (!now || !was || !sameSchedule(was, now)) changed.add(id);
    }
    return { structural: false, recomputed: queued.size, changed: [...changed].sort() };
  }
}

function sameSchedule(a: NodeSchedule, b: NodeSchedule): boolean {
  return a.forecast === b.forecast && a.slip === b.slip && a.slack === b.slack && a.driver === b.driver && a.onCycle === b.onCycle;
}

/** The list without `id`, in an array of its own length. */
function without(list: readonly string[], id: string): string[] {
  const at = list.indexOf(id);
  if (at < 0) return list as string[];
  const out = new Array<string>(list.length - 1);
  for (let i = 0; i < at; i++) out[i] = list[i];
  for (let i = at + 1; i < list.length; i++) out[i - 1] = list[i];
  return out;
}

function edgeKey(node: ScheduleNode): string {
  return `${node.predecessors.join(',')}|${node.successors.join(',')}`;
}

function changedIds(before: ScheduleResult, after: ScheduleResult, ids: Iterable<string>, removed: Iterable<string>): string[] {
  const changed = new Set<string>();
  for (const id of removed) if (!after.has(id)) changed.add(id);
  for (const id of ids) {
    const was = before.get(id);
    const now = after.get(id)!;
    if (!was || !sameSchedule(was, now)) changed.add(id);
  }
  return [...changed].sort();
}

/** A binary heap of ids by a numeric key (topological position). */
class MinQueue {
  private readonly items: string[] = [];
  constructor(private readonly key: (id: string) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(id: string): void {
    const items = this.items;
    items.push(id);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key(items[parent]) <= this.key(items[i])) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  pop(): string | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.key(items[left]) < this.key(items[smallest])) smallest = left;
        if (right < items.length && this.key(items[right]) < this.key(items[smallest])) smallest = right;
        if (smallest === i) break;
        [items[smallest], items[i]] = [items[i], items[smallest]];
        i = smallest;
      }
    }
    return top;
  }
}
