/**
 * `brief lint --format sarif` as GitHub code scanning takes it (issue 10, item 4): checked with the
 * SARIF 2.1.0 schema and the SARIF multitool's GitHub rules, rule descriptors with full
 * descriptions and help from docs/rules/, and fingerprints that follow the problem, not its wording.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY, lintSarif, ruleName, type LintReport } from '../../../src/cli/lintFormats';
import { RULE_DOCS } from '../../../src/cli/ruleDocs.generated';
import { DEFAULT_CONFIG } from '../../../src/core/workspace/config';
import { RULES } from '../../../src/core/rules';
import { cli, removeTempWorkspaces, tempWorkspace } from './harness';
import { multitoolFindings, sarifProblems, sarifSchemaErrors } from './sarif';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

async function sarifOf(args: string[], cwd?: string): Promise<Sarif.Log> {
  const result = await cli(['lint', '-f', 'sarif', ...args], cwd ? { cwd } : {});
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  return JSON.parse(result.stdout) as Sarif.Log;
}

const PAYMENTS = `---
program: payments-v2
title: Payments platform v2
owner: "@maria"
depends_on:
  - ledger-core
milestones:
  - id: design
    title: Design review
    owner: "@maria"
    due: 2026-03-01
    status: in-progress
  - id: cutover
    title: Production cutover
    owner: "@li"
    due: 2026-03-01
    status: at-risk
  - id: launch
    title: Launch
    due: 2026-05-15
---
# Payments platform v2
`;

const LEDGER = `---
program: ledger
title: Ledger
owner: "@ines"
milestones:
  - id: freeze
    title: Schema freeze
    owner: "@ines"
    due: 2026-02-10
---
# Ledger
`;

function fingerprints(log: Sarif.Log): { rule: string; uri: string; startLine: number; fingerprint: string }[] {
  return log.runs[0]!.results!.map((result) => ({
    rule: result.ruleId!,
    uri: result.locations![0]!.physicalLocation!.artifactLocation!.uri!,
    startLine: result.locations![0]!.physicalLocation!.region!.startLine!,
    fingerprint: result.partialFingerprints![FINGERPRINT_KEY]!,
  }));
}

describe('cli: SARIF that GitHub code scanning accepts', () => {
  after(removeTempWorkspaces);

  it('passes the SARIF 2.1.0 JSON schema and the multitool\'s Sarif and Ghas rules with no error and no warning', async () => {
    const logs: Record<string, Sarif.Log> = {
      problems: await sarifOf(['problems', '--today', '2026-01-01']),
      graph: await sarifOf(['graph', '--today', '2026-01-01']),
      clean: await sarifOf(['clean', '--today', '2026-01-01']),
      examples: await sarifOf(['.', '--today', '2026-11-26'], EXAMPLES),
      overdue: await sarifOf(['.', '--today', '2026-06-01'], tempWorkspace({ 'payments.md': PAYMENTS, 'ledger.md': LEDGER })),
    };
    assert.ok(logs.examples!.runs[0]!.results!.length > 0, 'the examples have problems to report');
    assert.ok(logs.overdue!.runs[0]!.results!.some((r) => r.ruleId === 'milestone-overdue'));
    for (const [name, log] of Object.entries(logs)) {
      assert.deepEqual(sarifSchemaErrors(log), [], `${name}: schema`);
      assert.deepEqual(sarifProblems(log), [], `${name}: GitHub's documented requirements`);
    }
    const findings = multitoolFindings(logs);
    const blocking = findings.filter((f) => f.level === 'error' || f.level === 'warning');
    assert.deepEqual(blocking, [], 'multitool errors and warnings');
    // What is left are notes, each one advice docs/cli.md lists; a new kind of note fails here.
    const ADVICE = ['SARIF2002', 'SARIF2003', 'SARIF2006', 'SARIF2009', 'SARIF2010', 'SARIF2011'];
    assert.deepEqual([...new Set(findings.map((f) => f.ruleId))].filter((id) => !ADVICE.includes(id)), []);
  });

  it('the schema and the multitool do reject a log GitHub would refuse (the checks are live)', () => {
    const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a', name: 'a' }] } }, results: [{ ruleId: 'a', message: { text: 'm' }, locations: [] }], extra: 1 }] };
    assert.ok(sarifSchemaErrors(bad).some((e) => e.includes('additional')), 'the schema rejects an unknown run property');
    const findings = multitoolFindings({ bad });
    const ids = new Set(findings.filter((f) => f.level === 'error').map((f) => f.ruleId));
    assert.ok(ids.has('GH2012'), `the Ghas rules want fullDescription and help: ${[...ids].join(', ')}`);
  });

  it('gives every rule a name that is not its id, and its docs page as fullDescription and help (text and markdown)', async () => {
    const log = await sarifOf(['graph', '--today', '2026-01-01']);
    const rules = log.runs[0]!.tool.driver.rules!;
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.id));
    for (const rule of rules) {
      const docs = RULE_DOCS[rule.id]!;
      assert.ok(docs, `docs/rules/${rule.id}.md is in the generated module`);
      assert.ok(rule.name && rule.name.toLowerCase() !== rule.id.toLowerCase(), `${rule.id}: name ${rule.name}`);
      assert.match(rule.name!, /^[A-Z][A-Za-z]+$/, 'PascalCase');
      assert.deepEqual(rule.fullDescription, docs.fullDescription);
      assert.deepEqual(rule.help, docs.help);
      assert.ok(rule.fullDescription!.text.length > 40 && rule.help!.text.length > rule.fullDescription!.text.length, rule.id);
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.ok(rule.help!.markdown!.includes('## Fix') && page.includes('## Fix'), `${rule.id}: the help is the page`);
      assert.ok(!/\]\((?!https:\/\/)/.test(rule.help!.markdown!), `${rule.id}: links in help are absolute`);
    }
    assert.equal(ruleName('dependency-cycle'), 'DependencyCycle');
    assert.equal(ruleName('schema'), 'SchemaViolation');
    assert.equal(ruleName('whatever'), 'WhateverRule');
    const overdue = rules.find((r) => r.id === 'milestone-overdue')!;
    assert.match(overdue.fullDescription!.text, /^A milestone's `due` date is before today/);
    assert.ok(!overdue.fullDescription!.text.includes('**'), 'plain text has no Markdown emphasis');
  });

  it('the same workspace linted on two different days gives the same fingerprints', async () => {
    const dir = tempWorkspace({ 'payments.md': PAYMENTS, 'ledger.md': LEDGER });
    const [first, second] = [await sarifOf(['.', '--today', '2026-06-01'], dir), await sarifOf(['.', '--today', '2026-07-15'], dir)];
    const [a, b] = [fingerprints(first), fingerprints(second)];
    const overdue = a.filter((r) => r.rule === 'milestone-overdue');
    assert.equal(overdue.length, 4, 'design, cutover, launch and freeze are overdue');
    assert.notDeepEqual(first.runs[0]!.results!.map((r) => r.message.text), second.runs[0]!.results!.map((r) => r.message.text), 'the messages name the day');
    assert.deepEqual(b, a);
    assert.equal(new Set(a.map((r) => r.fingerprint)).size, a.length, 'two overdue milestones with the same due date in one file differ');
  });

  it('a problem moved down by lines inserted above keeps its fingerprint', async () => {
    const before = fingerprints(await sarifOf(['.', '--today', '2026-06-01'], tempWorkspace({ 'payments.md': PAYMENTS, 'ledger.md': LEDGER })));
    const moved = PAYMENTS.replace('depends_on:\n', 'description: |\n  Moves card payments\n  to the new ledger.\nteams: []\ndepends_on:\n');
    const after = fingerprints(await sarifOf(['.', '--today', '2026-06-01'], tempWorkspace({ 'payments.md': moved, 'ledger.md': LEDGER })));
    assert.equal(after.length, before.length);
    const shifted = after.filter((r) => r.uri === 'payments.md');
    assert.ok(shifted.length >= 4 && shifted.every((r, i) => r.startLine === before.filter((s) => s.uri === 'payments.md')[i]!.startLine + 4), 'the problems moved down 4 lines');
    assert.deepEqual(after.map((r) => [r.rule, r.uri, r.fingerprint]), before.map((r) => [r.rule, r.uri, r.fingerprint]));
  });

  it('the fingerprint does not use the message, and tells apart problems whose text differs', () => {
    const report = (message: string, line: string): LintReport => ({
      briefs: 1,
      diagnostics: [{ uri: 'u', rule: 'milestone-overdue', severity: 'warning', message, range: { start: { line: 1, character: 9 }, end: { line: 1, character: 19 } } }],
      fileOf: () => 'a.md',
      config: DEFAULT_CONFIG,
      rules: RULES,
      toolVersion: '0',
      textOf: () => `milestones:\n${line}\n`,
    });
    const print = (r: LintReport) => (lintSarif(r).runs[0]!.results![0]!.partialFingerprints![FINGERPRINT_KEY]);
    assert.equal(print(report('today is 2026-01-01', '    due: 2026-01-01')), print(report('today is 2026-02-01', '    due: 2026-01-01')));
    assert.notEqual(print(report('x', '    due: 2026-01-01')), print(report('x', '    due: 2026-01-02')));
  });

  it('the generated module of rule docs is current with docs/rules/', async () => {
    const { generate } = await import(path.join(ROOT, 'src', 'cli', 'ruleDocs.build.mjs')) as { generate(): string };
    assert.equal(fs.readFileSync(path.join(ROOT, 'src', 'cli', 'ruleDocs.generated.ts'), 'utf8'), generate(), 'run `npm run build:rule-docs`');
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f !== 'README.md').map((f) => f.replace(/\.md$/, '')).sort();
    assert.deepEqual(pages, [...RULES.map((r) => r.id)].sort(), 'one page per rule');
  });

  it('the CLI bundle carries the rule docs and reads no docs at run time', () => {
    // dist/cli.js is the launcher (src/cli/launch.ts); the program is dist/brief.js. Both are read.
    const bundle = path.join(ROOT, 'dist', 'brief.js');
    if (!fs.existsSync(bundle)) return;
    const text = fs.readFileSync(bundle, 'utf8') + fs.readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8');
    assert.ok(text.includes('Lineage catalog covers every PII table'), 'the milestone-overdue page is in the bundle (npm run build:cli)');
    assert.ok(!/docs\/rules\/[a-z-]*\.md['"`]|readFileSync\([^)]*docs/.test(text.replace(/https:\/\/github\.com\/[^"'`\s]*/g, '')), 'no read of docs/');
  });

  it('the README\'s Actions snippet uploads the SARIF even when lint fails', () => {
    for (const doc of ['README.md', path.join('docs', 'cli.md')]) {
      const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
      const upload = /^( *)- (?:name: [^\n]*\n\1 {2})?(?:if: ([^\n]*)\n\1 {2})?uses: github\/codeql-action\/upload-sarif@/m.exec(text);
      assert.ok(upload, `${doc} has an upload-sarif step`);
      assert.ok(upload[2] !== undefined && /always\(\)|!cancelled\(\)|success\(\) \|\| failure\(\)/.test(upload[2]), `${doc}: the upload step runs after a failed lint step: ${upload[0]}`);
    }
  });
});
