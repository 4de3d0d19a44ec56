/**
 * In-process figures: index the workspace in a BriefWorkspace, lint it, then re-lint after each of
 * `iterations` edits of one brief (that brief and the briefs affected by it, cross-file rules
 * included): p50 / p95 per edit, and the process's peak RSS. Runs in a fresh child process
 * (edit-loop.child.ts, bundled like the shipped code) so nothing else inflates the memory figure.
 */
import { join } from 'node:path';
import type { EditLoopResult } from './edit-loop.child';
import type { Measurement } from './types';
import { bundle, fmt, percentile, runNodeJson } from './util';

export const editLoop: Measurement = {
  id: 'edit',
  title: 'In-process: indexed workspace, re-lint after an edit',
  async run(context) {
    const script = await bundle(join(context.root, 'bench/measure/edit-loop.child.ts'), join(context.buildDir, 'edit-loop.js'));
    // --expose-gc: the child settles the heap after indexing, as an editor idles before the first edit.
    const result = await runNodeJson<EditLoopResult>(script, [context.workspaceDir, String(context.iterations)], { cwd: context.root, nodeArgs: ['--expose-gc'] });
    const edited = result.editedUri.split('/').slice(-2).join('/');
    context.log(`  edited ${edited}: ${result.dependents} dependents, ${result.affectedMin}-${result.affectedMax} briefs re-linted per edit`);
    const parse50 = percentile(result.setTextMs, 50);
    return [
      { id: 'edit.indexMs', label: `index ${result.briefs.toLocaleString('en-US')} briefs (setText each)`, value: result.indexMs, unit: 'ms' },
      { id: 'edit.fullLintMs', label: `lint all briefs once (${result.diagnostics.toLocaleString('en-US')} diagnostics)`, value: result.fullLintMs, unit: 'ms' },
      {
        id: 'edit.p50',
        label: `edit + re-lint, p50 (${result.iterations} edits)`,
        value: percentile(result.editMs, 50),
        unit: 'ms',
        note: `${result.affectedMax} briefs re-linted; setText p50 ${fmt(parse50, 2)} ms`,
      },
      {
        id: 'edit.p95',
        label: `edit + re-lint, p95 (${result.iterations} edits)`,
        value: percentile(result.editMs, 95),
        unit: 'ms',
        target: { max: 10 },
        note: `CPU time p50 ${fmt(percentile(result.cpuMs, 50), 2)} ms, p95 ${fmt(percentile(result.cpuMs, 95), 2)} ms`,
      },
      { id: 'edit.max', label: 'edit + re-lint, max', value: Math.max(...result.editMs), unit: 'ms' },
      { id: 'edit.peakRss', label: 'in-process peak RSS (indexed workspace)', value: result.maxRssMB, unit: 'MB', target: { max: 300 }, note: `heap used ${fmt(result.heapUsedMB, 0)} MB` },
    ];
  },
};
