/** Helpers shared by the measurements: statistics, timed child processes, bundling a child script. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface TimedRun {
  wallMs: number;
  /** Peak resident set size of the child in MB, when /usr/bin/time is available. */
  maxRssMB?: number;
  /** CPU time of the child (user + system, all threads) in ms, when /usr/bin/time is available. */
  cpuMs?: number;
  exitCode: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command with stdout sent to /dev/null (as `cmd > /dev/null` would) and measures its
 * wall time from spawn to exit. Peak RSS comes from GNU time, which writes it to a file so the
 * command's own stderr stays untouched.
 */
export function timeCommand(command: string, args: readonly string[], options: { cwd: string; scratchDir: string }): Promise<TimedRun> {
  mkdirSync(options.scratchDir, { recursive: true });
  const rssFile = join(options.scratchDir, `rss-${process.pid}-${Date.now()}.txt`);
  const withTime = existsSync(GNU_TIME);
  const [file, argv] = withTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, [...args]];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let maxRssMB: number | undefined;
      let cpuMs: number | undefined;
      if (withTime && existsSync(rssFile)) {
        // GNU time may print a line about the exit status first; the figures are on the last line.
        const [kb, user, system] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
        if (Number.isFinite(kb)) maxRssMB = kb / 1024;
        if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user + system) * 1000;
        rmSync(rssFile, { force: true });
      }
      resolvePromise({ wallMs, maxRssMB, cpuMs, exitCode: code, stderr });
    });
  });
}

/** Runs a node script and parses the JSON object it prints last on stdout. */
export function runNodeJson<T>(script: string, args: readonly string[], options: { cwd: string; nodeArgs?: string[] }): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => { stdout += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolvePromise(JSON.parse(last) as T);
      } catch (error) {
        reject(new Error(`${script} failed (${error instanceof Error ? error.message : String(error)}): ${stdout.slice(-2000)}`));
      }
    });
  });
}

/** As package.json's builds: the `yaml` package's ES module build (docs/benchmark.md, "The yaml package as an ES module"). */
const YAML_AS_ESM = { yaml: './node_modules/yaml/browser/index.js' };

/**
 * Bundles a TypeScript entry point the way the CLI and the extension are built (esbuild, node20,
 * minified), so children run plain `node` and measure what ships, not the tsx loader.
 */
export async function bundle(entry: string, outfile: string): Promise<string> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    sourcemap: true,
    alias: YAML_AS_ESM,
    logLevel: 'warning',
  });
  return outfile;
}

export function fmt(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
