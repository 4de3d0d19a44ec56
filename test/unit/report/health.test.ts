/**
 * Health (v2 spec section 2) on hand-worked workspaces: every health and every reason kind, with
 * the dates worked out by hand in the comments.
 */
import * as assert from 'node:assert/strict';
import { portfolioHealth, type ProgramHealth } from '../../../src/core/report/health';
import { BriefWorkspace } from '../../../src/core/workspace/workspace';
import { EXAMPLE, workspaceOf } from '../scheduleFixtures';

const TODAY = '2027-01-10';

function healthOf(files: Record<string, string>, today = TODAY): Map<string, ProgramHealth> {
  const workspace = new BriefWorkspace();
  for (const [name, text] of Object.entries(files)) workspace.setText(`file:///ws/${name}`, text);
  return portfolioHealth(workspace, today);
}

const brief = (...lines: string[]) => ['---', ...lines, '---', '# Brief', ''].join('\n');

describe('health (spec section 2)', () => {
  it('the worked example: slipping milestones make their programs at risk; a late upstream that does not move a finish leaves it on track', () => {
    // storage#cluster (due 03-01) waits for hardware (03-10): forecast 03-10, slip 9.
    // api#v2 (due 03-05) waits for storage#cluster: forecast 03-10, slip 5. Finishes: storage 03-15 (target 03-15), api 03-31.
    // web#cutover (03-20) waits for api#v2 (03-10): no slip; web finishes on its target 03-25.
    const health = portfolioHealth(workspaceOf(EXAMPLE), TODAY);
    assert.deepEqual([...health.keys()].sort(), ['api', 'storage', 'web']);
    assert.deepEqual(health.get('storage'), {
      program: 'storage', health: 'at-risk',
      reasons: [{ kind: 'slip', node: 'storage#cluster', uri: 'file:///ws/storage.md', line: 10, message: 'milestone cluster: forecast 2027-03-10, 9 days after its due 2027-03-01, waiting for storage#hardware' }],
    });
    assert.deepEqual(health.get('api')!.reasons.map((r) => [r.kind, r.node, r.message]), [
      ['slip', 'api#v2', 'milestone v2: forecast 2027-03-10, 5 days after its due 2027-03-05, waiting for storage#cluster'],
    ]);
    assert.deepEqual(health.get('web'), { program: 'web', health: 'on-track', reasons: [] });
  });

  it('off-track: the forecast finish is later than the target (reason forecast-late with the driving chain), the at-risk reasons listed after it', () => {
    // m due 02-10, target 02-01: the finish waits for m, forecast 02-10, 9 days late. n is blocked.
    const health = healthOf({
      'p.md': brief('program: p', 'owner: "@maria"', 'status: on-track', 'target: 2027-02-01', 'milestones:',
        '  - id: m', '    due: 2027-02-10', '  - id: n', '    due: 2027-01-20', '    status: blocked'),
    });
    assert.deepEqual(health.get('p'), {
      program: 'p', health: 'off-track',
      reasons: [
        { kind: 'forecast-late', node: 'p', uri: 'file:///ws/p.md', line: 1, message: 'forecast finish 2027-02-10 is 9 days after the target 2027-02-01, driven by p#m' },
        { kind: 'blocked', node: 'p#n', uri: 'file:///ws/p.md', line: 8, message: 'milestone n is blocked' },
      ],
    });
  });

  it('at-risk: an overdue milestone, a milestone at risk, an unmitigated risk (and not a mitigated, closed or low one)', () => {
    const health = healthOf({
      'p.md': brief('program: p', 'owner: "@maria"', 'target: 2027-06-01', 'milestones:',
        '  - id: late', '    due: 2027-01-05', // 5 days before today, open
        '  - id: shaky', '    due: 2027-03-01', '    status: at-risk',
        '  - id: finished', '    due: 2027-01-02', '    status: done', // past but done: not overdue
        'risks:',
        '  - id: vendor', '    title: Vendor may slip', '    likelihood: high', '    impact: low',
        '  - id: covered', '    likelihood: high', '    impact: high', '    mitigation: second vendor',
        '  - id: gone', '    likelihood: high', '    impact: high', '    status: closed',
        '  - title: no id', '    likelihood: low', '    impact: high'),
    });
    assert.equal(health.get('p')!.health, 'at-risk');
    assert.deepEqual(health.get('p')!.reasons.map((r) => [r.kind, r.node, r.line, r.message]), [
      ['overdue', 'p#late', 5, 'milestone late was due 2027-01-05 (5 days ago)'],
      ['at-risk', 'p#shaky', 7, 'milestone shaky is at risk'],
      ['risk', 'p#vendor', 14, 'risk vendor (Vendor may slip): likelihood high, no mitigation'],
      ['risk', 'p#risk-4', 26, 'risk risk-4 (no id): impact high, no mitigation'],
    ]);
  });

  it('done and cancelled: the program\'s own status, whatever its milestones; on-track otherwise', () => {
    const health = healthOf({
      'a.md': brief('program: a', 'owner: "@maria"', 'status: done', 'target: 2027-01-01', 'milestones:', '  - id: m', '    due: 2026-12-01', '    status: blocked'),
      'b.md': brief('program: b', 'owner: "@maria"', 'status: cancelled', 'target: 2027-01-01', 'milestones:', '  - id: m', '    due: 2027-02-01'),
      'c.md': brief('program: c', 'owner: "@maria"', 'status: at-risk', 'target: 2027-04-01', 'milestones:', '  - id: m', '    due: 2027-02-01'),
      'notes.md': '# not a brief\n',
    });
    assert.deepEqual([...health.values()].map((h) => [h.program, h.health, h.reasons.length]), [['a', 'done', 0], ['b', 'cancelled', 0], ['c', 'on-track', 0]]);
  });

  it('a status or date the schema rejected decides nothing; a duplicated program id is the first brief\'s', () => {
    const health = healthOf({
      'a.md': brief('program: a', 'owner: "@maria"', 'status: finished', 'target: 2027-04-01', 'milestones:', '  - id: m', '    due: 2027-13-01', '    status: blocked!'),
      'z.md': brief('program: a', 'owner: "@maria"', 'status: done'),
    });
    assert.deepEqual(health.get('a'), { program: 'a', health: 'on-track', reasons: [] });
  });

  it('a cycle: its nodes have no forecast, so no slip and no forecast-late', () => {
    const health = portfolioHealth(workspaceOf([
      { program: 'p', target: '2027-02-01', milestones: [{ id: 'a', due: '2027-03-01', depends: ['b'] }, { id: 'b', due: '2027-01-20', depends: ['a'] }] },
    ]), TODAY);
    assert.deepEqual(health.get('p'), { program: 'p', health: 'on-track', reasons: [] });
  });
});
