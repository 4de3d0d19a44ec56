/**
 * Completion of frontmatter keys and enum values from the schema (src/core/model/schemaCompletion.ts),
 * and where a key is typed (frontmatterKeyPlaceAt in src/extension/language/yamlContext.ts): at
 * every level the schema has, the keys are the zod schema's own, minus those already written.
 */
import assert from 'node:assert/strict';
import {
  decisionSchema, frontmatterSchema, milestoneSchema, riskSchema, stakeholderSchema, teamSchema,
  DECISION_STATUSES, LEVELS, MILESTONE_STATUSES, PROGRAM_STATUSES, RISK_STATUSES, STAKEHOLDER_ROLES, TEAM_ROLES,
} from '../../src/core/model/schema';
import { listOfMappings, schemaKeysAt, schemaKeysFor, schemaValuesAt } from '../../src/core/model/schemaCompletion';
import { frontmatterKeyPlaceAt } from '../../src/language/yamlContext';

const keysOf = (path: string[], present: string[] = []) => schemaKeysAt(path, present).map((k) => k.key);

describe('schemaCompletion: keys and values from the schema', () => {
  it('offers the zod schema\'s keys at every level, in its order', () => {
    assert.deepEqual(keysOf([]), Object.keys(frontmatterSchema.shape));
    assert.deepEqual(keysOf(['milestones']), Object.keys(milestoneSchema.shape));
    assert.deepEqual(keysOf(['risks']), Object.keys(riskSchema.shape));
    assert.deepEqual(keysOf(['decisions']), Object.keys(decisionSchema.shape));
    assert.deepEqual(keysOf(['teams']), Object.keys(teamSchema.shape));
    assert.deepEqual(keysOf(['stakeholders']), Object.keys(stakeholderSchema.shape));
    assert.deepEqual(keysOf(['depends_on']), ['ref', 'reason']);
    assert.deepEqual(keysOf(['milestones', 'depends_on']), ['ref', 'reason']);
    assert.deepEqual(keysOf(['title']), []);
    assert.deepEqual(keysOf(['nowhere']), []);
    assert.deepEqual(keysOf(['constructor']), [], 'no prototype keys');
  });

  it('leaves out the keys already present', () => {
    assert.deepEqual(keysOf([], ['program', 'title', 'milestones', 'x-custom']), Object.keys(frontmatterSchema.shape).filter((k) => !['program', 'title', 'milestones'].includes(k)));
    assert.deepEqual(keysOf(['risks'], ['id', 'title', 'owner', 'likelihood']), ['impact', 'mitigation', 'status']);
  });

  it('says which keys are required and how each value is written', () => {
    const top = new Map(schemaKeysAt([]).map((k) => [k.key, k]));
    assert.deepEqual([...top.values()].filter((k) => k.required).map((k) => k.key), ['program', 'title']);
    assert.equal(top.get('owner')!.required, false, 'a missing owner is owner-missing, not schema');
    assert.deepEqual(top.get('status'), { key: 'status', required: false, shape: 'enum', values: [...PROGRAM_STATUSES] });
    assert.equal(top.get('milestones')!.shape, 'objectList');
    assert.equal(top.get('depends_on')!.shape, 'list');
    assert.equal(top.get('summary')!.shape, 'scalar');
    const milestone = new Map(schemaKeysAt(['milestones']).map((k) => [k.key, k]));
    assert.deepEqual([...milestone.values()].filter((k) => k.required).map((k) => k.key), ['id', 'title']);
    assert.ok(listOfMappings([], 'risks'));
    assert.ok(!listOfMappings([], 'depends_on'));
  });

  it('gives the enum values of each level', () => {
    assert.deepEqual(schemaValuesAt([], 'status'), [...PROGRAM_STATUSES]);
    assert.deepEqual(schemaValuesAt(['milestones'], 'status'), [...MILESTONE_STATUSES]);
    assert.deepEqual(schemaValuesAt(['risks'], 'status'), [...RISK_STATUSES]);
    assert.deepEqual(schemaValuesAt(['risks'], 'likelihood'), [...LEVELS]);
    assert.deepEqual(schemaValuesAt(['risks'], 'impact'), [...LEVELS]);
    assert.deepEqual(schemaValuesAt(['decisions'], 'status'), [...DECISION_STATUSES]);
    assert.deepEqual(schemaValuesAt(['teams'], 'role'), [...TEAM_ROLES]);
    assert.deepEqual(schemaValuesAt(['stakeholders'], 'role'), [...STAKEHOLDER_ROLES]);
    assert.equal(schemaValuesAt([], 'title'), undefined);
    assert.equal(schemaValuesAt([], 'role'), undefined);
    assert.equal(schemaValuesAt(['milestones'], 'likelihood'), undefined);
  });
});

describe('schemaCompletion: keys where the cursor is', () => {
  const yaml = [
    'program: pay', //           0
    'title: Pay', //             1
    'st', //                     2  a top-level key being typed
    'milestones:', //            3
    '  - id: design', //         4
    '    title: Design', //      5
    '    ', //                   6  a key of the milestone `design`
    '    status: done', //       7
    '  - id: cutover', //        8
    '  - ', //                   9  a new milestone
    '    title: New', //         10
    'depends_on:', //            11
    '  - ', //                   12 a reference, not a mapping
    '  - ref: billing', //       13
    '    re', //                 14 a key of that entry
    'risks:', //                 15
    '- id: r', //                16 a list at the key's own indentation
    '  ', //                     17
    'teams:', //                 18
    '  ', //                     19 under `teams:`, not in an item
    'owner: "@m"', //            20
  ];
  const at = (line: number, character = yaml[line].length) => {
    const place = frontmatterKeyPlaceAt(yaml, line, character);
    return place && schemaKeysFor(place).map((k) => k.key);
  };

  it('offers the top-level keys not yet written', () => {
    assert.deepEqual(frontmatterKeyPlaceAt(yaml, 2, 2), { path: [], startsItem: false, start: 0, prefix: 'st', present: ['title', 'program', 'milestones', 'depends_on', 'risks', 'teams', 'owner'], inItem: false });
    assert.deepEqual(at(2), ['status', 'summary', 'start', 'target', 'stakeholders', 'decisions']);
  });

  it('offers a milestone\'s keys, without those of that milestone', () => {
    assert.deepEqual(frontmatterKeyPlaceAt(yaml, 6, 4)?.present.sort(), ['id', 'status', 'title']);
    // `start` (v2): offered before `due`.
    assert.deepEqual(at(6), ['owner', 'team', 'start', 'due', 'depends_on']);
    // A new item: its own keys below it only, not those of the item above.
    assert.deepEqual(frontmatterKeyPlaceAt(yaml, 9, 4), { path: ['milestones'], startsItem: true, start: 4, prefix: '', present: ['title'], inItem: true });
    assert.deepEqual(at(9), ['id', 'owner', 'team', 'start', 'due', 'status', 'depends_on']);
  });

  it('offers a risk\'s keys in a list written at its key\'s indentation', () => {
    assert.deepEqual(at(17), ['title', 'owner', 'likelihood', 'impact', 'mitigation', 'status']);
  });

  it('offers ref and reason inside a depends_on entry, and no keys where a reference starts', () => {
    assert.deepEqual(at(14), ['reason']);
    assert.deepEqual(at(12), []);
  });

  it('offers no key where the YAML is not a mapping the schema describes', () => {
    assert.deepEqual(at(19), [], 'teams is a list: its mappings are items');
    assert.equal(frontmatterKeyPlaceAt(yaml, 1, 3), undefined, 'inside a written key: value');
    assert.equal(frontmatterKeyPlaceAt(['status: on'], 0, 10), undefined, 'a value');
    assert.equal(frontmatterKeyPlaceAt(['milestones:', '  -'], 1, 3), undefined, 'right after a dash');
    assert.equal(frontmatterKeyPlaceAt(['"quoted'], 0, 7), undefined);
  });
});
