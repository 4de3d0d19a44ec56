/** Runs the rules over briefs: the one entry point the extension, the CLI and the tests share. */
import { effectiveToday, type BriefsConfig } from '../workspace/config';
import type { Brief, Severity } from '../model/model';
import type { Range } from '../model/range';
import { ownStrings } from '../model/ownStrings';
import { RULE_IDS, RULES, type RelatedLocation, type Rule, type RuleContext } from './';
import { withoutSuppressed } from './suppress';
import type { BriefWorkspace } from '../workspace/workspace';
import { scheduleAffectedUris } from '../schedule/workspaceSchedule';

export interface Diagnostic {
  uri: string;
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
}

export interface LintOptions {
  config: BriefsConfig;
  rules?: readonly Rule[];
}

/**
 * A file whose YAML does not parse gets `frontmatter-syntax` and nothing else (spec §2); a brief
 * with no (or an empty) frontmatter gets `frontmatter-missing` and nothing else, for the same reason.
 */
function soleRule(brief: Brief): string | undefined {
  if (brief.syntaxErrors.length > 0) return 'frontmatter-syntax';
  if (!brief.frontmatterRange || brief.frontmatterEmpty) return 'frontmatter-missing';
  return undefined;
}

/**
 * What the rules that look at one file only (`crossFile: false`) found in a brief, with what they
 * depended on. A brief never changes (an edit makes a new one), so while the config, `today` and
 * the rule list are the same, re-linting it after another brief changed (which the editor does for
 * every brief an edit may affect) needs to run its cross-file rules only.
 */
interface SingleFileResult {
  config: BriefsConfig;
  settings: BriefsConfig['rules'];
  people: BriefsConfig['people'];
  today: string;
  rules: readonly Rule[];
  diagnostics: Diagnostic[];
}

const singleFileResults = new WeakMap<Brief, SingleFileResult>();

/** Every rule id, for `suppression-invalid`. */
const RULE_ID_SET: ReadonlySet<string> = new Set(RULE_IDS);

/**
 * Briefs that `keepForLint` made: they lack what only single-file rules read, so they may only be
 * linted with the options their single-file result was found with.
 */
const keptForLint = new WeakSet<Brief>();

/**
 * What a one-shot lint of many briefs (the CLI's `brief lint`) needs to keep of a brief it has
 * just parsed: runs the brief's single-file rules now, and returns a copy without the parts that
 * only those rules read (the checklist, the headings, the stakeholders) and without the file's
 * text, with their result kept for `lintBrief`. So `lintBrief` over the copy, with the same
 * options, gives exactly what it gives over the brief, and a workspace of 10,000 briefs holds
 * about 10 KB less per brief, and its texts not at all (docs/benchmark.md, "Memory per brief").
 * Views, reports and the editor keep whole briefs.
 */
export function keepForLint(workspace: BriefWorkspace, brief: Brief, options: LintOptions, mayHoldText = false): Brief {
  // Copying every long string costs 5-8% of a cold lint of 2,000 briefs, and only saves memory: the
  // caller says when the file's text may stay alive through slices of it (a bounded total of
  // text, docs/benchmark.md, "Memory per brief").
  const own = mayHoldText ? <T>(value: T): T => value : ownStrings;
  if (brief.isBrief) return keptBrief(workspace, brief, options, own);
  // Not a brief: nothing lints it, but the workspace lists it; it keeps nothing of the file.
  return own({ ...brief, text: '' });
}

function keptBrief(workspace: BriefWorkspace, brief: Brief, options: LintOptions, own: <T>(value: T) => T): Brief {
  const single = singleFileDiagnostics(workspace, brief, options);
  // Their messages can quote the file (a bad value), and so hold on to its text too.
  own(single.diagnostics);
  const kept: Brief = own({ ...brief, text: '', checklist: [], headings: [], stakeholders: [] });
  singleFileResults.set(kept, single);
  keptForLint.add(kept);
  return kept;
}

/**
 * The single-file rules' result for a brief: the kept one while the config, `today` and the rule
 * list are the same, else found now (and kept).
 */
function singleFileDiagnostics(workspace: BriefWorkspace, brief: Brief, options: LintOptions): SingleFileResult {
  const rules = options.rules ?? RULES;
  const config = options.config;
  const today = effectiveToday(config);
  const cached = singleFileResults.get(brief);
  if (cached !== undefined && cached.config === config && cached.settings === config.rules && cached.people === config.people
    && cached.today === today && cached.rules === rules) return cached;
  if (keptForLint.has(brief)) throw new Error(`${brief.uri}: a brief kept for one lint (keepForLint) was linted with other options`);
  const diagnostics = runRules(workspace, brief, options, (rule) => !rule.crossFile);
  const result = { config, settings: config.rules, people: config.people, today, rules, diagnostics };
  singleFileResults.set(brief, result);
  return result;
}

/** Runs the rules that `which` picks (and the configuration leaves on) over one brief. */
function runRules(workspace: BriefWorkspace, brief: Brief, options: LintOptions, which: (rule: Rule) => boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const only = soleRule(brief);
  // One context for every rule (rules report synchronously, while `rule` is the one running).
  let rule: Rule | undefined;
  let configured: Severity | undefined;
  const context: RuleContext = {
    brief,
    workspace,
    config: options.config,
    today: effectiveToday(options.config),
    ruleIds: RULE_ID_SET,
    report(report) {
      const running = rule!;
      const severity = configured ?? report.defaultSeverity ?? (running.defaultSeverity as Severity);
      const diagnostic: Diagnostic = { uri: brief.uri, rule: running.id, severity, message: report.message, range: report.range };
      if (report.related && report.related.length > 0) diagnostic.related = report.related;
      if (report.data) diagnostic.data = report.data;
      diagnostics.push(diagnostic);
    },
  };
  for (rule of options.rules ?? RULES) {
    if (only && rule.id !== only) continue;
    if (!which(rule)) continue;
    const setting = options.config.rules[rule.id];
    if (setting === 'off' || (setting === undefined && rule.defaultSeverity === 'off')) continue;
    configured = setting;
    rule.check(context);
  }
  return diagnostics;
}

/** Diagnostics for one brief, cross-file rules included, sorted by position. */
export function lintBrief(workspace: BriefWorkspace, brief: Brief, options: LintOptions): Diagnostic[] {
  if (!brief.isBrief) return [];
  // Single-file diagnostics are copied out of the kept result (callers may change what they get);
  // both lists are merged and sorted at the end (the sort is stable, so the order is the one
  // rule-by-rule reporting gives).
  const single = singleFileDiagnostics(workspace, brief, options).diagnostics.map((diagnostic) => ({ ...diagnostic }));
  const crossFile = runRules(workspace, brief, options, (rule) => rule.crossFile);
  const all = single.concat(crossFile).sort(byPosition);
  return brief.suppressions ? withoutSuppressed(brief.suppressions, all) : all;
}

/** Diagnostics for every brief of the workspace, keyed by uri (briefs without problems map to []). */
export function lintWorkspace(workspace: BriefWorkspace, options: LintOptions): Map<string, Diagnostic[]> {
  const result = new Map<string, Diagnostic[]>();
  for (const brief of workspace.briefs()) result.set(brief.uri, lintBrief(workspace, brief, options));
  return result;
}

/**
 * The briefs whose diagnostics may change when `changed` changes (including itself): briefs that
 * depend on its program id, old or new, those sharing that id, those on a dependency cycle, and
 * those whose schedule facts (forecasts, driving chains) changed since the schedule was last
 * asked this (the first call after a change answers for the whole change: callers take the union).
 */
export function briefsAffectedBy(workspace: BriefWorkspace, changedUri: string, programIds: Iterable<string>): Brief[] {
  const affected = new Set<Brief>();
  const self = workspace.get(changedUri);
  if (self?.isBrief) affected.add(self);
  for (const id of programIds) {
    for (const brief of workspace.dependentsOf(id)) affected.add(brief);
    for (const brief of workspace.briefsOf(id)) affected.add(brief);
  }
  for (const edge of workspace.cycles().keys()) {
    const brief = workspace.get(edge.uri);
    if (brief) affected.add(brief);
  }
  for (const uri of scheduleAffectedUris(workspace, programIds)) {
    const brief = workspace.get(uri);
    if (brief?.isBrief) affected.add(brief);
  }
  return [...affected];
}

/** What `a.localeCompare(b)` does (the default locale), without looking the locale up on every call. */
const collator = new Intl.Collator();

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || collator.compare(a.rule, b.rule);
}
