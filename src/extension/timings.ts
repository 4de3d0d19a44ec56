/**
 * Extension-host timings for the benchmark (bench/measure/activation.ts) and for anyone asking
 * "why is it slow": always logged to the output channel at debug level; also appended as JSON
 * lines to the file named by PROGRAM_BRIEFS_TIMINGS when that variable is set.
 */
import * as fs from 'node:fs';
import type * as vscode from 'vscode';

export const TIMINGS_ENV = 'PROGRAM_BRIEFS_TIMINGS';

export type TimingEvent =
  /** From the start of activate() to the language server's first diagnostics of every brief being published (its first indexing announced). */
  | {
    event: 'first-diagnostics'; ms: number; briefs: number; files: number; indexMs: number; lintMs: number;
    /** Of `indexMs`: finding the files, then reading and parsing them (with `workers` parse workers). */
    findMs?: number; readParseMs?: number; workers?: number;
  }
  /**
   * One document update: from its change sent to the language server to its diagnostics back in
   * the client (`ms`; the server's own parse, affected briefs and lint are inside it, so
   * `parseMs` and `affectedMs` are 0 and `lintMs` is `ms`).
   */
  | { event: 'update'; ms: number; parseMs: number; affectedMs: number; lintMs: number; affected: number; uri: string }
  | { event: 'activated'; ms: number }
  /** One custom request of the extension's views and commands to the server: its round trip. */
  | { event: 'request'; method: string; ms: number }
  /** From the start of activate() to the server's index cache published (docs/language-server.md#the-index-cache): only when it had the workspace. */
  | { event: 'cached-diagnostics'; ms: number; briefs: number }
  /**
   * Memory (bytes, `process.memoryUsage()`) of the extension host and of the language server
   * (its `programBriefs/memory`), `ms` after activation; `when` says at which point of a run.
   */
  | { event: 'memory'; ms: number; when: string; host: { rss: number; heapUsed: number }; server?: { pid: number; rss: number; heapUsed: number } };

export class Timings {
  private readonly file = process.env[TIMINGS_ENV];
  /** performance.now() at the start of activate(). */
  readonly activationStart = performance.now();
  private firstDiagnosticsLogged = false;
  /** The latest entries, newest last (bounded), for tests and the benchmark suite. */
  readonly recent: (TimingEvent & { at: number })[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  sinceActivation(): number {
    return performance.now() - this.activationStart;
  }

  get firstDiagnosticsDone(): boolean {
    return this.firstDiagnosticsLogged;
  }

  record(entry: TimingEvent): void {
    if (entry.event === 'first-diagnostics') {
      if (this.firstDiagnosticsLogged) return;
      this.firstDiagnosticsLogged = true;
    }
    this.recent.push({ ...entry, at: Date.now() });
    if (this.recent.length > 1000) this.recent.splice(0, this.recent.length - 1000);
    const { event, ...rest } = entry;
    this.output.debug(`timing ${event} ${JSON.stringify(rest)}`);
    if (this.file) {
      try {
        fs.appendFileSync(this.file, JSON.stringify({ ...entry, at: Date.now() }) + '\n');
      } catch {
        // Timings are a diagnostic aid; never let them break the extension.
      }
    }
  }
}
