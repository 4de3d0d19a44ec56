/**
 * BriefWorkspace keeps its indexes and cycles up to date change by change (src/core/workspace/workspace.ts,
 * graphIndex.ts). Whatever the sequence of edits, it must answer exactly as a workspace built
 * from scratch with the same files: same briefs, lookups, dependents, graph, cycles, affected
 * briefs and diagnostics (cross-file rules included).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeConfig } from '../../src/core/workspace/config';
import { buildGraph, findCycles } from '../../src/core/workspace/graph';
import { briefsAffectedBy, lintBrief } from '../../src/core/rules/lint';
import { BriefWorkspace } from '../../src/core/workspace/workspace';

const PROGRAMS = ['a', 'b', 'c', 'd', 'e'];
const MILESTONES = ['m1', 'm2', 'm3'];
const REFS = ['a', 'b', 'c', 'd', 'x', 'm1', 'm2', 'm3', 'a#m1', 'b#m2', 'c#m3', 'd#m1', 'e#m2', 'a#zz'];
const URIS = ['file:///w/1.md', 'file:///w/2.md', 'file:///w/sub/3.md', 'file:///w/4.brief.md', 'file:///w/5.md', 'file:///w/6.md'];
const config = mergeConfig({ today: '2026-06-01' });

const refs = fc.array(fc.constantFrom(...REFS), { maxLength: 3 });
const milestone = fc.record({
  id: fc.constantFrom(...MILESTONES),
  due: fc.constantFrom('2026-01-01', '2026-05-01', '2026-09-01'),
  status: fc.constantFrom('done', 'in-progress', 'not-started'),
  deps: refs,
});
const briefText = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    program: fc.constantFrom(...PROGRAMS),
    deps: refs,
    milestones: fc.array(milestone, { maxLength: 3 }),
    links: fc.array(fc.constantFrom(...REFS), { maxLength: 2 }),
    tasks: fc.nat(2),
  }).map(({ program, deps, milestones, links, tasks }) => [
    '---', `program: ${program}`, 'title: T', 'owner: "@o"', 'target: 2026-08-01',
    ...(deps.length > 0 ? ['depends_on:', ...deps.map((d) => `  - ${d}`)] : []),
    ...(milestones.length > 0 ? ['milestones:', ...milestones.flatMap((m) => [
      `  - id: ${m.id}`, '    title: M', '    owner: "@o"', `    due: ${m.due}`, `    status: ${m.status}`,
      ...(m.deps.length > 0 ? [`    depends_on: [${m.deps.join(', ')}]`] : []),
    ])] : []),
    '---', '## Dependencies', ...links.map((l) => `- [[${l}]]`), '## Checklist', ...Array.from({ length: tasks }, (_, i) => `- [ ] task ${i} @o`), '',
  ].join('\n')) },
  { weight: 1, arbitrary: fc.constantFrom('# just notes\n', '---\ntitle: no program\n---\n', '', '---\nprogram: [\n---\n') },
);
const operation = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constant('set' as const), fc.constantFrom(...URIS), briefText) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('delete' as const), fc.constantFrom(...URIS), fc.constant('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('due' as const), fc.constantFrom(...URIS), fc.constant('')) },
);

/** Everything a workspace answers, as plain data. */
function observe(ws: BriefWorkspace): unknown {
  const programs = [...PROGRAMS, 'x', ''];
  ws.cycles(); // as linting does, before anyone asks for the graph
  const graph = ws.graph();
  const edges = new Set(graph.edges);
  for (const edge of ws.cycles().keys()) assert.ok(edges.has(edge), 'cycles() keys are edges of graph()');
  const cycles = [...ws.cycles()].map(([edge, cycle]) => ({ edge: strip(edge), path: cycle.path, edges: cycle.edges.map(strip) }));
  const fullCycles = [...findCycles(buildGraph(ws.briefs()))].map(([edge, cycle]) => ({ edge: strip(edge), path: cycle.path, edges: cycle.edges.map(strip) }));
  assert.deepEqual(cycles, fullCycles, 'cycles() differs from findCycles on the full graph');
  return {
    briefs: ws.briefs().map((b) => b.uri),
    briefsOf: programs.map((p) => ws.briefsOf(p).map((b) => b.uri)),
    program: programs.map((p) => ws.program(p)?.uri),
    dependents: programs.map((p) => [...ws.dependentsOf(p)].map((b) => b.uri)),
    milestones: programs.flatMap((p) => MILESTONES.map((m) => ws.milestone(p, m)?.milestone.id?.range)),
    graph: { nodes: [...graph.nodes.values()], edges: graph.edges.map(strip) },
    cycles,
    affected: URIS.map((uri) => briefsAffectedBy(ws, uri, programs).map((b) => b.uri)),
    diagnostics: ws.briefs().map((b) => lintBrief(ws, b, { config })),
  };
}

function strip(edge: { from: string; to: string; uri: string; range: unknown; dangling: boolean }) {
  return { from: edge.from, to: edge.to, uri: edge.uri, range: edge.range, dangling: edge.dangling };
}

describe('workspace: incremental indexes and cycles', () => {
  it('answer like a workspace built from scratch, after any sequence of edits (property)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(), { minLength: 1, maxLength: 25 }), (ops, checkpoints) => {
        const ws = new BriefWorkspace();
        const texts = new Map<string, string>();
        const check = new Set(checkpoints.map((n) => n % ops.length));
        ops.forEach(([kind, uri, text], i) => {
          if (kind === 'set') {
            ws.setText(uri, text);
            texts.set(uri, text);
          } else if (kind === 'delete') {
            ws.delete(uri);
            texts.delete(uri);
          } else if (texts.has(uri)) {
            // A due date moves: the graph keeps its shape, the ranges and values change.
            const moved = texts.get(uri)!.replace('2026-05-01', '2026-12-01').replace('title: T', 'title: T\nsummary: moved');
            ws.setText(uri, moved);
            texts.set(uri, moved);
          }
          if (!check.has(i) && i !== ops.length - 1) return;
          // Interleave queries, as the extension does, so cached answers get reused across edits.
          const fresh = new BriefWorkspace();
          for (const [u, t] of [...texts].reverse()) fresh.setText(u, t);
          assert.deepEqual(observe(ws), observe(fresh));
        });
      }),
      { numRuns: Number(process.env.WORKSPACE_RUNS ?? 300), seed: Number(process.env.WORKSPACE_SEED ?? 11) },
    );
  });

  it('re-lints a brief with the config, today and rules of each call (single-file results are reused only when they match)', () => {
    const ws = new BriefWorkspace();
    const brief = ws.setText('file:///w/a.md', '---\nprogram: a\ntitle: T\nowner: "@o"\nmilestones:\n  - id: m\n    title: M\n    owner: "@x"\n    due: 2026-03-01\n---\n');
    const rules = (config: Parameters<typeof lintBrief>[2]) => lintBrief(ws, brief, config).map((d) => d.rule).sort();
    const base = mergeConfig({ today: '2026-01-01' });
    assert.deepEqual(rules({ config: base }), []);
    assert.deepEqual(rules({ config: base }), [], 'the same again');
    assert.deepEqual(rules({ config: mergeConfig({ today: '2026-06-01' }) }), ['milestone-overdue'], 'another today');
    const people = mergeConfig({ today: '2026-01-01', people: ['@o'] });
    assert.deepEqual(rules({ config: people }), ['owner-unknown']);
    assert.deepEqual(rules({ config: mergeConfig({ today: '2026-01-01', people: ['@o', '@x'] }) }), []);
    assert.deepEqual(rules({ config: { ...people, rules: { 'owner-unknown': 'off' } } }), [], 'another rules setting');
    const first = lintBrief(ws, brief, { config: people });
    first[0].message = 'changed by a caller';
    assert.notEqual(lintBrief(ws, brief, { config: people })[0].message, 'changed by a caller', 'callers get their own diagnostics');
  });

  it('keeps cycles across edits that do not change the graph, and finds new ones after edits that do', () => {
    const ws = new BriefWorkspace();
    const brief = (program: string, dep: string, due: string) =>
      `---\nprogram: ${program}\ntitle: T\nowner: "@o"\nmilestones:\n  - id: m\n    title: M\n    owner: "@o"\n    due: ${due}\n    depends_on: [${dep}]\n---\n`;
    ws.setText('file:///w/a.md', brief('a', 'b#m', '2026-01-01'));
    ws.setText('file:///w/b.md', brief('b', 'c#m', '2026-01-01'));
    assert.equal(ws.cycles().size, 0);
    ws.setText('file:///w/c.md', brief('c', 'a#m', '2026-01-01'));
    assert.equal(ws.cycles().size, 3);
    ws.setText('file:///w/c.md', `\n${brief('c', 'a#m', '2026-02-01')}`.trimStart().replace('title: T', 'title: T\nsummary: one more line'));
    const cycles = [...ws.cycles().keys()];
    assert.equal(cycles.length, 3);
    const fromC = cycles.find((edge) => edge.uri === 'file:///w/c.md')!;
    assert.equal(fromC.range.start.line, 10, 'the edge of the edited brief points at its new place');
    ws.setText('file:///w/c.md', brief('c', 'x', '2026-01-01'));
    assert.equal(ws.cycles().size, 0);
  });
});
