/**
 * The schedule in the editor (docs/schedule.md, docs/language-server.md), as LSP data: the
 * hover section that explains a date (planned, forecast, slip, slack and the driving chain,
 * each step a link to its line), the code lenses above each milestone and program, and the
 * answers of the `programBriefs/schedule` and `programBriefs/impact` requests. Pure: the server
 * passes the schedule it keeps (ScheduleIndex).
 *
 * Workspace text stays escaped Markdown (docs/security.md): titles and ids are never links or
 * HTML. The only links are the ones built here, to `file:` uris, with every character that
 * could end a link destination percent-encoded.
 */
import type { CodeLens, Range } from 'vscode-languageserver-types';
import { type Brief, type BriefWorkspace, dateOfDay, drivingChain, escapeMarkdown, impactJson, impactMarkdown, type NodeSchedule, plural, type Position, type ScheduleGraph, scheduleJsonNode, type ScheduleNode, type ScheduleResult, slipImpact } from '../core';
import { contains, symbolAt } from './symbols';
import { WHAT_IF_COMMAND, type ImpactParams, type ImpactResponse, type ScheduleResponse } from './scheduleProtocol';

/** The schedule as the server keeps it (read only). */
export interface ScheduleFacts {
  graph: ScheduleGraph;
  result: ScheduleResult;
}

const date = (day: number | undefined) => (day === undefined ? undefined : dateOfDay(day));

/** Characters left as they are in a link destination; everything else (parentheses, spaces, `<>`, `\`, `#`…) is percent-encoded. */
const URI_SAFE = /[A-Za-z0-9\-._~/:%@!$&'*+,;=]/;

/**
 * A link to a line (0-based) of a `file:` document, as VS Code opens it (`#L<line>`, 1-based);
 * undefined for other schemes (no link is made to them).
 */
export function lineLink(uri: string, line: number): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const encoder = new TextEncoder();
  let safe = '';
  for (const char of uri) {
    if (URI_SAFE.test(char)) safe += char;
    else for (const byte of encoder.encode(char)) safe += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${safe}#L${line + 1}`;
}

/** `[id](file:///…#L8)`, the id escaped; just the escaped id when no link can be made. */
function nodeLink(node: ScheduleNode): string {
  const href = lineLink(node.uri, node.range.start.line);
  const label = escapeMarkdown(node.id);
  return href ? `[${label}](${href})` : label;
}

function lateness(slip: number | undefined): string {
  return slip !== undefined && slip > 0 ? `${plural(slip, 'day')} late` : 'on time';
}

/** One step of a driving chain: the node (a link), its title and dates. */
function chainStep(node: ScheduleNode, own: NodeSchedule | undefined): string {
  const title = node.title && node.title !== node.id ? ` ${escapeMarkdown(node.title)}` : '';
  const dates = [`planned ${date(node.planned) ?? 'none'}`, `forecast ${date(own?.forecast) ?? 'none'}`];
  if (own?.slip) dates.push(`+${plural(own.slip, 'day')}`);
  return `${nodeLink(node)}${title}: ${dates.join(' · ')}`;
}

/**
 * The schedule facts of a node as Markdown ("explain this date"): planned, forecast, slip and
 * slack, then the driving chain from the node upstream, each step a link to its line with its
 * dates. For a program: its forecast finish against its target. Undefined when the node is not
 * in the schedule (a cancelled milestone).
 */
export function scheduleMarkdown(facts: ScheduleFacts, id: string): string | undefined {
  const node = facts.graph.get(id);
  if (!node) return undefined;
  const own = facts.result.get(id);
  const lines: string[] = [];
  if (own?.onCycle) return '**Schedule**: on a dependency cycle, so it has no forecast (rule `dependency-cycle`).';
  if (own?.forecast === undefined) {
    return `**Schedule**: no forecast: ${node.kind === 'program' ? 'no `target`' : 'no `due`'} and nothing dated upstream.`;
  }
  if (node.kind === 'program') {
    const target = date(node.planned);
    lines.push(`**Forecast finish** ${date(own.forecast)}${target ? ` vs target ${target}: ${lateness(own.slip)}` : ' (no target)'}`);
  } else if (node.pinned) {
    lines.push(`**Schedule**: done, pinned at its due date ${date(node.planned)}.`);
    return lines.join('\n');
  } else {
    const parts = [`Planned ${date(node.planned) ?? 'none'}`, `Forecast **${date(own.forecast)}**`];
    if (own.slip !== undefined) parts.push(own.slip > 0 ? `Slip ${plural(own.slip, 'day')}` : 'Slip 0');
    parts.push(own.slack !== undefined ? `Slack ${plural(own.slack, 'day')}` : 'No slack (nothing waits for it)');
    lines.push(`**Schedule**: ${parts.join(' · ')}`);
  }
  const chain = drivingChain(facts.result, id);
  if (chain.length > 1) {
    lines.push('', `Why ${date(own.forecast)} (the driving chain, from here upstream):`, '');
    chain.forEach((step, i) => {
      const stepNode = facts.graph.get(step);
      if (stepNode) lines.push(`${i + 1}. ${chainStep(stepNode, facts.result.get(step))}`);
    });
  } else if (node.kind === 'milestone') {
    lines.push('', 'Nothing upstream moves its date.');
  }
  return lines.join('\n');
}

/** The schedule node a position names: a milestone's `id` or `due` value, or a reference to a milestone or program. */
export function scheduleNodeAt(workspace: BriefWorkspace, brief: Brief, position: Position): { id: string; range: Range; declaration: boolean } | undefined {
  const program = brief.program?.value;
  if (program) {
    for (const milestone of brief.milestones) {
      if (milestone.id && milestone.due && contains(milestone.due.range, position)) return { id: `${program}#${milestone.id.value}`, range: milestone.due.range, declaration: true };
    }
  }
  const symbol = symbolAt(workspace, brief, position);
  if (!symbol) return undefined;
  const id = symbol.target.milestone !== undefined ? `${symbol.target.program}#${symbol.target.milestone}` : symbol.target.program;
  return { id, range: symbol.range, declaration: symbol.declaration };
}

/** What a code lens says of a node: "forecast 2026-05-10 · 9 days late · slack 0" (docs/schedule.md, "In the editor"). */
export function codeLensTitle(node: ScheduleNode, own: NodeSchedule | undefined): string {
  if (own?.onCycle) return 'on a dependency cycle: no forecast';
  if (node.kind === 'milestone' && node.pinned) return `done · due ${date(node.planned) ?? 'none'}`;
  if (own?.forecast === undefined) return `no forecast: no ${node.kind === 'program' ? 'target' : 'due date'}`;
  const parts = [`forecast ${date(own.forecast)}`];
  if (node.planned === undefined) parts.push(node.kind === 'program' ? 'no target' : 'no due date');
  else parts.push(lateness(own.slip));
  if (node.kind === 'program') {
    if (node.planned !== undefined) parts.push(`target ${date(node.planned)}`);
  } else if (own.slack !== undefined) {
    parts.push(`slack ${own.slack}`);
  }
  return parts.join(' · ');
}

/** The title of the what-if lens (the command `programBriefs.whatIf`, argument: the node id). */
export const WHAT_IF_TITLE = 'What If This Slips…';

/**
 * Code lenses of a brief: above its `program:` line and above each milestone that is in the
 * schedule, the forecast (not clickable), then "What If This Slips…" where a date can move
 * (a program; a milestone that has a `due` and is not `done`).
 */
export function scheduleCodeLenses(facts: ScheduleFacts, brief: Brief): CodeLens[] {
  const program = brief.program?.value;
  if (!program) return [];
  const finish = facts.graph.get(program);
  // A duplicated program id: only the brief that counts has the schedule's nodes.
  if (!finish || finish.uri !== brief.uri) return [];
  const lenses: CodeLens[] = [];
  const add = (node: ScheduleNode, range: Range) => {
    const lensRange = { start: { line: range.start.line, character: 0 }, end: { line: range.start.line, character: 0 } };
    lenses.push({ range: lensRange, command: { title: codeLensTitle(node, facts.result.get(node.id)), command: '' } });
    const movable = node.kind === 'program' || (node.planned !== undefined && !node.pinned);
    if (movable) lenses.push({ range: lensRange, command: { title: WHAT_IF_TITLE, command: WHAT_IF_COMMAND, arguments: [node.id] } });
  };
  add(finish, finish.range);
  for (const milestone of brief.milestones) {
    if (!milestone.id) continue;
    const node = facts.graph.get(`${program}#${milestone.id.value}`);
    // The node of a duplicated id is the first one that is not cancelled: only its own lines get a lens.
    if (node && samePlace(node.range, milestone.id.range)) add(node, milestone.id.range);
  }
  return lenses;
}

function samePlace(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

/** `programBriefs/schedule`: the CLI's JSON (spec 3.1), each node with its uri and range. */
export function scheduleResponse(facts: ScheduleFacts, today: string, fileOf: (uri: string) => string, onlyUri?: string): ScheduleResponse {
  const nodes = [...facts.graph.values()]
    .filter((node) => onlyUri === undefined || node.uri === onlyUri)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: 1, today, nodes: nodes.map((node) => ({ ...scheduleJsonNode(node, facts.result, fileOf), uri: node.uri, range: node.range })) };
}

/**
 * `programBriefs/impact`: the CLI's JSON (spec 3.2), each change with its uri and range, and
 * the Markdown message for the owners. Throws `ImpactError` for an unknown ref or a milestone
 * without `due`.
 */
export function impactResponse(facts: ScheduleFacts, params: ImpactParams, fileOf: (uri: string) => string, today?: string): ImpactResponse {
  const impact = slipImpact(facts.graph, params.ref, params.days, facts.result);
  const json = impactJson({ impact, graph: facts.graph, fileOf });
  return {
    ...json,
    changes: json.changes.map((change) => {
      const node = facts.graph.get(change.id)!;
      return { ...change, uri: node.uri, range: node.range };
    }),
    markdown: impactMarkdown(impact, facts.graph, { ...(today !== undefined && { today }) }),
  };
}
