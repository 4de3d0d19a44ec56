/**
 * Suppression comments, as markdownlint and ESLint write them (docs/rules/README.md#suppressions):
 *
 * - in the frontmatter, YAML comments: `# brief-disable-next-line RULE, RULE` on its own line,
 *   `# brief-disable-line RULE` at the end of a line;
 * - in the body, HTML comments: `<!-- brief-disable-next-line RULE -->`, `<!-- brief-disable
 *   RULE -->` … `<!-- brief-enable RULE -->`, and `<!-- brief-disable-file RULE -->`.
 *
 * No rule means every rule. Comments are found by the parsers themselves (the YAML CST's
 * comments, the Markdown tree's HTML nodes), so a `#` inside a quoted string or a block scalar,
 * and a comment inside a code block, are not comments. What a directive says is read here; which
 * diagnostics it hides is decided in rules/lint.ts, and mistakes in one (an unknown rule, a form
 * that does not exist where it is written) are the rule `suppression-invalid`.
 */
import { Parser } from 'yaml';
import type { LineIndex, Range } from '../model/range';
import type { Suppression, SuppressionKind, SuppressionRule } from '../model/suppression';

const FORMS: Record<string, SuppressionKind> = {
  'brief-disable-next-line': 'next-line',
  'brief-disable-line': 'line',
  'brief-disable': 'disable',
  'brief-enable': 'enable',
  'brief-disable-file': 'file',
};
/** The forms each syntax has (spec: the frontmatter has line forms only). */
const YAML_FORMS: ReadonlySet<SuppressionKind> = new Set(['next-line', 'line']);

/** A directive's first word: `brief-` then letters and dashes. Linear: one character class, anchored. */
const DIRECTIVE_WORD = /^brief-[a-z-]*/;
/** A rule id (or what was written for one): up to a separator. */
const RULE_TOKEN = /[^\s,]+/g;

/**
 * Reads one comment's text (without `#` or `<!--`/`-->`), which starts at `offset` in the file;
 * undefined when it is not a directive (does not start with `brief-disable` or `brief-enable`).
 */
function readDirective(body: string, offset: number, lines: LineIndex, syntax: 'yaml' | 'html', whole: Range): Suppression | undefined {
  const lead = body.length - body.trimStart().length;
  const text = body.slice(lead);
  if (!text.startsWith('brief-disable') && !text.startsWith('brief-enable')) return undefined;
  const word = DIRECTIVE_WORD.exec(text)![0];
  const kind = FORMS[word];
  const line = whole.start.line;
  const rules: SuppressionRule[] = [];
  const rest = text.slice(word.length);
  // `brief-disable-lines` is not `brief-disable` followed by a rule "s": a form ends at a blank.
  const ended = rest === '' || /^[\s,]/.test(rest);
  if (ended) {
    RULE_TOKEN.lastIndex = 0;
    const start = offset + lead + word.length;
    for (let match = RULE_TOKEN.exec(rest); match; match = RULE_TOKEN.exec(rest)) {
      rules.push({ id: match[0], range: lines.rangeOf(start + match.index, start + match.index + match[0].length) });
    }
  }
  const suppression: Suppression = { kind: kind ?? 'line', rules, line, range: whole, syntax };
  if (!kind || !ended) {
    suppression.invalid = `\`${word}${ended ? '' : rest.split(/[\s,]/, 1)[0]}\` is not a suppression; expected ${syntax === 'yaml' ? '`# brief-disable-next-line RULE` or `# brief-disable-line RULE`' : '`brief-disable-next-line`, `brief-disable`, `brief-enable` or `brief-disable-file`'}`;
  } else if (syntax === 'yaml' && !YAML_FORMS.has(kind)) {
    suppression.invalid = `\`${word}\` is written in the body, as an HTML comment: \`<!-- ${word} RULE -->\`; in the frontmatter only \`# brief-disable-next-line\` and \`# brief-disable-line\` exist`;
  }
  return suppression;
}

/**
 * The directives among the frontmatter's YAML comments. `yaml` is the frontmatter's YAML text,
 * which starts at `offset` in the file. The YAML's concrete syntax tree is read only when the text
 * mentions a directive at all (the fast readers skip comments).
 */
export function frontmatterSuppressions(yaml: string, offset: number, lines: LineIndex): Suppression[] {
  if (!yaml.includes('brief-')) return [];
  const found: Suppression[] = [];
  // Every comment token of the syntax tree, wherever it hangs (before a document, in a map's
  // items, after a value); an explicit stack, as the YAML may nest deeply.
  const stack: unknown[] = [...new Parser().parse(yaml)];
  while (stack.length > 0) {
    const token = stack.pop();
    if (token === null || typeof token !== 'object') continue;
    if (Array.isArray(token)) {
      for (const item of token) stack.push(item);
      continue;
    }
    const { type, offset: at, source } = token as { type?: unknown; offset?: unknown; source?: unknown };
    if (type === 'comment' && typeof at === 'number' && typeof source === 'string') {
      const start = offset + at;
      const directive = readDirective(source.slice(1), start + 1, lines, 'yaml', lines.rangeOf(start, start + source.length));
      if (directive) found.push(directive);
      continue;
    }
    for (const value of Object.values(token)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The directive an HTML node of the body is, if it is one comment that is a directive. `start`, `end`: its offsets in the file. */
export function htmlSuppression(html: string, start: number, lines: LineIndex): Suppression | undefined {
  const trimmed = html.trimEnd();
  if (!trimmed.startsWith('<!--') || !trimmed.endsWith('-->') || trimmed.length < 7) return undefined;
  const inner = trimmed.slice(4, -3);
  // One comment only: `<!-- a --> text <!-- b -->` is not a directive.
  if (inner.includes('-->')) return undefined;
  return readDirective(inner, start + 4, lines, 'html', lines.rangeOf(start, start + trimmed.length));
}
