/**
 * A slip impact as the Markdown message a program manager sends to the owners ("Copy as
 * Markdown" of What If This Slips…, docs/schedule.md): what moved, each milestone with its date
 * before and after, the change and its owner; the programs that become late; who to tell.
 *
 * Workspace text (titles, ids, handles) is escaped Markdown (src/core/render/markdownEscape.ts,
 * docs/security.md): it cannot become a link, HTML, emphasis or a table cell break. The message
 * has no links at all: it is pasted into chat, mail or a pull request, where a `file:` link of
 * this machine means nothing.
 */
import { escapeMarkdown, markdownCodeSpan } from '../render/markdownEscape';
import { compareText, plural } from '../model/text';
import { dateOfDay } from './days';
import type { Impact, ImpactChange } from './impact';
import type { ScheduleGraph } from './nodes';

export interface ImpactMarkdownOptions {
  /** YYYY-MM-DD the forecasts were made on, said in the message when given. */
  today?: string;
}

const date = (day: number | undefined) => (day === undefined ? '—' : dateOfDay(day));

/** `+14 days`, `−3 days` (a true minus sign), `0 days`. */
export function signedDays(days: number | undefined): string {
  if (days === undefined) return '—';
  return `${days > 0 ? '+' : days < 0 ? '\u2212' : ''}${plural(Math.abs(days), 'day')}`;
}

/** What moved, as the heading says it: "slips 14 days", "is pulled in 3 days", "does not move". */
function movement(days: number): string {
  if (days > 0) return `slips ${plural(days, 'day')}`;
  if (days < 0) return `is pulled in ${plural(-days, 'day')}`;
  return 'does not move';
}

/** A node named in a table cell: its title, then its id (both escaped; `|` too). */
function nodeCell(graph: ScheduleGraph, id: string): string {
  const title = graph.get(id)?.title;
  return title && title !== id ? `${escapeMarkdown(title)} (${escapeMarkdown(id)})` : escapeMarkdown(id);
}

export function impactMarkdown(impact: Impact, graph: ScheduleGraph, options: ImpactMarkdownOptions = {}): string {
  const target = graph.get(impact.ref);
  const what = target?.kind === 'program' ? `Program ${markdownCodeSpan(impact.ref)}` : markdownCodeSpan(impact.ref);
  const lines = [`**What if ${what} ${movement(impact.days)}**${options.today ? ` (forecasts as of ${options.today})` : ''}`, ''];
  if (impact.changes.length === 0) {
    lines.push('Nothing else moves: no forecast changes.');
    return `${lines.join('\n')}\n`;
  }
  const milestones = impact.changes.filter((change) => change.kind === 'milestone');
  const finishes = impact.changes.filter((change) => change.kind === 'program');
  if (milestones.length > 0) {
    lines.push(`${plural(milestones.length, 'milestone')} move:`, '');
    lines.push('| Milestone | Owner | Before | After | Change |', '| --- | --- | --- | --- | --- |');
    for (const change of milestones) {
      const late = change.late && change.planned !== undefined ? `, late (due ${date(change.planned)})` : '';
      lines.push(`| ${nodeCell(graph, change.id)} | ${change.owner ? escapeMarkdown(change.owner) : '—'} | ${date(change.before)} | ${date(change.after)} | ${signedDays(change.days)}${late} |`);
    }
    lines.push('');
  }
  const late = new Set(impact.programsLate);
  const lateFinishes = finishes.filter((change) => late.has(change.id));
  if (lateFinishes.length > 0) {
    lines.push('**Programs that become late:**', '');
    for (const change of lateFinishes) lines.push(`- ${programLine(graph, change)}`);
    lines.push('');
  }
  const otherFinishes = finishes.filter((change) => !late.has(change.id));
  if (otherFinishes.length > 0) {
    lines.push('Program finishes that move:', '');
    for (const change of otherFinishes) lines.push(`- ${programLine(graph, change)}`);
    lines.push('');
  }
  const owners = [...new Set(impact.changes.map((change) => change.owner).filter((owner): owner is string => owner !== undefined))].sort(compareText);
  if (owners.length > 0) lines.push(`Owners: ${owners.map(escapeMarkdown).join(', ')}`);
  return `${lines.join('\n').trimEnd()}\n`;
}

function programLine(graph: ScheduleGraph, change: ImpactChange): string {
  const target = change.planned !== undefined ? `target ${date(change.planned)}, ` : '';
  const owner = change.owner ? ` (${escapeMarkdown(change.owner)})` : '';
  return `${nodeCell(graph, change.id)}${owner}: ${target}forecast ${date(change.before)} → ${date(change.after)} (${signedDays(change.days)})`;
}
