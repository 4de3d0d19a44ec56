/**
 * Publishes the lint results of the live index to the Problems panel, re-linting only the briefs
 * a change can affect (spec'd by `briefsAffectedBy`), and reports a broken briefs.config.json as
 * a diagnostic on that file.
 *
 * Each diagnostic's `code` links to the rule's page. The link is the page shipped inside the
 * installed extension (`<extension>/docs/rules/<id>.md`): it works offline and always matches
 * the installed version, where a repository URL would need a network and could drift.
 */
import * as vscode from 'vscode';
import { briefsAffectedBy, lintBrief, type Brief, type Diagnostic, type Range } from '../core';
import type { BriefIndex, BriefIndexChange } from './briefIndex';
import { configErrorRange } from '../language/configErrorRange';
import { toVsRange, toVsSeverity } from './convert';
import type { Timings } from './timings';

export const DIAGNOSTIC_SOURCE = 'program-briefs';
export const CONFIG_FILE = 'briefs.config.json';

export class BriefDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** The core diagnostics behind what is published, per uri: quick fixes read their `data`. */
  private readonly published = new Map<string, Diagnostic[]>();
  private readonly subscription: vscode.Disposable;
  private configDiagnosticUri: vscode.Uri | undefined;

  constructor(
    private readonly index: BriefIndex,
    private readonly extensionUri: vscode.Uri,
    private readonly timings: Timings,
  ) {
    this.subscription = index.onDidChange((change) => this.update(change));
  }

  /** The core diagnostic of `rule` published at `range` in `uri`, if any. */
  find(uri: vscode.Uri, rule: string, range: vscode.Range): Diagnostic | undefined {
    return this.published.get(uri.toString())?.find((d) => d.rule === rule && sameRange(d.range, range));
  }

  private update(change: BriefIndexChange): void {
    const started = performance.now();
    const workspace = this.index.workspace;
    let affected: Iterable<Brief>;
    if (change.configChanged) {
      affected = workspace.briefs();
      // Anything published that is no longer a brief of the index (deleted, now excluded).
      for (const uri of [...this.published.keys()]) {
        if (!workspace.get(uri)?.isBrief) this.forget(uri);
      }
    } else {
      const set = new Set<Brief>();
      for (const uri of [...change.changed, ...change.removed]) {
        for (const brief of briefsAffectedBy(workspace, uri, change.programIds)) set.add(brief);
      }
      affected = set;
    }
    const affectedMs = performance.now() - started;
    for (const uri of [...change.removed, ...change.changed]) {
      if (!workspace.get(uri)?.isBrief) this.forget(uri);
    }
    // One `set` for the whole batch: one message to the Problems panel, not one per brief.
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const brief of affected) entries.push(this.lint(brief));
    this.collection.set(entries);
    const count = entries.length;
    if (change.configChanged) void this.publishConfigError();
    const lintMs = performance.now() - started;
    if (!this.timings.firstDiagnosticsDone && change.configChanged) {
      this.timings.record({
        event: 'first-diagnostics', ms: this.timings.sinceActivation(), briefs: count,
        files: this.index.lastIndexing?.files ?? 0, indexMs: change.elapsedMs ?? 0, lintMs,
        findMs: this.index.lastIndexing?.findMs, readParseMs: this.index.lastIndexing?.readParseMs, workers: this.index.lastIndexing?.workers,
      });
    } else if (!change.configChanged && change.changed.length === 1) {
      this.timings.record({
        event: 'update', ms: (change.elapsedMs ?? 0) + lintMs, parseMs: change.elapsedMs ?? 0, affectedMs, lintMs,
        affected: count, uri: change.changed[0],
      });
    }
  }

  private lint(brief: Brief): [vscode.Uri, vscode.Diagnostic[]] {
    const diagnostics = lintBrief(this.index.workspace, brief, { config: this.index.config });
    this.published.set(brief.uri, diagnostics);
    return [vscode.Uri.parse(brief.uri), diagnostics.map((d) => this.toVs(d))];
  }

  private forget(uri: string): void {
    this.published.delete(uri);
    this.collection.delete(vscode.Uri.parse(uri));
  }

  private toVs(diagnostic: Diagnostic): vscode.Diagnostic {
    const result = new vscode.Diagnostic(toVsRange(diagnostic.range), diagnostic.message, toVsSeverity(diagnostic.severity));
    result.source = DIAGNOSTIC_SOURCE;
    result.code = { value: diagnostic.rule, target: this.docsUri(diagnostic.rule) };
    if (diagnostic.related) {
      result.relatedInformation = diagnostic.related.map((related) => new vscode.DiagnosticRelatedInformation(
        new vscode.Location(vscode.Uri.parse(related.uri), toVsRange(related.range)), related.message));
    }
    return result;
  }

  docsUri(rule: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${rule}.md`);
  }

  /** A broken config is shown where it is broken, in addition to the index's error message. */
  private async publishConfigError(): Promise<void> {
    const error = this.index.configError;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = root && vscode.Uri.joinPath(root, CONFIG_FILE);
    if (this.configDiagnosticUri && (!error || this.configDiagnosticUri.toString() !== uri?.toString())) {
      this.collection.delete(this.configDiagnosticUri);
      this.configDiagnosticUri = undefined;
    }
    if (!error || !uri) return;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    // The index's copy: the file is not read again (it may be a FIFO or a link the index refused).
    const text = open ? open.getText() : this.index.configText ?? '';
    if (this.index.configError !== error) return; // superseded while reading
    const message = error.message.startsWith(`${CONFIG_FILE}: `) ? error.message.slice(CONFIG_FILE.length + 2) : error.message;
    const diagnostic = new vscode.Diagnostic(toVsRange(configErrorRange(text, message)),
      `Invalid ${CONFIG_FILE}: ${message}. The file is ignored until it is fixed.`, vscode.DiagnosticSeverity.Error);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = 'config';
    this.collection.set(uri, [diagnostic]);
    this.configDiagnosticUri = uri;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
    this.published.clear();
  }
}

function sameRange(a: Range, b: vscode.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}
