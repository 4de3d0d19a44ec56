/** Briefs for the schedule tests, written from small specs, and random workspaces (seeded by the caller). */
import { dateOfDay, dayNumber } from '../../src/core/schedule';
import { BriefWorkspace } from '../../src/core/workspace/workspace';

export interface MilestoneSpec { id: string; due?: string; status?: string; depends?: string[] }
export interface BriefSpec { program: string; target?: string; status?: string; depends?: string[]; milestones: MilestoneSpec[] }

export function briefText(spec: BriefSpec): string {
  const lines = ['---', `program: ${spec.program}`, `title: "${spec.program}"`, 'owner: "@maria"'];
  if (spec.status) lines.push(`status: ${spec.status}`);
  if (spec.target) lines.push(`target: ${spec.target}`);
  if (spec.depends?.length) lines.push(`depends_on: [${spec.depends.join(', ')}]`);
  lines.push('milestones:');
  if (spec.milestones.length === 0) lines[lines.length - 1] = 'milestones: []';
  for (const m of spec.milestones) {
    lines.push(`  - id: ${m.id}`, `    title: "${m.id}"`, '    owner: "@maria"');
    if (m.due) lines.push(`    due: ${m.due}`);
    if (m.status) lines.push(`    status: ${m.status}`);
    if (m.depends?.length) lines.push(`    depends_on: [${m.depends.join(', ')}]`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

export function workspaceOf(specs: BriefSpec[]): BriefWorkspace {
  const workspace = new BriefWorkspace();
  for (const spec of specs) workspace.setText(`file:///ws/${spec.program}.md`, briefText(spec));
  return workspace;
}

/** A random workspace: programs with dated and undated milestones, references across programs, some done and cancelled, maybe cycles. */
export function randomWorkspace(random: () => number): BriefSpec[] {
  const programs = 2 + Math.floor(random() * 5);
  const specs: BriefSpec[] = [];
  const all: string[] = [];
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const day = () => dateOfDay(dayNumber('2027-01-01') + Math.floor(random() * 120));
  for (let p = 0; p < programs; p++) {
    const milestones: MilestoneSpec[] = [];
    const count = Math.floor(random() * 5);
    for (let m = 0; m < count; m++) {
      const depends = all.length > 0 && random() < 0.6 ? [pick(all)] : [];
      if (all.length > 0 && random() < 0.1) depends.push(pick(all));
      milestones.push({
        id: `m${m}`,
        ...(random() < 0.85 && { due: day() }),
        ...(random() < 0.15 && { status: 'done' }),
        ...(random() < 0.05 && { status: 'cancelled' }),
        depends,
      });
    }
    for (const m of milestones) all.push(`p${p}#${m.id}`);
    specs.push({ program: `p${p}`, ...(random() < 0.8 && { target: day() }), milestones });
  }
  // Sometimes a back edge: a cycle.
  if (random() < 0.3 && specs[0].milestones.length > 0 && all.length > 1) specs[0].milestones[0].depends = [...(specs[0].milestones[0].depends ?? []), all[all.length - 1]];
  return specs;
}


const PROGRAMS = ['a', 'a-b', 'ab', 'a0', 'b', 'a-b-c', 'zz', 'a1', 'b-a'];
const MILESTONES = ['z', 'b', 'a-1', 'a', 'A', '10', '9', 'm', 'b2'];

/**
 * A random workspace with the awkward cases (test/unit/schedulePlan.test.ts): program ids that
 * are prefixes of others, milestone ids out of order, duplicated, cancelled, done or of an
 * unknown status, references to nothing, to whole programs, to themselves, twice, bare and
 * across programs, to later milestones (cycles), invalid dates.
 */
export function awkwardWorkspace(random: () => number): BriefSpec[] {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const count = 1 + Math.floor(random() * 6);
  const names = new Set<string>();
  while (names.size < count) names.add(pick(PROGRAMS));
  const programs = [...names];
  const day = () => `2027-0${1 + Math.floor(random() * 6)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const specs: BriefSpec[] = programs.map((program) => ({ program, milestones: [] }));
  const reference = (own: BriefSpec): string => {
    const roll = random();
    if (roll < 0.1) return `${pick(programs)}#ghost`;
    if (roll < 0.2) return pick(programs);
    const other = pick(specs);
    const milestone = other.milestones.length > 0 ? pick(other.milestones).id : pick(MILESTONES);
    return other === own && random() < 0.5 ? milestone : `${other.program}#${milestone}`;
  };
  for (const spec of specs) {
    const milestones: MilestoneSpec[] = [];
    const n = Math.floor(random() * 7);
    for (let m = 0; m < n; m++) {
      const roll = random();
      milestones.push({
        id: pick(MILESTONES),
        ...(random() < 0.8 && { due: random() < 0.05 ? '2027-02-30' : day() }),
        ...(roll < 0.15 ? { status: 'done' } : roll < 0.25 ? { status: 'cancelled' } : roll < 0.28 ? { status: 'finished' } : {}),
      });
    }
    spec.milestones = milestones;
    if (random() < 0.8) spec.target = random() < 0.05 ? 'soon' : day();
  }
  // References once every milestone exists, so that they can name later ones (and make cycles).
  for (const spec of specs) {
    for (const m of spec.milestones) {
      const refs: string[] = [];
      const k = Math.floor(random() * 3);
      for (let i = 0; i < k; i++) refs.push(reference(spec));
      if (random() < 0.1) refs.push(m.id);
      if (refs.length > 0 && random() < 0.1) refs.push(refs[0]);
      m.depends = refs;
    }
    if (random() < 0.5) spec.depends = [reference(spec), ...(random() < 0.5 ? [reference(spec)] : [])];
  }
  return specs;
}

/**
 * The worked example of docs/schedule.md. The storage cluster is late, so the API is late,
 * so the cutover is late:
 *
 *   storage#cluster  due 03-01, but it waits for storage#hardware (due 03-10)
 *   api#v2           due 03-05, waits for storage#cluster
 *   web#cutover      due 03-20, waits for api#v2 and web#design (done, 02-01)
 */
export const EXAMPLE: BriefSpec[] = [
  { program: 'storage', target: '2027-03-15', milestones: [{ id: 'hardware', due: '2027-03-10' }, { id: 'cluster', due: '2027-03-01', depends: ['hardware'] }] },
  { program: 'api', target: '2027-03-31', milestones: [{ id: 'v2', due: '2027-03-05', depends: ['storage#cluster'] }] },
  { program: 'web', target: '2027-03-25', status: 'on-track', depends: ['api'], milestones: [
    { id: 'design', due: '2027-02-01', status: 'done' },
    { id: 'cutover', due: '2027-03-20', depends: ['api#v2', 'design'] },
  ] },
];

