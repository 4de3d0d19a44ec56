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
