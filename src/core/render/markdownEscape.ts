/**
 * Text from the workspace (file and folder names, config keys, brief content) shown by the
 * editor as plain text, never as markup. One helper per kind of sink:
 *
 * - `escapeMarkdown`: inside a MarkdownString (hovers, completion documentation, tree tooltips).
 *   Every ASCII punctuation character is backslash-escaped (CommonMark lets any of them be
 *   escaped, and an escaped one is always literal), so no link, image, autolink, HTML, entity,
 *   emphasis, code span, heading, list or table can start; runs of whitespace, line breaks
 *   included, become one space, so no block (code block, quote, setext heading) can start either.
 * - `markdownCodeSpan` / `markdownCodeBlock`: the text verbatim in code, with a fence longer than
 *   any backtick run inside it.
 * - `plainNotificationText`: notifications (showInformation/Warning/ErrorMessage) render only
 *   `[label](https://…|command:…|file:…)` as links, and backslashes do not escape them there; a
 *   word joiner (U+2060, invisible) between `]` and `(` keeps every such pair from forming one.
 * - `escapeIcons`: quick pick items and status bar texts render `$(name)` as an icon; `\$(` shows
 *   it literally.
 *
 * Pure (no vscode), and every regular expression here is a single character class or literal:
 * linear on any input.
 */

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const WHITESPACE_RUN = /\s+/g;
/** Where GFM finds literal autolinks: `www.`, `https://`, `a@b.c` (a handle such as `@maria` is left alone). */
const AUTOLINK_LITERAL = /(www|https?|ftp|mailto)(?=[.:])|(?<=[\w.+-])(?=@)/gi;
const WORD_JOINER = '\u2060';

/**
 * Workspace text as literal inline text of a Markdown document (one line). Backslashes do not
 * stop GFM literal autolinks (VS Code's `marked` linked `https://evil\.example/x` in a hover;
 * remark finds them after unescaping), so a word joiner (U+2060, invisible) also goes before
 * `.`/`:` after `www`/`http(s)`/`ftp`/`mailto` and before an `@` that follows a name.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(WHITESPACE_RUN, ' ')
    .replace(AUTOLINK_LITERAL, `$1${WORD_JOINER}`)
    .replace(ASCII_PUNCTUATION, '\\$&');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x60) {
      run++;
      if (run > longest) longest = run;
    } else {
      run = 0;
    }
  }
  return longest;
}

/**
 * Workspace text verbatim as an inline code span (line breaks become spaces, as in any code
 * span). The fence is one backtick longer than the longest run inside; the content is padded
 * with one space on each side, which CommonMark strips again, so text starting or ending with a
 * backtick stays intact.
 */
export function markdownCodeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  if (flat.length === 0) return '';
  const fence = '`'.repeat(longestBacktickRun(flat) + 1);
  return `${fence} ${flat} ${fence}`;
}

/** Workspace text verbatim as a fenced code block (at least three backticks, more than any run inside). */
export function markdownCodeBlock(text: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  const info = language.replace(/[^A-Za-z0-9_+-]/g, '');
  return `${fence}${info}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/**
 * A notification message that shows every character of `text` and renders no link: the word
 * joiner breaks each `](`; line breaks become spaces (as the notification would show them).
 * Apply it to the whole message: then no link can form across our text and the workspace's.
 */
export function plainNotificationText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\]\(/g, `]${WORD_JOINER}(`);
}

/** Text for a label that renders `$(icon)` syntax (quick pick items, status bar): shown literally. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
