/**
 * The model's compact ranges (src/core/model/range.ts): whatever their size, they read back as
 * the numbers they were made from, serialise to the plain LSP shape, and are read-only.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, packedLocated, plainRange, range, rangeFrom } from '../../src/core/model/range';
import { parseBrief } from '../../src/core/parse/parseBrief';

const plain = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });

describe('compact ranges', () => {
  it('read back exactly at the edges of the packed form and past them', () => {
    const edges = [0, 1, 32767, 32768, 65535, 65536, 1_000_000, 2 ** 31];
    for (const line of edges) {
      for (const character of edges) {
        const made = range(line, character, line + 1, character + 1);
        assert.deepEqual(plainRange(made), plain(line, character, line + 1, character + 1), `${line}:${character}`);
        assert.deepEqual(JSON.parse(JSON.stringify(made)), plain(line, character, line + 1, character + 1));
      }
    }
  });

  it('read back any range (seeded)', () => {
    const coordinate = fc.oneof(fc.nat(70_000), fc.nat(2 ** 31));
    fc.assert(fc.property(coordinate, coordinate, coordinate, coordinate, (a, b, c, d) => {
      assert.deepEqual(plainRange(range(a, b, c, d)), plain(a, b, c, d));
      assert.deepEqual(plainRange(rangeFrom({ line: a, character: b }, { line: c, character: d })), plain(a, b, c, d));
    }), { seed: 20261202, numRuns: 500 });
  });

  it('serialise to the plain shape, as LSP and the caches expect', () => {
    const made = range(3, 4, 5, 6);
    assert.equal(JSON.stringify(made), '{"start":{"line":3,"character":4},"end":{"line":5,"character":6}}');
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify({ range: made })).range), ['start', 'end']);
  });

  it('give a new position on each read, so changing one changes nothing in the model', () => {
    const made = range(1, 2, 1, 9);
    (made.start as { character: number }).character = 7;
    assert.equal(made.start.character, 2);
  });

  it('a line longer than 65,535 characters keeps its positions in a parsed brief', () => {
    const long = 'x'.repeat(70_000);
    const text = `---\nprogram: p\ntitle: t\nowner: "@o"\n---\n${long} [[q]]\n`;
    const brief = parseBrief('file:///ws/p.md', text);
    const reference = brief.bodyReferences.find((r) => r.program === 'q');
    assert.ok(reference, 'the wikilink after the long run is read');
    const lines = new LineIndex(text);
    assert.deepEqual(plainRange(reference.range), plainRange(lines.rangeOf(text.indexOf('[[q]]') + 2, text.indexOf('[[q]]') + 3)));
    assert.equal(reference.range.start.character, 70_003);
  });

  it('a located value packed in one object reads and serialises as the { value, range } it was made from', () => {
    fc.assert(fc.property(fc.string(), fc.nat(32767), fc.nat(65535), fc.nat(32767), fc.nat(65535), (value, a, b, c, d) => {
      const located = { value, range: range(a, b, c, d) };
      const packed = packedLocated(located)!;
      assert.ok(packed);
      assert.equal(packed.value, value);
      assert.deepEqual(plainRange(packed.range), plain(a, b, c, d));
      assert.equal(JSON.stringify(packed), JSON.stringify(located));
    }), { seed: 15 });
    // Anything else stays as it is: a range past the packed form, another shape, an object value.
    assert.equal(packedLocated({ value: 'x', range: range(0, 0, 1_000_000, 0) }), undefined);
    assert.equal(packedLocated({ value: 'x', range: range(0, 0, 1, 0), note: 'more' }), undefined);
    assert.equal(packedLocated({ range: range(0, 0, 1, 0), value: 'x' }), undefined);
    assert.equal(packedLocated({ value: { nested: true }, range: range(0, 0, 1, 0) }), undefined);
  });
});
