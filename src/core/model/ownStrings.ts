/**
 * Copies of a parsed model that let go of the file's text (docs/benchmark.md, "Memory per
 * brief"): `brief lint` keeps briefs without their text (rules/lint.ts, `keepForLint`), and so
 * does the language server for the files the editor does not have open.
 */
import { internOwned } from './intern';
import { isCompactRange, packedLocated } from './range';

/**
 * The value with every long string in it (and in what it holds) replaced by a copy of its own.
 * A substring of 13 characters or more is a slice that keeps the whole file's text alive, so
 * without this a kept brief would still hold its file. The copies are equal strings, so the
 * objects shared with the parsed brief (its milestones...) read the same as before.
 */
export function ownStrings<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (holder: Record<string, unknown>): void => {
    // A frozen value is a shared constant (a schema's allowed values), not the file's.
    if (seen.has(holder) || Object.isFrozen(holder)) return;
    seen.add(holder);
    for (const key of Object.keys(holder)) {
      const field = holder[key];
      if (typeof field === 'string') {
        // A uri is the host's, never a slice of the file. Repeated values (ids, references) are
        // held once (intern.ts, `internOwned`).
        if (field.length >= 13 && key !== 'uri') holder[key] = internOwned(field);
      } else if (field !== null && typeof field === 'object' && !isCompactRange(field)) {
        visit(field as Record<string, unknown>);
      }
    }
  };
  visit(value as Record<string, unknown>);
  return value;
}

/**
 * What the language server keeps of a parsed model it has no text for (src/server/diskTexts.ts):
 * `ownStrings` with exact arrays and repeated values held once (intern.ts, `internOwned`), and every `{ value, range }` replaced by the same located value
 * in one object (range.ts, `packedLocated`: 32 bytes less each). A model as the parser makes it
 * is a tree (no object in it is held twice; test/unit/server/diskTexts.test.ts checks the
 * fixtures), so this walk keeps no set of what it saw: it runs for every brief of a workspace,
 * and the set and the map of `ownStrings` made it cost 40% of a parse.
 */
export function compactModel<T extends object>(value: T): T {
  compactFields(value as Record<string, unknown>, 0);
  return value;
}

/** A model is a few levels deep; this bounds the walk all the same. */
const MAX_MODEL_DEPTH = 32;

function compactFields(holder: Record<string, unknown>, depth: number): void {
  for (const key in holder) {
    const field = holder[key];
    if (typeof field === 'string') {
      // Repeated values held once, each a copy of its own (a longer one is a slice of the file).
      if (key !== 'uri') holder[key] = internOwned(field);
    } else if (typeof field === 'object' && field !== null && depth < MAX_MODEL_DEPTH && !isCompactRange(field)) {
      if (Array.isArray(field)) {
        // A frozen array is a shared constant (a schema's allowed values), not the file's.
        if (Object.isFrozen(field)) continue;
        const copy = field.length === 0 ? field : field.slice();
        compactFields(copy as unknown as Record<string, unknown>, depth + 1);
        holder[key] = copy;
      } else {
        compactFields(field as Record<string, unknown>, depth + 1);
        holder[key] = packedLocated(field) ?? field;
      }
    }
  }
}
