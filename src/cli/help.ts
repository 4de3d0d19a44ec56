/** `--help` texts (kept beside each other so they read as one manual). */
import { repository } from '../../package.json';

/** The gap between a row's name and its description, and the indent of a row. */
const GAP = 2;
const INDENT = '  ';

/**
 * Rows of a help section, every description starting in the same column (the longest name
 * plus two spaces); a description's continuation lines (`\n` in it) start in that column too.
 * Lower-case descriptions, no final period (as every message `brief` prints).
 */
export function rows(entries: readonly (readonly [string, string])[], width = Math.max(...entries.map(([name]) => name.length))): string {
  const column = INDENT.length + width + GAP;
  return entries
    .map(([name, description]) => {
      const [first, ...rest] = description.split('\n');
      return [`${INDENT}${name.padEnd(width + GAP)}${first}`, ...rest.map((line) => `${' '.repeat(column)}${line}`)].join('\n');
    })
    .join('\n');
}

/** The repository's web address (package.json `repository`), without `git+` and `.git`. */
export const REPOSITORY_URL: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** Where the CLI manual is read on the web (help's "Docs:" line). */
export const DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/cli.md`;

/** Every row name of every help text, so that all of them share one column. */
const COMMANDS_ROWS: [string, string][] = [
  ['brief lint [paths...]', 'check briefs against the rules'],
  ['brief graph [paths...]', 'print the dependency graph (Mermaid, JSON or DOT)'],
  ['brief checklist [paths...]', 'list the checklist items of every brief'],
  ['brief schedule [paths...]', 'forecasts, slip and slack of every milestone and program'],
  ['brief impact REF --days N', 'what moves if REF (program#milestone or program) slips'],
  ['brief due [paths...]', 'open milestones and checklist items due soon, overdue first'],
  ['brief owners [paths...]', 'who owns what: programs, milestones, risks, items...'],
  ['brief report [paths...]', 'a status report: portfolio, health, due, slips, risks'],
  ['brief diff --since REF', 'what changed in the plan since a commit or date'],
  ['brief schema', 'print the frontmatter JSON Schema'],
  ['brief lsp --stdio', 'run the language server (for any editor with an LSP client)'],
];

const TOP_OPTIONS: [string, string][] = [
  ['-h, --help', 'show help (also: brief <command> --help, brief help <command>)'],
  ['-v, --version', 'show the version'],
];

const COMMON: [string, string][] = [
  ['--config FILE', 'briefs.config.json to use (default: the one in the single\nfolder given, or above the files given, else in the current\nfolder, else none)'],
  ['--today YYYY-MM-DD', "the date rules treat as today (over the config's today)"],
  ['--max-file-size KB', 'skip larger files, with a warning (default 2048)'],
  ['-h, --help', 'show this help'],
];

const LINT_OPTIONS: [string, string][] = [
  ['-f, --format NAME', 'stylish (default), json, sarif or github'],
  ['--max-warnings N', 'exit 1 when there are more than N warnings'],
  ['-q, --quiet', 'print errors only (warnings still count for --max-warnings)'],
  ['--cache', 'reuse what the last run computed for unchanged files\n(kept in .briefcache in the workspace root; never commit it)'],
  ['--cache-location PATH', 'the cache file to use with --cache'],
  ...COMMON,
];

const GRAPH_OPTIONS: [string, string][] = [
  ['-f, --format NAME', 'mermaid (default), json or dot'],
  ['--focus REF', "only what is around REF (program or program#milestone);\na milestone's critical path is highlighted"],
  ['--depth N', 'steps upstream and downstream of --focus (default 2)'],
  ['--level NAME', 'milestone (default: programs and milestones) or program'],
  ['--direction DIR', 'LR (default), RL, TB, TD or BT (mermaid and dot)'],
  ...COMMON,
];

const CHECKLIST_OPTIONS: [string, string][] = [
  ['-f, --format NAME', 'text (default) or json'],
  ['--open', 'unchecked items only'],
  ...COMMON,
];

const SCHEMA_OPTIONS: [string, string][] = [
  ['--config', 'print the JSON Schema of briefs.config.json instead'],
  ['-h, --help', 'show this help'],
];

const SCHEDULE_OPTIONS: [string, string][] = [
  ['-f, --format NAME', 'text (default), json or gantt (a Mermaid gantt chart)'],
  ...COMMON,
];

const IMPACT_OPTIONS: [string, string][] = [
  ['--days N', 'how many days REF moves (negative: earlier); required'],
  ['-f, --format NAME', 'text (default) or json'],
  ...COMMON,
];

const DUE_OPTIONS: [string, string][] = [
  ['--within N', 'days after today (default 14); overdue items always show'],
  ['--owner @HANDLE', 'only what this handle owns'],
  ['-f, --format NAME', 'text (default) or json'],
  ...COMMON,
];

const OWNERS_OPTIONS: [string, string][] = [
  ['--owner @HANDLE', 'only this handle'],
  ['-f, --format NAME', 'text (default) or json'],
  ...COMMON,
];

const REPORT_OPTIONS: [string, string][] = [
  ['-f, --format NAME', 'markdown (default), html (one self-contained file) or json'],
  ['--since REF', 'add what changed since REF (commit-ish or YYYY-MM-DD)'],
  ['--horizon N', 'days ahead for what is due (default 14)'],
  ...COMMON,
];

const DIFF_OPTIONS: [string, string][] = [
  ['--since REF', 'a commit, branch, tag, or a date YYYY-MM-DD (the last\ncommit on or before it); required'],
  ['-f, --format NAME', 'text (default), markdown or json'],
  ...COMMON,
];

const LSP_OPTIONS: [string, string][] = [
  ['--stdio', 'talk LSP over standard input and output (required)'],
  ['-h, --help', 'show this help'],
];

const PATHS = `paths are files or folders (default: the current folder). Folders are searched
for .md files that match the config's include/exclude patterns. Files named alone
are checked against the whole workspace (the folder of briefs.config.json above
them, else the git root, else the current folder); only they are reported.`;

export const TOP_HELP = `brief — lint, graph and checklist for Markdown program briefs

Usage:
${rows(COMMANDS_ROWS)}

Options:
${rows(TOP_OPTIONS)}

${PATHS}
Docs: ${DOCS_URL}
`;

export const LINT_HELP = `Usage: brief lint [paths...] [options]

Checks every brief under paths (default .) and prints the problems found.

Options:
${rows(LINT_OPTIONS)}

Exit codes:
${rows([
  ['0', 'no errors, and warnings within --max-warnings'],
  ['1', 'errors, or more warnings than --max-warnings'],
  ['2', 'bad usage, unreadable or invalid config, unreadable file, internal failure'],
])}

Docs: ${DOCS_URL}
`;

export const GRAPH_HELP = `Usage: brief graph [paths...] [options]

Prints the dependency graph of the briefs under paths (default .).

Options:
${rows(GRAPH_OPTIONS)}

An arrow (mermaid, dot) or edge {"from": A, "to": B} (json) from A to B
means A depends on B.
Exit codes: 0 printed, 2 bad usage (or an unknown --focus), unreadable input.
Docs: ${DOCS_URL}
`;

export const CHECKLIST_HELP = `Usage: brief checklist [paths...] [options]

Lists the task list items (- [ ] / - [x]) of every brief, grouped by program
and heading with done/total counts.

Options:
${rows(CHECKLIST_OPTIONS)}

Exit codes: 0 printed, 2 bad usage or unreadable input.
Docs: ${DOCS_URL}
`;

export const SCHEMA_HELP = `Usage: brief schema [--config]

Prints the JSON Schema of a brief's frontmatter (for editors' YAML tooling).

Options:
${rows(SCHEMA_OPTIONS)}

Docs: ${DOCS_URL}
`;

export const LSP_HELP = `Usage: brief lsp --stdio

Runs the Program Briefs language server: diagnostics for every brief of the
workspace folders the editor opens, kept current as you type and as files
change on disk. Settings come from the editor (section programBriefs) over
each folder's briefs.config.json. Set-up for Neovim, Helix, Zed, Emacs and
Sublime: docs/language-server.md.

Options:
${rows(LSP_OPTIONS)}

Docs: ${REPOSITORY_URL}/blob/main/docs/language-server.md
`;

export const SCHEDULE_HELP = `Usage: brief schedule [paths...] [options]

Forecasts every milestone and program through the dependency network: the
planned date, the forecast, the slip (days late), the slack (days it can move
without moving anything else) and what drives it. Done milestones keep their
dates; cancelled ones are left out; nodes on a cycle get no forecast.

Options:
${rows(SCHEDULE_OPTIONS)}

Exit codes: 0 printed, 2 bad usage or unreadable input.
Docs: ${REPOSITORY_URL}/blob/main/docs/schedule.md
`;

export const IMPACT_HELP = `Usage: brief impact REF --days N [paths...] [options]

What moves if REF slips by N days: every milestone and program finish whose
forecast changes, with its dates before and after, whether it is now late,
and the chain that carries the slip. REF is program#milestone (its due date
moves) or a program (its target and its open milestones move). Changes no file.

Options:
${rows(IMPACT_OPTIONS)}

Exit codes: 0 printed; 2 bad usage, an unknown REF, a milestone without a due
date, or unreadable input.
Docs: ${REPOSITORY_URL}/blob/main/docs/schedule.md
`;

export const DUE_HELP = `Usage: brief due [paths...] [options]

Everything open that is due on or before today + N days: milestones not done
or cancelled, and checklist items not ticked (due:YYYY-MM-DD). Overdue first,
then by date, then file, each with its owner.

Options:
${rows(DUE_OPTIONS)}

Exit codes: 0 printed, 2 bad usage or unreadable input.
Docs: ${DOCS_URL}
`;

export const OWNERS_HELP = `Usage: brief owners [paths...] [options]

Who owns what: for each handle, the programs, teams, milestones, risks,
decisions and checklist items it owns, open ones first.

Options:
${rows(OWNERS_OPTIONS)}

Exit codes: 0 printed, 2 bad usage or unreadable input.
Docs: ${DOCS_URL}
`;

export const REPORT_HELP = `Usage: brief report [paths...] [options]

A status report to send stakeholders: the portfolio table (reported status
beside the computed health, target, forecast, progress, next milestone), then
per program the health reasons, what is due and overdue, slipping milestones
with their driving chain, open risks (a heat map in html), decisions wanted,
and with --since what changed. Says the date and the git commit it was made from.

Options:
${rows(REPORT_OPTIONS)}

Exit codes: 0 printed; 2 bad usage, unreadable input, or a --since that git
cannot resolve (not a repository, unknown revision, shallow clone, no commit
before the date).
Docs: ${DOCS_URL}
`;

export const DIFF_HELP = `Usage: brief diff --since REF [paths...] [options]

What changed in the plan between REF and the working tree: programs, status,
targets, milestones (added, removed, due moved, status), risks, decisions and
checklist items, grouped by program, and the forecasts that moved as a result.
The briefs at REF are read from git, not checked out.

Options:
${rows(DIFF_OPTIONS)}

Exit codes: 0 printed; 2 bad usage, unreadable input, not a git repository,
an unknown REF, a shallow clone without REF (fetch more history), or no commit
on or before the date.
Docs: ${DOCS_URL}
`;
