/**
 * The status report (../report/report.ts) as GitHub-flavoured Markdown: for a wiki, a pull
 * request or `$GITHUB_STEP_SUMMARY`. Every piece of workspace text goes through
 * `escapeMarkdown` (no link, image, HTML or table cell break can form from it).
 */
import { STATUS_LABELS, type DisplayStatus } from '../model/status';
import { plural } from '../model/text';
import { changeSentence } from '../report/diff';
import type { DueItem } from '../report/due';
import { HEALTH_LABELS } from '../report/health';
import { LEVELS, type HeatMap, type ProgramReport, type Report } from '../report/report';
import { escapeMarkdown } from './markdownEscape';

const esc = (text: string | undefined) => (text === undefined || text === '' ? '—' : escapeMarkdown(text));

export function statusWords(status: string | undefined): string {
  return status === undefined ? 'No status' : STATUS_LABELS[status as DisplayStatus] ?? status;
}

export interface ReportRenderOptions {
  /** A node's file as shown. */
  fileOf(uri: string): string;
}

export function reportMarkdown(report: Report, options: ReportRenderOptions): string {
  const out: string[] = [`# Status report, ${report.today}`, '', aboutLine(report), ''];
  out.push('## Portfolio', '');
  out.push('| Program | Title | Owner | Status | Health | Target | Forecast | Milestones | Checklist | Next milestone |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const p of report.programs) {
    const health = p.health === 'off-track' || p.health === 'at-risk' ? `**${HEALTH_LABELS[p.health]}**` : HEALTH_LABELS[p.health];
    const next = p.next ? `${esc(p.next.title ?? p.next.id)} ${p.next.due}` : '—';
    out.push(`| ${esc(p.program)} | ${esc(p.title)} | ${esc(p.owner)} | ${statusWords(p.status)} | ${health} | ${p.target ?? '—'} | ${p.forecast ?? '—'} | ${p.milestones.done}/${p.milestones.total} | ${p.checklist.done}/${p.checklist.total} | ${next} |`);
  }
  if (report.programs.length === 0) out.push('| — | no programs | | | | | | | | |');
  out.push('', '## Open risks (likelihood × impact)', '', ...heatMapMarkdown(report.heatMap), '');
  for (const p of report.programs) out.push(...programMarkdown(p, report, options), '');
  if (report.otherChanges && report.otherChanges.length > 0) {
    out.push('## Other changes', '', ...report.otherChanges.map((change) => `- ${esc(changeSentence(change))} (${esc(change.file)})`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function aboutLine(report: Report): string {
  const parts = [`Made on ${report.today}`];
  if (report.commit) parts.push(`from commit \`${report.commit.id.slice(0, 12)}\`${report.commit.dirty ? ' with uncommitted changes' : ''}`);
  else parts.push('outside git');
  let line = `${parts.join(' ')}; due items within ${plural(report.horizon, 'day')}.`;
  if (report.since) line += ` Changes since ${esc(report.since.ref)} (commit \`${report.since.commit.slice(0, 12)}\`, ${report.since.date}).`;
  return line;
}

function heatMapMarkdown(map: HeatMap): string[] {
  const rows = ['| Likelihood \\ impact | Low | Medium | High |', '| --- | --- | --- | --- |'];
  for (let l = LEVELS.length - 1; l >= 0; l--) rows.push(`| ${capital(LEVELS[l])} | ${map[l].join(' | ')} |`);
  return rows;
}

const capital = (word: string) => `${word[0].toUpperCase()}${word.slice(1)}`;

function dueLine(item: DueItem): string {
  const what = item.kind === 'milestone' ? `milestone ${esc(item.id)}: ${esc(item.text)}` : esc(item.text);
  return `- ${item.due} ${what} (${esc(item.owner ?? 'no owner')})`;
}

function programMarkdown(p: ProgramReport, report: Report, options: ReportRenderOptions): string[] {
  const out = [`## ${esc(p.program)}${p.title ? `: ${esc(p.title)}` : ''}`, ''];
  out.push(`Health: **${HEALTH_LABELS[p.health]}** (reported: ${statusWords(p.status)}). Owner ${esc(p.owner)}, target ${p.target ?? '—'}, forecast ${p.forecast ?? '—'}. ${esc(options.fileOf(p.uri))}`, '');
  if (p.reasons.length > 0) out.push(...p.reasons.map((reason) => `- ${reason.kind}: ${esc(reason.message)}`), '');
  if (p.overdue.length > 0) out.push('### Overdue', '', ...p.overdue.map(dueLine), '');
  if (p.due.length > 0) out.push(`### Due within ${plural(report.horizon, 'day')}`, '', ...p.due.map(dueLine), '');
  if (p.slipping.length > 0) {
    out.push('### Slipping', '');
    for (const m of p.slipping) {
      const chain = m.chain.map((link) => `${esc(link.id)} ${link.forecast ?? '—'}`).join(' ← ');
      out.push(`- ${esc(m.id)}${m.title ? ` (${esc(m.title)})` : ''}: due ${m.due}, forecast ${m.forecast} (${plural(m.slip, 'day')} late); driving chain: ${chain}`);
    }
    out.push('');
  }
  if (p.risks.length > 0) {
    out.push('### Open risks', '', '| Risk | Likelihood | Impact | Status | Owner | Mitigation |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of p.risks) out.push(`| ${esc(r.title ?? r.id)} | ${r.likelihood ?? '—'} | ${r.impact ?? '—'} | ${esc(r.status ?? 'open')} | ${esc(r.owner)} | ${esc(r.mitigation)} |`);
    out.push('');
  }
  if (p.proposedDecisions.length > 0) out.push('### Decisions wanted', '', ...p.proposedDecisions.map((d) => `- ${esc(d.title ?? d.id)} (${esc(d.owner ?? 'no owner')})`), '');
  if (p.decidedSince.length > 0) out.push('### Decided since', '', ...p.decidedSince.map((d) => `- ${esc(d.title ?? d.id)}, ${d.date ?? ''}`), '');
  if (p.changes) {
    out.push(report.since ? `### Changes since ${esc(report.since.ref)}` : '### Changes', '');
    out.push(...(p.changes.length > 0 ? p.changes.map((change) => `- ${esc(changeSentence(change))}`) : ['- none']), '');
  }
  return out;
}
