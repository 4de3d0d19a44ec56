/**
 * The diagram's model: which graph a scope draws, the Mermaid text it sends the webview (brief
 * text escaped, whatever a title holds), the size limits, critical paths for a selection, and
 * the host's validation of what a webview posts.
 */
import * as assert from 'node:assert/strict';
import { buildDiagramModel, criticalPathSteps, DIAGRAM_LIMITS, type DiagramModel } from '../../src/core/views/diagramModel';
import { parsePersistedState, parseWebviewMessage, type DiagramOptions } from '../../src/core/views/diagramProtocol';
import { graphOf } from './cli/briefs';
import { workspaceSchedule } from '../../src/core/schedule/workspaceSchedule';
import { buildGraphView } from '../../src/core/views/graphView';
import { toMermaid } from '../../src/core/render/mermaid';
import { EXAMPLE, workspaceOf } from './scheduleFixtures';

const TODAY = '2026-03-01';
const BRIEF: DiagramOptions = { scope: 'brief', depth: 2, direction: 'LR' };
const WORKSPACE: DiagramOptions = { scope: 'workspace', depth: 2, direction: 'LR' };

const HOSTILE_TITLES = [
  '<img src=x onerror=alert(1)>',
  '%%{init: {"securityLevel": "loose", "theme": "forest"}}%%',
  'click n0 call alert(1)',
  'Evil "]) --> n1; click n1 href "javascript:alert(2)"',
  '[[brackets]] (parens) {braces} <b>bold</b> `code` $$x^2$$ a|b; c:d & e #f',
  'two lines\nclick n0 call alert(3)\n%%{init: {"startOnLoad": true}}%%',
];

function diagram(model: DiagramModel): Extract<DiagramModel, { kind: 'diagram' }> {
  assert.equal(model.kind, 'diagram', JSON.stringify(model));
  return model as Extract<DiagramModel, { kind: 'diagram' }>;
}

/** The graph of a focused program with hostile titles on itself, a milestone, and an upstream program. */
function hostileGraph() {
  return graphOf(
    {
      program: 'payments', title: HOSTILE_TITLES[0], owner: '@maria', target: '2026-09-30',
      depends_on: ['identity'],
      milestones: HOSTILE_TITLES.slice(1).map((title, i) => ({ id: `m${i}`, title, owner: '@li', due: `2026-0${i + 4}-01`, ...(i > 0 && { depends_on: [`m${i - 1}`] }) })),
    },
    { program: 'identity', title: HOSTILE_TITLES[1], owner: '@ana', target: '2026-05-01', milestones: [{ id: 'tokens', title: HOSTILE_TITLES[2], owner: '@ana', due: '2026-04-15' }] },
  );
}

/** Lines a hostile title would need to add to do anything: directives, callbacks, styles, new nodes. */
function assertNoInjectedStatements(source: string): void {
  const lines = source.trimEnd().split('\n');
  assert.equal(lines[0], 'flowchart LR');
  for (const line of lines.slice(1)) {
    assert.doesNotMatch(line, /^\s*(click|%%|style|call|href)\b/, `injected statement: ${line}`);
    // A node line opens one label and closes it at the end of the line.
    const node = /^\s+n\d+(\[\[|\[)"(?<label>[^"]*)"(\]\]|\])$/.exec(line);
    if (node) assert.match(node.groups!.label, /^(?:[\p{L}\p{N} .,\-_@/'·…]|#(?:\d+|quot|amp|lt|gt);|<br\/>)*$/u, `unescaped label: ${line}`);
    else assert.match(line, /^\s+(subgraph s\d+\["[^"<>%]*"\]|end|n\d+ -\.?-> n\d+|classDef \w+ [\w:#,. -]+|class [n\d,]+ \w+|linkStyle [\d,]+ [\w:#,. -]+)$/, `unexpected line: ${line}`);
  }
}

describe('diagram model: Mermaid text of the panel', () => {
  it('escapes quotes, brackets, HTML, %%{init}%% directives and click lines in titles', () => {
    const model = diagram(buildDiagramModel(hostileGraph(), { options: BRIEF, focus: 'payments', today: TODAY }));
    assertNoInjectedStatements(model.source);
    for (const raw of ['<img', 'onerror=', '%%{', '$$', '`', '<b>']) {
      assert.ok(!model.source.includes(raw), `source contains ${raw}`);
    }
    // Every hostile title arrives escaped: the webview shows it as text.
    assert.ok(model.source.includes('#lt;img src#61;x onerror#61;alert#40;1#41;#gt;'));
    assert.ok(model.source.includes('#37;#37;#123;init#58;'));
    assert.ok(model.source.includes('Evil #quot;#93;#41; --#gt; n1#59; click n1 href #quot;javascript#58;alert#40;2#41;#quot;'));
    assert.ok(model.source.includes('two lines click n0 call alert#40;3#41; #37;#37;#123;init'), 'line breaks become spaces');
  });

  it('keeps the raw titles for the webview, which puts them in the page as text only', () => {
    const model = diagram(buildDiagramModel(hostileGraph(), { options: BRIEF, focus: 'payments', today: TODAY }));
    const labels = model.nodes.map((node) => node.label);
    assert.ok(labels.includes(HOSTILE_TITLES[0]));
    assert.ok(labels.includes(HOSTILE_TITLES[3]));
  });

  it('is escaped the same way at program level', () => {
    const model = diagram(buildDiagramModel(hostileGraph(), { options: WORKSPACE, today: TODAY }));
    assertNoInjectedStatements(model.source);
    assert.deepEqual(model.nodes.map((node) => node.id), ['identity', 'payments']);
  });

  it('focuses on a program: its milestones and neighbours within the depth, keyed n0, n1, … in order', () => {
    const graph = graphOf(
      { program: 'a', title: 'A', owner: '@x', depends_on: ['b'] },
      { program: 'b', title: 'B', owner: '@x', depends_on: ['c'], milestones: [{ id: 'ga', title: 'GA', owner: '@y', due: '2026-04-01' }] },
      { program: 'c', title: 'C', owner: '@x', depends_on: ['d'] },
      { program: 'd', title: 'D', owner: '@x' },
    );
    const one = diagram(buildDiagramModel(graph, { options: { ...BRIEF, depth: 1 }, focus: 'b', today: TODAY }));
    assert.deepEqual(one.nodes.map((node) => [node.key, node.id, node.focus]), [['n0', 'a', false], ['n1', 'b', true], ['n2', 'b#ga', true], ['n3', 'c', false]]);
    assert.deepEqual(one.edges.map((edge) => `${edge.from}->${edge.to}`), ['a->b', 'b->c']);
    assert.match(one.title, /^b · 1 step/);
    const zero = diagram(buildDiagramModel(graph, { options: { ...BRIEF, depth: 0 }, focus: 'b', today: TODAY }));
    assert.deepEqual(zero.nodes.map((node) => node.id), ['b', 'b#ga']);
  });

  it('carries status, owner, due and edge flags; no default critical path is drawn', () => {
    const graph = graphOf(
      { program: 'a', title: 'A', owner: '@x', milestones: [
        { id: 'late', title: 'Late', owner: '@x', due: '2026-01-01', status: 'in-progress' },
        { id: 'early', title: 'Early', owner: '@x', due: '2026-03-01', depends_on: ['late', 'loop'], status: 'done' },
        { id: 'loop', title: 'Loop', owner: '@x', due: '2026-05-01', depends_on: ['early'], status: 'blocked' },
      ] },
    );
    const model = diagram(buildDiagramModel(graph, { options: BRIEF, focus: 'a', today: TODAY }));
    const byId = new Map(model.nodes.map((node) => [node.id, node]));
    assert.equal(byId.get('a#late')!.display, 'overdue');
    assert.equal(byId.get('a#early')!.display, 'done');
    assert.equal(byId.get('a#loop')!.display, 'blocked');
    assert.equal(byId.get('a#late')!.owner, '@x');
    assert.equal(byId.get('a#late')!.due, '2026-01-01');
    const edge = (from: string, to: string) => model.edges.find((e) => e.from === from && e.to === to)!;
    assert.equal(edge('a#early', 'a#loop').inCycle, true);
    assert.equal(edge('a#loop', 'a#early').inCycle, true);
    assert.equal(edge('a#early', 'a#late').inCycle, false);
    assert.equal(edge('a#early', 'a#loop').scheduleConflict, true);
    assert.doesNotMatch(model.source, /stroke-width:4px/, 'the critical path is highlighted on selection, not drawn');
    assert.match(model.source, /n1\["Late<br\/>@x · 2026-01-01<br\/>#9719; Overdue"\]/);
  });

  it('says when there is nothing to draw, or the focus is gone', () => {
    assert.equal(buildDiagramModel(graphOf(), { options: WORKSPACE, today: TODAY }).kind, 'empty');
    const graph = graphOf({ program: 'a', title: 'A', owner: '@x' });
    const noFocus = buildDiagramModel(graph, { options: BRIEF, today: TODAY });
    assert.equal(noFocus.kind, 'empty');
    assert.ok(noFocus.kind === 'empty' && noFocus.canPickFocus);
    const gone = buildDiagramModel(graph, { options: BRIEF, focus: 'deleted', today: TODAY });
    assert.ok(gone.kind === 'empty' && /deleted/.test(gone.message));
  });

  it('refuses graphs beyond the limits and suggests the focused view or fewer steps', () => {
    const programs = Array.from({ length: 30 }, (_, i) => ({ program: `p${i}`, title: `P${i}`, owner: '@x', depends_on: i > 0 ? [`p${i - 1}`] : [] }));
    const graph = graphOf(...programs);
    const limits = { maxNodes: 20, maxEdges: 1000, maxTextSize: 100_000 };
    const all = buildDiagramModel(graph, { options: WORKSPACE, today: TODAY, limits });
    assert.deepEqual(all.kind === 'tooLarge' && [all.nodes, all.edges, all.suggestion], [30, 29, 'focus']);
    const focused = buildDiagramModel(graph, { options: { ...BRIEF, depth: 10 }, focus: 'p15', today: TODAY, limits });
    assert.ok(focused.kind === 'tooLarge' && focused.suggestion === 'lowerDepth');
    assert.equal(buildDiagramModel(graph, { options: { ...BRIEF, depth: 2 }, focus: 'p15', today: TODAY, limits }).kind, 'diagram');
    const tinyText = buildDiagramModel(graph, { options: WORKSPACE, today: TODAY, limits: { maxNodes: 100, maxEdges: 100, maxTextSize: 200 } });
    assert.equal(tinyText.kind, 'tooLarge');
  });

  it('lets the program-level graph of 200 programs through (raised edge limit)', () => {
    assert.ok(DIAGRAM_LIMITS.maxEdges > 500, 'Mermaid\'s default is 500 edges');
    const programs = Array.from({ length: 200 }, (_, i) => ({
      program: `p${i}`, title: `Program ${i}`, owner: '@x', target: '2026-12-01',
      depends_on: [1, 2, 3].map((k) => i - k).filter((j) => j >= 0).map((j) => `p${j}`),
    }));
    const model = diagram(buildDiagramModel(graphOf(...programs), { options: WORKSPACE, today: TODAY }));
    assert.equal(model.nodes.length, 200);
    assert.equal(model.edges.length, 594);
  });
});

describe('diagram model: critical path of a selection', () => {
  const graph = graphOf(
    { program: 'app', title: 'App', owner: '@x', target: '2026-09-01', depends_on: ['api'], milestones: [
      { id: 'launch', title: 'Launch', owner: '@x', due: '2026-08-01', depends_on: ['beta', 'api#v2'] },
      { id: 'beta', title: 'Beta', owner: '@x', due: '2026-05-01' },
    ] },
    { program: 'api', title: 'API', owner: '@y', target: '2026-10-01', milestones: [{ id: 'v2', title: 'API v2', owner: '@y', due: '2026-06-15' }] },
  );

  it('follows the latest-due upstream at each step, with labels and dates', () => {
    assert.deepEqual(criticalPathSteps(graph, 'milestone', 'app#launch'), [
      { id: 'app#launch', label: 'Launch', due: '2026-08-01' },
      { id: 'api#v2', label: 'API v2', due: '2026-06-15' },
    ]);
  });

  it('works on programs at program level, and is empty for unknown nodes', () => {
    assert.deepEqual(criticalPathSteps(graph, 'program', 'app').map((step) => step.id), ['app', 'api']);
    assert.deepEqual(criticalPathSteps(graph, 'milestone', 'nope'), []);
  });
});

describe('diagram model: the schedule on the diagram (docs/schedule.md)', () => {
  // The worked example; on 2027-03-02 storage#cluster (due 03-01) is overdue and slips 9 days.
  const workspace = workspaceOf(EXAMPLE);
  const schedule = workspaceSchedule(workspace);
  const today = '2027-03-02';

  it('milestone nodes carry forecast, slip and slack; nodes downstream of overdue or slipping work are at risk', () => {
    const model = diagram(buildDiagramModel(workspace.graph(), { options: BRIEF, focus: 'api', today, schedule }));
    const byId = new Map(model.nodes.map((node) => [node.id, node]));
    assert.deepEqual(
      { forecast: byId.get('api#v2')?.forecast, slip: byId.get('api#v2')?.slip, slack: byId.get('api#v2')?.slack, atRisk: byId.get('api#v2')?.atRisk },
      { forecast: '2027-03-10', slip: 5, slack: 10, atRisk: true },
    );
    assert.equal(byId.get('storage#cluster')?.atRisk, true);
    assert.equal(byId.get('storage#cluster')?.display, 'overdue', 'the status as lint decides it stays');
    assert.equal(byId.get('web#cutover')?.atRisk, true, 'downstream of the slipping api#v2');
    assert.equal(byId.get('storage#hardware')?.atRisk, undefined);
    assert.equal(byId.get('storage#hardware')?.slack, 0);
    // Drawn: the forecast line on the node, and the at-risk words and class.
    const index = model.nodes.findIndex((node) => node.id === 'api#v2');
    const line = model.source.split('\n').find((l) => l.trim().startsWith(`n${index}[`))!;
    assert.match(line, /forecast 2027-03-10 #40;#43;5 d#41; #183; slack 10<br\/>/);
    assert.match(line, /#9888; At risk from upstream/);
    assert.match(model.source, new RegExp(`class [n0-9,]*\\bn${index}\\b[n0-9,]* schedRisk`));
    // A done milestone's date is fact: its forecast, no slack.
    const webModel = diagram(buildDiagramModel(workspace.graph(), { options: BRIEF, focus: 'web', today, schedule }));
    const design = webModel.nodes.findIndex((node) => node.id === 'web#design');
    const designLine = webModel.source.split('\n').find((l) => l.trim().startsWith(`n${design}[`))!;
    assert.match(designLine, /forecast 2027-02-01<br\/>/);
    assert.doesNotMatch(designLine, /slack/);
  });

  it('the same model without a schedule draws what it drew before (the CLI graph is unchanged)', () => {
    const withOut = diagram(buildDiagramModel(workspace.graph(), { options: BRIEF, focus: 'api', today }));
    assert.ok(withOut.nodes.every((node) => node.forecast === undefined && node.atRisk === undefined));
    assert.doesNotMatch(withOut.source, /forecast|schedRisk/);
    assert.doesNotMatch(toMermaid(buildGraphView(workspace.graph(), { today })), /forecast|schedRisk/);
  });

  it('the critical path is the remaining one: done milestones left out, each step with its forecast and slack', () => {
    assert.deepEqual(criticalPathSteps(workspace.graph(), 'milestone', 'api#v2', schedule), [
      { id: 'api#v2', label: 'api#v2', due: '2027-03-05', forecast: '2027-03-10', slack: 10 },
      { id: 'storage#cluster', label: 'storage#cluster', due: '2027-03-01', forecast: '2027-03-10', slack: 0 },
      { id: 'storage#hardware', label: 'storage#hardware', due: '2027-03-10', forecast: '2027-03-10', slack: 0 },
    ].map((step) => ({ ...step, label: workspace.graph().nodes.get(step.id)?.title ?? step.id })));
    // web#cutover waits for the done web#design (due 02-01) and api#v2: v1's chain took the
    // latest due date upstream; the remaining path has nothing (cutover does not slip, and
    // nothing upstream has slack 0 towards it); web#design is never on it.
    const remaining = criticalPathSteps(workspace.graph(), 'milestone', 'web#cutover', schedule).map((step) => step.id);
    assert.deepEqual(remaining, ['web#cutover']);
    assert.ok(criticalPathSteps(workspace.graph(), 'milestone', 'web#cutover').some((step) => step.id === 'api#v2'), 'v1 follows due dates');
    // At program level: the programs of the remaining path.
    const late = workspaceOf([
      { program: 'a', target: '2027-01-10', milestones: [{ id: 'm', due: '2027-01-05', depends: ['b#n'] }] },
      { program: 'b', target: '2027-02-01', milestones: [{ id: 'd', due: '2027-01-01', status: 'done' }, { id: 'n', due: '2027-01-20', depends: ['d'] }] },
    ]);
    const lateSchedule = workspaceSchedule(late);
    assert.deepEqual(criticalPathSteps(late.graph(), 'program', 'a', lateSchedule).map((step) => [step.id, step.forecast]), [['a', '2027-01-20'], ['b', '2027-02-01']]);
    assert.deepEqual(criticalPathSteps(late.graph(), 'milestone', 'a', lateSchedule).map((step) => step.id), ['a', 'a#m', 'b#n']);
  });
});

describe('diagram protocol: what the host accepts from a webview', () => {
  it('accepts well-formed messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'open', nodeId: 'a#b' }), { type: 'open', nodeId: 'a#b' });
    assert.deepEqual(parseWebviewMessage({ type: 'select' }), { type: 'select' });
    assert.deepEqual(parseWebviewMessage({ type: 'setOptions', options: { depth: 42, direction: 'TB' } }), { type: 'setOptions', options: { depth: 10, direction: 'TB' } });
    assert.deepEqual(parseWebviewMessage({ type: 'exportSvg', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' })?.type, 'exportSvg');
  });

  it('ignores anything else', () => {
    for (const bad of [null, 'ready', {}, { type: 'eval' }, { type: 'open' }, { type: 'open', nodeId: 42 }, { type: 'setOptions', options: { scope: 'everything' } },
      { type: 'setOptions', options: { direction: 'diagonal' } }, { type: 'exportSvg', svg: '<html><script>' }, { type: 'rendered', seq: 'x' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('restores only well-formed persisted state', () => {
    assert.deepEqual(parsePersistedState({ options: { scope: 'workspace', depth: 3, direction: 'RL' }, focus: 'p', view: { x: 1, y: 2, scale: 0.5 }, selected: 'p#m' }),
      { options: { scope: 'workspace', depth: 3, direction: 'RL' }, focus: 'p', view: { x: 1, y: 2, scale: 0.5 }, selected: 'p#m' });
    assert.deepEqual(parsePersistedState({ options: { scope: 'nope' }, view: { x: 'a' }, focus: 7 }), {});
    assert.deepEqual(parsePersistedState(undefined), {});
  });
});
