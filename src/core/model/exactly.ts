/**
 * The same list in an array of its own length: V8 grows a pushed-to array to 16 or more slots
 * (about 150 bytes for a list of one), and a workspace holds several short lists per brief and per
 * milestone (docs/benchmark.md, "Memory per brief").
 */
export function exactly<T>(list: T[]): T[] {
  return list.length === 0 ? [] : list.slice();
}
