/** The output formats of `brief lint`: stylish, json, sarif and github (spec §4; docs/cli.md). */
import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import { type BriefsConfig, type Diagnostic, plural, PROJECT_URL, type Range, type Rule, RULE_DOCS_URL, type Severity } from '../core';
import { RULE_DOCS } from './ruleDocs.generated';
import { escapeUnsafeKeepingBreaks, neutraliseCommands, printable, printableKeepingLines, safeJson } from './safeText';
import { ITEMS_PLACE, jsonChunks } from './jsonChunks';

export { printable } from './safeText';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];


export { PROJECT_URL, RULE_DOCS_URL };

export interface LintReport {
  /** How many files are briefs. */
  briefs: number;
  /** Diagnostics to print, ordered by file then position. */
  diagnostics: Diagnostic[];
  /** A core uri as shown to users: relative to cwd, with `/`. */
  fileOf(uri: string): string;
  config: BriefsConfig;
  rules: readonly Rule[];
  toolVersion: string;
  /** The text of a file, for the SARIF fingerprints (without it they rest on rule, file and order). */
  textOf?(uri: string): string | undefined;
}

export function formatLint(format: LintFormat, report: LintReport, color: boolean): string {
  return [...formatLintPieces(format, report, color)].join('');
}

/**
 * The output in pieces that joined are `formatLint`'s text: json and sarif come a diagnostic at a
 * time (./jsonChunks.ts), so a large workspace's output is never whole in memory.
 */
export function formatLintPieces(format: LintFormat, report: LintReport, color: boolean): Iterable<string> {
  switch (format) {
    case 'stylish': return [formatStylish(report, color)];
    case 'json': return jsonPieces(report);
    case 'sarif': return sarifPieces(report);
    case 'github': return [formatGithub(report)];
  }
}

// ---------------------------------------------------------------------------------------------
// stylish

const ANSI = {
  red: ['\x1b[31m', '\x1b[39m'],
  yellow: ['\x1b[33m', '\x1b[39m'],
  blue: ['\x1b[34m', '\x1b[39m'],
  green: ['\x1b[32m', '\x1b[39m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  bold: ['\x1b[1m', '\x1b[22m'],
  underline: ['\x1b[4m', '\x1b[24m'],
} as const;

type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * eslint-like: one block per file, `line:col  severity  message  rule`, then a summary line.
 * Brief text can reach messages (a bad value, a YAML error) and file names are the workspace's:
 * neither may drive the terminal or the CI log (see safeText.ts).
 */
export function formatStylish(report: LintReport, color: boolean): string {
  return neutraliseCommands(stylish(report, color));
}

function stylish(report: LintReport, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text);
  const byFile = groupByFile(report);
  const out: string[] = [];
  for (const [file, diagnostics] of byFile) {
    const rows = diagnostics.map((d) => ({
      position: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: d.severity,
      message: printable(d.message),
      rule: d.rule,
    }));
    // A loop, not Math.max(...rows): a file can have more diagnostics than a call has room for arguments.
    const width = (key: 'position' | 'severity' | 'message') => rows.reduce((max, row) => Math.max(max, row[key].length), 0);
    const [positionWidth, severityWidth, messageWidth] = [width('position'), width('severity'), width('message')];
    out.push('', paint('underline', printable(file)));
    for (const row of rows) {
      out.push(`  ${paint('dim', row.position.padEnd(positionWidth))}  ${paint(SEVERITY_STYLE[row.severity], row.severity.padEnd(severityWidth))}  ${row.message.padEnd(messageWidth)}  ${paint('dim', row.rule)}`);
    }
  }
  const counts = countBySeverity(report.diagnostics);
  const total = report.diagnostics.length;
  if (total === 0) {
    if (report.briefs === 0) return 'No briefs found (a brief is a `.md` file whose frontmatter has `program:`, or a `*.brief.md` file).\n';
    return `${paint('green', '✔')} ${plural(report.briefs, 'brief')} checked, no problems\n`;
  }
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(report.briefs, 'brief')}`;
  out.push('', paint('bold', paint(counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue', summary)), '');
  return out.join('\n');
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

function groupByFile(report: LintReport): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    const file = report.fileOf(d.uri);
    const list = byFile.get(file);
    if (list) list.push(d);
    else byFile.set(file, [d]);
  }
  return byFile;
}

// ---------------------------------------------------------------------------------------------
// json (spec §4)

export interface JsonDiagnostic {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: { file: string; range: Range; message: string }[];
}

export interface JsonLintOutput {
  version: 1;
  briefs: number;
  diagnostics: JsonDiagnostic[];
}

export function lintJson(report: LintReport): JsonLintOutput {
  return { version: 1, briefs: report.briefs, diagnostics: report.diagnostics.map((d) => jsonDiagnostic(report, d)) };
}

function jsonDiagnostic(report: LintReport, d: Diagnostic): JsonDiagnostic {
  return {
    file: report.fileOf(d.uri),
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    range: copyRange(d.range),
    ...(d.related && d.related.length > 0 && {
      related: d.related.map((r) => ({ file: report.fileOf(r.uri), range: copyRange(r.range), message: r.message })),
    }),
  };
}

/** `lintJson` as text (`JSON.stringify(…, null, 2)`, made safe), a diagnostic at a time. */
function* jsonPieces(report: LintReport): Generator<string> {
  const skeleton = { version: 1, briefs: report.briefs, diagnostics: ITEMS_PLACE };
  yield* jsonChunks(skeleton, mapped(report.diagnostics, (d) => jsonDiagnostic(report, d)), safeJson);
  yield '\n';
}

function* mapped<T, U>(items: readonly T[], map: (item: T, index: number) => U): Generator<U> {
  for (let i = 0; i < items.length; i++) yield map(items[i], i);
}

function copyRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

// ---------------------------------------------------------------------------------------------
// sarif (SARIF 2.1.0, as GitHub code scanning reads it)

const SARIF_LEVEL: Record<Severity | 'off', Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

/** The `partialFingerprints` key of our fingerprint (v1 hashed the message, which can name today's date). */
export const FINGERPRINT_KEY = 'briefFingerprint/v2';

/** A file path as a relative URI reference: each segment percent-encoded, `/` kept. */
export function relativeUri(file: string): string {
  return file.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

/** SARIF message strings treat `[text](id)` as a link: literal brackets and backslashes are escaped (SARIF §3.11.6). */
function sarifText(text: string): string {
  return text.replace(/[\\[\]]/g, (char) => `\\${char}`);
}

function sarifRegion(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function sarifLocation(file: string, range: Range): Sarif.Location {
  return { physicalLocation: { artifactLocation: { uri: relativeUri(file), uriBaseId: '%SRCROOT%' }, region: sarifRegion(range) } };
}

/** Names for rules whose id is one word (SARIF1001 compares `name` and `id` ignoring case). */
const RULE_NAMES: ReadonlyMap<string, string> = new Map([['schema', 'SchemaViolation']]);

/**
 * The SARIF `name` of a rule: PascalCase of its id (`dependency-cycle` → `DependencyCycle`), which
 * must differ from the id (SARIF §3.49.7; the multitool's SARIF1001 ignores case).
 */
export function ruleName(id: string): string {
  const named = RULE_NAMES.get(id);
  if (named !== undefined) return named;
  const pascal = id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return pascal.toLowerCase() === id.toLowerCase() ? `${pascal}Rule` : pascal;
}

/** Text with its runs of white space made one space, and trimmed. */
function normalised(text: string): string {
  return text.split(/\s+/).filter((word) => word.length > 0).join(' ');
}

/**
 * What identifies a problem whatever its message says and wherever it moves: the normalised text
 * of the line it starts on and of the range itself (e.g. `due: 2026-11-13` and `2026-11-13`).
 */
function problemText(lines: readonly string[] | undefined, range: Range): string {
  if (!lines) return '';
  const line = lines[range.start.line] ?? '';
  const covered = range.start.line === range.end.line ? line.slice(range.start.character, range.end.character) : line.slice(range.start.character);
  return `${normalised(line)}\u0000${normalised(covered)}`;
}

/**
 * `partialFingerprints[FINGERPRINT_KEY]` of each diagnostic: a hash of the rule, the file, the text
 * of the problem (`problemText`) and its occurrence among identical ones in that file. Neither the
 * message (which can hold today's date) nor the line number is in it, so the fingerprint stays the
 * same from one day to the next and when lines are added above the problem.
 */
export function sarifFingerprints(report: LintReport): string[] {
  const seen = new Map<string, number>();
  // The lines of one file at a time: diagnostics come file by file, and keeping every file's
  // lines would hold a second copy of the workspace.
  let linesUri: string | undefined;
  let lines: readonly string[] | undefined;
  return report.diagnostics.map((d) => {
    if (d.uri !== linesUri) {
      linesUri = d.uri;
      lines = report.textOf?.(d.uri)?.split(/\r\n|\r|\n/);
    }
    const identity = `${d.rule}\u0000${report.fileOf(d.uri)}\u0000${problemText(lines, d.range)}`;
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

function ruleDescriptor(rule: Rule, config: BriefsConfig): Sarif.ReportingDescriptor {
  const setting = config.rules[rule.id] ?? rule.defaultSeverity;
  const docs = Object.hasOwn(RULE_DOCS, rule.id) ? RULE_DOCS[rule.id] : undefined;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    // A rule without a docs page (a test's own rule) still gets the descriptions GitHub asks for.
    fullDescription: docs ? { ...docs.fullDescription } : { text: rule.description },
    help: docs ? { ...docs.help } : { text: rule.description },
    helpUri: `${RULE_DOCS_URL}${rule.id}.md`,
    defaultConfiguration: { enabled: setting !== 'off', level: SARIF_LEVEL[setting] },
  };
}

export function lintSarif(report: LintReport): Sarif.Log {
  return sarifLog(report, [...sarifResults(report)]);
}

function* sarifResults(report: LintReport): Generator<Sarif.Result> {
  const ruleIndex = new Map(report.rules.map((rule, i) => [rule.id, i]));
  const fingerprints = sarifFingerprints(report);
  for (let i = 0; i < report.diagnostics.length; i++) {
    const d = report.diagnostics[i];
    const file = report.fileOf(d.uri);
    const index = ruleIndex.get(d.rule);
    yield {
      ruleId: d.rule,
      ...(index !== undefined && { ruleIndex: index }),
      level: SARIF_LEVEL[d.severity],
      message: { text: sarifText(d.message) },
      locations: [sarifLocation(file, d.range)],
      ...(d.related && d.related.length > 0 && {
        relatedLocations: d.related.map((r, j) => ({ id: j + 1, ...sarifLocation(report.fileOf(r.uri), r.range), message: { text: sarifText(r.message) } })),
      }),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i]! },
    };
  }
}

/** `lintSarif` as text (`JSON.stringify(…, null, 2)`, made safe), a result at a time. */
function* sarifPieces(report: LintReport): Generator<string> {
  yield* jsonChunks(sarifLog(report, ITEMS_PLACE), sarifResults(report), safeJson);
  yield '\n';
}

/** The SARIF log around its results (`ITEMS_PLACE` while they are written in pieces). */
function sarifLog(report: LintReport, results: Sarif.Result[] | typeof ITEMS_PLACE): Sarif.Log {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'brief',
          fullName: 'Program Briefs',
          version: report.toolVersion,
          semanticVersion: report.toolVersion,
          informationUri: PROJECT_URL,
          rules: report.rules.map((rule) => ruleDescriptor(rule, report.config)),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: results as Sarif.Result[],
    }],
  };
}

// ---------------------------------------------------------------------------------------------
// github (workflow commands: annotations on the pull request)

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a workflow command's message (GitHub's rules: the runner turns these back into the characters). */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value (also `:` and `,`, which delimit properties). */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message`: our own workflow
 * commands, so these lines do start with `::`; what comes from the workspace inside them is
 * escaped (GitHub's `%` escapes; control and bidirectional characters as `\u…`; `##[` broken,
 * so a message can never end our command and start another). Lines and columns
 * are 1-based; `endColumn` is the last column of the range (inclusive). GitHub rejects
 * columns on an annotation that spans lines, so those get lines only.
 */
export function formatGithub(report: LintReport): string {
  const lines = report.diagnostics.map((d) => {
    const { start, end } = d.range;
    const properties = [`file=${escapeGithubProperty(escapeUnsafeKeepingBreaks(report.fileOf(d.uri)))}`, `line=${start.line + 1}`];
    if (start.line === end.line) properties.push(`col=${start.character + 1}`, `endLine=${end.line + 1}`, `endColumn=${Math.max(start.character + 1, end.character)}`);
    else properties.push(`endLine=${end.line + 1}`);
    properties.push(`title=${escapeGithubProperty(d.rule)}`);
    const related = (d.related ?? []).map((r) => `\n${report.fileOf(r.uri)}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.message}`);
    return `::${GITHUB_COMMAND[d.severity]} ${properties.join(',')}::${escapeGithubData(printableKeepingLines(d.message + related.join('')))}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
