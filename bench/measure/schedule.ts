/**
 * The schedule on the whole workspace (src/core/schedule), in process, after parsing:
 *
 * - the full schedule from scratch (`scheduleWorkspace`: nodes, edges, cycles, order, forecast,
 *   slip, slack and driver of every node, in numbered form; median of max(5, `runs`) after one
 *   warm-up build), and beside it, untargeted, the same schedule as node objects and a map by id
 *   (`buildSchedule` + `computeSchedule`, what the CLI's `brief schedule` prints from);
 * - one what-if (a milestone 14 days later, reusing the schedule's plan; median of 20), and one
 *   that reaches further (a whole program 30 days later; median of 20, untargeted);
 * - a due date edited in one brief, from the edit to the updated schedule through ScheduleIndex
 *   (re-parse of the brief included; p50/p95 of `iterations` edits).
 */
import { buildSchedule, computeSchedule, dateOfDay, ScheduleIndex, scheduleWorkspace, slipImpact } from '../../src/core/schedule';
import { loadWorkspace } from '../../src/host/workspaceFiles';
import { prng } from '../../test/support/prng';
import type { Measurement } from './types';
import { fmt, median, percentile } from './util';

export const schedule: Measurement = {
  id: 'schedule',
  title: 'Schedule: forecasts, what-if, edits (in process, after parsing)',
  async run(context) {
    const { workspace } = await loadWorkspace({ cwd: context.workspaceDir, paths: ['.'] });
    const repeats = Math.max(5, context.runs);
    // One build first, not timed, so that the timed ones run compiled code, as in a server.
    let schedule = scheduleWorkspace(workspace);
    const full: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      schedule = scheduleWorkspace(workspace);
      full.push(performance.now() - started);
    }
    const objects: number[] = [];
    for (let i = 0; i <= repeats; i++) {
      const started = performance.now();
      const built = buildSchedule(workspace);
      computeSchedule(built.graph, undefined, built.plan);
      if (i > 0) objects.push(performance.now() - started);
    }
    // The what-if starts from the computed schedule: its node objects and its plan (compared with
    // the plan's own schedule, so only what the slip reaches is looked at).
    const { graph, result, plan } = schedule;
    const random = prng(7);
    const dated = [...graph.values()].filter((node) => node.kind === 'milestone' && node.planned !== undefined && !result.get(node.id)!.onCycle);
    const whatIf: number[] = [];
    let moved = 0;
    for (let i = 0; i < 20; i++) {
      const ref = dated[Math.floor(random() * dated.length)].id;
      const started = performance.now();
      moved += slipImpact(graph, ref, 14, undefined, plan).changes.length;
      whatIf.push(performance.now() - started);
    }
    // A what-if that reaches further: a whole program 30 days later (all its open milestones move).
    const programs = [...graph.values()].filter((node) => node.kind === 'program');
    const programWhatIf: number[] = [];
    let programMoved = 0;
    // Its own sequence, so that the edits below are the same as before this row existed.
    const randomProgram = prng(8);
    for (let i = 0; i < 20; i++) {
      const ref = programs[Math.floor(randomProgram() * programs.length)].id;
      const started = performance.now();
      programMoved += slipImpact(graph, ref, 30, undefined, plan).changes.length;
      programWhatIf.push(performance.now() - started);
    }
    context.log(`  ${graph.size.toLocaleString('en-US')} schedule nodes; full schedule ${fmt(median(full), 1)} ms (as objects ${fmt(median(objects), 1)} ms); what-if ${fmt(median(whatIf), 1)} ms (${fmt(moved / 20, 0)} nodes moved on average)`);

    const index = new ScheduleIndex();
    index.update(workspace);
    const briefs = workspace.briefs().filter((brief) => brief.milestones.some((m) => m.due));
    const edits: number[] = [];
    let recomputed = 0;
    for (let i = 0; i < context.iterations; i++) {
      const brief = briefs[Math.floor(random() * briefs.length)];
      const milestone = brief.milestones.find((m) => m.due)!;
      const day = dateOfDay(Math.floor(Date.parse('2027-01-01T00:00:00Z') / 86_400_000) + Math.floor(random() * 200));
      const text = brief.text.replace(`due: ${milestone.due!.value}`, `due: ${day}`);
      const started = performance.now();
      workspace.setText(brief.uri, text);
      recomputed += index.update(workspace).recomputed;
      edits.push(performance.now() - started);
    }
    return [
      { id: 'schedule.nodes', label: 'schedule nodes', value: graph.size, unit: 'count' },
      { id: 'schedule.fullMs', label: `full schedule from scratch (median of ${full.length})`, value: median(full), unit: 'ms', target: { max: 100 }, note: 'numbered: every forecast, slip, slack and driver' },
      { id: 'schedule.fullObjectsMs', label: `the same as node objects and a map by id (median of ${objects.length})`, value: median(objects), unit: 'ms', note: 'buildSchedule + computeSchedule, as `brief schedule` reads it' },
      { id: 'schedule.whatIfMs', label: 'one what-if, a milestone 14 days later (median of 20)', value: median(whatIf), unit: 'ms', target: { max: 50 }, note: `${fmt(moved / 20, 0)} nodes moved on average` },
      { id: 'schedule.whatIfProgramMs', label: 'one what-if, a whole program 30 days later (median of 20)', value: median(programWhatIf), unit: 'ms', note: `${fmt(programMoved / 20, 0)} nodes moved on average` },
      { id: 'schedule.edit.p50', label: `due date edited to updated schedule, p50 (${edits.length} edits)`, value: percentile(edits, 50), unit: 'ms', note: `re-parse included; ${fmt(recomputed / edits.length, 0)} nodes recomputed per edit on average` },
      { id: 'schedule.edit.p95', label: `due date edited to updated schedule, p95 (${edits.length} edits)`, value: percentile(edits, 95), unit: 'ms', target: { max: 10 } },
    ];
  },
};
