/**
 * Fixture-driven rule tests.
 *
 * - `test/fixtures/rules/<rule-id>/`: `ok.md` must get no diagnostic of that rule; every
 *   `not-ok*.md` must get exactly the diagnostics of that rule listed in `not-ok*.expected.json`.
 *   Files named `*.brief.md` keep that name (frontmatter-missing only fires for them).
 *   An optional `config.json` (or `briefs.config.json`, which the CLI reads too) holds config
 *   overrides (people, rules, today).
 * - `test/fixtures/workspaces/<name>/`: every `.md` file is loaded into one workspace;
 *   `expected.json` maps each brief (relative path) to exactly all of its diagnostics, related
 *   locations included where given. Files not listed there must not be briefs at all.
 *
 * Every file is linted with `today` 2026-03-01 unless its config says otherwise, so the result
 * does not depend on the day the tests run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeConfig, type ConfigOverrides } from '../../src/core/workspace/config';
import { lintBrief, lintWorkspace, type Diagnostic } from '../../src/core/rules/lint';
import { RULE_IDS } from '../../src/core/rules';
import { BriefWorkspace } from '../../src/core/workspace/workspace';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const RULES_DIR = path.join(FIXTURES, 'rules');
const WORKSPACES_DIR = path.join(FIXTURES, 'workspaces');
const ROOT_URI = 'file:///ws/';
const TODAY = '2026-03-01';

interface ExpectedRelated {
  file: string;
  line: number;
  character: number;
  messageIncludes?: string;
}

interface ExpectedDiagnostic {
  rule: string;
  line: number;
  character: number;
  endLine?: number;
  endCharacter?: number;
  severity: string;
  messageIncludes?: string;
  related?: ExpectedRelated[];
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The fixture's config: `config.json`, or a `briefs.config.json` the CLI reads too (today defaults to TODAY). */
function readConfig(dir: string): ConfigOverrides {
  const file = ['config.json', 'briefs.config.json'].map((name) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
  return { today: TODAY, ...(file ? readJson<ConfigOverrides>(file) : {}) };
}

function show(d: Diagnostic): string {
  const r = d.range;
  return `${d.rule} ${d.severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
}

function matches(actual: Diagnostic, expected: ExpectedDiagnostic, fileOf: (uri: string) => string): boolean {
  if (actual.rule !== expected.rule || actual.severity !== expected.severity) return false;
  if (actual.range.start.line !== expected.line || actual.range.start.character !== expected.character) return false;
  if (expected.endLine !== undefined && actual.range.end.line !== expected.endLine) return false;
  if (expected.endCharacter !== undefined && actual.range.end.character !== expected.endCharacter) return false;
  if (expected.messageIncludes !== undefined && !actual.message.includes(expected.messageIncludes)) return false;
  if (expected.related !== undefined) {
    const related = actual.related ?? [];
    if (related.length !== expected.related.length) return false;
    return expected.related.every((want, i) => fileOf(related[i].uri) === want.file
      && related[i].range.start.line === want.line && related[i].range.start.character === want.character
      && (want.messageIncludes === undefined || related[i].message.includes(want.messageIncludes)));
  }
  return true;
}

/** Exact comparison as multisets: same count, and each expected diagnostic matched by a distinct actual one. */
function assertDiagnostics(actual: Diagnostic[], expected: ExpectedDiagnostic[], label: string, fileOf: (uri: string) => string = (uri) => uri): void {
  const listing = () => `\nactual:\n${actual.map((d) => `  ${show(d)}`).join('\n') || '  (none)'}\nexpected:\n${expected.map((e) => `  ${JSON.stringify(e)}`).join('\n') || '  (none)'}`;
  assert.equal(actual.length, expected.length, `${label}: expected ${expected.length} diagnostics, got ${actual.length}${listing()}`);
  const used = new Set<number>();
  // Most specific expectations first, so a loose one cannot take the match a specific one needs.
  const order = expected.map((_, i) => i).sort((a, b) => specificity(expected[b]) - specificity(expected[a]));
  for (const i of order) {
    const found = actual.findIndex((d, j) => !used.has(j) && matches(d, expected[i], fileOf));
    assert.ok(found >= 0, `${label}: no diagnostic matches ${JSON.stringify(expected[i])}${listing()}`);
    used.add(found);
  }
}

function specificity(e: ExpectedDiagnostic): number {
  return (e.endLine !== undefined ? 1 : 0) + (e.messageIncludes !== undefined ? 2 : 0) + (e.related !== undefined ? 2 : 0);
}

function lintSingle(fileName: string, text: string, config: ConfigOverrides): Diagnostic[] {
  const workspace = new BriefWorkspace();
  const uri = `${ROOT_URI}programs/${fileName}`;
  const brief = workspace.setText(uri, text);
  return lintBrief(workspace, brief, { config: mergeConfig(config) });
}

function listMarkdown(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listMarkdown(full));
    else if (entry.name.endsWith('.md')) found.push(full);
  }
  return found.sort();
}

describe('rules: fixtures per rule', () => {
  const ruleDirs = fs.readdirSync(RULES_DIR).filter((name) => fs.statSync(path.join(RULES_DIR, name)).isDirectory()).sort();

  it('has a fixture folder with ok and not-ok files for every rule, and no stray folders', () => {
    assert.deepEqual(ruleDirs, [...RULE_IDS].sort());
    for (const rule of ruleDirs) {
      const files = fs.readdirSync(path.join(RULES_DIR, rule));
      assert.ok(files.some((f) => /^ok(\.brief)?\.md$/.test(f)), `${rule}: no ok.md`);
      assert.ok(files.some((f) => /^not-ok(\.brief)?\.md$/.test(f)), `${rule}: no not-ok.md`);
      for (const f of files.filter((name) => name.startsWith('not-ok') && name.endsWith('.md'))) {
        assert.ok(files.includes(f.replace(/(\.brief)?\.md$/, '.expected.json')), `${rule}: ${f} has no expected.json`);
      }
    }
  });

  for (const rule of ruleDirs) {
    describe(rule, () => {
      const dir = path.join(RULES_DIR, rule);
      const config = readConfig(dir);
      const files = fs.readdirSync(dir).sort();
      for (const file of files.filter((f) => /^ok.*\.md$/.test(f))) {
        it(`${file}: no ${rule} diagnostic`, () => {
          const diagnostics = lintSingle(file, fs.readFileSync(path.join(dir, file), 'utf8'), config);
          const own = diagnostics.filter((d) => d.rule === rule);
          assert.deepEqual(own.map(show), []);
        });
      }
      for (const file of files.filter((f) => /^not-ok.*\.md$/.test(f))) {
        it(`${file}: exactly the expected ${rule} diagnostics`, () => {
          const expected = readJson<ExpectedDiagnostic[]>(path.join(dir, file.replace(/(\.brief)?\.md$/, '.expected.json')));
          assert.ok(expected.length > 0, 'a not-ok fixture must expect at least one diagnostic');
          assert.ok(expected.every((e) => e.rule === rule), 'a not-ok fixture lists only diagnostics of its own rule');
          const diagnostics = lintSingle(file, fs.readFileSync(path.join(dir, file), 'utf8'), config);
          assertDiagnostics(diagnostics.filter((d) => d.rule === rule), expected, `${rule}/${file}`);
        });
      }
    });
  }
});

describe('rules: fixture workspaces', () => {
  for (const name of fs.readdirSync(WORKSPACES_DIR).sort()) {
    const dir = path.join(WORKSPACES_DIR, name);
    if (!fs.existsSync(path.join(dir, 'expected.json'))) continue;
    it(`${name}: exactly the expected diagnostics in every file`, () => {
      const workspace = new BriefWorkspace();
      for (const file of listMarkdown(dir)) {
        workspace.setText(ROOT_URI + path.relative(dir, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8'));
      }
      const expected = readJson<Record<string, ExpectedDiagnostic[]>>(path.join(dir, 'expected.json'));
      const result = lintWorkspace(workspace, { config: mergeConfig(readConfig(dir)) });
      const fileOf = (uri: string) => (uri.startsWith(ROOT_URI) ? uri.slice(ROOT_URI.length) : uri);
      assert.deepEqual([...result.keys()].map(fileOf).sort(), Object.keys(expected).sort(), 'the briefs of the workspace');
      for (const [file, diagnostics] of result) assertDiagnostics(diagnostics, expected[fileOf(file)], `${name}/${fileOf(file)}`, fileOf);
    });
  }

  it('a cycle flags both files, and each message spells the whole cycle', () => {
    const workspace = new BriefWorkspace();
    workspace.setText(`${ROOT_URI}a.md`, '---\nprogram: a\ntitle: A\nowner: "@x"\ndepends_on: [b]\n---\n');
    workspace.setText(`${ROOT_URI}b.md`, '---\nprogram: b\ntitle: B\nowner: "@x"\ndepends_on: [a]\n---\n');
    const result = lintWorkspace(workspace, { config: mergeConfig({ today: TODAY }) });
    const a = result.get(`${ROOT_URI}a.md`)!;
    const b = result.get(`${ROOT_URI}b.md`)!;
    assert.deepEqual(a.map((d) => d.rule), ['dependency-cycle']);
    assert.deepEqual(b.map((d) => d.rule), ['dependency-cycle']);
    assert.match(a[0].message, /`a` → `b` → `a`/);
    assert.match(b[0].message, /`b` → `a` → `b`/);
    assert.equal(a[0].related?.[0].uri, `${ROOT_URI}b.md`);
    assert.equal(b[0].related?.[0].uri, `${ROOT_URI}a.md`);
    // Breaking the cycle in one file clears both.
    workspace.setText(`${ROOT_URI}b.md`, '---\nprogram: b\ntitle: B\nowner: "@x"\n---\n');
    const after = lintWorkspace(workspace, { config: mergeConfig({ today: TODAY }) });
    assert.deepEqual([...after.values()].flat().map(show), []);
  });
});

/** A brief with every rule satisfied, to vary one thing at a time. */
function brief(frontmatter: string, body = '# Program\n'): string {
  return `---\n${frontmatter}---\n${body}`;
}

function rulesOf(text: string, config: ConfigOverrides = {}, fileName = 'p.md'): string[] {
  return lintSingle(fileName, text, { today: TODAY, ...config }).map((d) => d.rule);
}

describe('rules: each problem is reported once, by the most specific rule', () => {
  it('a missing program owner is owner-missing only, never also schema', () => {
    const diagnostics = lintSingle('p.md', brief('program: p\ntitle: P\n'), { today: TODAY });
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity, d.range.start.line, d.range.start.character]), [['owner-missing', 'error', 1, 0]]);
  });

  it('an empty or blank owner counts as missing (owner-missing, not schema)', () => {
    assert.deepEqual(rulesOf(brief('program: p\ntitle: P\nowner:\n')), ['owner-missing']);
    assert.deepEqual(rulesOf(brief('program: p\ntitle: P\nowner: ""\n')), ['owner-missing']);
    assert.deepEqual(rulesOf(brief('program: p\ntitle: P\nowner: "@x"\nmilestones:\n  - id: m\n    title: M\n    owner: ~\n')), ['owner-missing']);
  });

  it('a malformed owner handle is schema only, never also owner-missing or owner-unknown', () => {
    const text = brief('program: p\ntitle: P\nowner: maria\nmilestones:\n  - id: m\n    title: M\n    owner: "not a handle"\n');
    const diagnostics = lintSingle('p.md', text, { today: TODAY, people: ['@maria'] });
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.range.start.line, d.range.start.character]), [['schema', 3, 7], ['schema', 7, 11]]);
  });

  it('a bad date is schema only: no milestone-overdue, schedule-conflict or status reasoning about it', () => {
    const text = brief([
      'program: p', 'title: P', 'owner: "@x"', 'target: 2026-13-45',
      'milestones:',
      '  - id: a', '    title: A', '    owner: "@x"', '    due: 2026-02-30', '    status: in-progress',
      '  - id: b', '    title: B', '    owner: "@x"', '    due: 01.01.2020', '    depends_on: [a]',
      '  - id: c', '    title: C', '    owner: "@x"', '    due: 2030-01-01', '    depends_on: [a]',
      '',
    ].join('\n'));
    const diagnostics = lintSingle('p.md', text, { today: TODAY });
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.range.start.line, d.range.start.character]), [['schema', 4, 8], ['schema', 9, 9], ['schema', 14, 9]]);
    // One diagnostic per bad value: a value that is not YYYY-MM-DD at all is not also "not a real date".
    assert.match(diagnostics[2].message, /ISO date/);
  });

  it('a bad milestone status is schema only: no status-inconsistent or milestone-overdue reasoning about it', () => {
    const text = brief([
      'program: p', 'title: P', 'owner: "@x"', 'status: done',
      'milestones:',
      '  - id: m', '    title: M', '    owner: "@x"', '    status: finished', '    due: 2026-01-01',
      '  - id: n', '    title: N', '    owner: "@x"', '    status: done', '    depends_on: [m]',
      '',
    ].join('\n'));
    // Neither "the program is done but `m` is not", nor "`n` is done but `m` is not", nor "`m` is overdue":
    // we cannot tell what `m`'s status means, and schema already says so.
    const diagnostics = lintSingle('p.md', text, { today: TODAY });
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.range.start.line, d.range.start.character]), [['schema', 9, 12]]);
  });

  it('a bad risk mitigation or status is schema only, not also risk-unmitigated', () => {
    const risk = (extra: string) => brief(`program: p\ntitle: P\nowner: "@x"\nrisks:\n  - id: r\n    title: R\n    owner: "@x"\n    impact: high\n${extra}`);
    assert.deepEqual(rulesOf(risk('')), ['risk-unmitigated']);
    assert.deepEqual(rulesOf(risk('    mitigation: [a, b]\n')), ['schema']);
    assert.deepEqual(rulesOf(risk('    status: closd\n')), ['schema']);
    assert.deepEqual(rulesOf(risk('    likelihood: extreme\n')), ['risk-unmitigated', 'schema'], 'the valid high impact still counts');
  });

  it('a bad team id is schema only, not also team-undeclared', () => {
    assert.deepEqual(rulesOf(brief('program: p\ntitle: P\nowner: "@x"\nteams:\n  - id: core\n    owner: "@x"\nmilestones:\n  - id: m\n    title: M\n    owner: "@x"\n    team: Core Team\n')), ['schema']);
  });

  it('a malformed teams list silences team-undeclared (schema reports it)', () => {
    assert.deepEqual(rulesOf(brief('program: p\ntitle: P\nowner: "@x"\nteams: core\nmilestones:\n  - id: m\n    title: M\n    owner: "@x"\n    team: core\n')), ['schema']);
  });

  it('a bad depends_on reference is schema only, not also dependency-unknown', () => {
    assert.deepEqual(rulesOf(brief('program: p\ntitle: P\nowner: "@x"\ndepends_on: ["Not An Id"]\n')), ['schema']);
  });

  it('broken YAML is frontmatter-syntax only, whatever else is wrong', () => {
    const text = brief('program: p\nowner: nobody\nstatus: [done\nmilestones:\n  - id: m\n    due: 2020-01-01\n', '## Dependencies\n- [[ghost]]\n- [ ] no owner\n');
    const diagnostics = lintSingle('p.md', text, { today: TODAY, rules: { 'checklist-unowned': 'error' }, people: ['@y'] });
    assert.ok(diagnostics.length >= 1);
    assert.deepEqual([...new Set(diagnostics.map((d) => d.rule))], ['frontmatter-syntax']);
  });

  it('a *.brief.md without frontmatter is frontmatter-missing only', () => {
    const diagnostics = lintSingle('p.brief.md', '# Title\n\n## Dependencies\n- [[ghost]]\n- [ ] no owner\n', { today: TODAY, rules: { 'checklist-unowned': 'error' } });
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.range.start.line, d.range.start.character, d.range.end.character]), [['frontmatter-missing', 0, 0, 7]]);
  });

  it('a plain .md file without `program` is not a brief and gets nothing', () => {
    assert.deepEqual(rulesOf('# Notes\n\n- [ ] no owner\n\n## Dependencies\n- [[ghost]]\n', { rules: { 'checklist-unowned': 'error' } }), []);
    assert.deepEqual(rulesOf(brief('title: Not a brief\nowner: nobody\n')), []);
  });

  it('a missing program id is schema at the opening fence (and the rest is still checked)', () => {
    const diagnostics = lintSingle('p.brief.md', brief('title: P\nowner: "@x"\nmilestones:\n  - id: m\n    title: M\n'), { today: TODAY });
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity, d.range.start.line]), [['schema', 'error', 0], ['owner-missing', 'warning', 4]]);
    assert.match(diagnostics[0].message, /`program`/);
  });
});

describe('rules: severities', () => {
  const noOwners = brief('program: p\ntitle: P\nmilestones:\n  - id: m\n    title: M\n  - id: n\n    title: N\n    owner: "@x"\n');

  it('owner-missing is an error for the program and a warning for its items', () => {
    const diagnostics = lintSingle('p.md', noOwners, { today: TODAY });
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity, d.range.start.line]), [['owner-missing', 'error', 1], ['owner-missing', 'warning', 4]]);
  });

  it('a configured severity applies to every report of the rule', () => {
    const diagnostics = lintSingle('p.md', noOwners, { today: TODAY, rules: { 'owner-missing': 'info' } });
    assert.deepEqual(diagnostics.map((d) => d.severity), ['info', 'info']);
    const asErrors = lintSingle('p.md', noOwners, { today: TODAY, rules: { 'owner-missing': 'error' } });
    assert.deepEqual(asErrors.map((d) => d.severity), ['error', 'error']);
  });

  it('`off` turns a rule off, leaving the others alone', () => {
    const text = brief('program: p\ntitle: P\nowner: "@x"\nmilestones:\n  - id: m\n    title: M\n    owner: "@x"\n    due: 2026-01-01\n    team: ghosts\n');
    assert.deepEqual(rulesOf(text), ['milestone-overdue', 'team-undeclared']);
    assert.deepEqual(rulesOf(text, { rules: { 'milestone-overdue': 'off' } }), ['team-undeclared']);
    assert.deepEqual(rulesOf(text, { rules: { 'milestone-overdue': 'off', 'team-undeclared': 'off' } }), []);
  });

  it('`info` overrides a rule\'s default severity', () => {
    const text = brief('program: p\ntitle: P\nowner: "@x"\ndepends_on: [ghost]\n');
    const diagnostics = lintSingle('p.md', text, { today: TODAY, rules: { 'dependency-unknown': 'info' } });
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity]), [['dependency-unknown', 'info']]);
  });

  it('checklist-unowned is off by default and on when configured', () => {
    const text = brief('program: p\ntitle: P\nowner: "@x"\n', '- [ ] nobody\n');
    assert.deepEqual(rulesOf(text), []);
    assert.deepEqual(lintSingle('p.md', text, { today: TODAY, rules: { 'checklist-unowned': 'info' } }).map((d) => [d.rule, d.severity]), [['checklist-unowned', 'info']]);
  });

  it('owner-unknown is quiet without a people list, and compares handles case-insensitively', () => {
    const text = brief('program: p\ntitle: P\nowner: "@Maria"\n');
    assert.deepEqual(rulesOf(text), []);
    assert.deepEqual(rulesOf(text, { people: ['@maria'] }), []);
    assert.deepEqual(rulesOf(text, { people: ['@li'] }), ['owner-unknown']);
  });

  it('frontmatter-syntax can be downgraded but still suppresses every other rule', () => {
    const diagnostics = lintSingle('p.md', brief('program: p\ntitle: [P\n'), { today: TODAY, rules: { 'frontmatter-syntax': 'warning' } });
    assert.deepEqual([...new Set(diagnostics.map((d) => `${d.rule}/${d.severity}`))], ['frontmatter-syntax/warning']);
  });

  it('milestone-overdue uses the configured today', () => {
    const text = brief('program: p\ntitle: P\nowner: "@x"\nmilestones:\n  - id: m\n    title: M\n    owner: "@x"\n    due: 2026-06-01\n');
    assert.deepEqual(rulesOf(text, { today: '2026-06-01' }), []);
    assert.deepEqual(rulesOf(text, { today: '2026-06-02' }), ['milestone-overdue']);
  });
});
