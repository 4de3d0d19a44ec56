/** The Programs view's content, level by level (src/core/views/programsTree). */
import assert from 'node:assert/strict';
import { BriefWorkspace } from '../../src/core';
import {
  decisionDescription, highRiskCount, milestoneDescription, nextMilestone, programAttention, programDescription, programNodes, programRowDescription,
  programSections, programsRoot, riskDescription, sectionDescription, sectionEntries, type ProgramGroupNode, type ProgramNode, type ProgramsTreeNode,
} from '../../src/core/views/programsTree';

const TODAY = '2026-03-01';

const PAYMENTS = `---
program: payments-v2
title: Payments platform v2
owner: "@maria"
status: at-risk
target: 2026-06-30
teams:
  - id: payments
    owner: "@li"
  - id: ledger
    owner: "@tomasz"
milestones:
  - id: design-approved
    title: Design approved
    owner: "@maria"
    due: 2026-02-01
    status: done
  - id: vendor-signed
    title: Vendor signed
    owner: "@maria"
    due: 2026-02-15
    status: in-progress
  - id: cutover
    title: Production cutover
    owner: "@li"
    due: 2026-05-15
    status: at-risk
    depends_on: [design-approved, identity-sso#tokens-ga]
risks:
  - id: vendor-delay
    title: Card vendor API ships late
    owner: "@li"
    likelihood: high
    impact: medium
    status: open
  - id: load
    title: Latency at peak
    owner: "@li"
    likelihood: high
    impact: high
    mitigation: Load test weekly.
    status: open
decisions:
  - id: event-sourcing
    title: Event-source the ledger
    owner: "@maria"
    status: decided
  - id: region
    title: Roll out by region
    owner: "@li"
    status: proposed
---
# Payments
`;

const IDENTITY = `---
program: identity-sso
title: Identity SSO
owner: "@li"
status: on-track
teams:
  - id: payments
    owner: "@li"
milestones:
  - id: tokens-ga
    title: Tokens GA
    owner: "@li"
    due: 2026-04-01
---
# Identity
`;

const BILLING = `---
program: billing-core
title: Billing core
owner: "@keiko"
---
# Billing
`;

function briefs() {
  const ws = new BriefWorkspace();
  ws.setText('file:///w/payments.md', PAYMENTS);
  ws.setText('file:///w/identity.md', IDENTITY);
  ws.setText('file:///w/billing.md', BILLING);
  ws.setText('file:///w/notes.md', '# Notes\n');
  return ws.briefs();
}

const labels = (nodes: readonly ProgramsTreeNode[]) => nodes.map((n) => n.label);

function program(id: string): ProgramNode {
  const node = programsRoot(briefs(), 'program').find((n) => n.label === id);
  assert.ok(node && node.kind === 'program');
  return node;
}

function section(id: string, kind: string) {
  const p = program(id);
  const found = programSections(p.brief, p.id, TODAY).find((s) => s.section === kind);
  assert.ok(found, `${id} has ${kind}`);
  return found;
}

describe('views: programs tree', () => {
  it('lists every program by id with status, owner and target', () => {
    const roots = programsRoot(briefs(), 'program');
    assert.deepEqual(labels(roots), ['billing-core', 'identity-sso', 'payments-v2']);
    assert.deepEqual(roots.map((n) => n.kind === 'program' && programDescription(n)), ['@keiko', 'on-track · @li', 'at-risk · @maria · target 2026-06-30']);
    const payments = program('payments-v2');
    assert.equal(payments.title, 'Payments platform v2');
    assert.equal(payments.range.start.line, 1, 'reveals the program: key');
    assert.deepEqual(programAttention(payments.brief, TODAY), { overdueMilestones: 1, atRiskMilestones: 1, unmitigatedRisks: 1, openDecisions: 1 });
    assert.deepEqual(programAttention(program('billing-core').brief, TODAY), { overdueMilestones: 0, atRiskMilestones: 0, unmitigatedRisks: 0, openDecisions: 0 });
  });

  it('groups by status, most urgent first; programs without a status last', () => {
    const roots = programsRoot(briefs(), 'status') as ProgramGroupNode[];
    assert.deepEqual(labels(roots), ['at-risk', 'on-track', '(no status)']);
    assert.deepEqual(labels(programNodes(roots[0].briefs, roots[0].id)), ['payments-v2']);
  });

  it('groups by owner, alphabetically', () => {
    const roots = programsRoot(briefs(), 'owner') as ProgramGroupNode[];
    assert.deepEqual(labels(roots), ['@keiko', '@li', '@maria']);
  });

  it('groups by team: a program appears under each of its teams, with ids unique across the tree', () => {
    const roots = programsRoot(briefs(), 'team') as ProgramGroupNode[];
    assert.deepEqual(labels(roots), ['ledger', 'payments', '(no team)']);
    assert.deepEqual(roots.map((g) => labels(programNodes(g.briefs, g.id))), [['payments-v2'], ['identity-sso', 'payments-v2'], ['billing-core']]);
    const ids = roots.flatMap((g) => programNodes(g.briefs, g.id).map((p) => p.id));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('shows only non-empty sections, with counts and what needs attention', () => {
    const p = program('payments-v2');
    const sections = programSections(p.brief, p.id, TODAY);
    assert.deepEqual(sections.map((s) => `${s.label}: ${sectionDescription(s)}`), [
      'Milestones: 3 · 2 overdue or at risk',
      'Risks: 2 · 1 unmitigated',
      'Open decisions: 1',
    ]);
    const billing = program('billing-core');
    assert.deepEqual(programSections(billing.brief, billing.id, TODAY), []);
  });

  it('milestones: due, owner, overdue or at-risk marked, dependency count, place to reveal (the status is the icon)', () => {
    const entries = sectionEntries(section('payments-v2', 'milestones'), TODAY);
    assert.deepEqual(entries.map((e) => e.kind === 'milestone' && [e.label, milestoneDescription(e), e.overdue, e.atRisk]), [
      ['Design approved', 'due 2026-02-01 · @maria', false, false],
      ['Vendor signed', 'overdue · due 2026-02-15 · @maria', true, false],
      ['Production cutover', 'due 2026-05-15 · @li · 2 deps', false, true],
    ]);
    assert.equal(entries[2].range.start.line, 22, 'the first line of the milestone item');
  });

  it('a milestone with no status that is past due is overdue', () => {
    const entries = sectionEntries(section('identity-sso', 'milestones'), '2026-04-02');
    assert.equal(entries[0].kind === 'milestone' && entries[0].overdue, true);
  });

  it('risks read "likelihood high · impact medium"; unmitigated ones marked; a status other than open is said', () => {
    const entries = sectionEntries(section('payments-v2', 'risks'), TODAY);
    assert.deepEqual(entries.map((e) => e.kind === 'risk' && [e.label, riskDescription(e), e.unmitigated]), [
      ['Card vendor API ships late', 'likelihood high · impact medium', true],
      ['Latency at peak', 'likelihood high · impact high', false],
    ]);
    const [first] = entries;
    assert.ok(first.kind === 'risk');
    assert.equal(riskDescription({ ...first, status: 'closed', impact: undefined }), 'likelihood high · closed');
  });

  it('a program row: next open milestone (overdue ones included, done ones not), high risks, and a description short enough for the side bar', () => {
    const payments = program('payments-v2').brief;
    assert.deepEqual(nextMilestone(payments, TODAY), { label: 'Vendor signed', milestoneId: 'vendor-signed', due: '2026-02-15', owner: '@maria', overdue: true });
    assert.equal(nextMilestone(program('billing-core').brief, TODAY), undefined);
    assert.equal(highRiskCount(payments), 2, 'both risks are rated high (one of them mitigated)');
    const facts = { health: 'at-risk', healthLabel: 'At risk', next: nextMilestone(payments, TODAY), overdue: 1, highRisks: 2 };
    // Something is overdue: the next milestone is one of those, "1 overdue" says it.
    assert.equal(programRowDescription(facts, TODAY), 'at risk · 1 overdue · 2 high risks');
    assert.equal(programRowDescription(facts, TODAY, 'at-risk'), 'at risk · 1 overdue · 2 high risks', 'the status the health agrees with is said once');
    assert.equal(programRowDescription(facts, TODAY, 'blocked'), 'blocked · health at risk · 1 overdue · 2 high risks', 'beside the reported status, never instead');
    // Nothing overdue: the next milestone's date, without its year when it is this year's.
    const onTime = { ...facts, overdue: 0 };
    assert.equal(programRowDescription(onTime, '2026-01-10'), 'at risk · next 02-15 · 2 high risks');
    assert.equal(programRowDescription(onTime, '2025-12-31'), 'at risk · next 2026-02-15 · 2 high risks');
    assert.equal(programRowDescription({ health: 'on-track', healthLabel: 'On track', overdue: 0, highRisks: 1 }, TODAY), 'on track · 1 high risk');
    assert.equal(programRowDescription({ overdue: 0, highRisks: 0 }, TODAY), '');
  });

  it('open decisions: only status proposed', () => {
    const entries = sectionEntries(section('payments-v2', 'decisions'), TODAY);
    assert.deepEqual(entries.map((e) => e.kind === 'decision' && [e.label, decisionDescription(e), e.decisionId]), [
      ['Roll out by region', 'proposed · @li', 'region'],
    ]);
  });

  it('ids are unique across all levels', () => {
    const ids: string[] = [];
    const walk = (nodes: readonly ProgramsTreeNode[]) => {
      for (const node of nodes) {
        ids.push(node.id);
        if (node.kind === 'group') walk(programNodes(node.briefs, node.id));
        else if (node.kind === 'program') walk(programSections(node.brief, node.id, TODAY));
        else if (node.kind === 'section') walk(sectionEntries(node, TODAY));
      }
    };
    walk(programsRoot(briefs(), 'team'));
    walk(programsRoot(briefs(), 'program'));
    assert.equal(new Set(ids).size, ids.length);
  });
});
