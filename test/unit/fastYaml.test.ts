/**
 * The fast frontmatter reader (src/core/parse/fastYaml.ts) must read exactly what the `yaml` parser
 * reads, or give up: `readFrontmatter(..., fast = true)` and `readFrontmatter(..., false)` must
 * agree on every text. Checked on the frontmatter of every Markdown file at hand and on generated
 * YAML mixing the plain form briefs use with everything the fast reader must refuse.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { readFrontmatter } from '../../src/core/parse/frontmatter';
import { MAX_SIMPLE_DEPTH, readSimpleYaml } from '../../src/core/parse/fastYaml';
import { MAX_YAML_DEPTH, yamlNestingDepth } from '../../src/core/parse/yamlDepth';
import { LineIndex } from '../../src/core/model/range';

const ROOT = path.join(__dirname, '..', '..');
const FENCE = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };

/** Both readers agree on `yaml` placed after a `---` line; returns whether the fast reader took it. */
function assertSameReading(yaml: string): boolean {
  const text = `---\n${yaml}`;
  const lines = new LineIndex(text);
  const fast = readFrontmatter(yaml, 4, lines, FENCE);
  const slow = readFrontmatter(yaml, 4, lines, FENCE, false);
  assert.deepStrictEqual(fast, slow, `fast and yaml readings differ for:\n${yaml}`);
  return readSimpleYaml(yaml) !== undefined;
}

/** Whenever the fast reader reads a text, `yaml` reads it without errors into the same values, nodes and ranges. */
function assertSameTree(yaml: string): boolean {
  const simple = readSimpleYaml(yaml);
  if (!simple) return false;
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true, strict: true });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `the fast reader accepted invalid YAML:\n${yaml}`);
  assert.deepStrictEqual(simple.data, doc.toJS(), `values differ for:\n${yaml}`);
  const same = (a: unknown, b: unknown, where: string): void => {
    if (isScalar(b)) {
      assert.ok(isScalar(a), `${where}: expected a scalar`);
      assert.deepStrictEqual([a.value, a.range?.[0], a.range?.[1]], [b.value, b.range?.[0], b.range?.[1]], `${where} in:\n${yaml}`);
    } else if (isMap(b)) {
      assert.ok(isMap(a), `${where}: expected a mapping`);
      assert.equal(a.range?.[0], b.range?.[0], `${where}: mapping start in:\n${yaml}`);
      assert.equal(a.items.length, b.items.length, `${where}: size`);
      b.items.forEach((pair, i) => {
        const other = a.items[i];
        assert.ok(isPair(pair) && isPair(other));
        same(other.key, pair.key, `${where}.key${i}`);
        same(other.value, pair.value, `${where}.${String((pair.key as { value?: unknown }).value)}`);
      });
    } else if (isSeq(b)) {
      assert.ok(isSeq(a), `${where}: expected a sequence`);
      assert.equal(a.items.length, b.items.length, `${where}: length`);
      b.items.forEach((item, i) => same(a.items[i], item, `${where}[${i}]`));
    } else {
      assert.fail(`${where}: unexpected node ${String(b)} in:\n${yaml}`);
    }
  };
  same(simple.contents, doc.contents, 'root');
  return true;
}

function frontmatters(dir: string, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) frontmatters(file, out);
    else if (entry.isFile() && entry.name.endsWith('.md')) {
      const match = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*$/m.exec(fs.readFileSync(file, 'utf8'));
      if (match) out.push(match[1]);
    }
  }
  return out;
}

describe('fastYaml: the fast frontmatter reader agrees with the yaml parser', () => {
  it('on the frontmatter of every brief in the repository', () => {
    const all = [...frontmatters(path.join(ROOT, 'examples')), ...frontmatters(path.join(ROOT, 'test')), ...frontmatters(path.join(ROOT, 'docs'))];
    assert.ok(all.length > 20, `expected frontmatter to compare, found ${all.length}`);
    let fast = 0;
    for (const yaml of all) if (assertSameReading(yaml)) fast++;
    assert.ok(fast > all.length / 2, `the fast reader took only ${fast} of ${all.length}`);
  });

  it('reads the spec example without the yaml parser', () => {
    const yaml = [
      'program: payments-v2            # id', 'title: Payments platform v2', 'owner: "@maria"', 'status: on-track', 'start: 2026-01-05',
      'teams:', '  - id: payments', '    owner: "@li"', '    role: lead', 'stakeholders:', '  - who: "@cfo-office"', '    role: approver',
      'depends_on:', '  - identity-sso', '  - ref: billing-core#ledger-api', '    reason: needs the ledger write API', 'milestones:',
      '  - id: cutover', '    title: Production cutover', "    owner: '@li'", '    due: 2026-05-15', '    depends_on: [design-approved, identity-sso#tokens-ga]', '',
    ].join('\n');
    assert.ok(assertSameReading(yaml));
  });

  const plain = fc.constantFrom('payments-v2', 'Payments platform v2', '2026-01-05', '2026-02-30', 'on-track', 'done', 'a#b', 'a #b', 'x: y', 'x:y', 'x:',
    'http://a.b/c', "it's", 'say "hi"', 'é😀', '-x', '- x', '?x', ':x', '@li', '`x`', '!tag x', '&a x', '*a', '|', '>', '%x', '{a: b}', '[a', 'a]',
    '~', 'null', 'Null', 'true', 'FALSE', 'yes', '12', '-3', '+4', '0x1F', '0o17', '1.5', '.5', '1e3', '.inf', '.NaN', '12:30', '1_000', 'a,b', 'a  b  ');
  const quoted = fc.constantFrom('"@maria"', "'@li'", '""', "''", '"a\\"b"', "'it''s'", '"a # b"', '"x" # c', '"x"#c', '"unclosed', "'a'b");
  const flowItem = fc.oneof(plain, quoted);
  const flow = fc.array(flowItem, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);
  const scalarValue = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 2, arbitrary: quoted }, { weight: 1, arbitrary: flow },
    { weight: 1, arbitrary: fc.constantFrom('[]', '[ a , b ]', '[a,]', '[a, [b]]', '{}', '|', '>-', '', '# only a comment', '  # c') });
  const key = fc.constantFrom('program', 'title', 'owner', 'status', 'summary', 'start', 'target', 'custom_key', 'x-y', 'true', '1', '"q"', 'a b', '__proto__', '<<', 'id', 'ref');
  const comment = fc.constantFrom('', '', '', '  # note', ' #x', '#x');
  const indent = fc.constantFrom('', '', '', '  ', '  ', '    ', '      ', ' ', '   ');
  const line = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(indent, key, fc.constantFrom(': ', ':', ':  ', ' : '), scalarValue, comment).map((parts) => parts.join('')) },
    { weight: 3, arbitrary: fc.tuple(indent, fc.constantFrom('- ', '-   ', '-', '- - '), fc.oneof(scalarValue, fc.tuple(key, fc.constant(': '), scalarValue).map((p) => p.join(''))), comment)
      .map((parts) => parts.join('')) },
    { weight: 2, arbitrary: fc.tuple(indent, key, fc.constant(':'), comment).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  # indented comment', '...', '%YAML 1.2', '  continued text', '\tkey: tab', 'key: a\tb', 'k: &anchor v', 'k: *anchor') },
  );
  const eol = fc.constantFrom('\n', '\n', '\r\n');

  it('on generated YAML (property: same reading, fast path or not)', function () {
    this.timeout(120_000);
    let took = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), eol, (lines, newline) => {
        runs++;
        const yaml = `${lines.join(newline)}${newline}`;
        assertSameTree(yaml);
        if (assertSameReading(yaml)) took++;
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000), seed: Number(process.env.FAST_YAML_SEED ?? 42) },
    );
    if (process.env.FAST_YAML_RUNS) console.log(`      fast reader took ${took} of ${runs}`);
  });

  /** Well-formed nested YAML in the fast reader's form (and around it), to compare trees node by node. */
  const tree: fc.Memo<string[]> = fc.memo((depth) => fc.array(
    fc.tuple(fc.constantFrom('k', 'id', 'x-y', 'a_b', 'k', 'true'), depth <= 1
      ? fc.oneof(plain, quoted, flow, fc.constant('')).map((v) => [v])
      : fc.oneof(
        { weight: 3, arbitrary: fc.oneof(plain, quoted, flow, fc.constant('')).map((v) => [v]) },
        { weight: 1, arbitrary: tree(depth - 1).map((lines) => ['', ...lines.map((l) => `  ${l}`)]) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '  '), fc.array(fc.oneof(
          plain.map((v) => [v]),
          tree(depth - 1).filter((lines) => lines.length > 0),
        ), { minLength: 1, maxLength: 3 })).map(([pad, items]) => ['', ...items.flatMap((item) => item.map((l, i) => `${pad}${i === 0 ? '- ' : '  '}${l}`))]) },
      ), comment),
    { minLength: 1, maxLength: 4 },
  ).map((entries) => {
    const seen = new Set<string>();
    return entries.filter(([k]) => !seen.has(k) && seen.add(k)).flatMap(([k, [first, ...rest], c]) => [`${k}:${first === '' ? '' : ` ${first}`}${c}`, ...rest]);
  }));

  it('on generated nested YAML (property: same values, nodes and ranges as yaml)', function () {
    this.timeout(120_000);
    let took = 0;
    fc.assert(
      fc.property(tree(3), eol, (lines, newline) => {
        const yaml = `${lines.join(newline)}${newline}`;
        if (assertSameTree(yaml)) took++;
        assertSameReading(yaml);
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 2000), seed: Number(process.env.FAST_YAML_SEED ?? 5) },
    );
    if (process.env.FAST_YAML_RUNS) console.log(`      fast reader took ${took}`);
    assert.ok(took > 200, `the fast reader took only ${took} nested documents`);
  });

  const briefLike = fc.record({
    program: fc.constantFrom('p', 'payments-v2', 'Bad Id', '12'),
    title: fc.oneof(plain, quoted),
    owner: fc.constantFrom('"@maria"', "'@li'", '@bare', '', '"not a handle"'),
    teams: fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'a'), owner: fc.constantFrom('"@x"', ''), role: fc.constantFrom('lead', 'boss', '') }), { maxLength: 3 }),
    milestones: fc.array(fc.record({
      id: fc.constantFrom('m1', 'm2', 'm1', 'M3'),
      due: fc.constantFrom('2026-01-01', '2026-13-01', '"2026-02-01"', ''),
      deps: fc.array(fc.constantFrom('m1', 'a#b', 'x', '"q"', 'Bad'), { maxLength: 3 }),
      flow: fc.boolean(),
    }), { maxLength: 3 }),
    compact: fc.boolean(),
    itemIndent: fc.constantFrom(2, 4),
  });

  it('on generated brief frontmatter, valid and not (property)', function () {
    this.timeout(120_000);
    let took = 0;
    fc.assert(
      fc.property(briefLike, (b) => {
        const pad = b.compact ? '' : ' '.repeat(b.itemIndent - 2);
        const field = (name: string, value: string) => (value === '' ? `${name}:` : `${name}: ${value}`);
        const yaml = [
          field('program', b.program), field('title', b.title), field('owner', b.owner), 'teams:',
          ...b.teams.flatMap((t) => [`${pad}- ${field('id', t.id)}`, `${pad}  ${field('owner', t.owner)}`, `${pad}  ${field('role', t.role)}`]),
          'milestones:',
          ...b.milestones.flatMap((m) => [
            `${pad}- ${field('id', m.id)}`, `${pad}  title: M`, `${pad}  ${field('due', m.due)}`,
            ...(m.deps.length === 0 ? [] : m.flow ? [`${pad}  depends_on: [${m.deps.join(', ')}]`] : [`${pad}  depends_on:`, ...m.deps.map((d) => `${pad}    - ${d}`)]),
          ]),
          '',
        ].join('\n');
        assertSameTree(yaml);
        if (assertSameReading(yaml)) took++;
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 1500), seed: Number(process.env.FAST_YAML_SEED ?? 7) },
    );
    assert.ok(took > 100, `the fast reader took only ${took} brief-like frontmatters`);
  });

  it(`reads nesting up to ${MAX_SIMPLE_DEPTH} levels, never anything the depth check would refuse (it runs only on the yaml path)`, () => {
    /** `levels` open collections: mappings, or `- key:` items in sequences, or both in turn, with a flow sequence at the bottom. */
    const nested = (levels: number, kind: 'map' | 'seq' | 'mixed') => {
      const lines: string[] = [];
      let indent = 0;
      for (let level = 1; level < levels; level++) {
        const item = level > 1 && (kind === 'seq' || (kind === 'mixed' && level % 2 === 0));
        lines.push(`${' '.repeat(indent)}${item ? '- ' : ''}k${level}:`);
        indent += item ? 4 : 2;
      }
      lines.push(`${' '.repeat(indent)}leaf: [a, b]`);
      return `${lines.join('\n')}\n`;
    };
    for (const kind of ['map', 'seq', 'mixed'] as const) {
      let deepestTaken = 0;
      for (let levels = 1; levels <= MAX_SIMPLE_DEPTH + 8; levels++) {
        const yaml = nested(levels, kind);
        if (!readSimpleYaml(yaml)) continue;
        deepestTaken = levels;
        assert.ok(yamlNestingDepth(yaml) <= MAX_YAML_DEPTH, `${kind}, ${levels} levels: taken by the fast reader, but too deep for the depth check`);
        assertSameReading(yaml);
      }
      assert.ok(deepestTaken >= MAX_SIMPLE_DEPTH / 2 && deepestTaken <= MAX_SIMPLE_DEPTH, `${kind}: the deepest read was ${deepestTaken} levels`);
      assert.equal(readSimpleYaml(nested(MAX_SIMPLE_DEPTH + 8, kind)), undefined);
    }
    assert.ok(MAX_SIMPLE_DEPTH + 2 < MAX_YAML_DEPTH);
  });
});
