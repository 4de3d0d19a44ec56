/**
 * The language server's model as the extension's views see it: its custom requests
 * (src/server/protocol.ts), an event after each change of the model (its diagnostics are
 * published by then), and a promise for the first indexing. A view that asks again before the
 * last answer came cancels the stale request (the server then answers RequestCancelled).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SKIPPED_FILES, type BriefSummary, type DidChangeModelParams, type DidSkipFilesParams, type SkippedFilesResult } from '../server/protocol';
import { plainNotificationText, showWarning } from './plainText';
import type { Timings } from './timings';

export class ServerModel implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<DidChangeModelParams>();
  /** After each change of the server's model. */
  readonly onDidChange = this.changeEmitter.event;
  private resolveIndexed: () => void = () => undefined;
  /** Resolves once the server's first indexing is done (its diagnostics published). */
  readonly indexed = new Promise<void>((resolve) => (this.resolveIndexed = resolve));
  private readonly pending = new Map<string, vscode.CancellationTokenSource>();

  /** `timings`: each request's round trip is recorded there (src/extension/timings.ts). */
  constructor(private readonly client: LanguageClient, private readonly timings?: Timings) {}

  /** The server's briefs by uri (program id and title only), kept from its change notifications. */
  private readonly summaries = new Map<string, BriefSummary>();

  /** Called by the client for `programBriefs/didChangeModel`. */
  changed(params: DidChangeModelParams): void {
    if (params.all) this.summaries.clear();
    for (const uri of [...params.removed, ...params.changed]) this.summaries.delete(uri);
    for (const summary of params.summaries ?? []) this.summaries.set(summary.uri, summary);
    if (params.all) this.resolveIndexed();
    this.changeEmitter.fire(params);
  }

  private readonly shownNotices: string[] = [];

  /** Called by the client for `programBriefs/didSkipFiles`: each notice shown as plain text. */
  skippedFiles(params: DidSkipFilesParams): void {
    for (const notice of params.notices ?? []) {
      const text = plainNotificationText(String(notice));
      this.shownNotices.push(text);
      if (this.shownNotices.length > 100) this.shownNotices.shift();
      void showWarning(text);
    }
  }

  /** The skip notices shown, oldest first (tests check there is one per file). */
  get notices(): readonly string[] {
    return this.shownNotices;
  }

  /** The files the server leaves out on purpose now: uri → why. */
  async skipped(): Promise<Map<string, string>> {
    const result = await this.request<SkippedFilesResult>(SKIPPED_FILES);
    return new Map((result?.files ?? []).map(({ uri, reason }) => [uri, reason]));
  }

  /** The brief at a uri, if the server has one there. */
  brief(uri: string): BriefSummary | undefined {
    return this.summaries.get(uri);
  }

  /** Every brief of the server's workspace. */
  briefs(): BriefSummary[] {
    return [...this.summaries.values()];
  }

  private running = 0;

  /** Requests sent and not answered yet (the benchmark waits for the views to settle). */
  get inFlight(): number {
    return this.running;
  }

  /** A request; with `key`, an earlier request of the same key still running is cancelled (its answer is undefined). */
  async request<R>(method: string, params: unknown = {}, key?: string): Promise<R | undefined> {
    this.running++;
    const started = performance.now();
    try {
      return await this.send<R>(method, params, key);
    } finally {
      this.running--;
      this.timings?.record({ event: 'request', method, ms: performance.now() - started });
    }
  }

  private async send<R>(method: string, params: unknown, key?: string): Promise<R | undefined> {
    let source: vscode.CancellationTokenSource | undefined;
    if (key !== undefined) {
      this.pending.get(key)?.cancel();
      source = new vscode.CancellationTokenSource();
      this.pending.set(key, source);
    }
    try {
      // Without a token, none is passed: an `undefined` last argument would go to the server as a
      // second, positional parameter (and its handler would get `null` in place of its token).
      return await (source ? this.client.sendRequest<R>(method, params, source.token) : this.client.sendRequest<R>(method, params));
    } catch (error) {
      if (source?.token.isCancellationRequested) return undefined;
      throw error;
    } finally {
      if (source && this.pending.get(key!) === source) this.pending.delete(key!);
      source?.dispose();
    }
  }

  dispose(): void {
    for (const source of this.pending.values()) source.cancel();
    this.pending.clear();
    this.changeEmitter.dispose();
  }
}
