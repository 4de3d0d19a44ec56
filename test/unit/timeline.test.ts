/**
 * The Timeline view's model (src/core/views/timeline.ts) on hand-worked fixtures
 * (test/fixtures/timeline/<name>/: briefs under programs/, what the timeline must hold in
 * expected.json): where each bar begins (own `start`, the milestone before it, the program's
 * `start`, a marker), forecasts, the status flags, and the arrows with the edges lint reports
 * on them. The red arrows are also checked against lint itself: an arrow is `conflict` exactly
 * when `schedule-conflict` reports its `depends_on` entry, `drivesSlip` exactly when
 * `schedule-slip` does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTimeline, type TimelineBar, type TimelineModel } from '../../src/core/views/timeline';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { lintWorkspace } from '../../src/core/rules/lint';
import { mergeConfig } from '../../src/core/workspace/config';
import { workspaceOf } from './scheduleFixtures';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'timeline');
const ROOT = 'file:///ws/';

function loadFixture(name: string): { workspace: BriefWorkspace; expected: any } {
  const dir = path.join(FIXTURES, name);
  const workspace = new BriefWorkspace();
  for (const file of fs.readdirSync(path.join(dir, 'programs')).sort()) {
    workspace.setText(`${ROOT}programs/${file}`, fs.readFileSync(path.join(dir, 'programs', file), 'utf8'));
  }
  return { workspace, expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) };
}

function barsById(model: TimelineModel): Map<string, TimelineBar> {
  const bars = new Map<string, TimelineBar>();
  for (const row of model.rows) for (const bar of row.bars) bars.set(`${bar.program}#${bar.milestone}`, bar);
  return bars;
}

describe('timeline model', () => {
  for (const name of fs.readdirSync(FIXTURES).sort()) {
    describe(`fixture ${name}`, () => {
      const { workspace, expected } = loadFixture(name);
      const model = buildTimeline(workspace, expected.today);
      const bars = barsById(model);
      const idOfKey = new Map([...bars].map(([id, bar]) => [bar.key, id]));

      it('has a row per program, sorted by id, with its bars in the brief\'s order and its undated milestones', () => {
        assert.deepEqual(model.rows.map((row) => row.program), expected.rows.map((row: any) => row.program));
        for (const [i, want] of expected.rows.entries()) {
          const row = model.rows[i];
          assert.deepEqual(row.bars.map((bar) => bar.milestone), want.bars, row.program);
          assert.deepEqual(row.undated.map((m) => m.milestone), want.undated, row.program);
          assert.equal(row.start, want.start, `${row.program} start`);
          assert.equal(row.target, want.target, `${row.program} target`);
          assert.equal(row.targetForecast, want.targetForecast, `${row.program} targetForecast`);
          if (want.teams) assert.deepEqual(row.teams, want.teams);
        }
      });

      it('begins and ends each bar, and flags it, as worked out by hand', () => {
        assert.deepEqual([...bars.keys()].sort(), Object.keys(expected.bars).sort());
        for (const [id, want] of Object.entries<any>(expected.bars)) {
          const bar = bars.get(id)!;
          const got: Record<string, unknown> = {};
          for (const key of Object.keys(want)) got[key] = (bar as any)[key];
          assert.deepEqual(got, want, id);
          if (!('forecast' in want)) assert.equal(bar.forecast, undefined, `${id} has no forecast past its due`);
        }
      });

      it('spans every date it draws, today included', () => {
        assert.equal(model.from, expected.from);
        assert.equal(model.to, expected.to);
        assert.equal(model.bars, bars.size);
      });

      it('draws the schedule\'s edges between milestones, red where lint reports them', () => {
        const arrows = model.arrows.map((a) => ({ from: idOfKey.get(a.from), to: idOfKey.get(a.to), conflict: a.conflict, drivesSlip: a.drivesSlip }));
        const order = (a: { from?: string; to?: string }) => `${a.from}>${a.to}`;
        assert.deepEqual([...arrows].sort((a, b) => order(a).localeCompare(order(b))), [...expected.arrows].sort((a: any, b: any) => order(a).localeCompare(order(b))));
      });

      it('agrees with lint: conflict arrows are the edges schedule-conflict reports, slip arrows those schedule-slip reports', () => {
        const diagnostics = [...lintWorkspace(workspace, { config: mergeConfig({ today: expected.today }) }).values()].flat();
        for (const arrow of model.arrows) {
          const to = [...bars.values()].find((bar) => bar.key === arrow.to)!;
          const from = [...bars.values()].find((bar) => bar.key === arrow.from)!;
          const brief = workspace.get(to.uri)!;
          const entry = brief.milestones[to.index].dependsOn.find((e) => `${e.program}#${e.milestone}` === from.node)!;
          const at = (rule: string) => diagnostics.some((d) => d.rule === rule && d.uri === to.uri && d.range.start.line === entry.range.start.line && d.range.start.character === entry.range.start.character);
          assert.equal(arrow.conflict, at('schedule-conflict'), `${from.node} → ${to.node} conflict`);
          assert.equal(arrow.drivesSlip, at('schedule-slip'), `${from.node} → ${to.node} drivesSlip`);
        }
        // And every entry lint reports between two drawn milestones has its arrow.
        const reported = diagnostics.filter((d) => d.rule === 'schedule-conflict' || d.rule === 'schedule-slip');
        for (const d of reported) {
          const brief = workspace.get(d.uri)!;
          for (const milestone of brief.milestones) {
            const entry = milestone.dependsOn.find((e) => e.range.start.line === d.range.start.line && e.range.start.character === d.range.start.character);
            if (!entry) continue;
            const arrow = model.arrows.find((a) => a.to === `${brief.uri}#${milestone.index}` && [...bars.values()].find((b) => b.key === a.from)?.node === `${entry.program}#${entry.milestone}`);
            assert.ok(arrow, `an arrow for ${d.rule} at ${d.uri}:${d.range.start.line}`);
            assert.ok(d.rule === 'schedule-conflict' ? arrow.conflict : arrow.drivesSlip, `${d.rule} arrow is red`);
          }
        }
      });

      it('knows where each date is written (what a drag edits)', () => {
        for (const bar of bars.values()) {
          const lines = workspace.get(bar.uri)!.text.split('\n');
          assert.equal(lines[bar.dueAt.line].slice(bar.dueAt.character, bar.dueAt.endCharacter), bar.due, `${bar.key} due`);
          if (bar.startSource === 'start') assert.equal(lines[bar.startAt!.line].slice(bar.startAt!.character, bar.startAt!.endCharacter), bar.startAt!.value);
          else assert.equal(bar.startAt, undefined);
        }
      });
    });
  }

  it('leaves a milestone whose due the schema rejected undated, and a rejected start unused', () => {
    const workspace = new BriefWorkspace();
    workspace.setText(`${ROOT}a.md`, '---\nprogram: a\ntitle: A\nowner: "@x"\nstart: not-a-date\nmilestones:\n  - id: one\n    due: 2027-13-45\n  - id: two\n    start: soon\n    due: 2027-02-01\n---\n');
    const model = buildTimeline(workspace, '2027-01-01');
    assert.deepEqual(model.rows[0].undated.map((m) => m.milestone), ['one']);
    assert.equal(model.rows[0].start, undefined);
    const [two] = model.rows[0].bars;
    assert.deepEqual([two.milestone, two.start, two.startSource], ['two', '2027-02-01', 'none']);
  });

  it('draws an arrow only between milestones it draws: none to a cancelled one, none to a program', () => {
    const workspace = workspaceOf([
      { program: 'a', target: '2027-06-01', milestones: [{ id: 'x', due: '2027-02-01' }, { id: 'gone', due: '2027-03-01', status: 'cancelled' }] },
      { program: 'b', milestones: [{ id: 'y', due: '2027-04-01', depends: ['a#x', 'a#gone'] }] },
    ]);
    const model = buildTimeline(workspace, '2027-01-01');
    assert.equal(model.arrows.length, 1);
    assert.equal(model.arrows[0].from, 'file:///ws/a.md#0');
    assert.equal(model.arrows[0].to, 'file:///ws/b.md#0');
  });

  it('a program with no brief milestones still has its row and target', () => {
    const workspace = workspaceOf([{ program: 'solo', target: '2027-05-01', milestones: [] }]);
    const model = buildTimeline(workspace, '2027-01-01');
    assert.deepEqual(model.rows.map((r) => [r.program, r.target, r.bars.length]), [['solo', '2027-05-01', 0]]);
    assert.deepEqual([model.from, model.to], ['2027-01-01', '2027-05-01']);
  });
});
