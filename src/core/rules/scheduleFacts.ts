/**
 * What the schedule rules (`schedule-slip`, `status-optimistic`) say about a node: its program
 * node, its driving chain with dates and related locations, day counts. The schedule itself is
 * the workspace's one schedule (schedule/workspaceSchedule.ts).
 */
import type { Brief, DependencyEntry, Milestone } from '../model/model';
import type { Range } from '../model/range';
import { dateOfDay, scheduleOf, type NodeSchedule, type ScheduleNode } from '../schedule';
import type { BriefWorkspace } from '../workspace/workspace';
import type { RelatedLocation } from './rule';
import { milestoneWithId } from './helpers';

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

/**
 * Whether `schedule-slip` reports this milestone of `program` (the program of the brief that
 * defines it), and at which `depends_on` entry: the entry naming its driver. The rule and the
 * timeline's red arrows (src/core/views/timeline.ts) both ask here.
 */
export function milestoneSlip(workspace: BriefWorkspace, program: string, milestone: Milestone): { id: string; facts: NodeSchedule; entry: DependencyEntry } | undefined {
  if (!milestone.id || !milestone.due) return undefined;
  const { nodes, schedule } = scheduleOf(workspace);
  const id = `${program}#${milestone.id.value}`;
  const node = nodes.get(id);
  const facts = schedule.get(id);
  // The node of this very milestone (not of an earlier one with the same id), slipping.
  if (!node || !samePosition(node.range, milestone.id.range) || node.planned === undefined || !facts?.slip || facts.slip <= 0 || facts.driver === undefined) return undefined;
  // A predecessor planned later is `schedule-conflict`'s report.
  if (node.predecessors.some((p) => (nodes.get(p)?.planned ?? -Infinity) > node.planned!)) return undefined;
  const entry = milestone.dependsOn.find((e) => e.milestone !== undefined && `${e.program}#${e.milestone}` === facts.driver);
  return entry ? { id, facts, entry } : undefined;
}

function samePosition(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}
