/**
 * Runs the built CLI over one hostile case, every output format, each in its own process with a
 * hard time limit, and checks what a CI log or a consumer of the output would be exposed to.
 * Shared by the test (hostile.test.ts) and the benchmark (bench/measure/hostile.ts).
 */
import { spawn } from 'node:child_process';
import type { HostileCase } from './corpus';

/** Generous: a case that needs this long has hung; the benchmark's target is 2 s. */
export const HANG_GUARD_MS = 20_000;

export interface CliRun {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export function runCli(cliPath: string, args: string[], cwd: string, timeoutMs = HANG_GUARD_MS): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ args, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started, timedOut });
    });
  });
}

function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}

/** Every output of the CLI a case is run through. */
export const CASE_COMMANDS: readonly string[][] = [
  ['lint', '.', '--format', 'json', '--today', '2026-06-01'],
  ['lint', '.', '--format', 'sarif', '--today', '2026-06-01'],
  ['lint', '.', '--format', 'stylish', '--today', '2026-06-01'],
  ['lint', '.', '--format', 'github', '--today', '2026-06-01'],
  ['checklist', '.', '--format', 'text'],
  ['checklist', '.', '--format', 'json'],
  ['graph', '.', '--format', 'json'],
  ['graph', '.', '--format', 'mermaid'],
];

/** A line a GitHub runner would obey: `::command ...::` or `##[command]` after leading whitespace. */
const WORKFLOW_COMMAND_LINE = /^\s*(?:::|##\[)/;
/** Our own annotations in the `github` format: `::error file=...,line=N,...::message`. */
const OWN_ANNOTATION = /^::(?:error|warning|notice) file=[^\r\n]*::/;
/** Controls and bidi overrides that would reach a terminal raw (tab and newline are fine). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** A JavaScript stack frame: internal errors must never reach the user as a stack trace. */
const STACK_FRAME = /^\s+at .*:\d+:\d+\)?$/m;

/** What is wrong with one run of a case (empty when nothing is). */
export function problemsOf(hostile: HostileCase, run: CliRun): string[] {
  const problems: string[] = [];
  const label = run.args.slice(0, 4).join(' ');
  if (run.timedOut) return [`${label}: no result after ${HANG_GUARD_MS / 1000} s (hang)`];
  const exits = hostile.exits ?? [0, 1];
  if (run.code === null || !exits.includes(run.code)) problems.push(`${label}: exit ${run.code}, expected ${exits.join(' or ')}; stderr: ${run.stderr.slice(0, 300)}`);
  if (/internal error/i.test(run.stderr) || STACK_FRAME.test(run.stderr)) problems.push(`${label}: internal error or stack trace: ${run.stderr.slice(0, 300)}`);
  const max = hostile.maxOutputBytes ?? 4 * 1024 * 1024;
  if (run.stdout.length > max) problems.push(`${label}: ${run.stdout.length} bytes of output (over ${max}): not linear`);
  for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    if (RAW_CONTROL.test(text)) problems.push(`${label}: raw control or bidi character on ${stream}`);
    const isGithub = run.args.includes('github') && stream === 'stdout';
    const injected = text.split('\n').find((line) => WORKFLOW_COMMAND_LINE.test(line) && !(isGithub && OWN_ANNOTATION.test(line)));
    if (injected !== undefined) problems.push(`${label}: ${stream} line a CI runner would obey: ${JSON.stringify(injected.slice(0, 120))}`);
  }
  if (run.code === 2) {
    if (run.stderr.trim() === '') problems.push(`${label}: exit 2 without a message`);
    return problems;
  }
  const format = run.args[run.args.indexOf('--format') + 1];
  if (format === 'json' || format === 'sarif') {
    let parsed: any;
    try {
      parsed = JSON.parse(run.stdout);
    } catch (error) {
      problems.push(`${label}: invalid JSON: ${(error as Error).message}`);
      return problems;
    }
    if (run.args[0] === 'lint' && format === 'json' && !(parsed.version === 1 && Array.isArray(parsed.diagnostics) && parsed.briefs >= 1)) {
      problems.push(`${label}: not the lint JSON of the spec (version 1, diagnostics, briefs >= 1: the bystander brief)`);
    }
    if (format === 'sarif' && !(parsed.version === '2.1.0' && Array.isArray(parsed.runs) && parsed.runs.length === 1)) problems.push(`${label}: not SARIF 2.1.0`);
    if (run.args[0] === 'graph' && !(Array.isArray(parsed.nodes) && parsed.nodes.some((node: { id: string }) => node.id === 'bystander'))) {
      problems.push(`${label}: the bystander program is missing from the graph`);
    }
  }
  if (run.args[0] === 'checklist' && !run.stdout.includes('Stays readable')) problems.push(`${label}: the bystander's checklist item is missing: other files were affected`);
  return problems;
}
