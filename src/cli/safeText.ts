/**
 * Output that is safe to print in a terminal and in a CI log, whatever the workspace holds.
 *
 * - **Terminals** obey control characters (ESC starts a colour or a cursor move, CR rewrites the
 *   line, C1 controls such as U+009B are CSI for some terminals), and bidirectional overrides
 *   (U+202E…) make a line read differently from what it holds. Such characters in file names and
 *   brief text are shown as visible escapes (`\u202e`).
 * - **GitHub Actions** reads every line of a step's output for workflow commands: a line whose
 *   first non-blank characters are `::name …::` (the runner trims the line first), or that holds
 *   `##[name …]` anywhere (the older syntax). Text that could form one is broken up: `##[`
 *   becomes `#\u0023[` and a `::` that begins a line becomes `\u003a:` (in JSON the same
 *   sequences are string escapes, so the parsed data is exactly the original).
 *
 * Every regular expression here is linear (single character classes, no nested quantifiers).
 */

/** Characters never written raw: C0 and C1 controls, DEL, bidirectional marks, embeddings, overrides and isolates, line and paragraph separators. */
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** The same, without the C0 controls and DEL that JSON.stringify already escapes (and the structure's own line breaks). */
const UNSAFE_IN_JSON = /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The `#` that starts `##[`. */
const OLD_COMMAND = /#(?=#\[)/g;
/**
 * A `:` that starts a line's first non-blank `::`. The blank class holds what .NET's `Trim()`
 * removes except line breaks, so one match never spans lines (and matching stays linear).
 */
const LINE_START_COMMAND = /^([\t\v\f \u0085\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\ufeff]*):(?=:)/gm;

export function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Workspace text for one line of a text output: line breaks become spaces, unsafe characters visible escapes, workflow commands broken. */
export function printable(text: string): string {
  return neutraliseCommands(text.replace(/\r\n|[\r\n]/g, ' ').replace(UNSAFE, unicodeEscape));
}

/** As `printable`, keeping `\n` (for the `github` format, which escapes line breaks itself). */
export function printableKeepingLines(text: string): string {
  return neutraliseCommands(text.replace(/[^\P{Cc}\n]|[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, unicodeEscape));
}

/**
 * For a `github` property (a file name): unsafe characters as visible escapes except CR and LF
 * (GitHub's own escapes carry those), and `##[` broken. Such a file's annotation then names a
 * file that does not exist (GitHub shows it on the run, not on the file): the price of a hostile name.
 */
export function escapeUnsafeKeepingBreaks(text: string): string {
  return text.replace(OLD_COMMAND, '\\u0023').replace(/[^\P{Cc}\r\n]|[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, unicodeEscape);
}

/**
 * A whole text output (or stderr message) made safe for a CI log: no `##[` anywhere and no line
 * whose first non-blank characters are `::`. Our own text never has either, so this changes only
 * what came from the workspace. (Not for the `github` format, whose lines are our `::error` commands.)
 */
export function neutraliseCommands(text: string): string {
  return text.replace(OLD_COMMAND, '\\u0023').replace(LINE_START_COMMAND, '$1\\u003a');
}

/**
 * JSON text (from JSON.stringify) made safe for a terminal and a CI log with the same parsed
 * value: `#` of `##[`, C1 controls, bidirectional and separator characters are written as
 * `\uXXXX` escapes. These characters only occur inside JSON strings, where the escapes mean the
 * same character. (A line of pretty-printed JSON starts with `"`, a bracket, a digit or a literal:
 * never with `::`.)
 */
export function safeJson(json: string): string {
  return json.replace(OLD_COMMAND, '\\u0023').replace(UNSAFE_IN_JSON, unicodeEscape);
}

/**
 * DOT text made safe: brief text only appears inside quoted DOT strings (controls already
 * removed), where Graphviz reads entities: `#` of `##[` and bidirectional characters become
 * `&#35;` and `&#x202e;`-style entities, which render as the original characters.
 */
export function safeDot(dot: string): string {
  return neutraliseLines(dot.replace(OLD_COMMAND, '&#35;').replace(UNSAFE_IN_JSON, (char) => `&#x${char.charCodeAt(0).toString(16)};`), '&#58;');
}

/** Mermaid text made safe: labels are entity-encoded already; this is the belt to those braces (`#35;` is Mermaid's entity for `#`). */
export function safeMermaid(mermaid: string): string {
  return neutraliseLines(mermaid.replace(OLD_COMMAND, '#35;').replace(UNSAFE_IN_JSON, (char) => `#${char.charCodeAt(0)};`), '#58;');
}

function neutraliseLines(text: string, colon: string): string {
  return text.replace(LINE_START_COMMAND, `$1${colon}`);
}
