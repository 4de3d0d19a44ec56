/**
 * In-process figures: index the workspace in a BriefWorkspace, lint it, then re-lint after each of
 * `iterations` edits of one brief (that brief and the briefs affected by it, cross-file rules
 * included): p50 / p95 per edit, and the process's peak RSS. Runs in a fresh child process
 * (edit-loop.child.ts, bundled like the shipped code) so nothing else inflates the memory figure.
 *
 * Like the cold runs, the whole loop runs `runs` times (each in a new process) and the median
 * run's figures are reported: a burst of other work on the machine during one loop shows up in
 * that loop's p95 only. The note lists every run's p95, and the CPU time per edit, which waiting
 * for a core does not inflate.
 */
import { join } from 'node:path';
import type { EditLoopResult } from './edit-loop.child';
import type { Measurement } from './types';
import { bundle, fmt, median, percentile, runNodeJson } from './util';

export const editLoop: Measurement = {
  id: 'edit',
  title: 'In-process: indexed workspace, re-lint after an edit',
  async run(context) {
    const script = await bundle(join(context.root, 'bench/measure/edit-loop.child.ts'), join(context.buildDir, 'edit-loop.js'));
    const results: EditLoopResult[] = [];
    for (let i = 0; i < context.runs; i++) {
      // --expose-gc: the child settles the heap after indexing, as an editor idles before the first edit.
      const result = await runNodeJson<EditLoopResult>(script, [context.workspaceDir, String(context.iterations)], { cwd: context.root, nodeArgs: ['--expose-gc'] });
      context.log(`  run ${i + 1}/${context.runs}: p50 ${fmt(percentile(result.editMs, 50), 2)} ms, p95 ${fmt(percentile(result.editMs, 95), 2)} ms `
        + `(CPU p95 ${fmt(percentile(result.cpuMs, 95), 2)} ms), ${fmt(result.maxRssMB, 0)} MB`);
      results.push(result);
    }
    const p95s = results.map((r) => percentile(r.editMs, 95));
    // The run whose p95 is the median one (of an odd number of runs; the lower middle otherwise).
    const result = results[p95s.indexOf([...p95s].sort((a, b) => a - b)[Math.floor((p95s.length - 1) / 2)])];
    const edited = result.editedUri.split('/').slice(-2).join('/');
    context.log(`  edited ${edited}: ${result.dependents} dependents, ${result.affectedMin}-${result.affectedMax} briefs re-linted per edit`);
    const of = `${result.iterations} edits, median of ${results.length} runs`;
    return [
      { id: 'edit.indexMs', label: `index ${result.briefs.toLocaleString('en-US')} briefs (setText each)`, value: median(results.map((r) => r.indexMs)), unit: 'ms' },
      { id: 'edit.fullLintMs', label: `lint all briefs once (${result.diagnostics.toLocaleString('en-US')} diagnostics)`, value: median(results.map((r) => r.fullLintMs)), unit: 'ms' },
      {
        id: 'edit.p50',
        label: `edit + re-lint, p50 (${of})`,
        value: percentile(result.editMs, 50),
        unit: 'ms',
        note: `${result.affectedMax} briefs re-linted per edit; setText p50 ${fmt(percentile(result.setTextMs, 50), 2)} ms`,
      },
      {
        id: 'edit.p95',
        label: `edit + re-lint, p95 (${of})`,
        value: percentile(result.editMs, 95),
        unit: 'ms',
        target: { max: 10 },
        note: `runs: ${p95s.map((p) => fmt(p, 1)).join(', ')} ms; CPU time p50 ${fmt(percentile(result.cpuMs, 50), 2)} ms, p95 ${fmt(percentile(result.cpuMs, 95), 2)} ms`,
      },
      { id: 'edit.max', label: 'edit + re-lint, max (same run)', value: Math.max(...result.editMs), unit: 'ms' },
      {
        id: 'edit.peakRss',
        label: 'in-process peak RSS (indexed workspace)',
        value: Math.max(...results.map((r) => r.maxRssMB)),
        unit: 'MB',
        target: { max: 300 },
        note: `highest of ${results.length} runs; heap used ${fmt(result.heapUsedMB, 0)} MB`,
      },
    ];
  },
};
