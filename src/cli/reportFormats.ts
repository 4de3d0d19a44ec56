/**
 * `brief report` (v2 spec section 3.4: markdown, html, json) and `brief diff` (3.6: text,
 * markdown, json). The report's markdown and html come from the core's renderers (the editor
 * shows the same HTML); JSON carries `"version": 1`, missing values `null`, `line` 0-based.
 */
import { changeSentence, type DiffChange, type DueItem, escapeMarkdown, type ForecastChange, plural, type ProgramReport, type StatusReport as Report } from '../core';
import { neutraliseCommands, printable } from './safeText';

export const REPORT_FORMATS = ['markdown', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

type FileOf = (uri: string) => string;

const orNull = <T>(value: T | undefined): T | null => value ?? null;

function dueJson(item: DueItem, fileOf: FileOf) {
  return { kind: item.kind, ...(item.id !== undefined && { id: item.id }), text: item.text, owner: orNull(item.owner), due: item.due, overdue: item.overdue, file: fileOf(item.uri), line: item.line };
}

function programJson(p: ProgramReport, fileOf: FileOf) {
  return {
    program: p.program,
    title: orNull(p.title),
    owner: orNull(p.owner),
    status: orNull(p.status),
    health: p.health,
    reasons: p.reasons.map((r) => ({ kind: r.kind, node: r.node, message: r.message, file: fileOf(r.uri), line: r.line })),
    target: orNull(p.target),
    forecast: orNull(p.forecast),
    milestones: p.milestones,
    checklist: p.checklist,
    next: p.next ? { id: p.next.id, title: orNull(p.next.title), owner: orNull(p.next.owner), due: p.next.due } : null,
    due: p.due.map((item) => dueJson(item, fileOf)),
    overdue: p.overdue.map((item) => dueJson(item, fileOf)),
    slipping: p.slipping.map((m) => ({ id: m.id, title: orNull(m.title), owner: orNull(m.owner), due: m.due, forecast: m.forecast, slip: m.slip, chain: m.chain.map((c) => ({ id: c.id, forecast: orNull(c.forecast) })) })),
    risks: p.risks.map((r) => ({ id: orNull(r.id), title: orNull(r.title), owner: orNull(r.owner), likelihood: orNull(r.likelihood), impact: orNull(r.impact), status: orNull(r.status), mitigation: orNull(r.mitigation), line: r.line })),
    decisions: {
      proposed: p.proposedDecisions.map((d) => ({ id: orNull(d.id), title: orNull(d.title), owner: orNull(d.owner), line: d.line })),
      decidedSince: p.decidedSince.map((d) => ({ id: orNull(d.id), title: orNull(d.title), owner: orNull(d.owner), date: orNull(d.date), line: d.line })),
    },
    ...(p.changes && { changes: p.changes.map(changeJson) }),
    file: fileOf(p.uri),
    line: p.line,
  };
}

export function reportJson(report: Report, fileOf: FileOf): unknown {
  return {
    version: 1,
    today: report.today,
    horizon: report.horizon,
    commit: report.commit ? report.commit.id : null,
    dirty: report.commit?.dirty ?? false,
    since: report.since ?? null,
    programs: report.programs.map((p) => programJson(p, fileOf)),
    heatMap: { likelihood: ['low', 'medium', 'high'], impact: ['low', 'medium', 'high'], counts: report.heatMap },
    ...(report.otherChanges && { otherChanges: report.otherChanges.map(changeJson) }),
  };
}

function changeJson(change: DiffChange) {
  return {
    program: change.program,
    kind: change.kind,
    ...(change.id !== undefined && { id: change.id }),
    ...(change.text !== undefined && { text: change.text }),
    ...(change.before !== undefined && { before: change.before }),
    ...(change.after !== undefined && { after: change.after }),
    ...(change.days !== undefined && { days: change.days }),
    file: change.file,
    ...(change.line !== undefined && { line: change.line }),
  };
}

export interface DiffView {
  since: { ref: string; commit: string; date: string };
  changes: DiffChange[];
  forecasts: ForecastChange[];
  fileOf: FileOf;
}

export function diffJson(view: DiffView): unknown {
  return {
    version: 1,
    since: { ref: view.since.ref, commit: view.since.commit, date: view.since.date },
    changes: view.changes.map(changeJson),
    forecasts: view.forecasts.map((f) => ({ id: f.id, kind: f.kind, program: f.program, before: f.before, after: f.after, days: f.days, late: f.late, file: view.fileOf(f.uri), line: f.line })),
  };
}

function byProgram(changes: readonly DiffChange[]): Map<string, DiffChange[]> {
  const groups = new Map<string, DiffChange[]>();
  for (const change of changes) {
    const list = groups.get(change.program);
    if (list) list.push(change);
    else groups.set(change.program, [change]);
  }
  return groups;
}

const signed = (days: number) => `${days > 0 ? '+' : ''}${plural(days, 'day').replace(/^-/, '-')}`;

function heading(view: DiffView): string {
  const programs = byProgram(view.changes).size;
  const what = view.changes.length === 0 ? 'no changes' : `${plural(view.changes.length, 'change')} in ${plural(programs, 'program')}`;
  return `since ${view.since.ref} (commit ${view.since.commit.slice(0, 12)}, ${view.since.date}): ${what}`;
}

export function diffText(view: DiffView): string {
  const lines = [printable(`Changes ${heading(view)}`)];
  for (const [program, changes] of byProgram(view.changes)) {
    lines.push('', printable(program));
    for (const change of changes) lines.push(`  ${printable(changeSentence(change))}  ${printable(change.file)}${change.line !== undefined ? `:${change.line + 1}` : ''}`);
  }
  if (view.forecasts.length > 0) {
    lines.push('', 'Forecasts moved');
    for (const f of view.forecasts) lines.push(`  ${printable(f.id)}  ${f.before} → ${f.after} (${signed(f.days)})${f.late ? '  late' : ''}`);
  }
  return neutraliseCommands(`${lines.join('\n')}\n`);
}

export function diffMarkdown(view: DiffView): string {
  const esc = escapeMarkdown;
  const lines = [`## Plan changes since \`${view.since.commit.slice(0, 12)}\` (${esc(view.since.ref)}, ${view.since.date})`, ''];
  if (view.changes.length === 0) lines.push('No changes to the plan.');
  else lines.push(`${plural(view.changes.length, 'change')} in ${plural(byProgram(view.changes).size, 'program')}.`);
  for (const [program, changes] of byProgram(view.changes)) {
    lines.push('', `### ${esc(program)}`, '');
    for (const change of changes) lines.push(`- ${esc(changeSentence(change))} (${esc(change.file)}${change.line !== undefined ? `:${change.line + 1}` : ''})`);
  }
  if (view.forecasts.length > 0) {
    lines.push('', '### Slip impact', '', '| Node | Forecast before | Forecast after | Moved | Late |', '| --- | --- | --- | --- | --- |');
    for (const f of view.forecasts) lines.push(`| ${esc(f.id)} | ${f.before} | ${f.after} | ${signed(f.days)} | ${f.late ? 'yes' : 'no'} |`);
  }
  return neutraliseCommands(`${lines.join('\n')}\n`);
}
