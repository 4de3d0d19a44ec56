/**
 * Views never disagree with lint (issue 10, item 1): the Programs tree, the Checklist tree, the
 * diagram and `brief checklist` decide overdue, unmitigated, conflict and the status shown in
 * one place (src/core/model/status.ts), the same the rules use. Concrete cases first, then a seeded
 * property over random workspaces: what the views flag is exactly what lint reports.
 */
import * as assert from 'node:assert/strict';
import { BriefWorkspace, lintBrief, mergeConfig, type Diagnostic } from '../../src/core';
import { buildDiagramModel, type DiagramModel } from '../../src/core/views/diagramModel';
import { buildGraphView, STATUS_LABELS } from '../../src/core/views/graphView';
import { programAttention, programNodes, programSections, sectionEntries, type MilestoneNode, type RiskNode } from '../../src/core/views/programsTree';
import { checklistEntries, checklistHeadings, checklistPrograms, progressLabel } from '../../src/core/views/checklistTree';
import { checklistJson } from '../../src/cli/checklistFormats';
import { briefText } from './cli/briefs';
import { prng } from '../support/prng';

const TODAY = '2026-03-01';
const config = mergeConfig({ today: TODAY });

function workspaceOf(...frontmatters: Record<string, unknown>[]): BriefWorkspace {
  const workspace = new BriefWorkspace();
  for (const fm of frontmatters) workspace.setText(`file:///ws/${String(fm.program)}.md`, briefText(fm));
  return workspace;
}

function lintAll(workspace: BriefWorkspace): Diagnostic[] {
  return workspace.briefs().flatMap((brief) => lintBrief(workspace, brief, { config }));
}

function diagram(model: DiagramModel): Extract<DiagramModel, { kind: 'diagram' }> {
  assert.equal(model.kind, 'diagram', JSON.stringify(model));
  return model as Extract<DiagramModel, { kind: 'diagram' }>;
}

/** Every milestone and risk entry of the Programs tree, walked as a host would. */
function programsTreeEntries(workspace: BriefWorkspace, today = TODAY): { milestones: MilestoneNode[]; risks: RiskNode[] } {
  const milestones: MilestoneNode[] = [];
  const risks: RiskNode[] = [];
  for (const program of programNodes(workspace.briefs())) {
    for (const section of programSections(program.brief, program.id, today)) {
      for (const entry of sectionEntries(section, today)) {
        if (entry.kind === 'milestone') milestones.push(entry);
        if (entry.kind === 'risk') risks.push(entry);
      }
    }
  }
  return { milestones, risks };
}

const at = (uri: string, range: { start: { line: number; character: number } }) => `${uri}:${range.start.line}:${range.start.character}`;

describe('status agreement: the diagram shows each status as itself', () => {
  it('not-started, in-progress and off-track are not "On track" / "At risk"', () => {
    const workspace = workspaceOf(
      { program: 'a', title: 'A', owner: '@x', status: 'off-track', milestones: [
        { id: 'ns', title: 'NS', owner: '@x', due: '2026-06-01', status: 'not-started' },
        { id: 'ip', title: 'IP', owner: '@x', due: '2026-06-01', status: 'in-progress' },
      ] },
    );
    const model = diagram(buildDiagramModel(workspace.graph(), { options: { scope: 'brief', depth: 2, direction: 'LR' }, focus: 'a', today: TODAY }));
    const shown = Object.fromEntries(model.nodes.map((node) => [node.id, STATUS_LABELS[node.display]]));
    assert.deepEqual(shown, { 'a': 'Off track', 'a#ns': 'Not started', 'a#ip': 'In progress' });
    const all = diagram(buildDiagramModel(workspace.graph(), { options: { scope: 'workspace', depth: 2, direction: 'LR' }, today: TODAY }));
    assert.equal(all.nodes.find((node) => node.id === 'a')!.display, 'off-track');
  });
});

describe('status agreement: the diagram draws only the schedule conflicts lint reports', () => {
  it('two programs whose targets are out of order are no conflict (no rule reports one)', () => {
    // `early` depends on `late` and its target is before late's: the diagram used to mark that edge.
    const workspace = workspaceOf(
      { program: 'early', title: 'Early', owner: '@x', target: '2026-04-01', depends_on: ['late'] },
      { program: 'late', title: 'Late', owner: '@x', target: '2026-09-01' },
    );
    assert.deepEqual(lintAll(workspace).filter((d) => d.rule === 'schedule-conflict'), []);
    for (const level of ['program', 'milestone'] as const) {
      const view = buildGraphView(workspace.graph(), { today: TODAY, level });
      assert.deepEqual(view.edges.map((e) => [e.from, e.to, e.scheduleConflict]), [['early', 'late', false]], level);
    }
    const model = diagram(buildDiagramModel(workspace.graph(), { options: { scope: 'workspace', depth: 2, direction: 'LR' }, today: TODAY }));
    assert.deepEqual(model.edges.filter((e) => e.scheduleConflict), []);
  });

  it('a milestone due before a milestone it depends on is drawn, at both levels, as the rule reports it', () => {
    const workspace = workspaceOf(
      { program: 'a', title: 'A', owner: '@x', milestones: [{ id: 'm', title: 'M', owner: '@x', due: '2026-04-01', depends_on: ['b#n'] }] },
      { program: 'b', title: 'B', owner: '@x', milestones: [{ id: 'n', title: 'N', owner: '@x', due: '2026-05-01' }] },
    );
    assert.deepEqual(lintAll(workspace).map((d) => d.rule), ['schedule-conflict']);
    assert.deepEqual(buildGraphView(workspace.graph(), { today: TODAY }).edges.map((e) => [e.from, e.to, e.scheduleConflict]), [['a#m', 'b#n', true]]);
    assert.deepEqual(buildGraphView(workspace.graph(), { today: TODAY, level: 'program' }).edges.map((e) => [e.from, e.to, e.scheduleConflict]), [['a', 'b', true]]);
  });
});

describe('status agreement: a status that failed the schema is schema only, in the views too', () => {
  const workspace = () => workspaceOf({
    program: 'p', title: 'P', owner: '@x',
    milestones: [{ id: 'm', title: 'M', owner: '@x', due: '2026-01-01', status: 'finished' }],
    risks: [{ id: 'r', title: 'R', owner: '@x', likelihood: 'high', status: 'gone' }],
  });

  it('the Programs view does not call the milestone overdue, as milestone-overdue does not', () => {
    const ws = workspace();
    assert.deepEqual(lintAll(ws).map((d) => d.rule), ['schema', 'schema']);
    const { milestones, risks } = programsTreeEntries(ws);
    assert.deepEqual(milestones.map((m) => [m.milestoneId, m.overdue]), [['m', false]]);
    assert.deepEqual(risks.map((r) => [r.riskId, r.unmitigated]), [['r', false]]);
    assert.deepEqual(programAttention(ws.briefs()[0], TODAY), { overdueMilestones: 0, atRiskMilestones: 0, unmitigatedRisks: 0, openDecisions: 0 });
  });

  it('nor does the diagram', () => {
    const view = buildGraphView(workspace().graph(), { today: TODAY });
    assert.equal(view.nodes.find((node) => node.id === 'p#m')!.display, 'no-status');
  });
});

describe('status agreement: "Due within N days" lists open items only', () => {
  const text = [
    '---', 'program: p', 'title: P', 'owner: "@x"', '---', '# P', '## Checklist',
    ...Array.from({ length: 6 }, (_, i) => `- [x] Done long ago ${i} due:2025-1${i % 3}-01`),
    '- [ ] Late one due:2026-02-01',
    '- [ ] Soon one due:2026-03-05',
    '- [x] Ticked soon due:2026-03-04',
    '- [ ] Later one due:2026-06-01',
    '- [ ] Undated',
    '',
  ].join('\n');

  it('open items due on or before today + N, overdue ones included; ticked items are not listed or counted', () => {
    const workspace = new BriefWorkspace();
    const brief = workspace.setText('file:///ws/p.md', text);
    const options = { filter: { dueWithinDays: 7 }, today: TODAY };
    const [group] = checklistPrograms(workspace.briefs(), options);
    assert.equal(progressLabel(group.progress), '0/2 · 0% · 1 overdue');
    assert.equal(group.shown, 2);
    const [heading] = checklistHeadings(brief, options);
    assert.deepEqual(checklistEntries(brief, heading.heading?.line, options).map((e) => [e.label, e.overdue]), [['Late one', true], ['Soon one', false]]);
  });

  it('a program whose dated items are all ticked is not listed (it read "6/6 · 100%")', () => {
    const workspace = new BriefWorkspace();
    workspace.setText('file:///ws/p.md', text.replace(/- \[ \] (Late|Soon|Later) one/g, '- [x] $1 one'));
    assert.deepEqual(checklistPrograms(workspace.briefs(), { filter: { dueWithinDays: 30 }, today: TODAY }), []);
  });

  it('brief checklist marks overdue with the same decision', () => {
    const workspace = new BriefWorkspace();
    workspace.setText('file:///ws/p.md', text);
    const json = checklistJson({ briefs: workspace.briefs(), fileOf: (uri) => uri, open: false, today: TODAY });
    assert.deepEqual(json.items.filter((item) => item.overdue).map((item) => item.text), ['Late one due:2026-02-01']);
  });
});

describe('status agreement: seeded property over random workspaces', () => {
  const DATES = ['2025-06-01', '2026-01-15', '2026-02-28', TODAY, '2026-03-02', '2026-07-01', '2027-01-01', 'soon', '2026-13-45', '2026-02-30'];
  const MILESTONE_STATUSES = ['not-started', 'in-progress', 'at-risk', 'blocked', 'done', 'cancelled', 'finished', 'Done', 7, null];
  const PROGRAM_STATUSES = ['proposed', 'not-started', 'on-track', 'at-risk', 'off-track', 'blocked', 'done', 'cancelled', 'late', null];
  const LEVELS = ['low', 'medium', 'high', 'High', 3];
  const RISK_STATUSES = ['open', 'mitigated', 'accepted', 'closed', 'gone', 1];
  const MITIGATIONS = ['Plan B', '', 42, ['a list'], null];

  function randomWorkspace(random: () => number): BriefWorkspace {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const maybe = <T>(value: () => T): T | undefined => (random() < 0.7 ? value() : undefined);
    const programs = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) => `p${i}`);
    const milestoneIds = ['m0', 'm1', 'm2', 'm3'];
    const frontmatters = programs.map((program) => {
      const milestones = milestoneIds.slice(0, Math.floor(random() * 5)).map((id) => {
        const deps = Array.from({ length: Math.floor(random() * 3) }, () => (random() < 0.3 ? pick(milestoneIds) : `${pick(programs)}${random() < 0.8 ? `#${pick(milestoneIds)}` : ''}`));
        const m: Record<string, unknown> = { id, title: id, owner: '@x' };
        const due = maybe(() => pick(DATES));
        if (due !== undefined) m.due = due;
        const status = maybe(() => pick(MILESTONE_STATUSES));
        if (status !== undefined) m.status = status;
        if (deps.length > 0) m.depends_on = deps;
        return m;
      });
      const risks = Array.from({ length: Math.floor(random() * 4) }, (_, i) => {
        const r: Record<string, unknown> = { id: `r${i}`, title: `R${i}`, owner: '@x' };
        for (const [key, values] of [['likelihood', LEVELS], ['impact', LEVELS], ['status', RISK_STATUSES], ['mitigation', MITIGATIONS]] as const) {
          const value = maybe(() => pick(values as readonly unknown[]));
          if (value !== undefined) r[key] = value;
        }
        return r;
      });
      const fm: Record<string, unknown> = { program, title: program, owner: '@x', milestones, risks };
      const status = maybe(() => pick(PROGRAM_STATUSES));
      if (status !== undefined) fm.status = status;
      const target = maybe(() => pick(DATES));
      if (target !== undefined) fm.target = target;
      if (random() < 0.6) fm.depends_on = [pick(programs.filter((p) => p !== program).concat(['ghost']))];
      return fm;
    });
    return workspaceOf(...frontmatters);
  }

  it('overdue milestones, unmitigated risks and conflict edges: views = lint (300 workspaces)', () => {
    const random = prng(10_2026);
    let overdue = 0;
    let unmitigated = 0;
    let conflicts = 0;
    for (let round = 0; round < 300; round++) {
      const workspace = randomWorkspace(random);
      const diagnostics = lintAll(workspace);
      const byRule = (rule: string) => new Set(diagnostics.filter((d) => d.rule === rule).map((d) => at(d.uri, d.range)));
      const { milestones, risks } = programsTreeEntries(workspace);
      const context = `round ${round}: ${workspace.briefs().map((b) => b.text).join('\n')}`;

      // milestone-overdue points at the milestone's `due`.
      const dueAt = new Map<string, string>();
      for (const brief of workspace.briefs()) for (const m of brief.milestones) if (m.due) dueAt.set(at(brief.uri, m.itemRange), at(brief.uri, m.due.range));
      const treeOverdue = new Set(milestones.filter((m) => m.overdue).map((m) => dueAt.get(at(m.uri, m.range))));
      assert.deepEqual([...treeOverdue].sort(), [...byRule('milestone-overdue')].sort(), context);
      overdue += treeOverdue.size;

      // risk-unmitigated points at the risk's item.
      const treeUnmitigated = new Set(risks.filter((r) => r.unmitigated).map((r) => at(r.uri, r.range)));
      assert.deepEqual([...treeUnmitigated].sort(), [...byRule('risk-unmitigated')].sort(), context);
      unmitigated += treeUnmitigated.size;

      // The overdue count in a program's tooltip is the same set.
      for (const brief of workspace.briefs()) {
        const reported = diagnostics.filter((d) => d.uri === brief.uri && d.rule === 'milestone-overdue').length;
        assert.equal(programAttention(brief, TODAY).overdueMilestones, reported, context);
      }

      // Schedule conflicts on edges: schedule-conflict points at the `depends_on` entry.
      const graph = workspace.graph();
      const view = buildGraphView(graph, { today: TODAY });
      const drawn = new Set(view.edges.filter((e) => e.scheduleConflict).flatMap((e) => e.sources.map((s) => at(s.uri, s.range))));
      const entries = new Set(graph.edges.map((e) => at(e.uri, e.range)));
      const reported = new Set([...byRule('schedule-conflict')].filter((place) => entries.has(place)));
      // A merged edge lists every entry behind it; each of those is a conflict of the same two milestones.
      assert.deepEqual([...drawn].filter((place) => !reported.has(place)), [], context);
      assert.deepEqual([...reported].filter((place) => !drawn.has(place)), [], context);
      conflicts += reported.size;

      // The diagram's overdue nodes are the milestones lint calls overdue.
      const overdueNodes = view.nodes.filter((n) => n.kind === 'milestone' && n.display === 'overdue').map((n) => n.id).sort();
      const overdueIds = milestones.filter((m) => m.overdue).map((m) => `${m.uri.slice('file:///ws/'.length, -3)}#${m.milestoneId}`);
      const definedOnce = overdueIds.filter((id) => graph.nodes.get(id)?.uri === `file:///ws/${id.split('#')[0]}.md`);
      assert.deepEqual(overdueNodes, [...new Set(definedOnce)].sort(), context);
    }
    // The property is not vacuous: each kind occurs many times.
    assert.ok(overdue > 50 && unmitigated > 50 && conflicts > 20, `overdue ${overdue}, unmitigated ${unmitigated}, conflicts ${conflicts}`);
  });
});
