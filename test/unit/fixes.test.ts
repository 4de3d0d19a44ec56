/**
 * Quick-fix edits (src/core/fixes): each fix is applied to a brief's text, the result is
 * re-linted, and the diagnostic it targets must be gone while the text stays valid YAML.
 */
import assert from 'node:assert/strict';
import { BriefWorkspace, lintBrief, mergeConfig, type Diagnostic } from '../../src/core';
import {
  addDependencyFix, addMilestoneFix, addTeamFix, applyEdits, applyFix, briefText, guardsHold, humanize, knownHandles,
  replaceValueFix, setOwnerFix, type Fix,
} from '../../src/core/fixes';
import { parseBrief } from '../../src/core/parse/parseBrief';
import { ID_PATTERN } from '../../src/core/model/schema';
import { parse as parseYaml } from 'yaml';
import { prng } from '../support/prng';

const config = mergeConfig({ today: '2026-03-01' });

function lint(text: string, others: Record<string, string> = {}): Diagnostic[] {
  const workspace = new BriefWorkspace();
  for (const [uri, other] of Object.entries(others)) workspace.setText(uri, other);
  const brief = workspace.setText('file:///w/brief.md', text);
  return lintBrief(workspace, brief, { config });
}

function rules(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => d.rule);
}

function apply(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'expected a fix');
  const result = applyFix(text, fix);
  assert.ok(result !== undefined, 'the fix guards should hold on the text it was computed from');
  return result;
}

const brief = (yaml: string, body = '# Brief\n') => `---\n${yaml.trim()}\n---\n${body}`;

describe('fixes: owner-missing', () => {
  it('adds the program owner after the title', () => {
    const text = brief('program: pay\ntitle: Pay\nstatus: on-track');
    assert.deepEqual(rules(lint(text)), ['owner-missing']);
    const fixed = apply(text, setOwnerFix(text, ['owner'], '@maria'));
    assert.equal(fixed, brief('program: pay\ntitle: Pay\nowner: "@maria"\nstatus: on-track'));
    assert.deepEqual(lint(fixed), []);
  });

  it('adds an owner to a block list item, at the item\'s indentation', () => {
    const text = brief(`program: pay
title: Pay
owner: "@maria"
milestones:
  - id: design
    title: Design
    due: 2026-05-01
  - id: cutover
    title: Cutover
    owner: "@li"
    due: 2026-06-01`);
    const [diagnostic] = lint(text);
    assert.equal(diagnostic.rule, 'owner-missing');
    const fixed = apply(text, setOwnerFix(text, diagnostic.data!.path as (string | number)[], '@li'));
    assert.match(fixed, /  - id: design\n    title: Design\n    owner: "@li"\n    due: 2026-05-01\n/);
    assert.deepEqual(lint(fixed), []);
  });

  it('fills an empty owner, and works in flow mappings and dash-aligned lists', () => {
    const empty = brief('program: pay\ntitle: Pay\nowner:\nrisks:\n- id: r1\n  title: R1\n  owner: ""');
    const diagnostics = lint(empty);
    assert.deepEqual(rules(diagnostics), ['owner-missing', 'owner-missing']);
    let fixed = empty;
    for (const path of [['owner'], ['risks', 0, 'owner']]) fixed = apply(fixed, setOwnerFix(fixed, path, '@ana'));
    assert.equal(fixed, brief('program: pay\ntitle: Pay\nowner: "@ana"\nrisks:\n- id: r1\n  title: R1\n  owner: "@ana"'));
    assert.deepEqual(lint(fixed), []);

    const flow = brief('program: pay\ntitle: Pay\nowner: "@a"\ndecisions:\n  - { id: d1, title: D1 }');
    const flowFixed = apply(flow, setOwnerFix(flow, ['decisions', 0, 'owner'], '@org/team'));
    assert.match(flowFixed, /- \{ id: d1, title: D1, owner: "@org\/team" \}/);
    assert.deepEqual(lint(flowFixed), []);
  });

  it('keeps CRLF line endings', () => {
    const text = brief('program: pay\ntitle: Pay').replace(/\n/g, '\r\n');
    const fixed = apply(text, setOwnerFix(text, ['owner'], '@maria'));
    assert.equal(fixed, text.replace('title: Pay\r\n', 'title: Pay\r\nowner: "@maria"\r\n'));
  });

  it('offers nothing when the owner is already set or the YAML is broken', () => {
    assert.equal(setOwnerFix(brief('program: pay\ntitle: Pay\nowner: "@x"'), ['owner'], '@y'), undefined);
    assert.equal(setOwnerFix(brief('program: pay\ntitle: [Pay'), ['owner'], '@y'), undefined);
    assert.equal(setOwnerFix('# no frontmatter\n', ['owner'], '@y'), undefined);
  });
});

describe('fixes: dependency-undeclared', () => {
  const others = { 'file:///w/idp.md': brief('program: idp\ntitle: IdP\nowner: "@a"'), 'file:///w/ledger.md': brief('program: ledger\ntitle: L\nowner: "@a"\nmilestones:\n  - id: api\n    title: API\n    owner: "@a"') };
  const body = '# Pay\n\n## Dependencies\n\n- [[idp]] and [[ledger#api]]\n';

  it('creates depends_on before milestones when it is missing', () => {
    const text = brief('program: pay\ntitle: Pay\nowner: "@m"\nmilestones:\n  - id: m1\n    title: M1\n    owner: "@m"', body);
    assert.deepEqual(rules(lint(text, others)), ['dependency-undeclared', 'dependency-undeclared']);
    let fixed = apply(text, addDependencyFix(text, 'idp'));
    assert.match(fixed, /owner: "@m"\ndepends_on:\n  - idp\nmilestones:/);
    fixed = apply(fixed, addDependencyFix(fixed, 'ledger'));
    assert.match(fixed, /depends_on:\n  - idp\n  - ledger\nmilestones:/);
    assert.deepEqual(lint(fixed, others), []);
  });

  it('appends to block, flow, empty and empty-flow lists', () => {
    const cases: [string, RegExp][] = [
      ['depends_on:\n- idp', /depends_on:\n- idp\n- ledger\n---/],
      ['depends_on: [idp]', /depends_on: \[idp, ledger\]/],
      ['depends_on: []\nrisks: []', /depends_on: \[ledger\]\nrisks: \[\]/],
      ['depends_on:\nrisks: []', /depends_on:\n  - ledger\nrisks: \[\]/],
      ['depends_on:\n  - ref: idp\n    reason: tokens', /depends_on:\n  - ref: idp\n    reason: tokens\n  - ledger\n---/],
    ];
    for (const [yaml, expected] of cases) {
      const text = brief(`program: pay\ntitle: Pay\nowner: "@m"\n${yaml}`, body);
      const fixed = apply(text, addDependencyFix(text, 'ledger'));
      assert.match(fixed, expected, yaml);
      assert.ok(!rules(lint(fixed, others)).includes('schema'), `still valid: ${yaml}`);
      assert.ok(!lint(fixed, others).some((d) => d.rule === 'dependency-undeclared' && d.message.includes('`ledger`')), yaml);
    }
  });

  it('offers nothing for a depends_on that is not a list', () => {
    const text = brief('program: pay\ntitle: Pay\nowner: "@m"\ndepends_on: idp');
    assert.equal(addDependencyFix(text, 'ledger'), undefined);
  });
});

describe('fixes: team-undeclared', () => {
  const milestones = 'milestones:\n  - id: m1\n    title: M1\n    owner: "@m"\n    team: mobile';

  it('adds the team to an existing list', () => {
    const text = brief(`program: pay\ntitle: Pay\nowner: "@m"\nteams:\n  - id: web\n    owner: "@w"\n${milestones}`);
    assert.deepEqual(rules(lint(text)), ['team-undeclared']);
    const fixed = apply(text, addTeamFix(text, 'mobile', '@m'));
    assert.match(fixed, /teams:\n  - id: web\n    owner: "@w"\n  - id: mobile\n    owner: "@m"\nmilestones:/);
    assert.deepEqual(lint(fixed), []);
  });

  it('creates teams when missing; an unknown owner stays visible as owner-missing', () => {
    const text = brief(`program: pay\ntitle: Pay\nowner: "@m"\n${milestones}`);
    const fixed = apply(text, addTeamFix(text, 'mobile'));
    assert.match(fixed, /owner: "@m"\nteams:\n  - id: mobile\n    owner: ""\nmilestones:/);
    assert.deepEqual(rules(lint(fixed)), ['owner-missing']);
  });

  it('appends to a flow list', () => {
    const text = brief(`program: pay\ntitle: Pay\nowner: "@m"\nteams: [{ id: web, owner: "@w" }]\n${milestones}`);
    const fixed = apply(text, addTeamFix(text, 'mobile', '@m'));
    assert.match(fixed, /teams: \[\{ id: web, owner: "@w" \}, \{ id: mobile, owner: "@m" \}\]/);
    assert.deepEqual(lint(fixed), []);
  });
});

describe('fixes: schema enum values', () => {
  it('replaces a bad enum value with each allowed value', () => {
    const text = brief('program: pay\ntitle: Pay\nowner: "@m"\nstatus: "on-trak"');
    const [diagnostic] = lint(text);
    assert.equal(diagnostic.rule, 'schema');
    const allowed = diagnostic.data!.allowedValues as string[];
    assert.ok(allowed.includes('on-track') && allowed.length === 8);
    for (const value of allowed) {
      const fixed = apply(text, replaceValueFix(text, diagnostic.range, value));
      assert.match(fixed, new RegExp(`\nstatus: ${value}\n`));
      assert.deepEqual(lint(fixed), []);
    }
  });
});

describe('fixes: guards', () => {
  it('refuses to apply when the guarded text changed', () => {
    const text = brief('program: pay\ntitle: Pay\nowner: "@m"\nstatus: on-trak');
    const [diagnostic] = lint(text);
    const fix = replaceValueFix(text, diagnostic.range, 'done')!;
    const edited = text.replace('on-trak', 'at-risk');
    assert.equal(guardsHold(edited, fix.guards), false);
    assert.equal(applyFix(edited, fix), undefined);

    const insert = setOwnerFix(brief('program: pay\ntitle: Pay'), ['owner'], '@m')!;
    assert.equal(applyFix(brief('program: pay\ntitle: Payments'), insert), undefined);
    assert.equal(applyFix(brief('program: pay\ntitle: Pay\n'), insert) !== undefined, true);
  });

  it('applyEdits applies several edits from the end', () => {
    const text = 'abc\ndef\n';
    const edits = [
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, newText: 'B' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '>' },
    ];
    assert.equal(applyEdits(text, edits), 'aBc\n>def\n');
  });
});

describe('fixes: brief template', () => {
  it('writes a brief with every section that lints clean once it has an owner', () => {
    const text = briefText({ program: 'ledger-v3', title: 'Ledger: v3 "rewrite"', owner: '@maria' });
    for (const section of ['Scope', 'Milestones', 'Dependencies', 'Risks', 'Stakeholders', 'Decisions', 'Checklist']) {
      assert.match(text, new RegExp(`^## ${section}$`, 'm'));
    }
    assert.match(text, /^program: ledger-v3$/m);
    assert.deepEqual(lint(text), []);
  });

  it('a stub without an owner asks for one, and declares the requested milestone', () => {
    const text = briefText({ program: 'ghost', title: 'Ghost', milestones: ['api-ga'], summary: 'Stub created for pay' });
    assert.deepEqual(rules(lint(text)), ['owner-missing', 'owner-missing']);
    const workspace = new BriefWorkspace();
    workspace.setText('file:///w/ghost.md', text);
    assert.ok(workspace.defines('ghost', 'api-ga'));
  });
});

describe('fixes: known handles', () => {
  it('lists the handles of the workspace, most used first, plus configured people', () => {
    const workspace = new BriefWorkspace();
    workspace.setText('file:///w/a.md', brief('program: a\ntitle: A\nowner: "@li"\nstakeholders:\n  - who: "@cfo"\nmilestones:\n  - id: m\n    title: M\n    owner: "@li"', '- [ ] task @zoe\n'));
    workspace.setText('file:///w/b.md', brief('program: b\ntitle: B\nowner: "@ana"'));
    assert.deepEqual(knownHandles(workspace, mergeConfig({ people: ['@ana', '@pat'] })), ['@li', '@ana', '@cfo', '@zoe', '@pat']);
  });
});

describe('fixes: dependency-unknown on a milestone', () => {
  it('declares the missing milestone in the program that exists', () => {
    const ledger = brief('program: ledger\ntitle: L\nowner: "@a"\nmilestones:\n  - id: api\n    title: API\n    owner: "@a"\nrisks: []');
    const pay = brief('program: pay\ntitle: Pay\nowner: "@m"\ndepends_on:\n  - ledger#export');
    assert.deepEqual(rules(lint(pay, { 'file:///w/ledger.md': ledger })), ['dependency-unknown']);
    const fixed = apply(ledger, addMilestoneFix(ledger, 'export'));
    assert.match(fixed, /    owner: "@a"\n  - id: export\n    title: "Export"\nrisks: \[\]/);
    assert.deepEqual(lint(pay, { 'file:///w/ledger.md': fixed }), []);
  });
});

describe('fixes: ids that YAML would read as something else', () => {
  // Each of these, written plain, reads back as a number, a boolean, null, a list, a map or a comment.
  const TRICKY = ['2026', '0x1f', '1e3', '0o17', '.inf', '.NaN', 'true', 'False', 'null', '~', 'yes', 'on', '- x', 'a: b', '#x', 'x #y', '[x]', '{x}', 'a, b', '*a', '&a', '!t', '%x', '@x', '`x`', '"q"', "it's", ' lead', 'trail ', '', 'tab\there', 'line\nbreak', '\u2028', 'é-ß', '-', '?', ':x'];
  const base = brief('program: pay\ntitle: Pay\nowner: "@m"\nteams:\n  - id: core\n    owner: "@m"\ndepends_on:\n  - ledger\nmilestones:\n  - id: api\n    title: API\n    owner: "@m"\nrisks: []');
  const flow = brief('program: pay\ntitle: Pay\nowner: "@m"\nteams: [{ id: core, owner: "@m" }]\ndepends_on: [ledger]\nmilestones: [{ id: api, title: API, owner: "@m" }]\nrisks: []');

  const texts = new WeakMap<object, string>();
  function readBack(text: string) {
    const parsed = parseBrief('file:///w/pay.md', text);
    assert.deepEqual(parsed.syntaxErrors, [], text);
    texts.set(parsed, text);
    return parsed;
  }
  /** The frontmatter as plain data: what was written, even where the schema then rejects it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function raw(parsed: object): any {
    const text = texts.get(parsed)!;
    return parseYaml(text.slice(4, text.indexOf('\n---\n', 3)));
  }

  /** A value the schema rejects for its content is fine; one it reads as another type is the bug. */
  function noTypeProblem(problems: { message: string }[], what: string) {
    const typed = problems.filter((p) => /` is (number|boolean|a list|an object|null)\b/.test(p.message));
    assert.deepEqual(typed, [], what);
  }

  function checkId(id: string) {
    const valid = ID_PATTERN.test(id);
    for (const start of [base, flow]) {
      const deps = readBack(apply(start, addDependencyFix(start, id)));
      assert.deepEqual(raw(deps).depends_on, ['ledger', id]);
      if (valid) assert.deepEqual(deps.dependsOn.map((d) => d.program), ['ledger', id]);
      noTypeProblem(deps.schemaProblems, `depends_on ${JSON.stringify(id)}`);
      if (valid) assert.deepEqual(deps.schemaProblems, [], `depends_on ${JSON.stringify(id)}`);
      const teams = readBack(apply(start, addTeamFix(start, id, '@li')));
      assert.deepEqual(raw(teams).teams, [{ id: 'core', owner: '@m' }, { id, owner: '@li' }]);
      if (valid) assert.deepEqual(teams.teams.map((t) => [t.id?.value, t.owner?.value]), [['core', '@m'], [id, '@li']]);
      noTypeProblem(teams.schemaProblems, `teams ${JSON.stringify(id)}`);
      if (valid) assert.deepEqual(teams.schemaProblems, [], `teams ${JSON.stringify(id)}`);
      const milestones = readBack(apply(start, addMilestoneFix(start, id)));
      assert.deepEqual(raw(milestones).milestones, [{ id: 'api', title: 'API', owner: '@m' }, { id, title: humanize(id) }]);
      if (valid) assert.deepEqual(milestones.milestones.map((m) => m.id?.value), ['api', id]);
      noTypeProblem(milestones.schemaProblems, `milestones ${JSON.stringify(id)}`);
      if (valid) assert.deepEqual(milestones.schemaProblems, [], `milestones ${JSON.stringify(id)}`);
    }
    const stub = readBack(briefText({ program: id, title: `T ${id}`, milestones: [id], summary: `S ${id}`, owner: '@m' }));
    const stubRaw = raw(stub);
    assert.deepEqual([stubRaw.program, stubRaw.title, stubRaw.summary, stubRaw.milestones[0].id], [id, `T ${id}`, `S ${id}`, id]);
    if (valid) assert.deepEqual([stub.program?.value, stub.title?.value, stub.summary, stub.milestones.map((m) => m.id?.value)], [id, `T ${id}`, `S ${id}`, [id]]);
    noTypeProblem(stub.schemaProblems, `template ${JSON.stringify(id)}`);
    if (valid) assert.deepEqual(stub.schemaProblems, [], `template ${JSON.stringify(id)}`);
  }

  for (const id of TRICKY) it(`writes ${JSON.stringify(id)} so it reads back as that string`, () => checkId(id));

  it('numeric-looking ids give no schema error once the fix lands (the lint view)', () => {
    for (const id of ['2026', '0x1f', '1e3', 'true', 'null']) {
      const fixed = apply(base, addDependencyFix(base, id));
      assert.ok(!rules(lint(fixed)).includes('schema'), `${id}: ${JSON.stringify(lint(fixed))}`);
      const stub = briefText({ program: id, title: 'T', owner: '@m', milestones: [id] });
      assert.ok(!rules(lint(stub)).includes('schema'), `${id}: ${JSON.stringify(lint(stub))}`);
    }
  });

  it('seeded property: random strings round-trip through every fix and the template', () => {
    const random = prng(20261001);
    const alphabet = ['a', 'z', '0', '1', '9', 'e', 'x', 'o', '.', '-', '_', ' ', ':', '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '?', '~', '\\', '\t', '\n', '\u00e9', '\u2028', '\ufeff', '\u0007', '+', 'T', 'N', 'Y'];
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(random() * 8);
      let id = '';
      for (let i = 0; i < length; i++) id += alphabet[Math.floor(random() * alphabet.length)];
      try {
        checkId(id);
      } catch (error) {
        throw new Error(`round ${round}, id ${JSON.stringify(id)}: ${(error as Error).message}`);
      }
    }
  });
});
