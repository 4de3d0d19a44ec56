/**
 * One copy of each short value that thousands of briefs repeat (`done`, `2026-03-31`, `@maria`,
 * `platform`, `design-approved`, `identity-sso#tokens-ga`): a parse otherwise makes a string of its
 * own for every occurrence, about 3 KB per brief across a workspace for values of up to 12
 * characters, and as much again for longer ids and references (docs/benchmark.md, "Memory per
 * brief").
 *
 * V8 copies a substring of at most 12 characters; a longer one may be a slice that keeps the whole
 * file's text alive, which a table must not hold. So a longer value is interned only when it looks
 * like a name (an id, a handle, a reference: no spaces, at most 64 characters; titles and sentences
 * are rarely repeated), and the table keeps a copy of its own of it. The table is bounded, so a
 * long editing session (every date typed is a new value) cannot grow it without end: once full,
 * values are returned as they are.
 */
const MAX_LENGTH = 12;
const MAX_NAME_LENGTH = 64;
/** An id, handle, date or `program#milestone` reference. Linear: one character class, anchored. */
const NAME = /^[\w@.#-]+$/;
const MAX_ENTRIES = 1 << 16;
const table = new Map<string, string>();

export function intern(value: string): string {
  if (value.length > MAX_LENGTH) return value;
  const known = table.get(value);
  if (known !== undefined) return known;
  if (table.size < MAX_ENTRIES) table.set(value, value);
  return value;
}

/**
 * `intern` for a value of any length: one that looks like a name is interned (as a copy of its
 * own in the table when longer than 12 characters), any other is returned as it is. Costs a
 * pattern test more than `intern`: the parser interns short values only, and what keeps many
 * briefs (keepForLint, the schedule's and graph's node ids) interns the longer ones.
 */
export function internName(value: string): string {
  return value.length <= MAX_LENGTH ? intern(value) : (sharedName(value) ?? value);
}

/** A copy of `value` that holds no file's text: the table's when it is a name, else one of its own. */
export function ownName(value: string): string {
  return value.length <= MAX_LENGTH ? intern(value) : (sharedName(value) ?? ownCopy(value));
}

/** The table's copy of a long value that looks like a name (added if new); undefined for any other or a full table. */
function sharedName(value: string): string | undefined {
  if (value.length > MAX_NAME_LENGTH || !NAME.test(value)) return undefined;
  const known = table.get(value);
  if (known !== undefined) return known;
  if (table.size >= MAX_ENTRIES) return undefined;
  const copy = ownCopy(value);
  table.set(copy, copy);
  return copy;
}

/**
 * A string with the same text that shares no memory with `text` (which may be a slice pointing
 * into a file's text): JSON.parse makes a string of its own. (Slicing a concatenation does too,
 * but keeps a slice header and one more character.)
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
