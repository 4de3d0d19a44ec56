/**
 * Cold `brief lint` over the whole workspace, beside markdownlint-cli2 over the same files: wall
 * time from spawn to exit (median of `runs`), their ratio, and the CLI's peak RSS.
 *
 *   node dist/cli.js lint bench/.workspace --format json > /dev/null
 *   node node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs "bench/.workspace/**\/*.md" > /dev/null
 *
 * Until dist/cli.js exists (the CLI is being written), the `brief lint` rows are skipped and the
 * bench stand-in (bench/standin-cli.ts, the same core driven the simplest way) is measured instead,
 * so the core's share of the cost is visible; `--standin` measures it even when the CLI exists.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, Measurement, Row } from './types';
import { bundle, fmt, median, timeCommand, type TimedRun } from './util';

const MARKDOWNLINT_BIN = 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs';

async function timeRuns(context: BenchContext, label: string, command: string, args: string[], okCodes: number[]): Promise<TimedRun[]> {
  const runs: TimedRun[] = [];
  for (let i = 0; i < context.runs; i++) {
    const run = await timeCommand(command, args, { cwd: context.root, scratchDir: context.buildDir });
    if (run.exitCode === null || !okCodes.includes(run.exitCode)) {
      throw new Error(`${label} exited with ${run.exitCode}: ${run.stderr.slice(0, 2000)}`);
    }
    context.log(`  ${label} run ${i + 1}/${context.runs}: ${fmt(run.wallMs / 1000, 2)} s (CPU ${run.cpuMs === undefined ? '?' : fmt(run.cpuMs / 1000, 2)} s), ${run.maxRssMB === undefined ? '?' : fmt(run.maxRssMB, 0)} MB`);
    runs.push(run);
  }
  return runs;
}

const peakRss = (runs: TimedRun[]) => (runs.some((r) => r.maxRssMB !== undefined) ? Math.max(...runs.map((r) => r.maxRssMB ?? 0)) : undefined);
/** "CPU 2.1 s": the median CPU time (user + system) of the runs, which machine load disturbs less than wall time. */
const cpuNote = (runs: TimedRun[]) => (runs.every((r) => r.cpuMs !== undefined) ? `CPU ${fmt(median(runs.map((r) => r.cpuMs!)) / 1000, 2)} s` : undefined);

export const cliCold: Measurement = {
  id: 'cli',
  title: 'Cold lint of the whole workspace (separate processes)',
  async run(context) {
    const rows: Row[] = [];
    const files = `${context.briefs.toLocaleString('en-US')} files`;
    const cli = join(context.root, 'dist/cli.js');
    const hasCli = existsSync(cli);
    const lintArgs = ['lint', context.workspaceArg, '--format', 'json'];

    let ours: number | undefined;
    let oursNote: string | undefined;
    let oursRss: number | undefined;
    let oursCpu: string | undefined;
    let cacheRerun: number | undefined;
    if (hasCli) {
      // Exit code 1 means "lint errors found", which the workspace has on purpose.
      const runs = await timeRuns(context, 'brief lint', process.execPath, ['dist/cli.js', ...lintArgs], [0, 1]);
      ours = median(runs.map((r) => r.wallMs));
      oursRss = peakRss(runs);
      oursCpu = cpuNote(runs);
      // --cache (docs/cli.md#the-cache): one run to fill the cache, then unchanged reruns.
      const cacheArgs = [...lintArgs, '--cache', '--cache-location', join(context.buildDir, 'bench.briefcache')];
      rmSync(join(context.buildDir, 'bench.briefcache'), { force: true });
      await timeRuns({ ...context, runs: 1 }, 'brief lint --cache (filling it)', process.execPath, ['dist/cli.js', ...cacheArgs], [0, 1]);
      const cached = await timeRuns(context, 'brief lint --cache (unchanged)', process.execPath, ['dist/cli.js', ...cacheArgs], [0, 1]);
      cacheRerun = median(cached.map((r) => r.wallMs));
    } else {
      oursNote = existsSync(join(context.root, 'src/cli/main.ts'))
        ? 'dist/cli.js missing: run `npm run build:cli` (or `npm run bench`)'
        : 'CLI not written yet (no src/cli/main.ts); see the stand-in rows';
    }

    let standin: number | undefined;
    let standinRss: number | undefined;
    let standinCpu: string | undefined;
    if (!hasCli || process.argv.includes('--standin')) {
      const script = await bundle(join(context.root, 'bench/standin-cli.ts'), join(context.buildDir, 'standin-cli.js'));
      const runs = await timeRuns(context, 'stand-in lint', process.execPath, [script, ...lintArgs], [0, 1]);
      standin = median(runs.map((r) => r.wallMs));
      standinRss = peakRss(runs);
      standinCpu = cpuNote(runs);
    }

    const mdRuns = await timeRuns(context, 'markdownlint-cli2', process.execPath, [MARKDOWNLINT_BIN, `${context.workspaceArg}/**/*.md`], [0, 1]);
    const markdownlint = median(mdRuns.map((r) => r.wallMs));

    rows.push({ id: 'cli.cold.briefLint', label: `brief lint, ${files} (median of ${context.runs})`, value: ours, unit: 'ms', note: oursNote ?? oursCpu });
    rows.push({ id: 'cli.cold.markdownlint', label: `markdownlint-cli2, same files (median of ${context.runs})`, value: markdownlint, unit: 'ms', note: cpuNote(mdRuns) });
    rows.push({
      id: 'cli.cold.ratio',
      label: 'ratio brief lint / markdownlint-cli2',
      value: ours === undefined ? undefined : ours / markdownlint,
      unit: 'x',
      // Issue 15: at most half markdownlint-cli2's time on realistic bodies, a quarter on plain ones.
      target: { max: context.content === 'realistic' ? 0.5 : 0.25 },
      note: ours === undefined && standin !== undefined ? `stand-in: ${fmt(standin / markdownlint, 2)}x` : undefined,
    });
    rows.push({
      id: 'cli.cold.peakRss',
      label: 'brief lint peak RSS',
      value: oursRss,
      unit: 'MB',
      // Issue 15: at most 400 MB for 10,000 briefs (300 MB was the target at 2,000).
      target: { max: context.briefs >= 10_000 ? 400 : 300 },
      note: oursRss === undefined && standinRss !== undefined ? `stand-in: ${fmt(standinRss, 0)} MB` : undefined,
    });
    rows.push({ id: 'cli.cold.markdownlintPeakRss', label: 'markdownlint-cli2 peak RSS', value: peakRss(mdRuns), unit: 'MB' });
    if (cacheRerun !== undefined && ours !== undefined) {
      rows.push({ id: 'cli.cache.rerun', label: `brief lint --cache, unchanged rerun (median of ${context.runs})`, value: cacheRerun, unit: 'ms' });
      rows.push({ id: 'cli.cache.ratio', label: 'ratio cached rerun / cold brief lint', value: cacheRerun / ours, unit: 'x', target: { max: 0.25 } });
    }
    if (standin !== undefined) {
      rows.push({ id: 'cli.cold.standin', label: `core via bench stand-in CLI, ${files} (median of ${context.runs})`, value: standin, unit: 'ms', note: standinCpu });
      rows.push({ id: 'cli.cold.standinRatio', label: 'ratio stand-in / markdownlint-cli2', value: standin / markdownlint, unit: 'x' });
      rows.push({ id: 'cli.cold.standinPeakRss', label: 'stand-in peak RSS', value: standinRss, unit: 'MB' });
    }
    return rows;
  },
};
