/** `brief lint --format json|sarif` in pieces (src/cli/jsonChunks.ts): joined, exactly JSON.stringify's text. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ITEMS_PLACE, jsonChunks, writeInBatches } from '../../../src/cli/jsonChunks';

const same = (text: string) => text;

describe('jsonChunks', () => {
  it('joined, is JSON.stringify(…, null, 2) of the document with the items in place, at any depth (seeded)', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const keyPath = fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(keyPath, fc.array(value, { maxLength: 6 }), fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 3 }), (path, items, siblings) => {
      // A document whose array sits `path` deep, beside other keys.
      const build = (place: unknown) => path.reduceRight<unknown>((inner, key) => ({ ...siblings, [key]: inner }), place);
      const pieces = [...jsonChunks(build(ITEMS_PLACE), items, same)];
      assert.equal(pieces.join(''), JSON.stringify(build(items), null, 2));
      assert.equal(pieces.length, items.length + 1, 'one piece per item, and the end');
    }), { seed: 20261202, numRuns: 300 });
  });

  it('an empty array is written `[]`, as JSON.stringify writes it', () => {
    assert.equal([...jsonChunks({ a: 1, list: ITEMS_PLACE, b: [2] }, [], same)].join(''), JSON.stringify({ a: 1, list: [], b: [2] }, null, 2));
  });

  it('items are made into text one at a time, as they are asked for', () => {
    let made = 0;
    function* items() { for (let i = 0; i < 3; i++) { made++; yield { i }; } }
    const pieces = jsonChunks({ list: ITEMS_PLACE }, items(), same);
    pieces.next();
    assert.equal(made, 1);
  });

  it('each piece goes through `safe`', () => {
    const text = [...jsonChunks({ list: ITEMS_PLACE }, ['a\u2028b', 'c'], (piece) => piece.replace(/\u2028/g, '\\u2028'))].join('');
    assert.equal(text, JSON.stringify({ list: ['a\u2028b', 'c'] }, null, 2).replace(/\u2028/g, '\\u2028'));
    assert.equal(JSON.parse(text).list[0], 'a\u2028b');
  });

  it('refuses a skeleton without the place, or with it twice', () => {
    assert.throws(() => [...jsonChunks({ list: [] }, [1], same)], /exactly once/);
    assert.throws(() => [...jsonChunks({ a: ITEMS_PLACE, b: ITEMS_PLACE }, [1], same)], /exactly once/);
  });

  it('writeInBatches writes everything, in order, in few writes', () => {
    const writes: string[] = [];
    const pieces = Array.from({ length: 1000 }, (_, i) => `${i},`);
    writeInBatches(pieces, (text) => writes.push(text), 100);
    assert.equal(writes.join(''), pieces.join(''));
    assert.ok(writes.length < 100 && writes.length > 1, `${writes.length} writes`);
  });
});
