/**
 * `JSON.stringify(value, null, 2)` of a document with one long array, written in pieces: the
 * array's items are turned into text one at a time, so `brief lint --format json|sarif` over
 * 10,000 briefs never holds its whole output (18 MB of JSON, 30 MB of SARIF, twice that as
 * JavaScript strings, then copies of it) in memory at once (docs/benchmark.md, "Memory per
 * brief"). The pieces joined are exactly the text `JSON.stringify` gives.
 */

/** Stands in the skeleton where the items go. JSON.stringify escapes its NULs, so it is `"\u0000…"` in the text. */
export const ITEMS_PLACE = '\u0000items\u0000';
const PLACE_TEXT = JSON.stringify(ITEMS_PLACE);

/**
 * The text of `skeleton` (which holds ITEMS_PLACE once, as the value where the array goes) with
 * the items in that place, in pieces, each made safe by `safe` (which must work line by line:
 * pieces break only between JSON values).
 */
export function* jsonChunks(skeleton: unknown, items: Iterable<unknown>, safe: (text: string) => string): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2);
  const at = text.indexOf(PLACE_TEXT);
  if (at < 0 || text.indexOf(PLACE_TEXT, at + 1) >= 0) throw new Error('jsonChunks: the skeleton must hold the items place exactly once');
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let indent = '';
  while (text[lineStart + indent.length] === ' ') indent += ' ';
  const inner = `${indent}  `;
  const head = text.slice(0, at);
  const tail = text.slice(at + PLACE_TEXT.length);
  let first = true;
  for (const item of items) {
    const itemText = JSON.stringify(item, null, 2).replace(/\n/g, `\n${inner}`);
    yield safe(first ? `${head}[\n${inner}${itemText}` : `,\n${inner}${itemText}`);
    first = false;
  }
  // No items: JSON.stringify writes an empty array as `[]`.
  yield safe(first ? `${head}[]${tail}` : `\n${indent}]${tail}`);
}

/** Joins small pieces into writes of about `size` characters (fewer calls to a stream). */
export function writeInBatches(pieces: Iterable<string>, write: (text: string) => void, size = 1 << 16): void {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= size) {
      write(batch);
      batch = '';
    }
  }
  if (batch !== '') write(batch);
}
