/** What one benchmark measurement is: a small module that turns the workspace into rows of figures. */

export type Unit = 'ms' | 's' | 'MB' | 'x' | 'count';

/** One figure of the results table (and of results.json). */
export interface Row {
  /** Stable key for results.json and for comparing runs, e.g. `cli.cold.wallMs`. */
  id: string;
  label: string;
  /** Undefined when it could not be measured (then `note` says why). */
  value?: number;
  unit: Unit;
  /** PASS when value <= max. */
  target?: { max: number };
  note?: string;
}

export type Status = 'PASS' | 'FAIL' | 'SKIP' | '';

export interface BenchContext {
  /** The repository root (cwd of spawned commands). */
  root: string;
  /** The generated workspace, absolute. */
  workspaceDir: string;
  /** The same, relative to `root`, with `/` separators (what the CLIs are given). */
  workspaceArg: string;
  /** Number of briefs in the workspace. */
  briefs: number;
  /** What the briefs' bodies look like (bench/generate.ts). */
  content: 'synthetic' | 'realistic';
  /** How many times cold runs are repeated (the median is reported). */
  runs: number;
  /** How many edits the in-process loop makes. */
  iterations: number;
  /** Where measurements may put build output and scratch files (inside the git-ignored workspace). */
  buildDir: string;
  log(message: string): void;
}

export interface Measurement {
  /** Short name, for `--only`. */
  id: string;
  title: string;
  run(context: BenchContext): Promise<Row[]>;
}

export function statusOf(row: Row): Status {
  if (!row.target) return '';
  if (row.value === undefined) return 'SKIP';
  return row.value <= row.target.max ? 'PASS' : 'FAIL';
}
