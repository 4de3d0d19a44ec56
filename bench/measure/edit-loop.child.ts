/**
 * Runs in its own process (bundled by edit-loop.ts) so its peak RSS is the workspace's alone.
 * Indexes every brief of the folder in a BriefWorkspace, lints them all once, then edits one brief
 * `iterations` times the way an editor would (a milestone's due date, or one more checklist line),
 * and after each edit re-lints that brief and every brief affected by it, cross-file rules
 * included. Prints one JSON object with the timings.
 *
 *   node edit-loop.js <folder> <iterations>
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BriefWorkspace, briefsAffectedBy, keepScheduleIncremental, lintBrief, lintWorkspace, type Brief } from '../../src/core';
import { folderConfig, markdownFilesIn } from './folder';

export interface EditLoopResult {
  files: number;
  briefs: number;
  indexMs: number;
  fullLintMs: number;
  diagnostics: number;
  editedUri: string;
  dependents: number;
  affectedMin: number;
  affectedMax: number;
  iterations: number;
  /** Per iteration: setText + briefsAffectedBy + lintBrief of each affected brief. */
  editMs: number[];
  /** The same, split: parsing the edited text (setText) and the rest. */
  setTextMs: number[];
  /** CPU time of the process (all threads: GC helpers too) per iteration; wall minus this is time spent waiting for a core. */
  cpuMs: number[];
  /** Whether a full garbage collection settled the heap after indexing (node --expose-gc). */
  settled: boolean;
  maxRssMB: number;
  heapUsedMB: number;
}

/** The i-th edit of the original text: even i moves a milestone's due date, odd i adds a checklist line. */
export function editedText(original: string, i: number): string {
  if (i % 2 === 0) {
    const dues = [...original.matchAll(/^ {4}due: (\d{4})-(\d{2})-(\d{2})$/gm)];
    const match = dues[(i / 2) % dues.length];
    const day = String(1 + ((i / 2) % 28)).padStart(2, '0');
    const at = match.index! + match[0].length - 2;
    return original.slice(0, at) + day + original.slice(at + 2);
  }
  return `${original.trimEnd()}\n- [ ] Follow-up ${i} from the weekly sync @maria due:2026-0${1 + (i % 9)}-1${i % 10}\n`;
}

function main(folder: string, iterations: number): EditLoopResult {
  const files = markdownFilesIn(folder);
  const config = folderConfig(folder);
  const options = { config };

  // As the editor and the language server do: the schedule kept incrementally from the start.
  const workspace = keepScheduleIncremental(new BriefWorkspace());
  const started = performance.now();
  for (const file of files) workspace.setText(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  const indexed = performance.now();
  const all = lintWorkspace(workspace, options);
  const linted = performance.now();
  let diagnostics = 0;
  for (const list of all.values()) diagnostics += list.length;

  // The brief whose program has the most dependents: the worst case for re-linting after an edit.
  let edited: Brief | undefined;
  let dependents = -1;
  for (const brief of workspace.briefs()) {
    const count = brief.program ? workspace.dependentsOf(brief.program.value).size : 0;
    if (count > dependents) {
      dependents = count;
      edited = brief;
    }
  }
  if (!edited) throw new Error(`No briefs in ${folder}`);
  const uri = edited.uri;
  const original = edited.text;

  // The editor is idle between indexing the workspace and the first edit: let the collector finish
  // with the garbage of indexing first, when it can be asked to (the bench runs this with --expose-gc).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();

  const editMs: number[] = [];
  const setTextMs: number[] = [];
  const cpuMs: number[] = [];
  let affectedMin = Infinity;
  let affectedMax = 0;
  let sink = 0;
  for (let i = 0; i < iterations; i++) {
    const text = editedText(original, i);
    const before = workspace.get(uri)?.program?.value;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const brief = workspace.setText(uri, text);
    const t1 = performance.now();
    const ids = new Set([before, brief.program?.value].filter((id): id is string => id !== undefined));
    const affected = briefsAffectedBy(workspace, uri, ids);
    for (const other of affected) sink += lintBrief(workspace, other, options).length;
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    editMs.push(t2 - t0);
    setTextMs.push(t1 - t0);
    affectedMin = Math.min(affectedMin, affected.length);
    affectedMax = Math.max(affectedMax, affected.length);
  }
  if (sink < 0) console.error(sink);
  return {
    files: files.length,
    briefs: workspace.briefs().length,
    indexMs: indexed - started,
    fullLintMs: linted - indexed,
    diagnostics,
    editedUri: uri,
    dependents,
    affectedMin,
    affectedMax,
    iterations,
    editMs,
    setTextMs,
    cpuMs,
    settled: gc !== undefined,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024,
  };
}

if (require.main === module) {
  const [folder, iterations = '200'] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(main(folder, Number(iterations)))}\n`);
}
