/**
 * The `brief` command, callable in-process: `run(argv, io)` parses the arguments, does the work
 * and returns the exit code, writing only to `io.stdout` and `io.stderr` (tests run it directly;
 * `main.ts` wires it to the process).
 */
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { version as packageVersion } from '../../package.json';
import { buildGraphView, buildReport, keepForLint, buildScheduleGraph, compareText, computeSchedule, configJsonSchema, dayNumber, DEFAULT_DUE_WITHIN, DEFAULT_HORIZON, diffWorkspaces, type DotRankDir, dueItems, effectiveToday, forecastChanges, frontmatterJsonSchema, type GraphLevel, HANDLE_PATTERN, hasSchemaProblemUnder, ImpactError, isCalendarDate, lintWorkspace, MERMAID_DIRECTIONS, type MermaidDirection, ownersOf, reportHtml, reportMarkdown, RULE_IDS, RULES, slipImpact, toDot, toGraphJson, toMermaid, UnknownReferenceError } from '../core';
import { DIFF_FORMATS, diffJson, diffMarkdown, diffText, REPORT_FORMATS, reportJson, type DiffFormat, type ReportFormat } from './reportFormats';
import { GitError, headCommit } from '../host/git';
import { workspaceAt } from '../host/history';
import { DUE_FORMATS, dueJson, dueText, OWNERS_FORMATS, ownersJson, ownersText, type DueFormat, type OwnersFormat } from './dueOwnersFormats';
import { CHECKLIST_FORMATS, checklistJson, checklistText, type ChecklistFormat } from './checklistFormats';
import { IMPACT_FORMATS, impactJson, impactText, SCHEDULE_FORMATS, scheduleGantt, scheduleJson, scheduleText, type ImpactFormat, type ScheduleFormat } from './scheduleFormats';
import { WorkspaceLoadError, loadWorkspace, type LoadedWorkspace, type LoadOptions } from '../host/workspaceFiles';
import { DEFAULT_CACHE_FILE, LintCache, type LintResult } from '../host/lintCache';
import { CHECKLIST_HELP, DIFF_HELP, DUE_HELP, GRAPH_HELP, IMPACT_HELP, OWNERS_HELP, REPORT_HELP, LINT_HELP, LSP_HELP, SCHEDULE_HELP, SCHEMA_HELP, TOP_HELP } from './help';
import { countBySeverity, formatLintPieces, LINT_FORMATS, type LintFormat } from './lintFormats';
import { writeInBatches } from './jsonChunks';
import { printable, printableKeepingLines, safeDot, safeJson, safeMermaid } from './safeText';
import { didYouMean } from './suggest';

export const VERSION: string = packageVersion;

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** For NO_COLOR / FORCE_COLOR; default none set. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Forces colours on or off (default: from the environment and whether stdout is a terminal). */
  color?: boolean;
  /** Starts the language server on the process's standard streams (main.ts); it never returns. */
  serveLanguageServer?(options: { version: string }): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** Bad usage: reported with a pointer to `--help`. */
class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

const WORKSPACE_OPTIONS = {
  config: { type: 'string' },
  'max-file-size': { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

interface Command {
  help: string;
  options: Options;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

const COMMANDS: Record<string, Command> = {
  lint: {
    help: LINT_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' }, 'max-warnings': { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, cache: { type: 'boolean' }, 'cache-location': { type: 'string' } },
    run: runLint,
  },
  graph: {
    help: GRAPH_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' }, focus: { type: 'string' }, depth: { type: 'string' }, level: { type: 'string' }, direction: { type: 'string' } },
    run: runGraph,
  },
  checklist: {
    help: CHECKLIST_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' }, open: { type: 'boolean' } },
    run: runChecklist,
  },
  schema: {
    help: SCHEMA_HELP,
    options: { help: { type: 'boolean', short: 'h' }, config: { type: 'boolean' } },
    run: async (args, io) => {
      if (args.positionals.length > 0) throw new UsageError('`brief schema` takes no arguments', 'schema');
      const schema = args.values.config ? configJsonSchema(RULE_IDS) : frontmatterJsonSchema();
      io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      return EXIT_OK;
    },
  },
  schedule: {
    help: SCHEDULE_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' } },
    run: runSchedule,
  },
  impact: {
    help: IMPACT_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' }, days: { type: 'string' } },
    run: runImpact,
  },
  due: {
    help: DUE_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' }, within: { type: 'string' }, owner: { type: 'string' } },
    run: runDue,
  },
  owners: {
    help: OWNERS_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' }, owner: { type: 'string' } },
    run: runOwners,
  },
  report: {
    help: REPORT_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' }, since: { type: 'string' }, horizon: { type: 'string' } },
    run: runReport,
  },
  diff: {
    help: DIFF_HELP,
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', short: 'f' }, since: { type: 'string' } },
    run: runDiff,
  },
  lsp: {
    help: LSP_HELP,
    options: { help: { type: 'boolean', short: 'h' }, stdio: { type: 'boolean' } },
    run: async (args, io) => {
      if (args.positionals.length > 0) throw new UsageError('`brief lsp` takes no arguments', 'lsp');
      if (!args.values.stdio) throw new UsageError('`brief lsp` needs `--stdio` (the only transport it speaks)', 'lsp');
      if (!io.serveLanguageServer) throw new UsageError('`brief lsp` runs only as its own process', 'lsp');
      // Runs until the client sends `exit`; the process then ends with the code LSP prescribes.
      return io.serveLanguageServer({ version: VERSION });
    },
  },
};

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr.write(TOP_HELP);
      return EXIT_FAILURE;
    }
    if (first === '-h' || first === '--help') {
      io.stdout.write(TOP_HELP);
      return EXIT_OK;
    }
    if (first === '-v' || first === '--version') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) io.stdout.write(TOP_HELP);
      else if (Object.hasOwn(COMMANDS, topic)) io.stdout.write(COMMANDS[topic].help);
      else throw new UsageError(unknownCommand(topic));
      return EXIT_OK;
    }
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!command) {
      throw new UsageError(first.startsWith('-') ? `unknown option \`${first}\`${didYouMean(first, TOP_OPTIONS) || '; expected a command first'}` : unknownCommand(first));
    }
    const args = parse(first, command, rest);
    if (args.values.help) {
      io.stdout.write(command.help);
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`brief: ${printable(message(error.message))}\nbrief: run \`brief ${error.command ? `${error.command} ` : ''}--help\` for usage\n`);
      return EXIT_FAILURE;
    }
    if (error instanceof WorkspaceLoadError || error instanceof UnknownReferenceError || error instanceof ImpactError || error instanceof GitError) {
      io.stderr.write(`brief: ${printable(message(error.message))}\n`);
      return EXIT_FAILURE;
    }
    io.stderr.write(internalError(error, io.env));
    return EXIT_FAILURE;
  }
}

/**
 * What a failure of brief itself prints (main.ts uses it too): one line naming the error, a
 * hint, and the stack trace only when `BRIEF_DEBUG` is set (to anything but `0`), never by
 * default: a CI log gets a message, not a trace.
 */
export function internalError(error: unknown, env: CliIO['env'] = {}): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const debug = env?.BRIEF_DEBUG !== undefined && env.BRIEF_DEBUG !== '' && env.BRIEF_DEBUG !== '0';
  const lines = [`brief: internal error: ${printable(what)}`];
  if (debug && error instanceof Error && error.stack) lines.push(...error.stack.split('\n').slice(1).map((line) => printable(line)));
  else lines.push('brief: this is a bug in brief, not in your briefs; please report it with the command that failed (set BRIEF_DEBUG=1 to print the stack trace)');
  return `${lines.join('\n')}\n`;
}

/** What `brief` accepts before a command. */
const TOP_OPTIONS = ['--help', '--version'];

function unknownCommand(name: string): string {
  return `unknown command \`${name}\`${didYouMean(name, [...Object.keys(COMMANDS), 'help']) || '; expected lint, graph, checklist or schema'}`;
}

/**
 * One style for every message after `brief: ` (docs/cli.md): it starts in lower case (unless
 * its first word is a name such as `JSON`) and has no final period. Messages that come from
 * elsewhere (Node's argument parser, the core) are brought to it here.
 */
export function message(text: string): string {
  const trimmed = text.replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? `${trimmed[0].toLowerCase()}${trimmed.slice(1)}` : trimmed;
}

/** The names an option of `options` can be typed as: `--name` and `-x`. */
function optionNames(options: Options): string[] {
  return Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
}

const UNKNOWN_OPTION = "Unknown option '";

/** Options whose value may be a negative number (`--days -7`), which Node's parser would take for an option. */
const SIGNED_OPTIONS = new Set(['--days']);

function withSignedValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (SIGNED_OPTIONS.has(args[i]) && /^-\d+$/.test(args[i + 1] ?? '')) joined.push(`${args[i]}=${args[++i]}`);
    else joined.push(args[i]);
  }
  return joined;
}

function parse(name: string, command: Command, args: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: withSignedValues(args), options: command.options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if ((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && text.startsWith(UNKNOWN_OPTION)) {
      // Node's message: Unknown option '--x'. To specify a positional argument … (a long hint about `--`).
      const end = text.indexOf("'. ", UNKNOWN_OPTION.length);
      const option = text.slice(UNKNOWN_OPTION.length, end < 0 ? undefined : end);
      throw new UsageError(`unknown option \`${option}\`${didYouMean(option, optionNames(command.options))}`, name);
    }
    // Otherwise the first sentence says what is wrong; Node quotes with '…', brief with `…`.
    const first = text.split(/\.\s/)[0].replace(/'([^']*)'/g, '`$1`');
    throw new UsageError(first, name);
  }
}

function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T, command: string): T {
  const value = stringOption(args, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`invalid --${name} \`${value}\`${didYouMean(value, allowed) || `; expected one of ${allowed.join(', ')}`}`, command);
  return value as T;
}

function count(args: ParsedArgs, name: string, command: string): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`invalid --${name} \`${value}\`; expected a whole number (0 or more)`, command);
  return Number(value);
}

async function load(args: ParsedArgs, command: string, io: CliIO, beforeParse?: LoadOptions['beforeParse'], keep?: Pick<LoadOptions, 'keep' | 'keepTexts'>): Promise<LoadedWorkspace> {
  const today = stringOption(args, 'today');
  if (today !== undefined && !isCalendarDate(today)) throw new UsageError(`invalid --today \`${today}\`; expected a date YYYY-MM-DD`, command);
  const maxFileSizeKB = count(args, 'max-file-size', command);
  if (maxFileSizeKB === 0) throw new UsageError('invalid --max-file-size `0`; expected a size in KB (1 or more)', command);
  const loaded = await loadWorkspace({ cwd: io.cwd, paths: args.positionals, configPath: stringOption(args, 'config'), today, ...(maxFileSizeKB !== undefined && { maxFileSizeKB }), ...(beforeParse && { beforeParse }), ...keep });
  // Files left out on purpose: said on stderr (so a CI log shows them), not an error.
  for (const skipped of loaded.skipped) io.stderr.write(`brief: warning: ${printable(skipped)}\n`);
  return loaded;
}

function reportReadProblems(loaded: LoadedWorkspace, io: CliIO): boolean {
  for (const problem of loaded.readProblems) io.stderr.write(`brief: ${printable(problem)}\n`);
  return loaded.readProblems.length > 0;
}

function useColor(io: CliIO): boolean {
  if (io.color !== undefined) return io.color;
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return io.stdout.isTTY === true;
}

async function runLint(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice<LintFormat>(args, 'format', LINT_FORMATS, 'stylish', 'lint');
  const maxWarnings = count(args, 'max-warnings', 'lint');
  const quiet = args.values.quiet === true;
  const cacheLocation = stringOption(args, 'cache-location');
  if (cacheLocation !== undefined && args.values.cache !== true) throw new UsageError('--cache-location needs --cache', 'lint');
  const { loaded, result } = args.values.cache === true ? await lintWithCache(args, io, cacheLocation) : await lintCold(args, io);
  const all = result.diagnostics;
  const counts = countBySeverity(all);
  const shown = quiet ? all.filter((d) => d.severity === 'error') : all;
  writeInBatches(formatLintPieces(format, {
    briefs: result.briefs,
    diagnostics: shown,
    fileOf: loaded.fileOf,
    config: loaded.config,
    rules: RULES,
    toolVersion: VERSION,
    textOf: (uri) => loaded.textOf(uri),
  }, useColor(io)), (text) => io.stdout.write(text));
  const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
  if (tooManyWarnings) io.stderr.write(`brief: too many warnings (${counts.warning}; --max-warnings ${maxWarnings})\n`);
  if (reportReadProblems(loaded, io)) return EXIT_FAILURE;
  return counts.error > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

type LintRun = { loaded: LoadedWorkspace; result: LintResult };

/** Lints what was loaded: the diagnostics of the files reported, by file, and how many briefs they are. */
function lintLoaded(loaded: LoadedWorkspace): LintResult {
  const byUri = lintWorkspace(loaded.workspace, { config: loaded.config });
  const diagnostics = [...byUri]
    .filter(([uri]) => loaded.isReported(uri))
    .map(([uri, list]) => ({ file: loaded.fileOf(uri), list }))
    .sort((a, b) => compareText(a.file, b.file))
    .flatMap((entry) => entry.list);
  // The briefs reported on: with single files named, those of them that are briefs (spec §3.7).
  return { briefs: loaded.workspace.briefs().filter((brief) => loaded.isReported(brief.uri)).length, diagnostics };
}

/**
 * `brief lint` keeps of each brief what its rules still need once the single-file ones ran, and
 * the files' texts only for SARIF (its fingerprints quote the lines).
 */
function keepForLintRun(args: ParsedArgs): Pick<LoadOptions, 'keep' | 'keepTexts'> {
  return { keep: (workspace, brief, config, mayHoldText) => keepForLint(workspace, brief, { config }, mayHoldText), keepTexts: args.values.format === 'sarif' };
}

async function lintCold(args: ParsedArgs, io: CliIO): Promise<LintRun> {
  const loaded = await load(args, 'lint', io, undefined, keepForLintRun(args));
  return { loaded, result: lintLoaded(loaded) };
}

/**
 * `--cache` (src/host/lintCache.ts): when no file, setting or tool version changed since the run
 * the cache kept, its result is printed without parsing or linting; otherwise the files are
 * linted and the cache keeps this run's result.
 */
async function lintWithCache(args: ParsedArgs, io: CliIO, location: string | undefined): Promise<LintRun> {
  let cache: LintCache | undefined;
  let key = '';
  let cached: LintResult | undefined;
  const loaded = await load(args, 'lint', io, (root, config, files) => {
    cache = LintCache.open(location !== undefined ? resolve(io.cwd, location) : join(root, DEFAULT_CACHE_FILE), VERSION);
    const paths = (args.positionals.length > 0 ? args.positionals : ['.']).map((p) => resolve(io.cwd, p));
    key = cache.keyOf({ config, today: effectiveToday(config), paths, files });
    cached = cache.resultFor(key);
    return cached !== undefined;
  }, keepForLintRun(args));
  if (cached) return { loaded, result: cached };
  const result = lintLoaded(loaded);
  cache?.save(key, result);
  return { loaded, result };
}

const GRAPH_FORMATS = ['mermaid', 'json', 'dot'] as const;
const GRAPH_LEVELS: readonly GraphLevel[] = ['milestone', 'program'];

async function runGraph(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice(args, 'format', GRAPH_FORMATS, 'mermaid', 'graph');
  const level = choice(args, 'level', GRAPH_LEVELS, 'milestone', 'graph');
  const direction = choice<MermaidDirection>(args, 'direction', MERMAID_DIRECTIONS, 'LR', 'graph');
  const depth = count(args, 'depth', 'graph');
  const focus = stringOption(args, 'focus');
  if (depth !== undefined && focus === undefined) throw new UsageError('--depth applies only with --focus', 'graph');
  const loaded = await load(args, 'graph', io);
  const view = buildGraphView(loaded.workspace.graph(), {
    today: effectiveToday(loaded.config),
    cycles: loaded.workspace.cycles(),
    level,
    ...(focus !== undefined && { focus }),
    ...(depth !== undefined && { depth }),
  });
  if (format === 'mermaid') io.stdout.write(safeMermaid(toMermaid(view, { direction })));
  else if (format === 'dot') io.stdout.write(safeDot(toDot(view, { rankdir: (direction === 'TD' ? 'TB' : direction) as DotRankDir })));
  else io.stdout.write(`${safeJson(JSON.stringify(toGraphJson(view, loaded.fileOf), null, 2))}\n`);
  return reportReadProblems(loaded, io) ? EXIT_FAILURE : EXIT_OK;
}

async function runSchedule(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice<ScheduleFormat>(args, 'format', SCHEDULE_FORMATS, 'text', 'schedule');
  const loaded = await load(args, 'schedule', io);
  const graph = buildScheduleGraph(loaded.workspace);
  const view = { graph, result: computeSchedule(graph), today: effectiveToday(loaded.config), fileOf: loaded.fileOf, isReported: loaded.isReported };
  if (format === 'json') io.stdout.write(`${safeJson(JSON.stringify(scheduleJson(view), null, 2))}\n`);
  else if (format === 'gantt') io.stdout.write(scheduleGantt(view, programStarts(loaded)));
  else io.stdout.write(scheduleText(view));
  return reportReadProblems(loaded, io) ? EXIT_FAILURE : EXIT_OK;
}

/** Each program's `start` (where the gantt chart's first bar begins) and each milestone's (`program#id`: where its bar begins). */
function programStarts(loaded: LoadedWorkspace): Map<string, number> {
  const starts = new Map<string, number>();
  for (const brief of loaded.workspace.briefs()) {
    if (!brief.program) continue;
    if (brief.start && !brief.schemaProblems.some((p) => p.data?.path?.[0] === 'start')) starts.set(brief.program.value, dayNumber(brief.start.value));
    for (const milestone of brief.milestones) {
      const id = milestone.id && `${brief.program.value}#${milestone.id.value}`;
      if (id && milestone.start && !starts.has(id) && !hasSchemaProblemUnder(brief, ['milestones', milestone.index, 'start'])) starts.set(id, dayNumber(milestone.start.value));
    }
  }
  return starts;
}

async function runImpact(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice<ImpactFormat>(args, 'format', IMPACT_FORMATS, 'text', 'impact');
  const [ref, ...paths] = args.positionals;
  if (ref === undefined) throw new UsageError('`brief impact` needs a milestone (program#milestone) or a program', 'impact');
  const daysText = stringOption(args, 'days');
  if (daysText === undefined) throw new UsageError('`brief impact` needs `--days N` (negative: earlier)', 'impact');
  if (!/^-?\d{1,5}$/.test(daysText)) throw new UsageError(`invalid --days \`${daysText}\`; expected a whole number of days, such as 14 or -7`, 'impact');
  const loaded = await load({ ...args, positionals: paths }, 'impact', io);
  const graph = buildScheduleGraph(loaded.workspace);
  const impact = slipImpact(graph, ref, Number(daysText));
  const view = { impact, graph, fileOf: loaded.fileOf };
  io.stdout.write(format === 'json' ? `${safeJson(JSON.stringify(impactJson(view), null, 2))}\n` : impactText(view));
  return reportReadProblems(loaded, io) ? EXIT_FAILURE : EXIT_OK;
}

async function runChecklist(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice<ChecklistFormat>(args, 'format', CHECKLIST_FORMATS, 'text', 'checklist');
  const loaded = await load(args, 'checklist', io);
  const options = {
    briefs: loaded.workspace.briefs().filter((brief) => loaded.isReported(brief.uri)).sort((a, b) => {
      const [fa, fb] = [loaded.fileOf(a.uri), loaded.fileOf(b.uri)];
      return compareText(fa, fb);
    }),
    fileOf: loaded.fileOf,
    open: args.values.open === true,
    today: effectiveToday(loaded.config),
  };
  io.stdout.write(format === 'json' ? `${safeJson(JSON.stringify(checklistJson(options), null, 2))}\n` : checklistText(options));
  return reportReadProblems(loaded, io) ? EXIT_FAILURE : EXIT_OK;
}

function ownerOption(args: ParsedArgs, command: string): string | undefined {
  const owner = stringOption(args, 'owner');
  if (owner !== undefined && !HANDLE_PATTERN.test(owner)) throw new UsageError(`invalid --owner \`${owner}\`; expected a handle such as @maria or @org/team`, command);
  return owner;
}

/** The reported briefs, by file as shown. */
function reportedBriefs(loaded: LoadedWorkspace) {
  return loaded.workspace.briefs().filter((brief) => loaded.isReported(brief.uri)).sort((a, b) => compareText(loaded.fileOf(a.uri), loaded.fileOf(b.uri)));
}

async function runDue(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice<DueFormat>(args, 'format', DUE_FORMATS, 'text', 'due');
  const within = count(args, 'within', 'due') ?? DEFAULT_DUE_WITHIN;
  const owner = ownerOption(args, 'due');
  const loaded = await load(args, 'due', io);
  const today = effectiveToday(loaded.config);
  const items = dueItems(reportedBriefs(loaded), { today, within, ...(owner !== undefined && { owner }), fileOf: loaded.fileOf });
  const view = { items, today, within, ...(owner !== undefined && { owner }), fileOf: loaded.fileOf };
  io.stdout.write(format === 'json' ? `${safeJson(JSON.stringify(dueJson(view), null, 2))}\n` : dueText(view));
  return reportReadProblems(loaded, io) ? EXIT_FAILURE : EXIT_OK;
}

async function runOwners(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice<OwnersFormat>(args, 'format', OWNERS_FORMATS, 'text', 'owners');
  const owner = ownerOption(args, 'owners');
  const loaded = await load(args, 'owners', io);
  const entries = ownersOf(reportedBriefs(loaded), { ...(owner !== undefined && { owner }), fileOf: loaded.fileOf });
  const view = { entries, ...(owner !== undefined && { owner }), fileOf: loaded.fileOf };
  io.stdout.write(format === 'json' ? `${safeJson(JSON.stringify(ownersJson(view), null, 2))}\n` : ownersText(view));
  return reportReadProblems(loaded, io) ? EXIT_FAILURE : EXIT_OK;
}

/** The briefs at `--since REF` and what changed from them to the working tree (spec 3.6). */
async function changesSince(ref: string, args: ParsedArgs, loaded: LoadedWorkspace, io: CliIO, command: string) {
  const maxFileSizeKB = count(args, 'max-file-size', command);
  const past = await workspaceAt(ref, {
    cwd: io.cwd, paths: args.positionals, config: loaded.config, current: loaded.workspace,
    ...(loaded.configFile !== undefined && { configFile: loaded.configFile }),
    ...(loaded.workspaceRoot !== undefined && { workspaceRoot: loaded.workspaceRoot }),
    ...(maxFileSizeKB !== undefined && { maxFileSizeKB }),
  });
  const changes = diffWorkspaces({ workspace: past.workspace, fileOf: loaded.fileOf }, { workspace: loaded.workspace, fileOf: loaded.fileOf });
  return { since: past.since, changes, forecasts: forecastChanges(past.workspace, loaded.workspace) };
}

function sinceOption(args: ParsedArgs, command: string): string | undefined {
  const since = stringOption(args, 'since');
  if (since !== undefined && since.trim() === '') throw new UsageError('invalid --since ``; expected a commit, branch, tag or date YYYY-MM-DD', command);
  return since;
}

async function runReport(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice<ReportFormat>(args, 'format', REPORT_FORMATS, 'markdown', 'report');
  const horizon = count(args, 'horizon', 'report') ?? DEFAULT_HORIZON;
  const ref = sinceOption(args, 'report');
  const loaded = await load(args, 'report', io);
  const history = ref !== undefined ? await changesSince(ref, args, loaded, io, 'report') : undefined;
  const commit = await headCommit(io.cwd);
  const report = buildReport(loaded.workspace, {
    today: effectiveToday(loaded.config), horizon, isReported: loaded.isReported, fileOf: loaded.fileOf,
    ...(commit && { commit }),
    ...(history && { since: history.since, changes: history.changes }),
  });
  const options = { fileOf: loaded.fileOf };
  if (format === 'json') io.stdout.write(`${safeJson(JSON.stringify(reportJson(report, loaded.fileOf), null, 2))}\n`);
  else io.stdout.write(printableKeepingLines(format === 'html' ? reportHtml(report, options) : reportMarkdown(report, options)));
  return reportReadProblems(loaded, io) ? EXIT_FAILURE : EXIT_OK;
}

async function runDiff(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = choice<DiffFormat>(args, 'format', DIFF_FORMATS, 'text', 'diff');
  const ref = sinceOption(args, 'diff');
  if (ref === undefined) throw new UsageError('`brief diff` needs `--since REF` (a commit, branch, tag or date YYYY-MM-DD)', 'diff');
  const loaded = await load(args, 'diff', io);
  const history = await changesSince(ref, args, loaded, io, 'diff');
  const view = { ...history, fileOf: loaded.fileOf };
  if (format === 'json') io.stdout.write(`${safeJson(JSON.stringify(diffJson(view), null, 2))}\n`);
  else io.stdout.write(format === 'markdown' ? printableKeepingLines(diffMarkdown(view)) : diffText(view));
  return reportReadProblems(loaded, io) ? EXIT_FAILURE : EXIT_OK;
}
