/** `--help` texts (kept beside each other so they read as one manual). */

export const TOP_HELP = `brief — lint, graph and checklist for Markdown program briefs

Usage:
  brief lint [paths...]       check briefs against the rules
  brief graph [paths...]      print the dependency graph (Mermaid, JSON or DOT)
  brief checklist [paths...]  list the checklist items of every brief
  brief schema                print the frontmatter JSON Schema

Options:
  -h, --help     show help (also: brief <command> --help, brief help <command>)
  -v, --version  show the version

paths are files or folders (default: the current folder). Folders are searched
for .md files that match the config's include/exclude patterns.
Docs: docs/cli.md
`;

const COMMON = `  --config FILE      briefs.config.json to use (default: the one in the single
                     folder given, else in the current folder, else none)
  --today YYYY-MM-DD the date rules treat as today (over the config's today)
  --max-file-size KB skip larger files, with a warning (default 2048)
  -h, --help         show this help`;

export const LINT_HELP = `Usage: brief lint [paths...] [options]

Checks every brief under paths (default .) and prints the problems found.

Options:
  -f, --format NAME  stylish (default), json, sarif or github
  --max-warnings N   exit 1 when there are more than N warnings
  -q, --quiet        print errors only (warnings still count for --max-warnings)
${COMMON}

Exit codes:
  0  no errors, and warnings within --max-warnings
  1  errors, or more warnings than --max-warnings
  2  bad usage, unreadable or invalid config, unreadable file, internal failure
`;

export const GRAPH_HELP = `Usage: brief graph [paths...] [options]

Prints the dependency graph of the briefs under paths (default .).

Options:
  -f, --format NAME    mermaid (default), json or dot
  --focus REF          only what is around REF (program or program#milestone);
                       a milestone's critical path is highlighted
  --depth N            steps upstream and downstream of --focus (default 2)
  --level NAME         milestone (default: programs and milestones) or program
  --direction DIR      LR (default), RL, TB, TD or BT (mermaid and dot)
${COMMON}

In mermaid and dot, arrows point from a dependency to what depends on it.
In json, an edge {"from": A, "to": B} means A depends on B.
Exit codes: 0 printed, 2 bad usage (or an unknown --focus), unreadable input.
`;

export const CHECKLIST_HELP = `Usage: brief checklist [paths...] [options]

Lists the task list items (- [ ] / - [x]) of every brief, grouped by program
and heading with done/total counts.

Options:
  -f, --format NAME  text (default) or json
  --open             unchecked items only
${COMMON}

Exit codes: 0 printed, 2 bad usage or unreadable input.
`;

export const SCHEMA_HELP = `Usage: brief schema [--config]

Prints the JSON Schema of a brief's frontmatter (for editors' YAML tooling).

Options:
  --config   print the JSON Schema of briefs.config.json instead
`;
