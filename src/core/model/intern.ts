/**
 * One copy of each short value that thousands of briefs repeat (`done`, `2026-03-31`, `@maria`,
 * `platform`): a parse otherwise makes a string of its own for every occurrence, about 3 KB per
 * brief across a workspace (docs/benchmark.md, "Memory per brief").
 *
 * Only values of at most 12 characters: V8 copies a substring that short (a longer one may be a
 * slice that keeps the whole file's text alive, which a table must not hold). The table is
 * bounded, so a long editing session (every date typed is a new value) cannot grow it without end:
 * once full, values are returned as they are.
 */
const MAX_LENGTH = 12;
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
 * For a model that lets go of its file's text (ownStrings.ts, `compactModel`): one copy of each
 * value of up to 40 characters (milestone ids such as `design-approved`, `program#milestone`
 * references, headings such as `Rollout`), each a string of its own, never a slice of the file.
 * 3 KB per brief were such repeats in the language server's index. Bounded like `intern`.
 */
const MAX_OWNED_LENGTH = 40;
const owned = new Map<string, string>();

export function internOwned(value: string): string {
  if (value.length <= MAX_LENGTH) return intern(value);
  if (value.length > MAX_OWNED_LENGTH) return ownCopy(value);
  const known = owned.get(value);
  if (known !== undefined) return known;
  const own = ownCopy(value);
  if (owned.size < MAX_ENTRIES) owned.set(own, own);
  return own;
}

/**
 * A string with the same text that shares no memory with `text` (which may be a slice pointing
 * into the file's text): JSON.parse makes a string of its own. (Slicing a concatenation does too,
 * but keeps a slice header and one more character: 1 KB more per brief.)
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
