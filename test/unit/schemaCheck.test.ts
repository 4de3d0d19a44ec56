/**
 * The hand-written schema check of the fast frontmatter path (src/core/model/schemaCheck.ts) must
 * answer exactly what zod's `frontmatterSchema.safeParse(data).success` answers: on the frontmatter
 * of every Markdown file in the repository, and on generated values that are valid, nearly valid
 * (one field wrong, empty, of the wrong type, a date that is not on the calendar...) or not at all.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { frontmatterSchema } from '../../src/core/model/schema';
import { passesFrontmatterSchema } from '../../src/core/model/schemaCheck';
import { readSimpleYaml } from '../../src/core/parse/fastYaml';

const ROOT = path.join(__dirname, '..', '..');

function assertSameAnswer(data: unknown): boolean {
  const zod = frontmatterSchema.safeParse(data).success;
  assert.equal(passesFrontmatterSchema(data), zod, `zod says ${zod ? 'valid' : 'invalid'} for ${JSON.stringify(data)}`);
  return zod;
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) markdownFiles(file, out);
    else if (entry.isFile() && entry.name.endsWith('.md')) out.push(file);
  }
  return out;
}

/**
 * Values right for a field, and (now and then, in place of one) a value wrong in one of the ways
 * briefs get wrong: empty, of another type, an id or handle badly written, a date not on the
 * calendar, a status that is not one of the list.
 */
const wrong = fc.constantFrom<unknown>(
  null, '', 12, true, [], {}, ['a'], { a: 'b' }, 'Not An Id', '-bad', 'a_b', '@', 'maria', '@org/team/x',
  '2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '26-01-01', '2026-01-01x', 'Payments', '#beta', 'a#b#c', 'unknown', 'Done',
);
const field = (right: fc.Arbitrary<unknown>) => fc.oneof({ weight: 30, arbitrary: right }, { weight: 1, arbitrary: wrong });
const id = fc.constantFrom('payments-v2', 'a', '0x', 'm1');
const handle = fc.constantFrom('@maria', '@org/team', '@a.b-c_d');
const date = fc.constantFrom('2026-03-31', '2024-02-29', '2000-02-29', '2026-12-01');
const reference = fc.constantFrom('payments', 'payments#beta', 'a1#m-2');
const text = fc.constantFrom('Title', '', 'a: b', 'Payments');
const enumOf = (...values: string[]) => fc.constantFrom(...values);

/** A record whose optional keys are each present (right or wrong) or absent, plus a key of the user's own now and then. */
const record = (shape: Record<string, fc.Arbitrary<unknown>>, required: string[] = []): fc.Arbitrary<Record<string, unknown>> => {
  const keys: Record<string, fc.Arbitrary<unknown>> = { ...shape, custom: fc.constantFrom<unknown>('x', null, [1], { nested: true }) };
  return fc.record(keys, { requiredKeys: required });
};
const dependency = fc.oneof({ weight: 3, arbitrary: reference }, { weight: 1, arbitrary: record({ ref: field(reference), reason: field(text) }, ['ref']) });
const dependencies = field(fc.array(dependency, { maxLength: 3 }));
const owner = field(handle);
const list = (item: fc.Arbitrary<unknown>) => field(fc.array(item, { maxLength: 3 }));

const frontmatter = record({
  program: field(id),
  title: field(text),
  owner,
  status: field(enumOf('proposed', 'not-started', 'on-track', 'at-risk', 'off-track', 'blocked', 'done', 'cancelled')),
  summary: field(text),
  start: field(date),
  target: field(date),
  teams: list(record({ id: field(id), owner, role: field(enumOf('lead', 'contributor')) }, ['id'])),
  stakeholders: list(record({ who: field(handle), role: field(enumOf('approver', 'consulted', 'informed')) }, ['who'])),
  depends_on: dependencies,
  milestones: list(record({
    id: field(id), title: field(text), owner, team: field(id), start: field(date), due: field(date),
    status: field(enumOf('not-started', 'in-progress', 'at-risk', 'blocked', 'done', 'cancelled')), depends_on: dependencies,
  }, ['id', 'title'])),
  risks: list(record({
    id: field(id), title: field(text), owner, likelihood: field(enumOf('low', 'medium', 'high')), impact: field(enumOf('low', 'medium', 'high')),
    mitigation: field(text), status: field(enumOf('open', 'mitigated', 'accepted', 'closed')),
  }, ['id', 'title'])),
  decisions: list(record({ id: field(id), title: field(text), owner, status: field(enumOf('proposed', 'decided', 'superseded')), date: field(date) }, ['id', 'title'])),
}, ['program', 'title']);

describe('schemaCheck: the fast path\'s schema check answers what zod answers', () => {
  it('on the frontmatter of every Markdown file in the repository, as the fast reader and as yaml read it', () => {
    let fastRead = 0;
    let valid = 0;
    for (const file of markdownFiles(ROOT)) {
      const match = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*$/m.exec(fs.readFileSync(file, 'utf8'));
      if (!match) continue;
      const simple = readSimpleYaml(match[1]);
      if (simple) {
        fastRead++;
        if (assertSameAnswer(simple.data)) valid++;
      }
      let data: unknown;
      try {
        data = parse(match[1]);
      } catch {
        continue;
      }
      assertSameAnswer(data);
    }
    assert.ok(fastRead > 50 && valid > 50, `only ${fastRead} frontmatters read by the fast reader, ${valid} of them valid`);
  });

  it('on generated frontmatter values, valid and not (property)', function () {
    this.timeout(120_000);
    let valid = 0;
    let runs = 0;
    fc.assert(
      fc.property(frontmatter, (data) => {
        runs++;
        if (assertSameAnswer(data)) valid++;
      }),
      { numRuns: Number(process.env.SCHEMA_CHECK_RUNS ?? 5000), seed: Number(process.env.SCHEMA_CHECK_SEED ?? 15) },
    );
    // Both answers must be exercised, or the property says little.
    if (process.env.SCHEMA_CHECK_RUNS) console.log(`      ${valid} of ${runs} valid`);
    assert.ok(valid > runs / 50 && valid < runs - runs / 50, `${valid} of ${runs} generated values were valid`);
  });

  it('on values that are not mappings at all', () => {
    for (const data of [null, undefined, '', 'program: x', 12, [], [{ program: 'a', title: 't' }]]) assertSameAnswer(data);
    assert.equal(passesFrontmatterSchema({ program: 'a', title: 't' }), true);
  });
});
