/**
 * `brief lsp --stdio`: the Program Briefs language server (docs/language-server.md). It indexes
 * the workspace folders the client gives (every brief, open or not), pushes diagnostics for every
 * brief, follows the editor's text (incremental sync) and the disk (file watching, registered
 * dynamically when the client can), and reads the client's `programBriefs.*` settings, which
 * mirror briefs.config.json, through `workspace/configuration`.
 */
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  ErrorCodes,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic as LspDiagnostic,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { existsSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Brief, briefsAffectedBy, type BriefsConfig, type Diagnostic, withoutBom, DEFAULT_MAX_FILE_SIZE_KB, effectiveToday, ImpactError, knownHandles, lintBrief, maxFileBytes, mergeConfig, plainNotificationText, plural, workspaceSchedule } from '../core';
import { CONFIG_FILE_NAME } from '../host/workspaceFiles';
import { readRegularFile } from '../host/readRegularFile';
import { configErrorRange } from '../language/configErrorRange';
import { DIAGNOSTIC_SOURCE, toLspDiagnostic } from '../language/diagnostics';
import { codeActionsFor } from '../language/codeActions';
import { COMPLETION_TRIGGERS, completionsAt } from '../language/completion';
import { documentSymbols, workspaceSymbols } from '../language/documentSymbols';
import { definitionAt, hoverAt, referencesAt } from '../language/navigation';
import { impactResponse, scheduleCodeLenses, scheduleResponse, type ScheduleFacts } from '../language/schedule';
import { IMPACT_REQUEST, parseImpactParams, SCHEDULE_REQUEST, type ImpactResponse, type ScheduleParams, type ScheduleResponse } from '../language/scheduleProtocol';
import {
  BRIEFS, CHANGES_SINCE, CHECKLIST, CRITICAL_PATH, DIAGRAM, DID_CHANGE_MODEL, DID_PUBLISH_CACHED, DID_SKIP_FILES, FILE, GIT_REFS, GRAPH_NODE, HANDLES, MEMORY, PROGRAMS, PUBLISH_DIAGNOSTICS_BULK, REINDEX, REPORT, SKIPPED_FILES, STATUS, TIMELINE, TIMELINE_BASELINE,
  type BriefInitializationOptions, type ChecklistParams, type DidPublishCachedParams, type CriticalPathParams, type DiagramParams, type DidChangeModelParams, type DidSkipFilesParams,
  type FileParams, type FileResult, type MemoryResult, type PublishDiagnosticsBulkParams, type SkippedFilesResult,
  type GraphNodeParams, type HandlesParams, type ProgramsParams, type ReindexResult,
} from './protocol';
import {
  briefSummary, briefsResult, changesSinceResult, checklistResult, criticalPathResult, diagramResult, gitRefsResult, graphNodeResult, handlesResult, programsResult,
  reportResult, ReportRequestError, statusResult, timelineBaselineResult, timelineResult, type ReportSource, type ViewModelSource,
} from './viewRequests';
import { dueResult, OwnerCountsCache, ownedResult, ownersResult, ownersSummaryResult } from './peopleDueRequests';
import { readSettings } from './settings';
import { DEFAULT_SETTINGS, FolderIndex, type FolderRead, type FolderSettings, type IndexChange } from './folderIndex';
import { diskTexts, IndexCache, modelMatchesDisk, refreshedRead } from './indexCache';
import { DUE, OWNED, OWNERS, OWNERS_SUMMARY, type DueParams, type OwnedParams, type OwnersParams, type OwnersSummaryParams } from './protocol';

/** Documents per bulk message of diagnostics (about 1 KB each in the benchmark's workspace). */
const BULK_DOCUMENTS = 1000;

/**
 * How long changes on disk must pause before the index cache is refreshed (./indexCache.ts);
 * PROGRAM_BRIEFS_CACHE_REFRESH_MS sets another delay (the protocol tests use a short one).
 */
const CACHE_REFRESH_MS = Number(process.env.PROGRAM_BRIEFS_CACHE_REFRESH_MS) > 0 ? Number(process.env.PROGRAM_BRIEFS_CACHE_REFRESH_MS) : 10_000;

export interface ServerOptions {
  /** The server's version, sent in `initialize`'s `serverInfo`. */
  version: string;
}

export function startBriefServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const index = new FolderIndex();
  let folders: WorkspaceFolder[] = [];
  let canPullConfiguration = false;
  let canWatchDynamically = false;
  let canReportProgress = false;
  let canChangeFolders = false;
  let canCreateFiles = false;
  let canRefreshCodeLenses = false;
  let retriggerCommand: string | undefined;
  /** Uris that have diagnostics published (so they can be cleared). */
  const published = new Set<string>();
  /** The client takes diagnostics in bulk (protocol.ts, `bulkDiagnostics`). */
  let canTakeBulk = false;
  /** Diagnostics gathered to be sent in bulk (`inBulk`), else undefined. */
  let bulk: PublishDiagnosticsBulkParams['items'] | undefined;
  /** A document's diagnostics were sent on their own: from then on, never in bulk (protocol.ts, PUBLISH_DIAGNOSTICS_BULK). */
  let sentSingly = false;
  /** Config files with a diagnostic published. */
  const configDiagnostics = new Set<string>();
  /** The error message last shown for each broken config file (shown again only once it changes). */
  const shownConfigMessages = new Map<string, string>();
  /** One (re)load of everything at a time; a request during one runs once after it. */
  let loading: Promise<void> | undefined;
  let loadAgain = false;
  /** The reason each skipped file was last announced with (a file is announced again only when its reason changes). */
  const announcedSkips = new Map<string, string>();
  /** Changes wait for the first load, so nothing is linted against half a workspace. */
  let ready: Promise<void> = Promise.resolve();

  const isOpen = (uri: string) => documents.get(uri) !== undefined;
  // A kept brief's file no longer holds the text it was parsed from (./diskTexts.ts): read it
  // again, as a watcher event would have (an open document's text wins, as always).
  index.texts.onStale = (uri) => {
    void ready.then(async () => {
      if (isOpen(uri)) return;
      publish(await index.reloadFile(uri));
      refreshCacheLater();
    });
  };
  /** The client's `cacheDirectory`: the index cache (./indexCache.ts), else none. */
  let indexCache: IndexCache | undefined;
  /**
   * Every brief's diagnostics as last linted (what the index cache keeps): kept only when there is
   * an index cache (1 KB per brief at 10,000 briefs, docs/benchmark.md).
   */
  const lastLint = new Map<string, Diagnostic[]>();
  /** A refresh of the index cache after changes, once they pause. */
  let cacheRefresh: ReturnType<typeof setTimeout> | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    const capabilities = params.capabilities;
    canPullConfiguration = capabilities.workspace?.configuration === true;
    canWatchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canReportProgress = capabilities.window?.workDoneProgress === true;
    canChangeFolders = capabilities.workspace?.workspaceFolders === true;
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    canCreateFiles = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create');
    canRefreshCodeLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
    const initOptions = params.initializationOptions as BriefInitializationOptions | undefined;
    retriggerCommand = typeof initOptions?.retriggerCommand === 'string' ? initOptions.retriggerCommand : undefined;
    if (initOptions?.clientWatchesFiles === true) canWatchDynamically = false;
    if (typeof initOptions?.cacheDirectory === 'string' && isAbsolute(initOptions.cacheDirectory)) indexCache = new IndexCache(initOptions.cacheDirectory, options.version);
    canTakeBulk = initOptions?.bulkDiagnostics === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(canChangeFolders && { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }),
      },
      serverInfo: { name: 'program-briefs', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (canWatchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        // Folders too: a folder deleted or renamed away is reported for the folder alone, and one
        // created or renamed in may be reported before (or without) the files inside it.
        watchers: [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }],
      });
    }
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'programBriefs' });
    if (canChangeFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        folders = [...folders.filter((folder) => !removed.has(folder.uri)), ...event.added];
        void loadAll();
      });
    }
    ready = loadAll();
  });

  /** Reads every folder (with its settings) and publishes every brief's diagnostics. */
  function loadAll(): Promise<void> {
    if (loading) {
      loadAgain = true;
      return loading;
    }
    loading = (async () => {
      try {
        do {
          loadAgain = false;
          await loadOnce();
        } while (loadAgain);
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  }

  async function loadOnce(): Promise<void> {
    const progress = canReportProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Program Briefs: indexing briefs', undefined, plural(folders.length, 'folder'));
    try {
      const withSettings = [];
      for (const folder of folders) {
        const settings = await settingsOf(folder.uri);
        // A setting the file could not hold either: said once, as plain text (its keys come from the workspace), and the defaults kept.
        if (settings.problem) void connection.window.showWarningMessage(plainNotificationText(`Program Briefs: the programBriefs settings are ignored: ${settings.problem}`));
        withSettings.push({ uri: folder.uri, settings });
      }
      let read: readonly FolderRead[] = [];
      let cacheKey: string | undefined;
      let cached: Map<string, string> | undefined;
      const change = await index.setFolders(withSettings, isOpen, async (folderFiles) => {
        read = folderFiles;
        if (!indexCache) return;
        cacheKey = indexCache.keyOf(folderFiles);
        cached = publishCached(folderFiles, cacheKey);
        if (cached) await delivered();
      });
      // The editor's text wins, but not for a file deleted meanwhile: an editor can keep a deleted
      // file's document open (VS Code does, for a while after its tab closed); it comes back when
      // it is edited or created again.
      for (const document of documents.all()) {
        if (document.uri.startsWith('file:') && !existsSync(fileURLToPath(document.uri))) continue;
        index.setText(document.uri, document.getText());
      }
      for (const folder of index.folders) {
        for (const skipped of folder.skipped) connection.console.warn(skipped);
      }
      connection.console.info(`Indexed ${plural(index.workspace.briefs().length, 'brief')} in ${plural(index.folders.length, 'folder')}`);
      const resent = inBulk(() => publish(change, cached));
      if (indexCache && cacheKey !== undefined && (!cached || resent > 0)) saveCache(read, cacheKey);
      announceSkips(true);
      await publishConfigErrors();
      // Settings (programBriefs.codeLens) or the whole workspace changed: lenses of every open editor.
      if (canRefreshCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    } catch (error) {
      connection.console.error(`Indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      progress?.done();
    }
  }

  async function settingsOf(scopeUri: string): Promise<ReturnType<typeof readSettings>> {
    if (!canPullConfiguration) return DEFAULT_SETTINGS;
    try {
      return readSettings(await connection.workspace.getConfiguration({ scopeUri, section: 'programBriefs' }));
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  /**
   * The index cache's diagnostics for what was read, published at once, if it has them; the uri →
   * diagnostics sent (as JSON), so that the indexing that follows sends only what differs.
   */
  function publishCached(read: readonly FolderRead[], key: string): Map<string, string> | undefined {
    const hit = indexCache?.cachedFor(key, read);
    if (!hit) return undefined;
    const sent = new Map<string, string>();
    const disk = diskTexts(read);
    // In bulk (the client applies each bulk message as it comes: protocol.ts, PUBLISH_DIAGNOSTICS_BULK).
    inBulk(() => {
      for (const [uri, diagnostics] of hit.briefs) {
        // An open document with unsaved text gets its own diagnostics once it is parsed.
        const open = documents.get(uri);
        const text = disk.get(uri);
        if (open && (text === undefined || withoutBom(text) !== open.getText())) continue;
        const lsp = diagnostics.map(toLspDiagnostic);
        published.add(uri);
        sent.set(uri, JSON.stringify(lsp));
        sendDiagnostics(uri, lsp);
      }
    });
    const params: DidPublishCachedParams = { briefs: sent.size };
    void connection.sendNotification(DID_PUBLISH_CACHED, params);
    return sent;
  }

  /**
   * Parsing holds the thread, and messages wait in the transport until the event loop runs (an
   * IPC channel takes about 64 KB at a time): a request's answer comes after the client has read
   * everything sent before it, so the cached diagnostics are out before parsing starts. A client
   * that cannot answer `workspace/configuration` gets a few turns of the event loop; one that
   * does not answer within 2 seconds is not waited for.
   */
  async function delivered(): Promise<void> {
    if (!canPullConfiguration) {
      for (let i = 0; i < 8; i++) await new Promise((resolve) => setImmediate(resolve));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      connection.workspace.getConfiguration({ section: 'programBriefs' }).catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, 2000))),
    ]);
    clearTimeout(timer);
  }

  /** Keeps every brief's diagnostics in the index cache, when they are those of the disk's texts that `read` holds. */
  function saveCache(read: readonly FolderRead[], key: string): void {
    if (!modelMatchesDisk(read, documents.all(), (uri) => index.workspace.get(uri)?.isBrief === true)) {
      connection.console.info('The index cache is not written: an open document has text that is not on disk');
      return;
    }
    const briefs = new Map(index.workspace.briefs().map((brief) => [brief.uri, lastLint.get(brief.uri) ?? []]));
    if (!indexCache?.save(key, briefs)) connection.console.info(`The index cache could not be written to ${indexCache?.path}; indexing goes on without it`);
  }

  /**
   * After changes, once they pause: the disk read again and, when the model holds exactly what it
   * says, the cache rewritten, so that reopening after a day's edits starts from the cache too.
   */
  function refreshCacheLater(): void {
    if (!indexCache) return;
    if (cacheRefresh) clearTimeout(cacheRefresh);
    cacheRefresh = setTimeout(() => {
      cacheRefresh = undefined;
      void ready.then(async () => {
        if (loading || !indexCache) return;
        const read = await refreshedRead(index);
        if (!read) connection.console.info('The index cache is not refreshed: the briefs in memory are not what the disk holds (unsaved text, or a change still on its way)');
        else if (!loading) saveCache(read, indexCache.keyOf(read));
      });
    }, CACHE_REFRESH_MS);
    cacheRefresh.unref?.();
  }

  /**
   * Re-lints what a change can affect and publishes it; clears what left. `unchanged`: diagnostics
   * already sent (from the index cache), not sent again when they are the same. Returns how many
   * briefs' diagnostics were sent.
   */
  function publish(change: IndexChange, unchanged?: ReadonlyMap<string, string>): number {
    let sent = 0;
    const workspace = index.workspace;
    const affected = new Set<Brief>();
    if (change.all) {
      for (const brief of workspace.briefs()) affected.add(brief);
    } else {
      for (const uri of [...change.changed, ...change.removed]) {
        for (const brief of briefsAffectedBy(workspace, uri, change.programIds)) affected.add(brief);
      }
    }
    // Only what the change names can have left (a keystroke must not walk every brief);
    // a whole re-read can have dropped anything.
    const mayHaveLeft = change.all ? [...published] : [...change.changed, ...change.removed].filter((uri) => published.has(uri));
    for (const uri of mayHaveLeft) {
      if (!workspace.get(uri)?.isBrief) {
        published.delete(uri);
        lastLint.delete(uri);
        sendDiagnostics(uri, []);
      }
    }
    for (const brief of affected) {
      const lint = lintBrief(workspace, brief, { config: index.configOf(brief.uri) });
      if (indexCache) lastLint.set(brief.uri, lint);
      const diagnostics = lint.map(toLspDiagnostic);
      published.add(brief.uri);
      if (unchanged?.get(brief.uri) === JSON.stringify(diagnostics)) continue;
      sent++;
      sendDiagnostics(brief.uri, diagnostics);
    }
    // Diagnostics gathered in bulk go before the model change they come from.
    flushBulk();
    if (change.all || change.changed.length + change.removed.length > 0) {
      const summarized = change.all ? workspace.briefs() : change.changed.map((uri) => workspace.get(uri)).filter((brief): brief is Brief => brief?.isBrief === true);
      const params: DidChangeModelParams = {
        version: workspace.version, all: change.all === true, changed: change.changed, removed: change.removed, briefs: workspace.briefs().length,
        summaries: summarized.map(briefSummary),
      };
      void connection.sendNotification(DID_CHANGE_MODEL, params);
    }
    // Briefs beyond the edited ones were re-linted, as happens when a forecast moved: the lenses
    // of other open briefs may say something else now (the client asks again for the edited one
    // by itself).
    if (!change.all && canRefreshCodeLenses && [...affected].some((brief) => !change.changed.includes(brief.uri))) {
      void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }
    return sent;
  }

  /** A document's diagnostics: gathered when `inBulk` is running, else sent on their own. */
  function sendDiagnostics(uri: string, diagnostics: LspDiagnostic[]): void {
    if (bulk) {
      bulk.push({ uri, diagnostics });
      if (bulk.length >= BULK_DOCUMENTS) flushBulk();
      return;
    }
    sentSingly = true;
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  /**
   * Runs `work` with its diagnostics sent in bulk messages, if the client takes them and none
   * was sent on its own yet (a bulk message must not overtake one waiting in the client's queue).
   */
  function inBulk<T>(work: () => T): T {
    if (!canTakeBulk || sentSingly || bulk) return work();
    bulk = [];
    try {
      return work();
    } finally {
      flushBulk();
      bulk = undefined;
    }
  }

  function flushBulk(): void {
    if (!bulk || bulk.length === 0) return;
    const params: PublishDiagnosticsBulkParams = { items: bulk };
    void connection.sendNotification(PUBLISH_DIAGNOSTICS_BULK, params);
    bulk = [];
  }

  /**
   * Tells the client about files newly left out on purpose (once per file and reason): one
   * notice per file, or, for a whole indexing that skipped several, one summary. Plain text.
   */
  function announceSkips(batch: boolean): void {
    const now = index.skippedFiles();
    const files = [...now].filter(([uri, reason]) => announcedSkips.get(uri) !== reason).map(([uri, reason]) => ({ uri, reason }));
    for (const uri of [...announcedSkips.keys()]) if (!now.has(uri)) announcedSkips.delete(uri);
    if (files.length === 0) return;
    for (const { uri, reason } of files) announcedSkips.set(uri, reason);
    const notices = !batch || files.length === 1
      ? files.map(({ uri, reason }) => `Program Briefs skipped ${relativePath(uri)}: ${reason}.`)
      : [`Program Briefs skipped ${files.length} files that are too large, binary, links out of the workspace or not regular files; see the Program Briefs output for the list.`];
    const params: DidSkipFilesParams = { notices: notices.map(plainNotificationText), files };
    void connection.sendNotification(DID_SKIP_FILES, params);
  }

  /** The schedule, up to date with the workspace: the one lint reads (docs/schedule.md). */
  function scheduleFacts(): ScheduleFacts {
    return workspaceSchedule(index.workspace);
  }

  /** A broken briefs.config.json gets a diagnostic where it is broken, and a message. */
  async function publishConfigErrors(): Promise<void> {
    const now = new Set<string>();
    for (const folder of index.folders) {
      const problem = folder.configError;
      if (!problem) continue;
      const uri = pathToFileURL(problem.file).href;
      now.add(uri);
      const text = documents.get(uri)?.getText() ?? (await readConfigText(problem.file));
      void connection.sendDiagnostics({
        uri,
        diagnostics: [{ range: configErrorRange(text, problem.message), severity: 1, code: 'config', source: DIAGNOSTIC_SOURCE, message: `${problem.message}; the file is ignored until it is fixed` }],
      });
      // The message quotes the file's keys. VS Code's client shows it as a notification, which
      // renders `[text](command:…)` as a link: broken up as every notification is (docs/security.md).
      // Once per problem: a re-read that finds the same problem again says nothing new.
      const message = plainNotificationText(`Program Briefs: ${problem.message}. The file is ignored until it is fixed.`);
      if (shownConfigMessages.get(uri) !== message) void connection.window.showErrorMessage(message);
      shownConfigMessages.set(uri, message);
    }
    for (const uri of [...shownConfigMessages.keys()]) if (!now.has(uri)) shownConfigMessages.delete(uri);
    for (const uri of configDiagnostics) if (!now.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    configDiagnostics.clear();
    for (const uri of now) configDiagnostics.add(uri);
  }

  documents.onDidChangeContent((event) => {
    void ready.then(() => publish(index.setText(event.document.uri, event.document.getText())));
  });

  documents.onDidClose((event) => {
    // The editor's text is gone: the disk's text counts again (or the file left).
    void ready.then(async () => {
      publish(await index.reloadFile(event.document.uri));
      refreshCacheLater();
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    void ready.then(async () => {
      let reloadEverything = false;
      for (const change of params.changes) {
        if (change.uri.endsWith(`/${CONFIG_FILE_NAME}`)) {
          reloadEverything = true;
          continue;
        }
        if (!/\.md$/i.test(change.uri)) {
          if (change.type === FileChangeType.Deleted) publish(index.removeUnder(change.uri));
          else if (change.type === FileChangeType.Created) {
            await readCreatedFolder(change.uri);
            walkCreatedFolderAgain(change.uri);
          }
          continue;
        }
        const open = documents.get(change.uri);
        if (open) {
          // The editor's text wins over the disk; but a file deleted leaves the workspace (and
          // comes back with the editor's text if it is created again).
          publish(change.type === FileChangeType.Deleted ? index.removeFile(change.uri) : index.setText(change.uri, open.getText()));
          continue;
        }
        const result = await index.reloadFile(change.uri);
        if (result.skipped) connection.console.warn(result.skipped);
        announceSkips(false);
        if (change.type === FileChangeType.Deleted || result.changed.length + result.removed.length > 0) publish(result);
      }
      if (reloadEverything) await loadAll();
      else refreshCacheLater();
    });
  });

  /** The `.md` files under a folder that was created, read (an open document's text wins). */
  async function readCreatedFolder(folderUri: string): Promise<void> {
    for (const uri of await markdownFilesUnder(folderUri)) if (!isOpen(uri)) publish(await index.reloadFile(uri));
  }

  /** Re-walks of created folders still to come, by folder. */
  const folderRewalks = new Map<string, ReturnType<typeof setTimeout>[]>();
  /**
   * A created folder is walked again a moment later, and once more after that: a watcher can miss
   * the files written into a folder in the moment before it begins to watch it (Linux's inotify:
   * `mkdir -p` then a write, a `git checkout`, an unzip), and a walk made as the folder appeared
   * can come before those writes. A file read again unchanged changes nothing
   * (docs/language-server.md, "File watching").
   */
  function walkCreatedFolderAgain(folderUri: string): void {
    for (const timer of folderRewalks.get(folderUri) ?? []) clearTimeout(timer);
    const timers = CREATED_FOLDER_REWALKS_MS.map((ms, i) => {
      const timer = setTimeout(() => {
        if (i === CREATED_FOLDER_REWALKS_MS.length - 1) folderRewalks.delete(folderUri);
        void ready.then(async () => {
          await readCreatedFolder(folderUri);
          refreshCacheLater();
        });
      }, ms);
      timer.unref?.();
      return timer;
    });
    folderRewalks.set(folderUri, timers);
  }

  /**
   * Whether a request is stale: its token was cancelled while it waited (for the first indexing,
   * or behind other messages). It then answers `RequestCancelled` and computes nothing.
   */
  async function staleAfterReady(token: CancellationToken | undefined): Promise<boolean> {
    await ready;
    return token?.isCancellationRequested === true;
  }

  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

  /** The brief of a request's document, once the first indexing is done (`stale` if the request was cancelled meanwhile). */
  async function briefAt(uri: string, token?: CancellationToken): Promise<Brief | undefined | 'stale'> {
    if (await staleAfterReady(token)) return 'stale';
    const brief = index.workspace.get(uri);
    return brief?.isBrief ? brief : undefined;
  }

  /** A uri as the user reads it: relative to its workspace folder. */
  function relativePath(uri: string): string {
    const folder = index.folderOf(uri);
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    return folder ? relative(folder.path, path).split(sep).join('/') : path;
  }

  connection.onHover(async (params, token) => {
    const brief = await briefAt(params.textDocument.uri, token);
    if (brief === 'stale') return cancelled();
    return brief ? hoverAt(index.workspace, brief, params.position, relativePath, scheduleFacts()) ?? null : null;
  });

  connection.onCodeLens(async (params, token) => {
    const brief = await briefAt(params.textDocument.uri, token);
    if (brief === 'stale') return cancelled();
    if (!brief) return null;
    const settings = index.folderOf(brief.uri)?.settings ?? index.folders[0]?.settings;
    if (settings && !settings.codeLens) return [];
    return scheduleCodeLenses(scheduleFacts(), brief);
  });

  /** The date "today" of the schedule's answers: the first folder's (config `today`, else the current UTC date). */
  const today = () => effectiveToday(index.folders[0]?.config ?? {});

  connection.onRequest(SCHEDULE_REQUEST, async (params: ScheduleParams | undefined, token): Promise<ScheduleResponse | ResponseError> => {
    await ready;
    if (token.isCancellationRequested) return cancelled();
    const uri = typeof params?.uri === 'string' ? params.uri : undefined;
    return scheduleResponse(scheduleFacts(), uri ? effectiveToday(index.configOf(uri)) : today(), relativePath, uri);
  });

  connection.onRequest(IMPACT_REQUEST, async (raw: unknown, token): Promise<ImpactResponse | ResponseError> => {
    const params = parseImpactParams(raw);
    if (typeof params === 'string') return new ResponseError(ErrorCodes.InvalidParams, params);
    await ready;
    if (token.isCancellationRequested) return cancelled();
    const facts = scheduleFacts();
    if (token.isCancellationRequested) return cancelled();
    try {
      const node = facts.graph.get(params.ref);
      return impactResponse(facts, params, relativePath, node ? effectiveToday(index.configOf(node.uri)) : today());
    } catch (error) {
      if (error instanceof ImpactError) return new ResponseError(ErrorCodes.InvalidParams, error.message);
      throw error;
    }
  });

  connection.onDefinition(async (params, token) => {
    const brief = await briefAt(params.textDocument.uri, token);
    if (brief === 'stale') return cancelled();
    return brief ? definitionAt(index.workspace, brief, params.position) ?? null : null;
  });

  connection.onReferences(async (params, token) => {
    const brief = await briefAt(params.textDocument.uri, token);
    if (brief === 'stale') return cancelled();
    return brief ? referencesAt(index.workspace, brief, params.position, params.context.includeDeclaration) ?? null : null;
  });

  connection.onCodeAction(async (params, token) => {
    const brief = await briefAt(params.textDocument.uri, token);
    if (brief === 'stale') return cancelled();
    if (!brief) return null;
    const config = index.configOf(brief.uri);
    return codeActionsFor({
      workspace: index.workspace,
      config,
      diagnosticsOf: (b) => lintBrief(index.workspace, b, { config }),
      freeBriefUri: freeBriefUri,
      canCreateFiles,
      relativePath,
    }, brief, params.context.diagnostics);
  });

  /** `<folder of nearUri>/<id>.md`, or `<id>-2.md`… when taken on disk or in the index. */
  function freeBriefUri(nearUri: string, id: string): string | undefined {
    if (!nearUri.startsWith('file:')) return undefined;
    const folder = dirname(fileURLToPath(nearUri));
    for (let n = 1; n < 10; n++) {
      const uri = pathToFileURL(join(folder, n === 1 ? `${id}.md` : `${id}-${n}.md`)).href;
      if (!index.workspace.has(uri) && !existsSync(fileURLToPath(uri))) return uri;
    }
    return undefined;
  }

  let handleCache: { version: number; config: BriefsConfig; list: string[] } | undefined;
  connection.onCompletion(async (params, token) => {
    if (await staleAfterReady(token)) return cancelled();
    const uri = params.textDocument.uri;
    const text = documents.get(uri)?.getText() ?? index.workspace.get(uri)?.text;
    if (text === undefined) return null;
    const brief = index.workspace.get(uri);
    const config = index.configOf(uri);
    const handles = () => {
      // Per workspace version and config: typing in one brief asks again and again.
      if (handleCache?.version !== index.workspace.version || handleCache.config !== config) handleCache = { version: index.workspace.version, config, list: knownHandles(index.workspace, config) };
      return handleCache.list;
    };
    return completionsAt({ workspace: index.workspace, handles, brief: brief?.isBrief ? brief : undefined, lines: text.split(/\r?\n/), retriggerCommand }, params.position) ?? null;
  });

  connection.onDocumentSymbol(async (params, token) => {
    if (await staleAfterReady(token)) return cancelled();
    const brief = index.workspace.get(params.textDocument.uri);
    return brief ? documentSymbols(brief) : null;
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    if (await staleAfterReady(token)) return cancelled();
    return workspaceSymbols(index.workspace, params.query);
  });

  connection.onRequest(REINDEX, async (): Promise<ReindexResult> => {
    await ready;
    await loadAll();
    return { briefs: index.workspace.briefs().length };
  });

  // The views' requests (src/server/protocol.ts): answered from the model as it is when they run.
  const viewSource = (): ViewModelSource => ({
    workspace: index.workspace,
    today: effectiveToday(index.folders[0]?.config ?? mergeConfig()),
    configOf: (uri) => index.configOf(uri),
  });
  const viewRequest = <P, R>(method: string, answer: (source: ViewModelSource, params: P) => R) => {
    connection.onRequest(method, async (params: P, token: CancellationToken) => {
      if (await staleAfterReady(token)) return cancelled();
      return answer(viewSource(), params);
    });
  };
  viewRequest(BRIEFS, (source) => briefsResult(source));
  viewRequest(SKIPPED_FILES, (): SkippedFilesResult => ({ files: [...index.skippedFiles()].map(([uri, reason]) => ({ uri, reason })) }));
  viewRequest(FILE, (_source, params: FileParams): FileResult => {
    const uri = String(params?.uri);
    const brief = index.workspace.get(uri);
    const skipped = index.skippedFiles().get(uri);
    return {
      uri,
      ...(brief?.isBrief && {
        text: brief.text,
        brief: { ...briefSummary(brief), ...(brief.owner && { owner: brief.owner.value }), milestones: brief.milestones.length, risks: brief.risks.length, decisions: brief.decisions.length },
      }),
      ...(skipped !== undefined && { skipped }),
    };
  });
  // Answered at once, even while indexing: what the process holds is what a benchmark asks.
  connection.onRequest(MEMORY, (): MemoryResult => {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    return { pid: process.pid, rss, heapUsed, heapTotal, external };
  });
  viewRequest(STATUS, (source) => statusResult(source));
  viewRequest(HANDLES, (source, params: HandlesParams) => handlesResult(source, params.uri));
  viewRequest(CHECKLIST, (source, params: ChecklistParams) => checklistResult(source, params));
  viewRequest(PROGRAMS, (source, params: ProgramsParams) => programsResult(source, params));
  viewRequest(DIAGRAM, (source, params: DiagramParams) => diagramResult(source, params));
  viewRequest(CRITICAL_PATH, (source, params: CriticalPathParams) => criticalPathResult(source, params));
  viewRequest(GRAPH_NODE, (source, params: GraphNodeParams) => graphNodeResult(source, params));
  viewRequest(TIMELINE, (source) => timelineResult(source));
  viewRequest(OWNERS, (source, params: OwnersParams | undefined) => ownersResult(source, params, relativePath));
  const ownerCountsCache = new OwnerCountsCache();
  viewRequest(OWNERS_SUMMARY, (source, params: OwnersSummaryParams | undefined) => ownersSummaryResult(source, params, ownerCountsCache));
  viewRequest(OWNED, (source, params: OwnedParams | undefined) => ownedResult(source, params, relativePath));
  viewRequest(DUE, (source, params: DueParams | undefined) => dueResult(source, params, relativePath));

  // The reports: async (git runs), from the model as it is when they start.
  const reportSource = (): ReportSource => ({
    ...viewSource(),
    folders: index.folders.map((folder) => ({ path: folder.path, config: folder.config, maxFileSizeKB: folder.settings.maxFileSizeKB })),
    fileOf: relativePath,
  });
  const reportRequest = <P, R>(method: string, answer: (source: ReportSource, params: P) => Promise<R>) => {
    connection.onRequest(method, async (params: P, token: CancellationToken) => {
      if (await staleAfterReady(token)) return cancelled();
      try {
        return await answer(reportSource(), params);
      } catch (error) {
        if (error instanceof ReportRequestError) return new ResponseError(ErrorCodes.InvalidParams, error.message);
        throw error;
      }
    });
  };
  reportRequest(REPORT, reportResult);
  reportRequest(GIT_REFS, gitRefsResult);
  reportRequest(CHANGES_SINCE, changesSinceResult);
  reportRequest(TIMELINE_BASELINE, timelineBaselineResult);

  // The client sends this once as soon as the server registers for it (vscode-languageclient
  // does, right after the first load started), and on any change of any setting: everything is
  // read again only when a folder's settings are not the ones the index was read with
  // (docs/language-server.md "Settings").
  connection.onDidChangeConfiguration(() => {
    void ready.then(async () => {
      if (loading || !(await settingsUnchanged())) await loadAll();
      else connection.console.info('The programBriefs settings did not change: the briefs are not read again');
    });
  });

  /** Whether every folder's `programBriefs.*` settings are still the ones its index was read with. */
  async function settingsUnchanged(): Promise<boolean> {
    const read = index.folders;
    if (read.length !== folders.filter((folder) => folder.uri.startsWith('file:')).length) return false;
    for (const folder of read) {
      const withoutProblem = ({ overrides, maxFileSizeKB, codeLens }: FolderSettings) => JSON.stringify({ overrides, maxFileSizeKB, codeLens });
      if (withoutProblem(await settingsOf(folder.uri)) !== withoutProblem(folder.settings)) return false;
    }
    return true;
  }

  documents.listen(connection);
  connection.listen();
}

/** When a created folder is walked again after the walk made as its event arrives (see walkCreatedFolderAgain). */
const CREATED_FOLDER_REWALKS_MS = [500, 3000];

/** Entries a created folder's walk reads at most (the rest is seen when its files change, or on a re-read). */
const FOLDER_WALK_MAX_ENTRIES = 10_000;

/**
 * The `.md` files under a folder that was created (or renamed in), by walking it: folder links
 * are not followed, `node_modules` and `.git` not entered, and the walk is bounded. Each file is
 * then read under the folder's policy (include/exclude, size, links, file type).
 */
async function markdownFilesUnder(folderUri: string): Promise<string[]> {
  if (!folderUri.startsWith('file:')) return [];
  const root = fileURLToPath(folderUri);
  const stat = await lstat(root).catch(() => undefined);
  if (!stat?.isDirectory()) return [];
  const found: string[] = [];
  const queue = [root];
  let budget = FOLDER_WALK_MAX_ENTRIES;
  while (queue.length > 0 && budget > 0) {
    const directory = queue.shift()!;
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (--budget < 0) break;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') queue.push(path);
      } else if (entry.name.toLowerCase().endsWith('.md')) {
        found.push(pathToFileURL(path).href);
      }
    }
  }
  return found;
}

async function readConfigText(file: string): Promise<string> {
  try {
    const read = await readRegularFile(file, maxFileBytes(DEFAULT_MAX_FILE_SIZE_KB), { setting: 'a config file is at most 1 MB' });
    return read.kind === 'text' ? read.text : '';
  } catch {
    return '';
  }
}
