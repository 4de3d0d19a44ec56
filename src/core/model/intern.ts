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

/**
 * The id `program#milestone`, one string per id however often it is made: a schedule names each
 * milestone in its node, in the lists of the nodes that wait for it and as a key of every map kept
 * per node, and each was a concatenation of its own (1 KB per brief in the language server's
 * index, docs/benchmark.md). Found without making the concatenation, too: the schedule and the
 * dependency graph ask for each id many times, and building and hashing a new
 * `program#milestone` string for each ask was most of what asking cost (docs/benchmark.md,
 * "Brief lint: where the time goes"). The tables' keys are owned copies (`internOwned`), never
 * slices that would keep a file's text alive; bounded like the others.
 */
const milestoneIds = new Map<string, Map<string, string>>();
let milestoneIdCount = 0;

export function milestoneNodeId(program: string, milestone: string): string {
  const ofProgram = milestoneIds.get(program);
  const known = ofProgram?.get(milestone);
  if (known !== undefined) return known;
  const id = internOwned(`${program}#${milestone}`);
  if (milestoneIdCount >= MAX_ENTRIES) return id;
  milestoneIdCount++;
  if (ofProgram) ofProgram.set(internOwned(milestone), id);
  else milestoneIds.set(internOwned(program), new Map([[internOwned(milestone), id]]));
  return id;
}
