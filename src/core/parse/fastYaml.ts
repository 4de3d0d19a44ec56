/**
 * A fast path for reading a brief's frontmatter: the plain YAML briefs are written in (block
 * mappings and sequences, plain and quoted one-line strings, one-line flow sequences, comments)
 * read in one pass, into the same node classes and plain values the `yaml` library gives, with
 * the same ranges. Reading with `yaml` costs several times more and was most of the time spent
 * parsing a brief.
 *
 * Like the body scanner (./fastBody.ts), it is deliberately conservative: anything else (block
 * scalars, multi-line scalars, anchors, aliases, tags, flow mappings, escapes, numbers,
 * booleans, nulls written out, tabs, duplicate keys, unusual keys or indentation...) makes it
 * return `undefined`, and the caller reads the text with `yaml` as before.
 * test/unit/fastYaml.test.ts checks that both ways read the same frontmatter.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';

export interface SimpleYaml {
  /** The root mapping, built from `yaml`'s node classes with `yaml`'s ranges (for collections only `range[0]` is set). */
  contents: YAMLMap;
  /** What `doc.toJS()` gives for it. */
  data: Record<string, unknown>;
}

/** Plain scalars the YAML 1.2 core schema reads as something other than a string (null, booleans, numbers). */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/**
 * The deepest nesting read here (open mappings and sequences); deeper frontmatter is left to the
 * `yaml` path. Briefs nest five levels. Kept far below MAX_YAML_DEPTH (./yamlDepth.ts), so a text
 * this reader takes is never too deep for the other path, and the depth scan runs only there.
 */
export const MAX_SIMPLE_DEPTH = 32;
/** Characters a plain scalar may not start with (YAML indicators), besides the quotes and `[` handled here. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

type MapFrame = { kind: 'map'; indent: number; node: YAMLMap; data: Record<string, unknown> };
type SeqFrame = { kind: 'seq'; indent: number; node: YAMLSeq; data: unknown[] };
type Frame = MapFrame | SeqFrame;

interface Value {
  node: YamlNode;
  data: unknown;
}

/**
 * `yaml`'s node classes mark each node as a scalar, pair, map... with a symbol property that their
 * constructors set with `Object.defineProperty`, which V8 makes slow (a sixth of a fast frontmatter
 * read). The scalars, pairs, mappings and sequences made here inherit the same mark from a
 * prototype instead (found on a node the library made), so `isScalar`, `isPair` and the other
 * checks read them as the library's own (test/unit/fastYaml.test.ts).
 */
function markedPrototype<T extends object>(sample: T): T {
  const marks: PropertyDescriptorMap = {};
  for (const symbol of Object.getOwnPropertySymbols(sample)) marks[symbol] = { value: (sample as Record<symbol, unknown>)[symbol] };
  return Object.create(Object.getPrototypeOf(sample) as object, marks) as T;
}
const SCALAR_PROTOTYPE = markedPrototype(new Scalar(null));
const PAIR_PROTOTYPE = markedPrototype(new Pair(null));
const MAP_PROTOTYPE = markedPrototype(new YAMLMap());
const SEQ_PROTOTYPE = markedPrototype(new YAMLSeq());

/** A mapping or sequence starting at `at`, empty (for collections `yaml` sets only `range[0]` before the end is known). */
function collection<T extends YAMLMap | YAMLSeq>(prototype: T, at: number): T {
  const node = Object.create(prototype) as T;
  node.items = [];
  node.range = [at, at, at];
  return node;
}

function scalar(value: unknown, start: number, end: number): Scalar {
  const node = Object.create(SCALAR_PROTOTYPE) as Scalar;
  node.value = value;
  node.range = [start, end, end];
  return node;
}

function pair(key: Scalar): Pair {
  const node = Object.create(PAIR_PROTOTYPE) as Pair;
  node.key = key;
  node.value = null;
  return node;
}

function isString(plain: string): boolean {
  // Only the empty string and those starting with one of `~nNtTfF0-9+-.` can be anything else.
  const first = plain.charCodeAt(0);
  if (plain.length > 0 && !MAYBE_NOT_A_STRING.has(first)) return true;
  return !NOT_A_STRING.some((pattern) => pattern.test(plain));
}
const MAYBE_NOT_A_STRING = new Set([...'~nNtTfF0123456789+-.'].map((c) => c.charCodeAt(0)));

/** The frontmatter as `yaml` would read it, or `undefined` when it is not in the simple form. */
export function readSimpleYaml(source: string): SimpleYaml | undefined {
  if (source.includes('\t') || /\r(?!\n)|[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/.test(source)) return undefined;
  const stack: Frame[] = [];
  let root: MapFrame | undefined;
  /** A `key:` with nothing after it on its line: its value is on the next lines, or null. */
  let pending: { frame: MapFrame; pair: Pair; key: string; at: number } | undefined;
  /** After a value on one line, a deeper line would continue it (a multi-line scalar). */
  let maxIndent = Infinity;

  const settlePendingAsNull = () => {
    if (!pending) return;
    pending.pair.value = scalar(null, pending.at, pending.at);
    pending.frame.data[pending.key] = null;
    pending = undefined;
  };

  /** Handles `key: value` at `keyStart` of a line (ending at `end`) in `frame`; false when not simple. */
  const entry = (frame: MapFrame, keyStart: number, colon: number, end: number): boolean => {
    const key = source.slice(keyStart, colon);
    // `yaml` rejects an implicit key longer than 1,024 characters (KEY_OVER_1024_CHARS): leave it to it.
    if (colon - keyStart > 1024 || !KEY.test(key) || !isString(key) || key === '__proto__' || Object.prototype.hasOwnProperty.call(frame.data, key)) return false;
    const entryPair = pair(scalar(key, keyStart, colon));
    frame.node.items.push(entryPair);
    let at = colon + 1;
    while (at < end && source.charCodeAt(at) === 32) at++;
    if (at === end || source.charCodeAt(at) === 35 /* # */) {
      pending = { frame, pair: entryPair, key, at };
      frame.data[key] = null;
      maxIndent = Infinity;
      return true;
    }
    const value = inlineValue(source, at, end);
    if (!value) return false;
    entryPair.value = value.node;
    frame.data[key] = value.data;
    maxIndent = frame.indent;
    return true;
  };

  let pos = 0;
  while (pos < source.length) {
    let eol = source.indexOf('\n', pos);
    if (eol < 0) eol = source.length;
    const lineStart = pos;
    const end = eol > pos && source.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    pos = eol + 1;
    let at = lineStart;
    while (at < end && source.charCodeAt(at) === 32) at++;
    if (at === end || source.charCodeAt(at) === 35 /* # */) continue; // blank or comment line
    const indent = at - lineStart;
    if (indent > maxIndent) return undefined;
    const isItem = source.charCodeAt(at) === 45 /* - */ && (at + 1 === end || source.charCodeAt(at + 1) === 32);
    const colon = isItem ? -1 : keyColon(source, at, end);
    if (!isItem && colon < 0) return undefined;

    if (pending) {
      if (indent > pending.frame.indent || (indent === pending.frame.indent && isItem)) {
        const frame: Frame = isItem
          ? { kind: 'seq', indent, node: collection(SEQ_PROTOTYPE, at), data: [] }
          : { kind: 'map', indent, node: collection(MAP_PROTOTYPE, at), data: {} };
        pending.pair.value = frame.node;
        pending.frame.data[pending.key] = frame.data;
        pending = undefined;
        if (stack.length >= MAX_SIMPLE_DEPTH) return undefined;
        stack.push(frame);
      } else {
        settlePendingAsNull();
      }
    }
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.indent > indent || (!isItem && top.kind === 'seq' && top.indent === indent)) stack.pop();
      else break;
    }
    let top = stack[stack.length - 1];
    if (!top && !root && !isItem && indent === 0) {
      root = { kind: 'map', indent: 0, node: collection(MAP_PROTOTYPE, at), data: {} };
      stack.push(root);
      top = root;
    }
    if (!top || top.indent !== indent) return undefined;

    if (!isItem) {
      if (top.kind !== 'map' || !entry(top, at, colon, end)) return undefined;
      continue;
    }
    if (top.kind !== 'seq') return undefined;
    let content = at + 1;
    while (content < end && source.charCodeAt(content) === 32) content++;
    if (content === end || source.charCodeAt(content) === 35 /* # */) return undefined; // an empty item
    const itemColon = keyColon(source, content, end);
    if (itemColon >= 0) {
      // `- key: value`: the item is a mapping whose keys line up with this first one.
      const map: MapFrame = { kind: 'map', indent: content - lineStart, node: collection(MAP_PROTOTYPE, content), data: {} };
      top.node.items.push(map.node);
      top.data.push(map.data);
      if (stack.length >= MAX_SIMPLE_DEPTH) return undefined;
      stack.push(map);
      if (!entry(map, content, itemColon, end)) return undefined;
      continue;
    }
    const value = inlineValue(source, content, end);
    if (!value) return undefined;
    top.node.items.push(value.node);
    top.data.push(value.data);
    maxIndent = top.indent;
  }
  settlePendingAsNull();
  return root && { contents: root.node, data: root.data };
}

/** The offset of the `:` of a `key:` that starts at `at` (followed by a space or the end of the line), or -1. */
function keyColon(source: string, at: number, end: number): number {
  let i = at;
  while (i < end) {
    const code = source.charCodeAt(i);
    if (code === 58 /* : */) return i + 1 === end || source.charCodeAt(i + 1) === 32 ? i : -1;
    if (code === 32 || code === 35 || code === 34 || code === 39) return -1;
    i++;
  }
  return -1;
}

/** A value that ends on its line: a plain or quoted string, or a flow sequence of them. */
function inlineValue(source: string, at: number, end: number): Value | undefined {
  const first = source.charCodeAt(at);
  if (first === 91 /* [ */) return flowSequence(source, at, end);
  if (first === 34 /* " */ || first === 39 /* ' */) {
    const quoted = quotedString(source, at, end);
    return quoted && afterValue(source, quoted.end, end) ? quoted.value : undefined;
  }
  if (INDICATOR.test(source[at])) return undefined;
  // The value ends at a comment (` #`) or at the end of the line, without trailing blanks.
  let valueEnd = at;
  while (valueEnd < end && !(source.charCodeAt(valueEnd) === 35 && source.charCodeAt(valueEnd - 1) === 32)) valueEnd++;
  while (valueEnd > at && source.charCodeAt(valueEnd - 1) === 32) valueEnd--;
  const plain = source.slice(at, valueEnd);
  if (plain.includes(': ') || plain.endsWith(':') || !isString(plain)) return undefined;
  return { node: scalar(plain, at, valueEnd), data: plain };
}

/** A one-line quoted string without escapes; its value and where it ends. */
function quotedString(source: string, at: number, end: number): { value: Value; end: number } | undefined {
  const quote = source[at];
  const close = source.indexOf(quote, at + 1);
  if (close < 0 || close >= end) return undefined;
  if (quote === '"' && source.slice(at + 1, close).includes('\\')) return undefined;
  if (quote === "'" && source[close + 1] === "'") return undefined;
  const text = source.slice(at + 1, close);
  return { value: { node: scalar(text, at, close + 1), data: text }, end: close + 1 };
}

/** After a quoted string or a flow sequence: only blanks, then the end of the line or a comment. */
function afterValue(source: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && source.charCodeAt(i) === 32) i++;
  return i === end || (i > at && source.charCodeAt(i) === 35);
}

/** `[a, b#c, "d"]` on one line: plain or quoted strings, no nesting, no trailing comma. */
function flowSequence(source: string, at: number, end: number): Value | undefined {
  const node = collection(SEQ_PROTOTYPE, at);
  node.flow = true;
  const data: unknown[] = [];
  let i = at + 1;
  for (;;) {
    while (i < end && source.charCodeAt(i) === 32) i++;
    if (i >= end) return undefined;
    if (source.charCodeAt(i) === 93 /* ] */) {
      if (data.length > 0) return undefined; // `[a, ]`: a trailing comma
      break;
    }
    let item: Value | undefined;
    const first = source.charCodeAt(i);
    if (first === 34 || first === 39) {
      const quoted = quotedString(source, i, end);
      if (!quoted) return undefined;
      item = quoted.value;
      i = quoted.end;
    } else {
      if (INDICATOR.test(source[i])) return undefined;
      const start = i;
      while (i < end && source.charCodeAt(i) !== 44 /* , */ && source.charCodeAt(i) !== 93 /* ] */) i++;
      let valueEnd = i;
      while (valueEnd > start && source.charCodeAt(valueEnd - 1) === 32) valueEnd--;
      const plain = source.slice(start, valueEnd);
      if (/[[\]{}:]| #/.test(plain) || !isString(plain)) return undefined;
      item = { node: scalar(plain, start, valueEnd), data: plain };
    }
    node.items.push(item.node);
    data.push(item.data);
    while (i < end && source.charCodeAt(i) === 32) i++;
    if (source.charCodeAt(i) === 44 /* , */) {
      i++;
      continue;
    }
    if (source.charCodeAt(i) === 93) break;
    return undefined;
  }
  if (!afterValue(source, i + 1, end)) return undefined;
  node.range = [at, i + 1, i + 1];
  return { node, data };
}
