/** `briefs.config.json` (spec §3): a broken config is a clear `ConfigError`, never ignored silently. */
import * as assert from 'node:assert/strict';
import { ConfigError, DEFAULT_CONFIG, mergeConfig, parseConfig, todayUtc, validateConfig } from '../../src/core/workspace/config';
import { RULE_IDS } from '../../src/core/rules';

const SOURCE = 'briefs.config.json';
const parse = (text: string) => parseConfig(text, SOURCE, RULE_IDS);

/** Asserts that parsing throws a ConfigError naming the file, whose message matches every pattern. */
function rejects(text: string, ...patterns: RegExp[]): ConfigError {
  let caught: unknown;
  try {
    parse(text);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ConfigError, `expected a ConfigError for ${JSON.stringify(text)}, got ${String(caught)}`);
  assert.equal(caught.source, SOURCE);
  assert.ok(caught.message.startsWith(`${SOURCE}: `), `the message names the file: ${caught.message}`);
  for (const pattern of patterns) assert.match(caught.message, pattern);
  assert.doesNotMatch(caught.message, /Invalid input|\[object Object\]|undefined/, 'no raw validator jargon');
  return caught;
}

describe('config: parseConfig', () => {
  it('accepts the spec example', () => {
    const text = JSON.stringify({
      include: ['**/*.md'],
      exclude: ['**/node_modules/**'],
      rules: { 'checklist-unowned': 'warning', 'milestone-overdue': 'off' },
      people: ['@maria', '@li'],
      today: '2026-03-01',
    });
    assert.deepEqual(parse(text), JSON.parse(text));
  });

  it('accepts an empty object, a BOM, `$schema`, handles with a team and every severity', () => {
    assert.deepEqual(parse('{}'), {});
    assert.deepEqual(parse('\uFEFF{ "today": "2024-02-29" }'), { today: '2024-02-29' });
    assert.deepEqual(parse('{ "$schema": "./briefs-config.schema.json", "people": ["@org/team", "@dev.patel"] }').people, ['@org/team', '@dev.patel']);
    const rules = Object.fromEntries(RULE_IDS.map((id, i) => [id, ['error', 'warning', 'info', 'off'][i % 4]]));
    assert.deepEqual(parse(JSON.stringify({ rules })).rules, rules);
  });

  describe('broken JSON', () => {
    for (const text of ['', '{', '{"rules": }', "{ 'rules': {} }", '{"today": "2026-01-01",}', '// comment\n{}', 'rules: {}']) {
      it(`rejects ${JSON.stringify(text)} as not valid JSON`, () => {
        rejects(text, /not valid JSON/);
      });
    }
  });

  describe('wrong types', () => {
    const cases: [string, RegExp[]][] = [
      ['[]', [/the file/, /JSON object/]],
      ['null', [/the file/, /JSON object/]],
      ['"briefs"', [/the file/, /JSON object/]],
      ['42', [/the file/, /JSON object/]],
      ['{"include": "**/*.md"}', [/`include`/, /list of glob patterns/]],
      ['{"exclude": [1]}', [/`exclude\[0\]`/, /glob pattern/]],
      ['{"rules": []}', [/`rules`/, /rule ids/]],
      ['{"rules": "strict"}', [/`rules`/, /rule ids/]],
      ['{"rules": {"owner-missing": "loud"}}', [/`rules.owner-missing`/, /"error", "warning", "info", "off"/]],
      ['{"rules": {"owner-missing": true}}', [/`rules.owner-missing`/, /"error", "warning", "info", "off"/]],
      ['{"rules": {"owner-missing": null}}', [/`rules.owner-missing`/]],
      ['{"people": "@maria"}', [/`people`/, /list of handles/]],
      ['{"people": ["maria"]}', [/`people\[0\]`/, /handle such as "@maria"/]],
      ['{"people": ["@maria", 3]}', [/`people\[1\]`/, /handle/]],
      ['{"people": ["@"]}', [/`people\[0\]`/]],
      ['{"today": "tomorrow"}', [/`today`/, /YYYY-MM-DD/]],
      ['{"today": 20260301}', [/`today`/, /YYYY-MM-DD/]],
      ['{"today": "2026-02-30"}', [/`today`/, /real calendar date/]],
      ['{"$schema": 1}', [/`\$schema`/]],
    ];
    for (const [text, patterns] of cases) {
      it(`rejects ${text}`, () => {
        rejects(text, ...patterns);
      });
    }

    it('a date that is not YYYY-MM-DD is reported as such, not also as "not a real date"', () => {
      const error = rejects('{"today": "next week"}', /a date YYYY-MM-DD/);
      assert.doesNotMatch(error.message, /real calendar/);
    });
  });

  describe('unknown keys and rule ids', () => {
    it('rejects an unknown top-level key, naming it and the allowed keys', () => {
      rejects('{"includes": ["**/*.md"]}', /`includes`/, /allowed: include, exclude, rules, people, today/);
    });

    it('rejects unknown rule ids, naming all of them and the known ones', () => {
      const error = rejects('{"rules": {"owner-missing": "off", "nope": "off", "no-such-rule": "error"}}', /unknown rule `nope`, `no-such-rule`/);
      for (const id of RULE_IDS) assert.ok(error.message.includes(id), `lists ${id}`);
    });

    it('rule ids are case-sensitive', () => {
      rejects('{"rules": {"Owner-Missing": "off"}}', /unknown rule `Owner-Missing`/);
    });

    it('validateConfig checks already parsed data the same way (e.g. VS Code settings)', () => {
      assert.throws(() => validateConfig({ rules: { nope: 'off' } }, 'settings', RULE_IDS), (error: unknown) => error instanceof ConfigError && /^settings: unknown rule `nope`/.test(error.message));
      assert.deepEqual(validateConfig({ people: ['@a'] }, 'settings', RULE_IDS), { people: ['@a'] });
    });
  });
});

describe('config: mergeConfig', () => {
  it('starts from the defaults', () => {
    const config = mergeConfig();
    assert.deepEqual(config.include, DEFAULT_CONFIG.include);
    assert.deepEqual(config.exclude, DEFAULT_CONFIG.exclude);
    assert.deepEqual(config.rules, {});
    assert.equal(config.people, undefined);
    assert.equal(config.today, undefined);
  });

  it('later layers win, rules merge key by key, undefined layers are skipped', () => {
    const config = mergeConfig(
      { include: ['a/**/*.md'], rules: { 'owner-missing': 'off', schema: 'warning' }, people: ['@a'], today: '2026-01-01' },
      undefined,
      { rules: { schema: 'info' }, today: '2026-02-02' },
    );
    assert.deepEqual(config.include, ['a/**/*.md']);
    assert.deepEqual(config.rules, { 'owner-missing': 'off', schema: 'info' });
    assert.deepEqual(config.people, ['@a']);
    assert.equal(config.today, '2026-02-02');
  });

  it('does not mutate the defaults or the layers', () => {
    const layer = { rules: { schema: 'off' as const } };
    const config = mergeConfig(layer);
    config.rules['owner-missing'] = 'off';
    assert.deepEqual(layer.rules, { schema: 'off' });
    assert.deepEqual(DEFAULT_CONFIG.rules, {});
    assert.deepEqual(mergeConfig().rules, {});
  });

  it('todayUtc is the UTC date', () => {
    assert.equal(todayUtc(new Date('2026-03-01T23:30:00-05:00')), '2026-03-02');
    assert.match(todayUtc(), /^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('config: keys that name Object.prototype members (issue 9, finding 7)', () => {
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__', 'prototype']) {
    it(`rejects \`rules: {"${key}": …}\` as an unknown rule, whatever the value`, () => {
      rejects(`{"rules": {"${key}": "error"}}`, new RegExp(`unknown rule \`${key}\``));
      rejects(`{"rules": {"owner-missing": "off", "${key}": {"polluted": true}}}`, new RegExp(`unknown rule \`${key}\``));
    });
  }

  it('validateConfig rejects an own `__proto__` rule in already parsed data (VS Code settings)', () => {
    const data = JSON.parse('{"rules": {"__proto__": "off"}}') as unknown;
    assert.throws(() => validateConfig(data, 'settings', RULE_IDS), (error: unknown) => error instanceof ConfigError && /unknown rule `__proto__`/.test(error.message));
  });

  it('parsing a hostile config never touches Object.prototype', () => {
    for (const text of ['{"rules": {"__proto__": {"polluted": "yes"}}}', '{"__proto__": {"polluted": "yes"}}', '{"rules": {"constructor": {"prototype": {"polluted": "yes"}}}}']) {
      assert.throws(() => parse(text), ConfigError);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(mergeConfig().rules), Object.prototype);
  });
});
