/**
 * The spec's example brief (copied verbatim into test/fixtures/workspaces/spec-example) parses
 * into the expected model; plus the smaller parsing rules of spec §1 (references, checklist items,
 * the Dependencies section).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Brief } from '../../src/core/model/model';
import { declaredPrograms } from '../../src/core/model/model';
import { parseBrief } from '../../src/core/parse/parseBrief';
import type { Range } from '../../src/core/model/range';
import { BriefWorkspace } from '../../src/core/workspace/workspace';

const EXAMPLE_DIR = path.join(__dirname, '..', 'fixtures', 'workspaces', 'spec-example', 'programs');
const read = (name: string) => fs.readFileSync(path.join(EXAMPLE_DIR, name), 'utf8');
const URI = 'file:///ws/programs/payments-v2.md';

/** `line:char-line:char`, to compare ranges compactly. */
function at(range: Range | undefined): string | undefined {
  return range && `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

describe('parse: the spec example brief', () => {
  const text = read('payments-v2.md');
  const lines = text.split('\n');
  let brief: Brief;
  before(() => {
    brief = parseBrief(URI, text);
  });

  it('is the example of the spec, verbatim (when the spec is at hand)', function () {
    // The contract lives beside the repository (../shared), on developers' machines and in CI.
    const specFile = path.join(__dirname, '..', '..', '..', 'shared', 'spec', 'brief-format.md');
    if (!fs.existsSync(specFile)) this.skip();
    const spec = fs.readFileSync(specFile, 'utf8');
    assert.ok(spec.includes(`\`\`\`markdown\n${text}\`\`\``), 'the fixture differs from the example in the spec');
  });

  it('is a valid brief with no syntax or schema problems', () => {
    assert.equal(brief.isBrief, true);
    assert.deepEqual(brief.syntaxErrors, []);
    assert.deepEqual(brief.schemaProblems, []);
    assert.equal(brief.frontmatterEmpty, false);
    assert.equal(at(brief.frontmatterRange), '0:0-45:3');
  });

  it('reads the program fields, with the place of each value (comments excluded)', () => {
    assert.equal(brief.program?.value, 'payments-v2');
    assert.equal(at(brief.program?.range), '1:9-1:20');
    assert.equal(at(brief.programKeyRange), '1:0-1:7');
    assert.equal(brief.title?.value, 'Payments platform v2');
    assert.equal(brief.owner?.value, '@maria');
    assert.equal(at(brief.owner?.range), '3:7-3:15', 'the owner value, quotes included');
    assert.equal(brief.status?.value, 'on-track');
    assert.equal(brief.summary, 'Move card payments to the new ledger.');
    assert.equal(brief.start?.value, '2026-01-05');
    assert.equal(brief.target?.value, '2026-06-30');
    assert.equal(at(brief.target?.range), '7:8-7:18');
    assert.equal(lines[7].slice(8, 18), '2026-06-30');
  });

  it('reads teams and stakeholders', () => {
    assert.deepEqual(brief.teams.map((t) => [t.id?.value, t.owner?.value, t.role]), [['payments', '@li', 'lead']]);
    assert.equal(brief.teams[0].itemRange.start.line, 9);
    assert.equal(brief.teams[0].itemRange.start.character, 2, 'an item starts at its `-`');
    assert.deepEqual(brief.stakeholders.map((s) => [s.who?.value, s.role]), [['@cfo-office', 'approver']]);
  });

  it('reads top-level depends_on: a string and an object with ref and reason', () => {
    assert.deepEqual(brief.dependsOn.map((d) => ({ written: d.written, program: d.program, milestone: d.milestone, reason: d.reason, at: at(d.range) })), [
      { written: 'identity-sso', program: 'identity-sso', milestone: undefined, reason: undefined, at: '16:4-16:16' },
      { written: 'billing-core#ledger-api', program: 'billing-core', milestone: 'ledger-api', reason: 'needs the ledger write API', at: '17:9-17:32' },
    ]);
  });

  it('reads milestones, resolving a bare id to this brief\'s milestone and `program#milestone` to the other program', () => {
    assert.deepEqual(brief.milestones.map((m) => [m.id?.value, m.title?.value, m.owner?.value, m.team?.value, m.due?.value, m.status?.value]), [
      ['design-approved', 'Design approved', '@maria', 'payments', '2026-02-01', 'done'],
      ['cutover', 'Production cutover', '@li', undefined, '2026-05-15', undefined],
    ]);
    assert.deepEqual(brief.milestones[0].dependsOn, []);
    const cutover = brief.milestones[1];
    assert.deepEqual(cutover.dependsOn.map((d) => ({ written: d.written, program: d.program, milestone: d.milestone, at: at(d.range) })), [
      { written: 'design-approved', program: 'payments-v2', milestone: 'design-approved', at: '30:17-30:32' },
      { written: 'identity-sso#tokens-ga', program: 'identity-sso', milestone: 'tokens-ga', at: '30:34-30:56' },
    ]);
    assert.equal(lines[30].slice(17, 32), 'design-approved');
    assert.equal(lines[30].slice(34, 56), 'identity-sso#tokens-ga');
    assert.deepEqual([...declaredPrograms(brief)].sort(), ['billing-core', 'identity-sso', 'payments-v2']);
  });

  it('reads risks and decisions', () => {
    const [risk] = brief.risks;
    assert.deepEqual([risk.id?.value, risk.title?.value, risk.owner?.value, risk.likelihood?.value, risk.impact?.value, risk.status?.value],
      ['vendor-delay', 'Card vendor API ships late', '@li', 'high', 'high', 'open']);
    assert.equal(risk.mitigation?.value, 'Build against the vendor sandbox; keep the old path warm.');
    const [decision] = brief.decisions;
    assert.deepEqual([decision.id?.value, decision.title?.value, decision.owner?.value, decision.status?.value, decision.date?.value],
      ['event-sourcing', 'Event-source the ledger', '@maria', 'decided', '2026-01-20']);
  });

  it('reads headings and the wikilinks of the Dependencies section', () => {
    assert.deepEqual(brief.headings.map((h) => [h.depth, h.text, h.line]), [[1, 'Payments platform v2', 46], [2, 'Scope', 48], [2, 'Dependencies', 51], [2, 'Checklist', 55]]);
    assert.deepEqual(brief.bodyReferences.map((r) => ({ kind: r.kind, program: r.program, milestone: r.milestone, inDeps: r.inDependenciesSection, at: at(r.range) })), [
      { kind: 'wikilink', program: 'identity-sso', milestone: undefined, inDeps: true, at: '52:10-52:22' },
      { kind: 'wikilink', program: 'billing-core', milestone: 'ledger-api', inDeps: true, at: '53:10-53:33' },
    ]);
    assert.equal(lines[53].slice(10, 33), 'billing-core#ledger-api');
  });

  it('reads checklist items with owner, due date and heading', () => {
    assert.deepEqual(brief.checklist.map((c) => ({
      text: c.text, checked: c.state === 'done', line: c.line, owner: c.owner?.value, ownerAt: at(c.owner?.range), due: c.due?.value, dueAt: at(c.due?.range), heading: c.heading?.text, depth: c.depth,
    })), [
      { text: 'Kick-off held @maria', checked: true, line: 56, owner: '@maria', ownerAt: '56:20-56:26', due: undefined, dueAt: undefined, heading: 'Checklist', depth: 0 },
      { text: 'Load test plan @li due:2026-03-01', checked: false, line: 57, owner: '@li', ownerAt: '57:21-57:24', due: '2026-03-01', dueAt: '57:29-57:39', heading: 'Checklist', depth: 0 },
    ]);
    assert.equal(at(brief.checklist[0].checkboxRange), '56:3-56:4');
  });

  it('resolves across the workspace: the same brief\'s milestone and the other program\'s milestone', () => {
    const workspace = new BriefWorkspace();
    for (const name of fs.readdirSync(EXAMPLE_DIR)) workspace.setText(`file:///ws/programs/${name}`, read(name));
    const self = workspace.program('payments-v2');
    assert.equal(self?.uri, URI);
    const [designApproved, tokensGa] = self!.milestones[1].dependsOn;
    assert.equal(workspace.milestone(designApproved.program, designApproved.milestone!)?.brief.uri, URI);
    const tokens = workspace.milestone(tokensGa.program, tokensGa.milestone!);
    assert.equal(tokens?.brief.uri, 'file:///ws/programs/identity-sso.md');
    assert.equal(tokens?.milestone.due?.value, '2026-04-01');
    const edges = workspace.graph().edges.map((e) => `${e.from} -> ${e.to}${e.dangling ? ' (dangling)' : ''}`).sort();
    assert.deepEqual(edges, [
      'payments-v2 -> billing-core#ledger-api',
      'payments-v2 -> identity-sso',
      'payments-v2#cutover -> identity-sso#tokens-ga',
      'payments-v2#cutover -> payments-v2#design-approved',
    ]);
  });
});

describe('parse: references, sections and checklist details', () => {
  const fm = (extra = '') => `---\nprogram: p\ntitle: P\nowner: "@x"\n${extra}---\n`;

  it('a bare id in a milestone\'s depends_on is a program when no milestone of the brief has that id', () => {
    const brief = parseBrief('file:///p.md', fm('milestones:\n  - id: a\n    title: A\n    depends_on: [other, a, other#a]\n'));
    assert.deepEqual(brief.milestones[0].dependsOn.map((d) => [d.program, d.milestone]), [['other', undefined], ['p', 'a'], ['other', 'a']]);
  });

  it('a milestone id declared later in the list still resolves bare references', () => {
    const brief = parseBrief('file:///p.md', fm('milestones:\n  - id: a\n    title: A\n    depends_on: [b]\n  - id: b\n    title: B\n'));
    assert.deepEqual(brief.milestones[0].dependsOn.map((d) => [d.program, d.milestone]), [['p', 'b']]);
  });

  it('reads every wikilink form, ignoring code, and knows which are in the Dependencies section', () => {
    const body = [
      '# P', // 0 + 6
      '[[intro]] before the section',
      '## Depends On:',
      '- [[alpha]], [[beta#m1]], [[gamma|Gamma]], [[delta#m2|shown]]',
      '- `[[in-code]]` and [[Not An Id]]',
      '### Sub',
      '- [[epsilon]]',
      '## Upstream',
      '- [[zeta]]',
      '# Blocked by',
      '[[eta]]',
      '# Later',
      '[[theta]]',
      '```',
      '[[fenced]]',
      '```',
    ].join('\n');
    const brief = parseBrief('file:///p.md', fm() + body);
    const refs = brief.bodyReferences.filter((r) => r.kind === 'wikilink').map((r) => `${r.program}${r.milestone ? `#${r.milestone}` : ''}${r.inDependenciesSection ? ' (deps)' : ''}`);
    assert.deepEqual(refs, ['intro', 'alpha (deps)', 'beta#m1 (deps)', 'gamma (deps)', 'delta#m2 (deps)', 'epsilon (deps)', 'zeta (deps)', 'eta (deps)', 'theta']);
    const gamma = brief.bodyReferences.find((r) => r.program === 'gamma')!;
    assert.equal(at(gamma.range), '8:28-8:33', 'a wikilink range covers the reference, not the shown text');
  });

  it('reads Markdown links to .md files as references, and nothing else', () => {
    const brief = parseBrief('file:///ws/p.md', `${fm()}## Dependencies\n- [a](a.md) [b](../b.md#m) [c](https://x.org/c.md) [d](#local) [e](e.txt)\n`);
    assert.deepEqual(brief.bodyReferences.map((r) => [r.kind, r.target, r.inDependenciesSection]), [['link', 'a.md', true], ['link', '../b.md#m', true]]);
  });

  it('reads checklist items: markers, nesting, X, 📅 dates, owners and headings', () => {
    const body = [
      'Intro task before any heading:', // line 5
      '- [ ] first @a',
      '# One',
      '* [X] big X @org/team',
      '  - [ ] nested 📅 2026-04-01 (@b)',
      '    1. [x] deeper due:2026-02-30 owner:@c',
      '## Two',
      '+ [ ] mail a@b.com, no owner',
      '- not a task [ ]',
    ].join('\n');
    const brief = parseBrief('file:///p.md', fm() + body);
    assert.deepEqual(brief.checklist.map((c) => [c.line, c.state === 'done', c.text, c.owner?.value, c.due?.value, c.heading?.text, c.depth]), [
      [6, false, 'first @a', '@a', undefined, undefined, 0],
      [8, true, 'big X @org/team', '@org/team', undefined, 'One', 0],
      [9, false, 'nested 📅 2026-04-01 (@b)', '@b', '2026-04-01', 'One', 1],
      [10, true, 'deeper due:2026-02-30 owner:@c', undefined, undefined, 'One', 2],
      [12, false, 'mail a@b.com, no owner', undefined, undefined, 'Two', 0],
    ]);
    const nested = brief.checklist[2];
    assert.equal(at(nested.range), '9:2-9:33');
    assert.equal(at(nested.due?.range), '9:18-9:28', 'characters count UTF-16 code units: 📅 is two');
  });

  it('a file without `program` is not a brief, unless it is named *.brief.md', () => {
    const text = '---\ntitle: Notes\n---\n# Notes\n- [ ] task @x\n';
    assert.equal(parseBrief('file:///notes.md', text).isBrief, false);
    assert.equal(parseBrief('file:///notes.md', text).checklist.length, 0);
    assert.equal(parseBrief('file:///notes.brief.md', text).isBrief, true);
    assert.equal(parseBrief('file:///NOTES.BRIEF.MD', text).isBrief, true);
  });
});
