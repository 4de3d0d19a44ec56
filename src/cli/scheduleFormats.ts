/**
 * `brief schedule` (text, json, gantt) and `brief impact` (text, json): the schedule of
 * docs/schedule.md as the v2 spec's sections 3.1 and 3.2 print it. JSON carries `"version": 1`;
 * missing values are `null`; `line` is 0-based; paths are relative to the current folder.
 */
import { dateOfDay, type ImpactView, jsonDay as day, plural, remainingCriticalPath, reportedNodes, type ScheduleNode, type ScheduleResult, type ScheduleView } from '../core';
import { printable } from './safeText';

// The JSON formats are shared with the language server's requests (src/core/schedule/json.ts).
export { impactJson, scheduleJson, type ImpactView, type ScheduleView } from '../core';

export const SCHEDULE_FORMATS = ['text', 'json', 'gantt'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];
export const IMPACT_FORMATS = ['text', 'json'] as const;
export type ImpactFormat = (typeof IMPACT_FORMATS)[number];

/** One block per program: its finish, then its milestones in forecast order. */
export function scheduleText(view: ScheduleView): string {
  const nodes = reportedNodes(view);
  const programs = nodes.filter((node) => node.kind === 'program');
  if (programs.length === 0) return 'no programs\n';
  const lines: string[] = [];
  for (const program of programs) {
    const own = view.result.get(program.id);
    // Brief text goes through `printable` (no line breaks, controls or CI commands).
    lines.push(printable(`${program.id}  ${program.title ?? ''}`.trimEnd()));
    lines.push(`  finish    ${describe(program, own)}`);
    const milestones = nodes.filter((node) => node.kind === 'milestone' && node.program === program.id);
    milestones.sort((a, b) => (view.result.get(a.id)?.forecast ?? Infinity) - (view.result.get(b.id)?.forecast ?? Infinity) || (a.id < b.id ? -1 : 1));
    const width = Math.max(8, ...milestones.map((m) => m.milestone!.length));
    for (const milestone of milestones) lines.push(`  ${printable(milestone.milestone!).padEnd(width)}  ${describe(milestone, view.result.get(milestone.id))}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function describe(node: ScheduleNode, own: ScheduleResult extends Map<string, infer V> ? V | undefined : never): string {
  if (own?.onCycle) return 'on a dependency cycle: no forecast';
  const parts = [`planned ${day(node.planned) ?? '—'}`, `forecast ${day(own?.forecast) ?? '—'}`];
  if (own?.slip) parts.push(`${plural(own.slip, 'day')} late`);
  if (own?.slack !== undefined) parts.push(`slack ${own.slack}`);
  if (own?.driver) parts.push(`driven by ${printable(own.driver)}`);
  if (node.pinned) parts.push('done');
  return parts.join(' · ');
}

/**
 * A Mermaid gantt chart (GitHub renders it): a section per program, a bar per milestone from
 * its `start`, else its predecessor in the brief (the milestone before it), else the program's start, to its
 * forecast, `crit` on the remaining critical path of the program's finish, `done` on done
 * milestones, a marker for each target and one for today. A gantt statement ends at `:`, `;`
 * or `#` and has no escapes, so labels keep letters, digits and plain punctuation only: brief
 * text never breaks out of a statement.
 */
/** `starts`: program id → the program's `start`, `program#milestone` → the milestone's (day numbers). */
export function scheduleGantt(view: ScheduleView, starts: ReadonlyMap<string, number>): string {
  const nodes = reportedNodes(view);
  const lines = ['gantt', '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d', `  title Schedule on ${view.today}`];
  let task = 0;
  for (const program of nodes.filter((node) => node.kind === 'program')) {
    const critical = new Set(remainingCriticalPath(view.graph, view.result, program.id));
    // In the brief's order (the graph keeps it): a bar starts where the milestone before it ends.
    const milestones = [...view.graph.values()].filter((node) => node.kind === 'milestone' && node.program === program.id);
    lines.push(`  section ${ganttLabel(program.title ?? '', program.id)}`);
    let previous = starts.get(program.id);
    for (const milestone of milestones) {
      const own = view.result.get(milestone.id);
      const end = own?.forecast ?? milestone.planned;
      if (end === undefined) continue;
      const from = starts.get(milestone.id) ?? previous;
      const start = from !== undefined && from < end ? from : end;
      const tags = [milestone.pinned ? 'done' : undefined, critical.has(milestone.id) ? 'crit' : undefined, start === end ? 'milestone' : undefined].filter(Boolean);
      const label = ganttLabel(milestone.title ?? '', milestone.milestone!);
      lines.push(`  ${label} :${[...tags, `t${task++}`].join(', ')}, ${dateOfDay(start)}, ${start === end ? '0d' : dateOfDay(end)}`);
      previous = end;
    }
    if (program.planned !== undefined) lines.push(`  Target ${ganttLabel(program.id, program.id)} :milestone, t${task++}, ${dateOfDay(program.planned)}, 0d`);
  }
  lines.push('  section Today', `  Today :vert, t${task++}, ${view.today}, 0d`);
  return `${lines.join('\n')}\n`;
}

/** Text safe in a gantt statement: letters, digits, spaces and `.,_@/()'-`; anything else is a space. Falls back to `id`. */
export function ganttLabel(text: string, id: string): string {
  const label = text.replace(/[^\p{L}\p{N} .,_@/()'-]+/gu, ' ').replace(/ {2,}/g, ' ').trim().slice(0, 120);
  return label === '' ? id.replace(/[^\p{L}\p{N}._-]+/gu, '-') : label;
}

export function impactText(view: ImpactView): string {
  const { impact } = view;
  const moved = `${printable(impact.ref)} ${impact.days >= 0 ? `${plural(impact.days, 'day')} later` : `${plural(-impact.days, 'day')} earlier`}`;
  if (impact.changes.length === 0) return `${moved}: nothing moves\n`;
  const width = Math.max(...impact.changes.map((c) => c.id.length));
  const lines = [`${moved}: ${plural(impact.changes.length, 'date')} move`];
  for (const change of impact.changes) {
    const shift = change.days === undefined ? '' : ` (${change.days >= 0 ? '+' : ''}${change.days})`;
    const late = change.late ? ' · late' : '';
    const owner = change.owner ? ` · ${printable(change.owner)}` : '';
    lines.push(`  ${printable(change.id).padEnd(width)}  ${day(change.before) ?? '—'} → ${day(change.after) ?? '—'}${shift}${late}${owner}`);
  }
  if (impact.programsLate.length > 0) lines.push(`programs now late: ${impact.programsLate.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
