/**
 * The extension in a real VS Code (code-server, through the real-editor harness) on the benchmark
 * workspace: activation to first diagnostics of every brief, and keystroke to diagnostics on the
 * brief with the most dependents, both in extension-host time as the extension itself reports
 * them (src/extension/timings.ts, PROGRAM_BRIEFS_TIMINGS). Skipped, with a note, when the harness
 * cannot run (no code-server/Chromium).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement, Row } from './types';
import { fmt, percentile } from './util';

interface Timing {
  event: string;
  ms: number;
  indexMs?: number;
  lintMs?: number;
  parseMs?: number;
  briefs?: number;
  affected?: number;
  affectedMs?: number;
  findMs?: number;
  readParseMs?: number;
  workers?: number;
}

const KEYSTROKES = 40;

export const activation: Measurement = {
  id: 'vscode',
  title: 'Extension in VS Code (code-server): activation and keystrokes, extension-host time',
  async run(context) {
    const skipped = (note: string): Row[] => [
      { id: 'vscode.firstDiagnosticsMs', label: 'activation to first diagnostics', unit: 'ms', target: { max: 5000 }, note },
      { id: 'vscode.keystroke.p95', label: 'keystroke to diagnostics, p95', unit: 'ms', target: { max: 50 }, note },
    ];
    const build = spawnSync('npm', ['run', '--silent', 'build:extension'], { cwd: context.root, encoding: 'utf8' });
    if (build.status !== 0) return skipped(`npm run build:extension failed: ${build.stderr.trim().split('\n').pop()}`);
    const outdir = join(context.buildDir, 'vscode-bench');
    rmSync(outdir, { recursive: true, force: true });
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [join(context.root, 'bench/measure/activation.host.ts'), join(context.root, 'bench/measure/activation.edits.ts')],
      outdir,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    });
    const timingsFile = join(context.buildDir, 'vscode-timings.jsonl');
    rmSync(timingsFile, { force: true });
    mkdirSync(context.buildDir, { recursive: true });
    const started = performance.now();
    const { code, output } = await runHarness(context.root, [
      'test/harness/run-vscode-tests.mjs', '--workspace', context.workspaceDir, '--tests', join(outdir, 'activation.host.js'), '--timeout', '900',
    ], { PROGRAM_BRIEFS_TIMINGS: timingsFile, PROGRAM_BRIEFS_BENCH_KEYSTROKES: String(KEYSTROKES) });
    context.log(`  harness run: ${fmt((performance.now() - started) / 1000, 1)} s`);
    if (code !== 0 || !existsSync(timingsFile)) {
      return skipped(`harness failed (exit ${code}): ${output.trim().split('\n').slice(-3).join(' | ').slice(0, 200)}`);
    }
    const timings = readFileSync(timingsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Timing);
    const first = timings.find((t) => t.event === 'first-diagnostics');
    const activated = timings.find((t) => t.event === 'activated');
    const updates = timings.filter((t) => t.event === 'update').map((t) => t.ms);
    const parse = timings.filter((t) => t.event === 'update').map((t) => t.parseMs ?? 0);
    const affected = Math.max(0, ...timings.filter((t) => t.event === 'update').map((t) => t.affected ?? 0));
    const indexes = timings.filter((t) => t.event === 'update').map((t) => t.affectedMs ?? 0);
    return [
      { id: 'vscode.activateMs', label: 'activate() itself (indexing continues in the background)', value: activated?.ms, unit: 'ms' },
      {
        id: 'vscode.firstDiagnosticsMs', label: 'activation to first diagnostics', value: first?.ms, unit: 'ms', target: { max: 5000 },
        note: first
          ? `find ${fmt(first.findMs ?? 0, 0)} ms, read+parse ${fmt(first.readParseMs ?? 0, 0)} ms (${first.workers ?? 0} workers), lint+publish ${fmt(first.lintMs ?? 0, 0)} ms; ${first.briefs} briefs`
          : 'no first-diagnostics timing',
      },
      { id: 'vscode.keystroke.p50', label: `keystroke to diagnostics, p50 (${updates.length} keystrokes)`, value: updates.length ? percentile(updates, 50) : undefined, unit: 'ms', note: `${affected} briefs re-linted; p50 parse ${fmt(percentile(parse, 50), 1)} ms, workspace indexes ${fmt(percentile(indexes, 50), 1)} ms` },
      { id: 'vscode.keystroke.p95', label: 'keystroke to diagnostics, p95', value: updates.length ? percentile(updates, 95) : undefined, unit: 'ms', target: { max: 50 } },
      { id: 'vscode.keystroke.max', label: 'keystroke to diagnostics, max', value: updates.length ? Math.max(...updates) : undefined, unit: 'ms' },
    ];
  },
};

function runHarness(cwd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
