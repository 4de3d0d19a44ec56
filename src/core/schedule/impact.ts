/**
 * Slip impact ("what if", docs/schedule.md; v2 spec section 1): move planned dates, recompute,
 * and report every node whose forecast changed. Nothing is written anywhere.
 *
 * - A milestone: its planned date moves by `days` (it must have one).
 * - A program: its `target` and the due date of each of its milestones that is not `done`.
 *
 * A change is `late` when its new forecast is after the date that was planned (the commitment,
 * before the move). `via` is the driving chain after the change, from the moved node down to
 * the changed node's driver. `programsLate` lists the programs whose finish was not late before
 * and is now.
 */
import { computeSchedule, drivingChain, planSchedule, type ScheduleResult } from './forecast';
import type { ScheduleGraph, ScheduleNodeKind } from './nodes';

export interface ImpactChange {
  id: string;
  kind: ScheduleNodeKind;
  owner?: string;
  planned?: number;
  before?: number;
  after?: number;
  /** after − before, when both exist. */
  days?: number;
  late: boolean;
  via: string[];
}

export interface Impact {
  ref: string;
  days: number;
  changes: ImpactChange[];
  programsLate: string[];
}

export class ImpactError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImpactError';
  }
}

export function slipImpact(graph: ScheduleGraph, ref: string, days: number, before?: ScheduleResult): Impact {
  const target = graph.get(ref);
  if (!target) throw new ImpactError(`no milestone or program \`${ref}\` in the schedule`);
  const overrides = new Map<string, number>();
  if (target.kind === 'milestone') {
    if (target.planned === undefined) throw new ImpactError(`milestone \`${ref}\` has no \`due\` date to move`);
    overrides.set(ref, target.planned + days);
  } else {
    if (target.planned !== undefined) overrides.set(ref, target.planned + days);
    for (const node of graph.values()) {
      if (node.kind === 'milestone' && node.program === ref && !node.pinned && node.planned !== undefined) overrides.set(node.id, node.planned + days);
    }
  }
  const plan = planSchedule(graph);
  const was = before ?? computeSchedule(graph, undefined, plan);
  const now = computeSchedule(graph, overrides, plan);
  const moved = new Set(overrides.keys());
  const changes: ImpactChange[] = [];
  for (const id of [...graph.keys()].sort()) {
    const a = was.get(id)?.forecast;
    const b = now.get(id)?.forecast;
    if (a === b) continue;
    const node = graph.get(id)!;
    const chain = drivingChain(now, id).slice(1).reverse();
    const from = chain.findIndex((step) => moved.has(step));
    changes.push({
      id,
      kind: node.kind,
      ...(node.owner && { owner: node.owner }),
      ...(node.planned !== undefined && { planned: node.planned }),
      ...(a !== undefined && { before: a }),
      ...(b !== undefined && { after: b }),
      ...(a !== undefined && b !== undefined && { days: b - a }),
      late: b !== undefined && node.planned !== undefined && b > node.planned,
      via: from < 0 ? [] : chain.slice(from),
    });
  }
  const programsLate = [...graph.values()]
    .filter((node) => node.kind === 'program' && node.planned !== undefined)
    .filter((node) => !isLate(was, node.id, node.planned!) && isLate(now, node.id, node.planned!))
    .map((node) => node.id)
    .sort();
  return { ref, days, changes, programsLate };
}

function isLate(result: ScheduleResult, id: string, planned: number): boolean {
  const forecast = result.get(id)?.forecast;
  return forecast !== undefined && forecast > planned;
}
