/**
 * How deeply a YAML text nests, found by a linear scan before any parser runs (issue 9,
 * finding 8). The `yaml` library parses recursively: nested deeply enough it overflows the stack,
 * at a depth that depends on how much stack the caller left, so the same frontmatter read as valid
 * in one call and invalid in another; and the fast reader (./fastYaml.ts) read nesting the library
 * rejects. Frontmatter nested deeper than MAX_YAML_DEPTH is a syntax error on both paths, whatever
 * the stack.
 *
 * The count errs on the high side by a level or two, never low: block levels are the open
 * indentations (a stack), plus each compact `- `, `? ` or `: ` opening a line; flow levels are the
 * open `[` and `{` (counted only where a flow collection can start: at the start of a value, or
 * inside another flow collection), outside quotes, comments and block scalars.
 */

/** Deeper than any brief (briefs nest four or five levels); far below where `yaml` runs out of stack. */
export const MAX_YAML_DEPTH = 310;

const SPACE = 32;

/** The nesting depth of `source`, counting up to `limit + 1` at most. */
export function yamlNestingDepth(source: string, limit = MAX_YAML_DEPTH): number {
  let max = 0;
  let flow = 0;
  /** Open quote carried over a line break (`"` or `'`), or 0. */
  let quote = 0;
  /** Indentation of the line that opened a block scalar (`|`, `>`), or -1. */
  let blockScalar = -1;
  const indents: number[] = [];
  let pos = 0;
  while (pos <= source.length && max <= limit) {
    let end = source.indexOf('\n', pos);
    if (end < 0) end = source.length;
    const lineEnd = end > pos && source.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let at = pos;
    while (at < lineEnd && source.charCodeAt(at) === SPACE) at++;
    const indent = at - pos;
    const blank = at === lineEnd;
    pos = end + 1;
    if (blockScalar >= 0) {
      if (blank || indent > blockScalar) continue;
      blockScalar = -1;
    }
    if (blank && quote === 0) continue;
    let compact = 0;
    let valueStart = at;
    if (flow === 0 && quote === 0) {
      if (source.charCodeAt(at) === 35 /* # */) continue;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Compact collections: `- - x`, `? x`, `: x`.
      for (;;) {
        const code = source.charCodeAt(valueStart);
        const next = valueStart + 1 < lineEnd ? source.charCodeAt(valueStart + 1) : SPACE;
        if ((code === 45 /* - */ || code === 63 /* ? */ || code === 58 /* : */) && valueStart < lineEnd && (next === SPACE || next === 9)) {
          compact++;
          valueStart += 2;
          while (valueStart < lineEnd && source.charCodeAt(valueStart) === SPACE) valueStart++;
        } else {
          break;
        }
      }
    }
    max = Math.max(max, indents.length + compact + flow);
    // The rest of the line, character by character.
    let expectValue = flow === 0 && quote === 0;
    for (let i = valueStart; i < lineEnd && max <= limit; i++) {
      const code = source.charCodeAt(i);
      if (quote !== 0) {
        if (code === 92 /* \ */ && quote === 34) i++;
        else if (code === quote) {
          if (quote === 39 && source.charCodeAt(i + 1) === 39) i++;
          else quote = 0;
        }
        continue;
      }
      if (code === SPACE || code === 9) continue;
      if (code === 35 /* # */ && (i === 0 || source.charCodeAt(i - 1) === SPACE || source.charCodeAt(i - 1) === 9)) break;
      if (flow > 0) {
        if (code === 34 || code === 39) quote = code;
        else if (code === 91 /* [ */ || code === 123 /* { */) max = Math.max(max, indents.length + compact + ++flow);
        else if ((code === 93 /* ] */ || code === 125 /* } */) && flow > 0) flow--;
        continue;
      }
      if (expectValue) {
        expectValue = false;
        if (code === 34 || code === 39) {
          quote = code;
          continue;
        }
        if (code === 91 || code === 123) {
          max = Math.max(max, indents.length + compact + ++flow);
          continue;
        }
        if (code === 124 /* | */ || code === 62 /* > */) {
          blockScalar = indent;
          break;
        }
      }
      // A key indicator `: ` starts a value.
      if (code === 58 /* : */ && (i + 1 === lineEnd || source.charCodeAt(i + 1) === SPACE || source.charCodeAt(i + 1) === 9)) expectValue = true;
    }
    if (end >= source.length) break;
  }
  return max;
}
