/**
 * The status report (../report/report.ts) as one self-contained HTML file: no script, no
 * external resource (a Content-Security-Policy of `default-src 'none'` says so to the browser
 * too), styles inline, print styles (A4, no colours needed to read it, sections kept on a page
 * where they fit). Every piece of workspace text is HTML-escaped (`escapeHtml`).
 */
import { plural } from '../model/text';
import { changeSentence } from '../report/diff';
import type { DueItem } from '../report/due';
import { HEALTH_LABELS, type Health } from '../report/health';
import { LEVELS, heatMapOf, type HeatMap, type ProgramReport, type Report } from '../report/report';
import { statusWords, type ReportRenderOptions } from './reportMarkdown';

const HTML_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: nothing in it can open a tag, an entity or end a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (char) => ENTITIES[char]);
}

const esc = (text: string | undefined) => (text === undefined || text === '' ? '—' : escapeHtml(text));

const STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --line: #d5dae1; --off: #b3261e; --risk: #9a6700; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.about { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.health { font-weight: 600; white-space: nowrap; }
.health.off-track { color: var(--off); }
.health.at-risk { color: var(--risk); }
.health.on-track, .health.done { color: var(--ok); }
.health::before { content: "● "; }
.health.off-track::before { content: "▲ "; }
.health.at-risk::before { content: "◆ "; }
.heat { width: auto; }
.heat td { width: 4.5rem; height: 2.6rem; text-align: center; font-weight: 600; }
.heat th { white-space: nowrap; }
.h1 { background: #fff3cd; } .h2 { background: #ffd8a8; } .h3 { background: #ffb3a7; } .h4 { background: #ff8f80; } .h6, .h9 { background: #f25c54; color: #fff; }
.heat td.zero { background: #fafbfc; color: #9aa3ad; font-weight: 400; }
.program { break-inside: avoid-page; }
ul { margin: .25rem 0 .5rem; padding-left: 1.25rem; }
.none { color: var(--muted); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid-page; }
  table, .heat { break-inside: avoid-page; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .heat td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export function reportHtml(report: Report, options: ReportRenderOptions): string {
  const body: string[] = [];
  body.push(`<h1>Status report, ${report.today}</h1>`, `<p class="about">${aboutHtml(report)}</p>`);
  body.push('<h2>Portfolio</h2>', portfolioTable(report));
  body.push('<h2>Open risks (likelihood × impact)</h2>', heatMapTable(report.heatMap, 'portfolio'));
  for (const p of report.programs) body.push(programSection(p, report, options));
  if (report.otherChanges && report.otherChanges.length > 0) {
    body.push('<h2>Other changes</h2>', `<ul>${report.otherChanges.map((change) => `<li>${esc(changeSentence(change))} <span class="none">(${esc(change.file)})</span></li>`).join('')}</ul>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Status report, ${report.today}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function aboutHtml(report: Report): string {
  const parts = [`Made on ${report.today}`];
  parts.push(report.commit ? `from commit <code>${esc(report.commit.id.slice(0, 12))}</code>${report.commit.dirty ? ' with uncommitted changes' : ''}` : 'outside git');
  let line = `${parts.join(' ')}; due items within ${plural(report.horizon, 'day')}.`;
  if (report.since) line += ` Changes since <code>${esc(report.since.ref)}</code> (commit <code>${esc(report.since.commit.slice(0, 12))}</code>, ${esc(report.since.date)}).`;
  return line;
}

function healthBadge(health: Health): string {
  return `<span class="health ${health}">${HEALTH_LABELS[health]}</span>`;
}

function portfolioTable(report: Report): string {
  const head = '<tr><th>Program</th><th>Title</th><th>Owner</th><th>Status</th><th>Health</th><th>Target</th><th>Forecast</th><th>Milestones</th><th>Checklist</th><th>Next milestone</th></tr>';
  const rows = report.programs.map((p) => `<tr><td>${esc(p.program)}</td><td>${esc(p.title)}</td><td>${esc(p.owner)}</td><td>${statusWords(p.status)}</td><td>${healthBadge(p.health)}</td>`
    + `<td class="date">${esc(p.target)}</td><td class="date">${esc(p.forecast)}</td><td class="num">${p.milestones.done}/${p.milestones.total}</td><td class="num">${p.checklist.done}/${p.checklist.total}</td>`
    + `<td>${p.next ? `${esc(p.next.title ?? p.next.id)} <span class="date">${esc(p.next.due)}</span>` : '—'}</td></tr>`);
  if (rows.length === 0) rows.push('<tr><td colspan="10" class="none">No programs.</td></tr>');
  return `<table class="portfolio"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A 3×3 table: likelihood high to low down, impact low to high across; each cell the number of open risks, shaded by likelihood × impact. */
export function heatMapTable(map: HeatMap, label: string): string {
  const rows: string[] = [];
  for (let l = LEVELS.length - 1; l >= 0; l--) {
    const cells = LEVELS.map((impact, i) => {
      const n = map[l][i];
      return `<td class="${n === 0 ? 'zero' : `h${(l + 1) * (i + 1)}`}" title="likelihood ${LEVELS[l]}, impact ${impact}">${n}</td>`;
    });
    rows.push(`<tr><th scope="row">${LEVELS[l]}</th>${cells.join('')}</tr>`);
  }
  return `<table class="heat" aria-label="risk heat map, ${escapeHtml(label)}"><thead><tr><th>likelihood \\ impact</th>${LEVELS.map((l) => `<th>${l}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function dueList(items: readonly DueItem[]): string {
  return `<ul>${items.map((item) => `<li><span class="date">${esc(item.due)}</span> ${item.kind === 'milestone' ? `milestone ${esc(item.id)}: ` : ''}${esc(item.text)} <span class="none">(${esc(item.owner ?? 'no owner')})</span></li>`).join('')}</ul>`;
}

function programSection(p: ProgramReport, report: Report, options: ReportRenderOptions): string {
  const out = [`<section class="program" id="program-${p.program.replace(/[^A-Za-z0-9_-]/g, '_')}">`];
  out.push(`<h2>${esc(p.program)}${p.title ? `: ${esc(p.title)}` : ''}</h2>`);
  out.push(`<p>Health ${healthBadge(p.health)} (reported: ${statusWords(p.status)}). Owner ${esc(p.owner)}, target <span class="date">${esc(p.target)}</span>, forecast <span class="date">${esc(p.forecast)}</span>. <span class="none">${esc(options.fileOf(p.uri))}</span></p>`);
  if (p.reasons.length > 0) out.push(`<ul class="reasons">${p.reasons.map((r) => `<li><strong>${r.kind}</strong>: ${esc(r.message)}</li>`).join('')}</ul>`);
  if (p.overdue.length > 0) out.push('<h3>Overdue</h3>', dueList(p.overdue));
  if (p.due.length > 0) out.push(`<h3>Due within ${plural(report.horizon, 'day')}</h3>`, dueList(p.due));
  if (p.slipping.length > 0) {
    out.push('<h3>Slipping</h3>', `<ul>${p.slipping.map((m) => `<li>${esc(m.id)}${m.title ? ` (${esc(m.title)})` : ''}: due <span class="date">${esc(m.due)}</span>, forecast <span class="date">${esc(m.forecast)}</span> (${plural(m.slip, 'day')} late); driving chain: ${m.chain.map((link) => `${esc(link.id)} <span class="date">${esc(link.forecast)}</span>`).join(' ← ')}</li>`).join('')}</ul>`);
  }
  if (p.risks.length > 0) {
    out.push('<h3>Open risks</h3>', heatMapTable(heatMapOf(p.risks), p.program));
    out.push(`<table class="risks"><thead><tr><th>Risk</th><th>Likelihood</th><th>Impact</th><th>Status</th><th>Owner</th><th>Mitigation</th></tr></thead><tbody>${p.risks.map((r) => `<tr><td>${esc(r.title ?? r.id)}</td><td>${esc(r.likelihood)}</td><td>${esc(r.impact)}</td><td>${esc(r.status ?? 'open')}</td><td>${esc(r.owner)}</td><td>${esc(r.mitigation)}</td></tr>`).join('')}</tbody></table>`);
  }
  if (p.proposedDecisions.length > 0) out.push('<h3>Decisions wanted</h3>', `<ul>${p.proposedDecisions.map((d) => `<li>${esc(d.title ?? d.id)} <span class="none">(${esc(d.owner ?? 'no owner')})</span></li>`).join('')}</ul>`);
  if (p.decidedSince.length > 0) out.push('<h3>Decided since</h3>', `<ul>${p.decidedSince.map((d) => `<li>${esc(d.title ?? d.id)}, <span class="date">${esc(d.date)}</span></li>`).join('')}</ul>`);
  if (p.changes) {
    out.push(`<h3>Changes${report.since ? ` since <code>${esc(report.since.ref)}</code>` : ''}</h3>`);
    out.push(p.changes.length > 0 ? `<ul>${p.changes.map((change) => `<li>${esc(changeSentence(change))}</li>`).join('')}</ul>` : '<p class="none">None.</p>');
  }
  out.push('</section>');
  return out.join('\n');
}
