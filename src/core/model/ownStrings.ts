/**
 * Copies of a parsed model that let go of the file's text (docs/benchmark.md, "Memory per
 * brief"): `brief lint` keeps briefs without their text (rules/lint.ts, `keepForLint`), and so
 * does the language server for the files the editor does not have open.
 */
import { isCompactRange, packedLocated } from './range';

/**
 * The value with every long string in it (and in what it holds) replaced by a copy of its own.
 * A substring of 13 characters or more is a slice that keeps the whole file's text alive, so
 * without this a kept brief would still hold its file. The copies are equal strings, so the
 * objects shared with the parsed brief (its milestones...) read the same as before.
 *
 * With `exactArrays`, every array is also replaced by a copy of its own length (a parser's
 * pushed-to arrays keep 16 or more slots: about 1 KB per brief); an array held twice is copied
 * once, so what was shared stays shared. With `packLocated`, every `{ value, range }` is replaced
 * by the same located value in one object (range.ts, `packedLocated`: 32 bytes less each), once
 * per object, so what was shared stays shared.
 */
export function ownStrings<T>(value: T, options: { exactArrays?: boolean; packLocated?: boolean } = {}): T {
  const seen = new Set<object>();
  const copies = new Map<object, object>();
  const exact = options.exactArrays === true;
  const pack = options.packLocated === true;
  const visit = (holder: Record<string, unknown>): void => {
    // A frozen value is a shared constant (a schema's allowed values), not the file's.
    if (seen.has(holder) || Object.isFrozen(holder)) return;
    seen.add(holder);
    for (const key of Object.keys(holder)) {
      const field = holder[key];
      if (typeof field === 'string') {
        // A uri is the host's, never a slice of the file.
        if (field.length >= 13 && key !== 'uri') holder[key] = ownCopy(field);
      } else if (field !== null && typeof field === 'object' && !isCompactRange(field)) {
        const known = copies.get(field);
        if (known) {
          holder[key] = known;
        } else if (exact && Array.isArray(field) && !Object.isFrozen(field)) {
          const copy = field.slice();
          copies.set(field, copy);
          holder[key] = copy;
          visit(copy as unknown as Record<string, unknown>);
        } else if (pack && !Object.isFrozen(field) && packedLocated(field)) {
          // Its value first: a long string is copied before it goes into the packed one.
          visit(field as Record<string, unknown>);
          const packed = packedLocated(field)!;
          copies.set(field, packed);
          holder[key] = packed;
        } else {
          visit(field as Record<string, unknown>);
        }
      }
    }
  };
  visit(value as Record<string, unknown>);
  return value;
}

/**
 * A string with the same text that shares no memory with `text` (which may be a slice pointing
 * into the file's text): JSON.parse makes a string of its own. (Slicing a concatenation does too,
 * but keeps a slice header and one more character: 1 KB more per brief.)
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
