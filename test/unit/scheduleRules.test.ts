/**
 * The schedule rules (`schedule-slip`, `status-optimistic`) on the worked example of
 * docs/schedule.md, and incrementally: after an edit, re-linting only `briefsAffectedBy` gives
 * what linting everything from scratch gives (seeded random edit sequences), without re-linting
 * everything.
 */
import * as assert from 'node:assert/strict';
import { mergeConfig } from '../../src/core/workspace/config';
import { briefsAffectedBy, lintBrief, lintWorkspace, type Diagnostic } from '../../src/core/rules/lint';
import { keepScheduleIncremental } from '../../src/core/schedule/workspaceSchedule';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { briefText, EXAMPLE, randomWorkspace, workspaceOf, type BriefSpec } from './scheduleFixtures';

const config = mergeConfig({ today: '2026-03-01' });
const SCHEDULE_RULES = new Set(['schedule-slip', 'status-optimistic', 'schedule-conflict']);

function show(d: Diagnostic): string {
  const related = (d.related ?? []).map((r) => `${r.uri.replace('file:///ws/', '')}:${r.range.start.line}:${r.range.start.character} ${r.message}`);
  return `${d.uri.replace('file:///ws/', '')} ${d.rule} ${d.range.start.line}:${d.range.start.character} ${d.message}${related.length ? ` [${related.join(' | ')}]` : ''}`;
}

function scheduleDiagnostics(workspace: BriefWorkspace): string[] {
  return [...lintWorkspace(workspace, { config }).values()].flat().filter((d) => SCHEDULE_RULES.has(d.rule)).map(show);
}

/** The example with one milestone's due date changed. */
function withDue(specs: BriefSpec[], program: string, milestone: string, due: string): BriefSpec[] {
  return specs.map((spec) => (spec.program !== program ? spec : { ...spec, milestones: spec.milestones.map((m) => (m.id === milestone ? { ...m, due } : m)) }));
}

describe('schedule rules: the worked example of docs/schedule.md', () => {
  it('storage#cluster is a schedule-conflict, api#v2 a schedule-slip (pushed from storage#hardware), web nothing', () => {
    assert.deepEqual(scheduleDiagnostics(workspaceOf(EXAMPLE)).sort(), [
      'api.md schedule-slip 10:17 Milestone `v2` is forecast 2027-03-10, 5 days after its due date 2027-03-05, driven by `storage#cluster` (due 2027-03-01, forecast 2027-03-10) ← `storage#hardware` (due 2027-03-10); expected a due date on or after 2027-03-10, or `storage#hardware` pulled in'
        + ' [api.md:9:9 `api#v2` (due 2027-03-05, forecast 2027-03-10) | storage.md:13:9 `storage#cluster` (due 2027-03-01, forecast 2027-03-10) | storage.md:9:9 `storage#hardware` (due 2027-03-10)]',
      'storage.md schedule-conflict 14:17 Milestone `cluster` is due 2027-03-01, before `hardware`, which it depends on, is due 2027-03-10; expected a due date on or after 2027-03-10 [storage.md:9:9 `hardware` is due 2027-03-10]',
    ]);
  });

  it('what if storage#hardware slips 14 days: web#cutover slips 4 days, through api#v2; the web program still finishes by its target', () => {
    const diagnostics = scheduleDiagnostics(workspaceOf(withDue(EXAMPLE, 'storage', 'hardware', '2027-03-24')));
    const web = diagnostics.filter((d) => d.startsWith('web.md'));
    assert.equal(web.length, 1, diagnostics.join('\n'));
    assert.match(web[0], /^web\.md schedule-slip 17:17 Milestone `cutover` is forecast 2027-03-24, 4 days after its due date 2027-03-20, driven by `api#v2` \(due 2027-03-05, forecast 2027-03-24\) ← `storage#cluster` \(due 2027-03-01, forecast 2027-03-24\) ← `storage#hardware` \(due 2027-03-24\);/);
    assert.ok(!diagnostics.some((d) => d.includes('status-optimistic')), 'web finishes 2027-03-25, its target');
  });

  it('a slip past the target: the program finish is a schedule-slip at `target`, and `on-track` is status-optimistic at `status`', () => {
    const diagnostics = scheduleDiagnostics(workspaceOf(withDue(EXAMPLE, 'storage', 'hardware', '2027-03-30')));
    const web = diagnostics.filter((d) => d.startsWith('web.md'));
    assert.deepEqual(web.map((d) => d.split(' ').slice(0, 3).join(' ')).sort(), ['web.md schedule-slip 17:17', 'web.md schedule-slip 5:8', 'web.md status-optimistic 4:8']);
    const optimistic = web.find((d) => d.includes('status-optimistic'))!;
    assert.match(optimistic, /Program `web` reports `on-track`, but it is forecast to finish 2027-03-30, 5 days after its target 2027-03-25 \(driven by `web#cutover` \(due 2027-03-20, forecast 2027-03-30\) ← `api#v2`/);
  });
});

/** A random edit of one program's spec: a due date moved, a status changed, a dependency added or dropped, the target moved. */
function randomEdit(spec: BriefSpec, all: string[], random: () => number): BriefSpec {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const day = () => `2027-${String(1 + Math.floor(random() * 4)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const next: BriefSpec = { ...spec, milestones: spec.milestones.map((m) => ({ ...m, depends: [...(m.depends ?? [])] })) };
  const kind = random();
  if (kind < 0.15 || next.milestones.length === 0) {
    next.target = day();
  } else if (kind < 0.25) {
    next.status = pick(['on-track', 'at-risk', 'on-track', 'proposed']);
  } else {
    const milestone = pick(next.milestones);
    const what = random();
    if (what < 0.55) milestone.due = day();
    else if (what < 0.7) milestone.status = pick(['done', 'in-progress', 'cancelled', 'not-started']);
    else if (what < 0.85 && all.length > 0) milestone.depends = [...(milestone.depends ?? []), pick(all)];
    else milestone.depends = (milestone.depends ?? []).slice(1);
  }
  return next;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('schedule rules: incremental re-lint', () => {
  it('editing a title re-lints that brief only; moving an upstream date re-lints the brief two programs downstream', () => {
    const workspace = workspaceOf(EXAMPLE);
    lintWorkspace(workspace, { config });
    const webUri = 'file:///ws/web.md';
    const storageUri = 'file:///ws/storage.md';
    workspace.setText(webUri, briefText(EXAMPLE[2]).replace('title: "web"', 'title: "Web cutover"'));
    assert.deepEqual(briefsAffectedBy(workspace, webUri, ['web']).map((b) => b.uri), [webUri]);
    // web depends on api only (and on api#v2): storage is two programs upstream.
    workspace.setText(storageUri, briefText(withDue(EXAMPLE, 'storage', 'hardware', '2027-03-24')[0]));
    const affected = briefsAffectedBy(workspace, storageUri, ['storage']).map((b) => b.uri).sort();
    assert.deepEqual(affected, ['file:///ws/api.md', storageUri, webUri].sort());
    assert.ok(lintBrief(workspace, workspace.get(webUri)!, { config }).some((d) => d.rule === 'schedule-slip'));
  });

  for (const mode of ['computed once, then incremental from the first edit', 'incremental from the start (keepScheduleIncremental)'] as const) it(`over seeded random edit sequences, re-linting the affected briefs equals linting everything from scratch (${mode})`, () => {
    const random = mulberry32(20261201);
    let relinted = 0;
    let total = 0;
    for (let sequence = 0; sequence < 60; sequence++) {
      let specs = randomWorkspace(random);
      const workspace = workspaceOf(specs);
      if (mode.startsWith('incremental')) keepScheduleIncremental(workspace);
      const published = new Map<string, string[]>();
      for (const [uri, diagnostics] of lintWorkspace(workspace, { config })) published.set(uri, diagnostics.map(show));
      for (let step = 0; step < 15; step++) {
        const all = specs.flatMap((spec) => spec.milestones.map((m) => `${spec.program}#${m.id}`));
        const which = Math.floor(random() * specs.length);
        specs = specs.map((spec, i) => (i === which ? randomEdit(spec, all, random) : spec));
        const uri = `file:///ws/${specs[which].program}.md`;
        workspace.setText(uri, briefText(specs[which]));
        const affected = briefsAffectedBy(workspace, uri, [specs[which].program]);
        relinted += affected.length;
        total += specs.length;
        for (const brief of affected) published.set(brief.uri, lintBrief(workspace, brief, { config }).map(show));
        const fresh = lintWorkspace(workspaceOf(specs), { config });
        for (const [freshUri, diagnostics] of fresh) {
          assert.deepEqual(published.get(freshUri), diagnostics.map(show), `sequence ${sequence}, step ${step}: ${freshUri} after editing ${uri}`);
        }
      }
    }
    assert.ok(relinted < total, `re-linted ${relinted} of ${total} brief lints: not everything every time`);
  });
});
