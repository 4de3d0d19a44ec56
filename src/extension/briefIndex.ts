/**
 * The extension's live model of the workspace: every brief, indexed on activation without
 * opening editors, kept current from open documents (debounced), saves, creations, renames and
 * deletions, and from configuration changes. Features (diagnostics, language features, trees,
 * diagram) read `workspace` and listen to `onDidChange`; none of them reads files itself.
 */
import { realpath, stat as statPath } from 'node:fs/promises';
import * as vscode from 'vscode';
import {
  BriefWorkspace, ConfigError, keepScheduleIncremental, mergeConfig, mayBeBrief, parseConfig, RULE_IDS,
  type Brief, type BriefsConfig, type ConfigOverrides,
} from '../core';
import { createDirectoryFilter, createFileFilter } from '../core/workspace/glob';
import { ParsePool } from '../host/parsePool';
import { BINARY_REASON, decodeBytes, SIZE_SETTING, tooLargeReason } from '../host/parseProtocol';
import { plainNotificationText, showWarning } from './plainText';
import { isInsideFolder } from '../host/insideFolder';
import { readRegularFile } from '../host/readRegularFile';

export interface BriefIndexChange {
  /** Uris (strings) whose text changed or that were added. */
  changed: string[];
  /** Uris that left the index (deleted, renamed away, now excluded, or skipped). */
  removed: string[];
  /** Program ids of the changed and removed briefs, before and after the change. */
  programIds: string[];
  /** True when the configuration changed: every brief's diagnostics may differ. */
  configChanged: boolean;
  /** Time spent reading and parsing for this change, in ms (for timings). */
  elapsedMs?: number;
}

const CONFIG_FILE = 'briefs.config.json';
const TYPING_DEBOUNCE_MS = 150;
/** Indexing that takes longer than this shows a progress notification. */
const PROGRESS_AFTER_MS = 500;
/** Files read at once while indexing: enough to overlap I/O, few enough not to flood the host. */
const READ_CONCURRENCY = 32;
/** From this many Markdown files on, indexing uses parse workers (starting them costs ~100 ms). */
const POOL_THRESHOLD = 200;
/** Files handed to the parse workers at once. */
const POOL_CONCURRENCY = 256;
/** Folders created in a burst (a checkout, an unzip) are looked into once, after it. */
const FOLDER_SCAN_DELAY_MS = 200;
/** Entries a created folder's walk reads at most. */
const FOLDER_SCAN_MAX_ENTRIES = 10_000;
export const OUTSIDE_REASON = 'it is a link to a file outside the workspace folders, which is never followed';
export const NOT_REGULAR_REASON = 'it is not a regular file (a FIFO, socket or device), which is never read';
export const LINK_REASON = 'it is a symbolic link on a file system where its target cannot be checked, which is never followed';

/** Whether a file may be read, and from where: its real path (file: uris), checked inside a workspace folder. */
type Vetting = { ok: true; realPath?: string } | { ok: false; reason?: string };

export class BriefIndex implements vscode.Disposable {
  /** Edited live: its schedule is kept incrementally (docs/schedule.md). */
  readonly workspace = keepScheduleIncremental(new BriefWorkspace());
  private readonly changeEmitter = new vscode.EventEmitter<BriefIndexChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly skippedFiles = new Map<string, string>();
  private fileFilter: (relativePath: string) => boolean = () => true;
  private directoryFilter: (relativePath: string) => boolean = () => true;
  private readonly createdFolders = new Set<string>();
  private folderScanTimer: ReturnType<typeof setTimeout> | undefined;
  private currentConfig: BriefsConfig = mergeConfig();
  private currentConfigError: ConfigError | undefined;
  private indexing: Promise<void> | undefined;
  private indexAgain = false;
  private readonly shownNotices: string[] = [];
  /** Figures of the last full indexing, for timings. */
  lastIndexing: { files: number; findMs: number; readParseMs: number; workers: number } | undefined;
  /** The size limit of the last full indexing: a new limit re-reads the files. */
  private indexedMaxBytes = 0;
  /** While indexing everything: skip messages to show as one. */
  private batchSkips: string[] | undefined;
  /** Resolves when the first full indexing is done. */
  readonly ready: Promise<void>;
  /** Files found not to be readable (a link out of the workspace, a FIFO): uri → reason. */
  private readonly refused = new Map<string, string>();
  /** Files checked since they last changed on disk. */
  /** Files checked by `vet`, with the real path that was checked (file: uris that passed). */
  private readonly vetted = new Map<string, string | undefined>();
  /** Real paths of the workspace folders (symlinks in them resolved). */
  private realFolders: Promise<string[]> | undefined;
  /** The text of briefs.config.json as last read (diagnostics point into it without reading again). */
  private currentConfigText: string | undefined;

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleDocument(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.scheduleDocument(document, 0)),
      vscode.workspace.onDidCloseTextDocument((document) => void this.reloadFromDisk(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('programBriefs')) void this.reloadConfiguration();
      }),
      // Trust granted: restricted settings (maxFileSizeKB) may now take the workspace's value.
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reloadConfiguration()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.realFolders = undefined;
        void this.reindex();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.reloadFromDisk(uri)),
      watcher.onDidChange((uri) => void this.reloadFromDisk(uri)),
      watcher.onDidDelete((uri) => {
        this.forget(uri);
        this.remove([uri.toString()]);
      }),
    );
    // A folder deleted or renamed away is reported for the folder alone: drop every brief under
    // it. A folder created or renamed in may arrive before the watcher sees the files inside it:
    // look inside.
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      folderWatcher,
      folderWatcher.onDidCreate((uri) => {
        if (!uri.path.toLowerCase().endsWith('.md')) this.scheduleFolderScan(uri);
      }),
      folderWatcher.onDidDelete((uri) => {
        if (uri.path.toLowerCase().endsWith('.md')) return;
        const prefix = uri.toString().replace(/\/?$/, '/');
        this.remove(this.workspace.briefs().map((brief) => brief.uri).filter((key) => key.startsWith(prefix)));
      }),
    );
    const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    this.disposables.push(
      configWatcher,
      configWatcher.onDidCreate(() => void this.reloadConfiguration()),
      configWatcher.onDidChange(() => void this.reloadConfiguration()),
      configWatcher.onDidDelete(() => void this.reloadConfiguration()),
    );
    this.ready = this.indexAll();
  }

  get config(): BriefsConfig {
    return this.currentConfig;
  }

  /** The problem with `briefs.config.json`, if it is broken (it is then ignored, and reported). */
  get configError(): ConfigError | undefined {
    return this.currentConfigError;
  }

  /** Files left out because they are too large or binary, with the reason. */
  get skipped(): ReadonlyMap<string, string> {
    return this.skippedFiles;
  }

  /** The text of briefs.config.json as last read, if it was read. */
  get configText(): string | undefined {
    return this.currentConfigText;
  }

  /** Whether a uri is a file this index considers (inside include, outside exclude, a `.md`, not refused). */
  isCandidate(uri: vscode.Uri): boolean {
    if (!uri.path.toLowerCase().endsWith('.md')) return false;
    if (this.refused.has(uri.toString())) return false;
    if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
    return this.fileFilter(vscode.workspace.asRelativePath(uri, false));
  }

  /** Re-reads everything: used by "Lint Workspace" and on configuration changes. */
  async reindex(): Promise<void> {
    await this.indexAll();
  }

  private async indexAll(): Promise<void> {
    // One full indexing at a time; a request during one runs once after it (coalesced).
    if (this.indexing) {
      this.indexAgain = true;
      return this.indexing;
    }
    this.indexing = (async () => {
      try {
        do {
          this.indexAgain = false;
          await this.indexAllOnce();
        } while (this.indexAgain);
      } finally {
        this.indexing = undefined;
      }
    })();
    return this.indexing;
  }

  private async indexAllOnce(): Promise<void> {
    // Every file is checked again: links and file types may have changed.
    this.vetted.clear();
    this.refused.clear();
    this.realFolders = undefined;
    await this.loadConfiguration();
    this.indexedMaxBytes = this.maxFileBytes();
    const started = performance.now();
    const uris = (await vscode.workspace.findFiles('**/*.md', '**/node_modules/**')).filter((uri) => this.isCandidate(uri));
    const foundMs = performance.now() - started;
    let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    let done = 0;
    const changed: string[] = [];
    const programIds = new Set<string>();
    const seen = new Set<string>();
    this.batchSkips = [];
    // Large workspaces are read and parsed by worker threads, in parallel and off the host's thread.
    const pool = uris.length >= POOL_THRESHOLD ? ParsePool.create() : undefined;
    const maxBytes = this.maxFileBytes();
    const indexOne = async (uri: vscode.Uri) => {
      const key = uri.toString();
      // Never a link out of the workspace folders, never a FIFO or device (it would block the read).
      const vetting = await this.vet(uri);
      if (!vetting.ok) return;
      seen.add(key);
      if (pool) {
        const open = this.openDocument(uri);
        const local = !open && vetting.realPath !== undefined;
        const text = open ? open.getText() : local ? undefined : await this.readText(uri);
        if (local || text !== undefined) {
          // The worker reads the real path that was checked, not the link.
          const response = await pool.parse({ uri: key, fsPath: local ? vetting.realPath : undefined, text, maxBytes });
          if (response.kind === 'brief') {
            if (this.storeParsed(uri, response.brief, programIds)) changed.push(key);
            return;
          }
          if (response.kind === 'skipped') {
            this.skip(uri, response.reason);
            return;
          }
          if (response.kind === 'not-brief') {
            if (this.store(uri, response.text, programIds)) changed.push(key);
            return;
          }
          // An error in the worker: read and parse here instead.
        }
      }
      const text = await this.readText(uri);
      if (text !== undefined && this.store(uri, text, programIds)) changed.push(key);
    };
    const work = (async () => {
      let next = 0;
      const worker = async () => {
        while (next < uris.length) {
          await indexOne(uris[next++]);
          if (++done % 100 === 0) progress?.report({ message: `${done} of ${uris.length} files`, increment: (100 * 100) / uris.length });
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(pool ? POOL_CONCURRENCY : READ_CONCURRENCY, uris.length) }, worker));
      } finally {
        pool?.dispose();
      }
    })();
    // Show progress only when indexing is slow enough to notice.
    let finished = false;
    const timer = setTimeout(() => {
      if (finished) return;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Program Briefs: indexing briefs' }, (p) => {
        progress = p;
        p.report({ message: `${done} of ${uris.length} files` });
        return work.catch(() => undefined);
      });
    }, PROGRESS_AFTER_MS);
    try {
      await work;
    } finally {
      finished = true;
      clearTimeout(timer);
      this.reportBatchSkips();
    }
    const removed = this.workspace.briefs().map((brief) => brief.uri).filter((uri) => !seen.has(uri));
    for (const uri of removed) {
      const brief = this.workspace.get(uri);
      if (brief?.program) programIds.add(brief.program.value);
      this.workspace.delete(uri);
    }
    const elapsedMs = performance.now() - started;
    this.lastIndexing = { files: uris.length, findMs: foundMs, readParseMs: elapsedMs - foundMs, workers: pool?.size ?? 0 };
    this.output.info(`Indexed ${this.workspace.briefs().length} briefs from ${uris.length} Markdown files in ${Math.round(elapsedMs)} ms (finding the files: ${Math.round(foundMs)} ms${pool ? `, ${pool.size} parse workers` : ''})`);
    this.changeEmitter.fire({ changed, removed, programIds: [...programIds], configChanged: true, elapsedMs });
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  }

  /**
   * Checks that a file may be read: its real path (file: uris; links resolved) is inside a
   * workspace folder, and it is a regular file. On other file systems a symbolic link is not
   * followed. A refused file is skipped (one message) and left out until it changes.
   */
  private async vet(uri: vscode.Uri): Promise<Vetting> {
    const key = uri.toString();
    this.vetted.set(key, undefined);
    let verdict: Vetting;
    try {
      verdict = await this.check(uri);
    } catch (error) {
      // Gone meanwhile, or unreadable: not refused, just not there.
      this.refused.delete(key);
      const message = `Could not read ${key}: ${error instanceof Error ? error.message : String(error)}`;
      if ((error as NodeJS.ErrnoException)?.code === 'ENOENT' || (error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.output.debug(message);
      else this.output.warn(message);
      return { ok: false };
    }
    if (verdict.ok) {
      this.vetted.set(key, verdict.realPath);
      this.refused.delete(key);
    } else if (verdict.reason) {
      this.refused.set(key, verdict.reason);
      this.skip(uri, verdict.reason);
    }
    return verdict;
  }

  private async check(uri: vscode.Uri): Promise<Vetting> {
    if (uri.scheme === 'file') {
      const real = await realpath(uri.fsPath);
      const folders = await this.workspaceRealPaths();
      if (!folders.some((folder) => isInsideFolder(folder, real))) {
        return { ok: false, reason: OUTSIDE_REASON };
      }
      if (!(await statPath(real)).isFile()) return { ok: false, reason: NOT_REGULAR_REASON };
      return { ok: true, realPath: real };
    }
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.SymbolicLink) return { ok: false, reason: LINK_REASON };
    if (!(stat.type & vscode.FileType.File)) return { ok: false, reason: NOT_REGULAR_REASON };
    return { ok: true };
  }

  private workspaceRealPaths(): Promise<string[]> {
    this.realFolders ??= Promise.all((vscode.workspace.workspaceFolders ?? [])
      .filter((folder) => folder.uri.scheme === 'file')
      .map((folder) => realpath(folder.uri.fsPath).catch(() => undefined)))
      .then((paths) => paths.filter((p): p is string => p !== undefined));
    return this.realFolders;
  }

  /** A file changed or went away on disk: check it again next time. */
  private forget(uri: vscode.Uri): void {
    this.vetted.delete(uri.toString());
    this.refused.delete(uri.toString());
  }

  /** Reads a file, preferring the open document's (possibly unsaved) text. */
  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = this.openDocument(uri);
    if (!this.vetted.has(uri.toString()) && !(await this.vet(uri)).ok) return undefined;
    if (this.refused.has(uri.toString())) return undefined;
    if (open) return this.checkSize(uri, open.getText());
    try {
      const realPath = this.vetted.get(uri.toString());
      if (realPath !== undefined) {
        // As the parse workers do: the checked real path, as a regular file, not through a link.
        const read = await readRegularFile(realPath, this.maxFileBytes(), { noFollow: true, setting: SIZE_SETTING });
        return read.kind === 'skipped' ? this.skip(uri, read.reason) : read.text;
      }
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > this.maxFileBytes()) return this.skip(uri, tooLargeReason(this.maxFileBytes()));
      const decoded = decodeBytes(await vscode.workspace.fs.readFile(uri), this.maxFileBytes());
      return decoded.kind === 'skipped' ? this.skip(uri, decoded.reason) : decoded.text;
    } catch (error) {
      // Deleted meanwhile, or unreadable: leave it out; the watcher reports deletions.
      const message = `Could not read ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`;
      const gone = (error as NodeJS.ErrnoException)?.code === 'ENOENT' || (error instanceof vscode.FileSystemError && error.code === 'FileNotFound');
      if (gone) this.output.debug(message);
      else this.output.warn(message);
      return undefined;
    }
  }

  private checkSize(uri: vscode.Uri, text: string): string | undefined {
    if (text.length > this.maxFileBytes()) return this.skip(uri, tooLargeReason(this.maxFileBytes()));
    if (text.slice(0, 8192).includes('\u0000')) return this.skip(uri, BINARY_REASON);
    return text;
  }

  /** Leaves a file out, with one message per file (one summary for a whole indexing run). */
  private skip(uri: vscode.Uri, reason: string): undefined {
    const key = uri.toString();
    if (this.skippedFiles.get(key) !== reason) {
      this.skippedFiles.set(key, reason);
      const message = `Program Briefs skipped ${vscode.workspace.asRelativePath(uri)}: ${reason}.`;
      this.output.warn(message);
      if (this.batchSkips) this.batchSkips.push(message);
      else this.notify(message);
    }
    if (this.workspace.has(key)) this.remove([key]);
    return undefined;
  }

  /** Skip messages shown to the user, oldest first (tests check there is one per file). */
  get notices(): readonly string[] {
    return this.shownNotices;
  }

  private notify(message: string): void {
    // File names come from the workspace: shown as text, never as a link.
    this.shownNotices.push(plainNotificationText(message));
    if (this.shownNotices.length > 100) this.shownNotices.shift();
    void showWarning(message);
  }

  private reportBatchSkips(): void {
    const messages = this.batchSkips ?? [];
    this.batchSkips = undefined;
    if (messages.length === 1) this.notify(messages[0]);
    else if (messages.length > 1) {
      this.notify(`Program Briefs skipped ${messages.length} files that are too large, binary, links out of the workspace or not regular files; see the Program Briefs output for the list.`);
    }
  }

  private maxFileBytes(): number {
    return Math.max(1, vscode.workspace.getConfiguration('programBriefs').get<number>('maxFileSizeKB', 2048)) * 1024;
  }

  /** Stores a file's text; returns whether anything changed. Cheap pre-filter: most Markdown is not a brief. */
  private store(uri: vscode.Uri, text: string, programIds: Set<string>): boolean {
    const key = uri.toString();
    this.skippedFiles.delete(key);
    const before = this.workspace.get(key);
    if (!before && !mayBeBrief(key, text)) return false;
    if (before && before.text === text) return false;
    if (before?.program) programIds.add(before.program.value);
    const after = this.workspace.setText(key, text);
    if (after.program) programIds.add(after.program.value);
    return true;
  }

  /** Stores a brief parsed elsewhere (a parse worker); returns whether anything changed. */
  private storeParsed(uri: vscode.Uri, brief: Brief, programIds: Set<string>): boolean {
    const key = uri.toString();
    this.skippedFiles.delete(key);
    const before = this.workspace.get(key);
    if (before && before.text === brief.text) return false;
    if (before?.program) programIds.add(before.program.value);
    this.workspace.setBrief(brief);
    if (brief.program) programIds.add(brief.program.value);
    return true;
  }

  private scheduleDocument(document: vscode.TextDocument, delay = TYPING_DEBOUNCE_MS): void {
    if (document.uri.scheme === 'git' || !this.isCandidate(document.uri)) return;
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(key, setTimeout(() => {
      // A document opened through a link out of the workspace is not indexed.
      if (this.vetted.has(key) || document.isUntitled) {
        this.pendingEdits.delete(key);
        this.updateNow(document);
        return;
      }
      void this.vet(document.uri).then((vetting) => {
        if (this.pendingEdits.get(key) === undefined) return;
        this.pendingEdits.delete(key);
        if (vetting.ok || vetting.reason === undefined) this.updateNow(document);
      });
    }, delay));
  }

  /** Applies a document's current text immediately (also used by features that need a fresh model). */
  updateNow(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.delete(key);
    // A closed document (e.g. closed, then its file deleted) no longer speaks for the file.
    if (document.isClosed || !this.isCandidate(document.uri)) return;
    const started = performance.now();
    const text = this.checkSize(document.uri, document.getText());
    if (text === undefined) return;
    const programIds = new Set<string>();
    if (this.store(document.uri, text, programIds)) {
      const elapsedMs = performance.now() - started;
      this.changeEmitter.fire({ changed: [key], removed: [], programIds: [...programIds], configChanged: false, elapsedMs });
    }
  }

  /** The brief of an open document, brought up to date with the editor's text first. */
  briefOf(document: vscode.TextDocument): Brief | undefined {
    const key = document.uri.toString();
    if (this.pendingEdits.has(key) || this.workspace.get(key)?.text !== document.getText()) this.updateNow(document);
    return this.workspace.get(key);
  }

  private scheduleFolderScan(uri: vscode.Uri): void {
    if (!vscode.workspace.getWorkspaceFolder(uri) || !this.directoryFilter(vscode.workspace.asRelativePath(uri, false))) return;
    this.createdFolders.add(uri.toString());
    clearTimeout(this.folderScanTimer);
    this.folderScanTimer = setTimeout(() => void this.scanCreatedFolders(), FOLDER_SCAN_DELAY_MS);
  }

  private async scanCreatedFolders(): Promise<void> {
    const folders = [...this.createdFolders].map((key) => vscode.Uri.parse(key));
    this.createdFolders.clear();
    for (const folder of folders) {
      const type = await vscode.workspace.fs.stat(folder).then((stat) => stat.type, () => undefined);
      if (type === undefined || !(type & vscode.FileType.Directory) || type & vscode.FileType.SymbolicLink) continue;
      for (const uri of await this.markdownFilesUnder(folder)) await this.reloadFromDisk(uri);
    }
  }

  /**
   * The `.md` files under a folder, by walking it. `findFiles` with a RelativePattern listed
   * nothing under a folder whose name holds glob characters (`![pwn](https:…)`), and ripgrep never
   * lists a FIFO, which is then reported here as not a regular file. Folder links are not
   * followed, excluded folders are not entered, and the walk stops after 10,000 entries (the
   * watcher and "Lint Workspace" still see the rest).
   */
  private async markdownFilesUnder(folder: vscode.Uri): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    const queue = [folder];
    let budget = FOLDER_SCAN_MAX_ENTRIES;
    while (queue.length > 0 && budget > 0) {
      const directory = queue.shift()!;
      const entries = await vscode.workspace.fs.readDirectory(directory).then((list) => list, () => []);
      for (const [name, type] of entries) {
        if (--budget < 0) break;
        const child = vscode.Uri.joinPath(directory, name);
        if (type & vscode.FileType.Directory && !(type & vscode.FileType.SymbolicLink)) {
          if (name !== 'node_modules' && name !== '.git' && this.directoryFilter(vscode.workspace.asRelativePath(child, false))) queue.push(child);
        } else if (name.toLowerCase().endsWith('.md')) {
          found.push(child);
        }
      }
    }
    return found;
  }

  private async reloadFromDisk(uri: vscode.Uri): Promise<void> {
    // Changed on disk: it may now be a link or a FIFO.
    this.forget(uri);
    if (!this.isCandidate(uri)) return;
    const text = await this.readText(uri);
    if (text === undefined) {
      // Gone meanwhile (a close, then a delete): it leaves the index.
      if (!this.openDocument(uri) && !(await this.exists(uri))) this.remove([uri.toString()]);
      return;
    }
    const programIds = new Set<string>();
    if (this.store(uri, text, programIds)) {
      this.changeEmitter.fire({ changed: [uri.toString()], removed: [], programIds: [...programIds], configChanged: false });
    }
  }

  private async exists(uri: vscode.Uri): Promise<boolean> {
    return vscode.workspace.fs.stat(uri).then(() => true, () => false);
  }

  private remove(uris: string[]): void {
    const programIds: string[] = [];
    const removed: string[] = [];
    for (const uri of uris) {
      const brief = this.workspace.get(uri);
      if (brief?.program) programIds.push(brief.program.value);
      if (this.workspace.delete(uri)) removed.push(uri);
    }
    if (removed.length > 0) this.changeEmitter.fire({ changed: [], removed, programIds, configChanged: false });
  }

  private async loadConfiguration(): Promise<void> {
    let fileLayer: ConfigOverrides | undefined;
    this.currentConfigError = undefined;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    this.currentConfigText = undefined;
    if (root) {
      const configUri = vscode.Uri.joinPath(root, CONFIG_FILE);
      try {
        // Like a brief: never through a link out of the workspace, never a FIFO or device.
        const vetting = await this.check(configUri);
        if (!vetting.ok) throw new ConfigError(CONFIG_FILE, `not read: ${vetting.reason}`);
        const bytes = await vscode.workspace.fs.readFile(configUri);
        this.currentConfigText = new TextDecoder('utf-8').decode(bytes);
        fileLayer = parseConfig(this.currentConfigText, CONFIG_FILE, RULE_IDS);
      } catch (error) {
        if (error instanceof ConfigError) {
          this.currentConfigError = error;
          // The language server reports it (a diagnostic on the file and one message).
          this.output.error(error.message);
        } else if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound') && (error as NodeJS.ErrnoException)?.code !== 'ENOENT') {
          this.output.warn(`Could not read ${CONFIG_FILE}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    this.currentConfig = mergeConfig(fileLayer, settingsLayer());
    this.fileFilter = createFileFilter(this.currentConfig);
    this.directoryFilter = createDirectoryFilter(this.currentConfig);
  }

  /** Settings or briefs.config.json changed: re-read files only when include/exclude changed. */
  private async reloadConfiguration(): Promise<void> {
    if (this.indexing) return this.indexAll();
    const before = this.currentConfig;
    const errorBefore = this.currentConfigError?.message;
    await this.loadConfiguration();
    const after = this.currentConfig;
    if (JSON.stringify([before.include, before.exclude]) !== JSON.stringify([after.include, after.exclude]) || this.indexedMaxBytes !== this.maxFileBytes()) {
      await this.indexAll();
      return;
    }
    if (JSON.stringify(before) === JSON.stringify(after) && errorBefore === this.currentConfigError?.message) return;
    this.changeEmitter.fire({ changed: [], removed: [], programIds: [], configChanged: true });
  }

  dispose(): void {
    clearTimeout(this.folderScanTimer);
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** `programBriefs.*` settings, which override `briefs.config.json`. Unset (null/empty) settings do not. */
function settingsLayer(): ConfigOverrides {
  const settings = vscode.workspace.getConfiguration('programBriefs');
  const layer: ConfigOverrides = {};
  const rules = settings.get<Record<string, 'error' | 'warning' | 'info' | 'off'>>('rules');
  if (rules && Object.keys(rules).length > 0) layer.rules = rules;
  const include = settings.get<string[] | null>('include');
  if (include) layer.include = include;
  const exclude = settings.get<string[] | null>('exclude');
  if (exclude) layer.exclude = exclude;
  const people = settings.get<string[] | null>('people');
  if (people) layer.people = people;
  const today = settings.get<string | null>('today');
  if (today) layer.today = today;
  return layer;
}
