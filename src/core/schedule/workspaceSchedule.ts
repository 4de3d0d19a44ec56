/**
 * One schedule per workspace, shared by every surface: the rules `schedule-slip` and
 * `status-optimistic`, hover, code lenses, the diagram and the language server's requests
 * (docs/schedule.md), so a view never shows a forecast other than the one lint reported. It is
 * brought up to date whenever one of them asks.
 *
 * A workspace linted once (the CLI) gets its schedule computed once, from scratch
 * (`buildScheduleGraph` + `computeSchedule`: less work and memory than an incremental index).
 * A workspace that is edited (the editor, the language server) gets a `ScheduleIndex`, which
 * recomputes only what an edit can change: from the start when its owner calls
 * `keepScheduleIncremental`, else from its first change on. What changed in the schedule since
 * the last `scheduleAffectedUris` is kept, so that after an edit the editor re-lints only the
 * briefs whose schedule facts changed (see `briefsAffectedBy` in rules/lint.ts).
 */
import type { BriefWorkspace } from '../workspace/workspace';
import { buildScheduleGraph } from './build';
import { computeSchedule, type NodeSchedule, type ScheduleResult } from './forecast';
import type { ScheduleGraph, ScheduleNode } from './nodes';
import { ScheduleIndex } from './scheduleIndex';

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
  full?: SharedSchedule;
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
export interface SharedSchedule {
  readonly graph: ScheduleGraph;
  readonly result: ScheduleResult;
}

/**
 * The same schedule lint reads, for hover, code lenses, the diagram and the language server's
 * requests: one per workspace, so a view never shows a forecast other than the one lint
 * reported (docs/schedule.md).
 */
export function workspaceSchedule(workspace: BriefWorkspace): SharedSchedule {
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

