/**
 * The extension in a real VS Code (code-server, through the real-editor harness) on the benchmark
 * workspace, through its language server (the extension indexes nothing itself): activation to
 * the server's first diagnostics of every brief, and keystroke (the change sent to the server)
 * to its diagnostics back in VS Code on the brief with the most dependents, both in
 * extension-host time as the extension itself reports them (src/extension/timings.ts,
 * PROGRAM_BRIEFS_TIMINGS); then the memory of the extension host and of the server process (its
 * `programBriefs/memory`). Skipped, with a note, when the harness cannot run (no
 * code-server/Chromium).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '../../src/host/workspaceFiles';
import type { BenchContext, Measurement, Row } from './types';
import { fmt, percentile } from './util';

export interface Timing {
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
  when?: string;
  host?: { rss: number; heapUsed: number };
  server?: { pid: number; rss: number; heapUsed: number };
}

const MB = 1024 * 1024;

/**
 * The brief with the most dependents (read here, outside VS Code: the extension has no model to
 * ask), as a path relative to the workspace: the harness opens a copy of the folder, and the
 * suite types into the copy's file (an absolute uri here was a file outside the window's folder:
 * a second brief with the same program id, not the workspace's own).
 */
async function briefWithMostDependents(workspaceDir: string): Promise<string | undefined> {
  const { workspace } = await loadWorkspace({ cwd: workspaceDir, paths: ['.'] });
  let target: string | undefined;
  let most = -1;
  for (const brief of workspace.briefs()) {
    const id = brief.program?.value;
    const count = id ? workspace.dependentsOf(id).size : 0;
    if (count > most) {
      most = count;
      target = brief.uri;
    }
  }
  return target === undefined ? undefined : relative(workspaceDir, fileURLToPath(target)).split(sep).join('/');
}

const KEYSTROKES = 40;

/** Issue 11: 5 s to first diagnostics at 2,000 briefs; issue 15: 8 s cold at 10,000. */
function firstDiagnosticsTarget(briefs: number): number {
  return briefs >= 10_000 ? 8000 : 5000;
}

/** Issue 11: keystroke p95 30 ms at 2,000 briefs; issue 15: 20 ms at 10,000. */
function keystrokeTarget(briefs: number): number {
  return briefs >= 10_000 ? 20 : 30;
}

export const activation: Measurement = {
  id: 'vscode',
  title: 'Extension in VS Code (code-server) through the language server: activation, keystrokes, memory',
  async run(context) {
    const skipped = (note: string): Row[] => [
      { id: 'vscode.firstDiagnosticsMs', label: 'activation to first diagnostics', unit: 'ms', target: { max: firstDiagnosticsTarget(context.briefs) }, note },
      { id: 'vscode.keystroke.p95', label: 'keystroke to diagnostics, p95', unit: 'ms', target: { max: keystrokeTarget(context.briefs) }, note },
    ];
    const suite = await buildBenchSuite(context);
    if (typeof suite !== 'string') return skipped(suite.skipped);
    const target = await briefWithMostDependents(context.workspaceDir);
    if (!target) return skipped('the workspace has no brief');
    const run = await runBenchSuite(context, suite, { workspace: context.workspaceDir, keystrokes: KEYSTROKES, target, name: 'vscode' });
    if ('skipped' in run) return skipped(run.skipped);
    const { timings } = run;
    const first = timings.find((t) => t.event === 'first-diagnostics');
    const activated = timings.find((t) => t.event === 'activated');
    const updates = timings.filter((t) => t.event === 'update').map((t) => t.ms);
    const memory = timings.filter((t) => t.event === 'memory');
    const [afterIndex, afterTyping] = [memory[0], memory[memory.length - 1]];
    const mb = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / MB);
    return [
      { id: 'vscode.activateMs', label: 'activate() itself (the server indexes in its own process)', value: activated?.ms, unit: 'ms' },
      {
        id: 'vscode.firstDiagnosticsMs', label: 'activation to first diagnostics (through the language server)', value: first?.ms, unit: 'ms', target: { max: firstDiagnosticsTarget(context.briefs) },
        note: first ? `${first.briefs} briefs, indexed and linted in the server process` : 'no first-diagnostics timing',
      },
      { id: 'vscode.keystroke.p50', label: `keystroke to diagnostics in VS Code, p50 (${updates.length} keystrokes)`, value: updates.length ? percentile(updates, 50) : undefined, unit: 'ms', note: 'change sent to the server → its diagnostics handled by the client' },
      { id: 'vscode.keystroke.p95', label: 'keystroke to diagnostics in VS Code, p95', value: updates.length ? percentile(updates, 95) : undefined, unit: 'ms', target: { max: keystrokeTarget(context.briefs) } },
      { id: 'vscode.keystroke.max', label: 'keystroke to diagnostics in VS Code, max', value: updates.length ? Math.max(...updates) : undefined, unit: 'ms' },
      { id: 'vscode.memory.host.rss', label: 'extension host RSS after first diagnostics (VS Code\'s own extensions included)', value: mb(afterIndex?.host?.rss), unit: 'MB' },
      { id: 'vscode.memory.host.heap', label: 'extension host heap used after first diagnostics', value: mb(afterIndex?.host?.heapUsed), unit: 'MB', note: afterTyping && afterTyping !== afterIndex ? `${fmt(mb(afterTyping.host?.heapUsed) ?? 0, 1)} MB ${afterTyping.when}` : undefined },
      { id: 'vscode.memory.server.rss', label: 'language server process RSS after first diagnostics', value: mb(afterIndex?.server?.rss), unit: 'MB', note: afterTyping?.server ? `${fmt(mb(afterTyping.server.rss) ?? 0, 1)} MB ${afterTyping.when}` : 'not reported' },
      { id: 'vscode.memory.server.heap', label: 'language server heap used after first diagnostics', value: mb(afterIndex?.server?.heapUsed), unit: 'MB' },
    ];
  },
};

/** Builds the extension and the benchmark's extension-host suite; the suite's entry, or why not. */
export async function buildBenchSuite(context: BenchContext): Promise<string | { skipped: string }> {
  const build = spawnSync('npm', ['run', '--silent', 'build:extension'], { cwd: context.root, encoding: 'utf8' });
  if (build.status !== 0) return { skipped: `npm run build:extension failed: ${build.stderr.trim().split('\n').pop()}` };
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
  return join(outdir, 'activation.host.js');
}

/**
 * One run of the suite in code-server on `workspace` (a copy of it, unless `stateDir` is given:
 * then the folder itself, with VS Code's user data kept in `stateDir`, so that a second run is a
 * reopened window); the extension's timings.
 */
export async function runBenchSuite(
  context: BenchContext, suite: string,
  options: { workspace: string; keystrokes: number; target?: string; stateDir?: string; port?: number; name: string },
): Promise<{ timings: Timing[] } | { skipped: string }> {
  const timingsFile = join(context.buildDir, `${options.name}-timings.jsonl`);
  rmSync(timingsFile, { force: true });
  mkdirSync(context.buildDir, { recursive: true });
  const started = performance.now();
  const { code, output } = await runHarness(context.root, [
    'test/harness/run-vscode-tests.mjs', '--workspace', options.workspace, '--tests', suite, '--timeout', '900',
    ...(options.stateDir ? ['--state-dir', options.stateDir] : []),
    ...(options.port ? ['--port', String(options.port)] : []),
  ], { PROGRAM_BRIEFS_TIMINGS: timingsFile, PROGRAM_BRIEFS_BENCH_KEYSTROKES: String(options.keystrokes), PROGRAM_BRIEFS_BENCH_TARGET: options.target ?? '' });
  context.log(`  harness run (${options.name}): ${fmt((performance.now() - started) / 1000, 1)} s`);
  if (code !== 0 || !existsSync(timingsFile)) {
    return { skipped: `harness failed (exit ${code}): ${output.trim().split('\n').slice(-3).join(' | ').slice(0, 200)}` };
  }
  return { timings: readFileSync(timingsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Timing) };
}

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
