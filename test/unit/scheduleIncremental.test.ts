/**
 * The incremental schedule (src/core/schedule/scheduleIndex.ts) equals a computation from
 * scratch after every edit of seeded random edit sequences; and a typing edit recomputes only
 * what is downstream of it.
 */
import * as assert from 'node:assert/strict';
import { buildScheduleGraph, computeSchedule, dateOfDay, dayNumber, ScheduleIndex, type ScheduleGraph, type ScheduleResult } from '../../src/core/schedule';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { prng } from '../support/prng';
import { briefText, randomWorkspace, workspaceOf, type BriefSpec } from './scheduleFixtures';

function snapshot(graph: ReadonlyMap<string, { predecessors: string[]; successors: string[]; planned?: number; pinned: boolean }>, result: ReadonlyMap<string, unknown>) {
  const nodes = [...graph.keys()].sort().map((id) => {
    const node = graph.get(id)!;
    return { id, predecessors: node.predecessors, successors: node.successors, planned: node.planned, pinned: node.pinned, schedule: result.get(id) };
  });
  return nodes;
}

function fromScratch(workspace: BriefWorkspace) {
  const graph: ScheduleGraph = buildScheduleGraph(workspace);
  const result: ScheduleResult = computeSchedule(graph);
  return snapshot(graph, result);
}

type Edit = (specs: BriefSpec[], random: () => number) => BriefSpec | { deleted: string } | undefined;

const pick = <T>(items: T[], random: () => number) => items[Math.floor(random() * items.length)];
const someDay = (random: () => number) => dateOfDay(dayNumber('2027-01-01') + Math.floor(random() * 120));
const allMilestones = (specs: BriefSpec[]) => specs.flatMap((s) => s.milestones.map((m) => `${s.program}#${m.id}`));

const EDITS: Record<string, Edit> = {
  due(specs, random) {
    const spec = pick(specs, random);
    const m = spec.milestones.length > 0 ? pick(spec.milestones, random) : undefined;
    if (!m) return undefined;
    if (random() < 0.2) delete m.due;
    else m.due = someDay(random);
    return spec;
  },
  status(specs, random) {
    const spec = pick(specs, random);
    const m = spec.milestones.length > 0 ? pick(spec.milestones, random) : undefined;
    if (!m) return undefined;
    m.status = pick(['done', 'cancelled', 'in-progress', 'at-risk', 'not-started'], random);
    return spec;
  },
  target(specs, random) {
    const spec = pick(specs, random);
    if (random() < 0.2) delete spec.target;
    else spec.target = someDay(random);
    return spec;
  },
  addReference(specs, random) {
    const spec = pick(specs, random);
    const m = spec.milestones.length > 0 ? pick(spec.milestones, random) : undefined;
    const all = allMilestones(specs);
    if (!m || all.length === 0) return undefined;
    // Sometimes a reference to nothing (yet).
    m.depends = [...(m.depends ?? []), random() < 0.2 ? `p9#ghost${Math.floor(random() * 3)}` : pick(all, random)];
    return spec;
  },
  removeReference(specs, random) {
    const spec = pick(specs, random);
    const m = spec.milestones.find((x) => (x.depends ?? []).length > 0);
    if (!m) return undefined;
    m.depends = m.depends!.slice(1);
    return spec;
  },
  programReference(specs, random) {
    const spec = pick(specs, random);
    const all = allMilestones(specs);
    if (all.length === 0) return undefined;
    spec.depends = random() < 0.5 ? [pick(all, random)] : [];
    return spec;
  },
  addMilestone(specs, random) {
    const spec = pick(specs, random);
    spec.milestones.push({ id: `n${Math.floor(random() * 1000)}`, due: someDay(random), depends: [] });
    return spec;
  },
  removeMilestone(specs, random) {
    const spec = pick(specs, random);
    if (spec.milestones.length === 0) return undefined;
    spec.milestones.splice(Math.floor(random() * spec.milestones.length), 1);
    return spec;
  },
  renameProgram(specs, random) {
    const spec = pick(specs, random);
    spec.program = `${spec.program}x`;
    return spec;
  },
  deleteBrief(specs, random) {
    if (specs.length <= 1) return undefined;
    const i = Math.floor(random() * specs.length);
    const [gone] = specs.splice(i, 1);
    return { deleted: (gone as BriefSpec & { uri: string }).uri };
  },
  addBrief(specs, random) {
    const spec: BriefSpec & { uri?: string } = { program: `q${Math.floor(random() * 100)}`, target: someDay(random), milestones: [{ id: 'a', due: someDay(random), depends: allMilestones(specs).length > 0 ? [pick(allMilestones(specs), random)] : [] }] };
    specs.push(spec);
    return spec;
  },
};

/**
 * A seeded random workspace, and a function that makes one random edit of it (a brief changed,
 * added or deleted): the edit's name, or undefined when the edit drawn did not apply.
 */
function editedWorkspace(random: () => number): { workspace: BriefWorkspace; edit: () => string | undefined } {
  const names = Object.keys(EDITS);
  const specs = randomWorkspace(random) as (BriefSpec & { uri?: string })[];
  specs.forEach((spec, i) => (spec.uri = `file:///ws/b${i}.md`));
  const workspace = new BriefWorkspace();
  for (const spec of specs) workspace.setText(spec.uri!, briefText(spec));
  let fresh = specs.length;
  const edit = (): string | undefined => {
    const name = pick(names, random);
    const edited = EDITS[name](specs, random);
    if (!edited) return undefined;
    if ('deleted' in edited) workspace.delete(edited.deleted);
    else {
      const spec = edited as BriefSpec & { uri?: string };
      spec.uri ??= `file:///ws/b${fresh++}.md`;
      workspace.setText(spec.uri, briefText(spec));
    }
    return name;
  };
  return { workspace, edit };
}

describe('schedule: incremental updates equal a computation from scratch (seeded)', function () {
  this.timeout(120_000);
  const SEED = 4242;

  it('after every edit of 150 random sequences of 25 edits', () => {
    const random = prng(SEED);
    let structural = 0;
    let local = 0;
    for (let run = 0; run < 150; run++) {
      const { workspace, edit } = editedWorkspace(random);
      const index = new ScheduleIndex();
      index.update(workspace);
      assert.deepEqual(snapshot(index.nodes, index.schedule), fromScratch(workspace), `run ${run}: first build`);
      for (let step = 0; step < 25; step++) {
        const name = edit();
        if (!name) continue;
        const update = index.update(workspace);
        if (update.structural) structural++;
        else local++;
        assert.deepEqual(snapshot(index.nodes, index.schedule), fromScratch(workspace), `run ${run} (seed ${SEED}), step ${step}: ${name}`);
      }
    }
    assert.ok(structural > 100 && local > 100, `both kinds of update were exercised: ${structural} structural, ${local} local`);
  });

  it('after several edits at once, and after more edits than the workspace remembers', () => {
    // The index asks the workspace which programs changed since it last looked
    // (programsChangedSince); past its memory the answer is "unknown" and every brief is looked at.
    const random = prng(SEED + 1);
    for (let run = 0; run < 40; run++) {
      const { workspace, edit } = editedWorkspace(random);
      const index = new ScheduleIndex();
      index.update(workspace);
      for (let batch = 0; batch < 6; batch++) {
        // Now and then a long run of edits (3,000 typed: beyond the workspace's memory).
        const edits = batch === 3 && run % 4 === 0 ? 3000 : 1 + Math.floor(random() * 5);
        const since = workspace.version;
        for (let step = 0; step < edits; step++) edit();
        if (edits > 2048) assert.equal(workspace.programsChangedSince(since), undefined, 'forgotten');
        index.update(workspace);
        assert.deepEqual(snapshot(index.nodes, index.schedule), fromScratch(workspace), `run ${run} (seed ${SEED + 1}), batch ${batch} of ${edits} edits`);
      }
    }
  });

  it('brought from one workspace to another of the same version (brief diff does this), it follows the other', () => {
    const a = workspaceOf([{ program: 'p', target: '2027-06-01', milestones: [{ id: 'm', due: '2027-02-01', depends: [] }] }]);
    const b = workspaceOf([{ program: 'p', target: '2027-06-01', milestones: [{ id: 'm', due: '2027-03-01', depends: [] }] }]);
    assert.equal(a.version, b.version);
    const index = new ScheduleIndex();
    index.update(a);
    index.update(b);
    assert.deepEqual(snapshot(index.nodes, index.schedule), fromScratch(b));
  });

  it('programsChangedSince: the programs of the files changed, before and after', () => {
    const workspace = new BriefWorkspace();
    workspace.setText('file:///ws/a.md', briefText({ program: 'a', milestones: [] }));
    const v = workspace.version;
    assert.deepEqual(workspace.programsChangedSince(v), new Set());
    workspace.setText('file:///ws/a.md', briefText({ program: 'renamed', milestones: [] }));
    workspace.setText('file:///ws/b.md', briefText({ program: 'b', milestones: [] }));
    workspace.setText('file:///ws/notes.md', '# Not a brief\n');
    assert.deepEqual(workspace.programsChangedSince(v), new Set(['a', 'renamed', 'b']));
    workspace.delete('file:///ws/b.md');
    assert.deepEqual(workspace.programsChangedSince(v + 3), new Set(['b']));
    assert.equal(workspace.programsChangedSince(workspace.version + 1), undefined, 'a version this workspace never had');
  });

  it('a date typed in one milestone recomputes what is downstream of it, not the workspace', () => {
    // 200 independent chains of 5 milestones; one date changes at the head of one chain.
    const specs: BriefSpec[] = Array.from({ length: 200 }, (_, p) => ({
      program: `p${p}`, target: '2027-06-01',
      milestones: Array.from({ length: 5 }, (_, m) => ({ id: `m${m}`, due: '2027-02-01', depends: m > 0 ? [`m${m - 1}`] : [] })),
    }));
    const workspace = workspaceOf(specs);
    const index = new ScheduleIndex();
    index.update(workspace);
    assert.equal(index.nodes.size, 200 * 6);
    specs[7].milestones[0].due = '2027-03-01';
    workspace.setText('file:///ws/p7.md', briefText(specs[7]));
    const update = index.update(workspace);
    assert.equal(update.structural, false);
    assert.ok(update.recomputed <= 6, `recomputed ${update.recomputed} nodes (the chain and its finish)`);
    // Each milestone of the chain now lands 03-01; the finish (target 06-01) does not move.
    assert.deepEqual(update.changed, ['p7#m0', 'p7#m1', 'p7#m2', 'p7#m3', 'p7#m4']);
    assert.deepEqual(snapshot(index.nodes, index.schedule), fromScratch(workspace));
  });
});
