/**
 * The language server's model of its workspace folders: every brief of every folder in one
 * `BriefWorkspace` (references resolve across folders, as in the editor), and each folder with
 * its own `briefs.config.json` layered under the client's settings (multi-root: a folder's config
 * applies to the briefs inside it). Reading goes through src/host, the same loader as the CLI.
 * Open documents win over the disk: a file the editor has open is never re-read from disk.
 * A brief read from disk is kept without its text (./diskTexts.ts), one the editor has open with it.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Brief, type BriefsConfig, BriefWorkspace, type ConfigOverrides, DEFAULT_MAX_FILE_SIZE_KB, keepScheduleIncremental, maxFileBytes, mergeConfig, parseBrief } from '../core';
import { isInsideFolder } from '../host/insideFolder';
import { CONFIG_FILE_NAME, EDITOR_SIZE_SETTING, folderIncludes, type FolderFileRead, loadWorkspace, readFolderFile, readFolderFileSync, type ConfigProblem, type LoadedWorkspace } from '../host/workspaceFiles';
import { DiskTexts } from './diskTexts';

/** What the client's settings (`programBriefs.*`) add over a folder's briefs.config.json. */
export interface FolderSettings {
  overrides: ConfigOverrides;
  maxFileSizeKB: number;
  /** `programBriefs.codeLens`: the schedule's code lenses (default on). */
  codeLens: boolean;
}

export const DEFAULT_SETTINGS: FolderSettings = Object.freeze({ overrides: {}, maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_KB, codeLens: true });

export interface Folder {
  uri: string;
  /** Absolute path. */
  path: string;
  config: BriefsConfig;
  /** Where `include`/`exclude` are anchored: the folder, where its briefs.config.json is. */
  root: string;
  settings: FolderSettings;
  configError?: ConfigProblem;
  /** Files left out on purpose, with why (too large, binary, a link out, not a regular file). */
  skipped: string[];
  /** The same files by uri, with the reason alone (what the editor is told). */
  skippedFiles: Map<string, string>;
  /** Uris of the briefs read from this folder at the last load. */
  uris: Set<string>;
}

/** A folder and its files as read from disk (uri → text), before parsing. */
export interface FolderRead {
  folder: Folder;
  files: ReadonlyMap<string, string>;
}

/** What a change did: the uris whose diagnostics must be recomputed or cleared. */
export interface IndexChange {
  changed: string[];
  removed: string[];
  /** Program ids touched (before and after), for `briefsAffectedBy`. */
  programIds: string[];
  /** Everything must be re-linted (a folder was re-read, a config changed). */
  all?: boolean;
  /** A file re-read and left out: why (to log). */
  skipped?: string;
}

export class FolderIndex {
  /** Edited live: its schedule is kept incrementally (docs/schedule.md). */
  readonly workspace = keepScheduleIncremental(new BriefWorkspace());
  /** The texts of the briefs kept without them, read again from disk when a feature asks. */
  readonly texts = new DiskTexts((uri) => this.readFileNow(uri));
  private folderList: Folder[] = [];

  get folders(): readonly Folder[] {
    return this.folderList;
  }

  /** The folder a uri belongs to: the innermost workspace folder that holds it. */
  folderOf(uri: string): Folder | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    let best: Folder | undefined;
    for (const folder of this.folderList) {
      if (isInsideFolder(folder.path, path) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }

  /** The config that applies to a brief: its folder's, else the defaults under the settings. */
  configOf(uri: string): BriefsConfig {
    return this.folderOf(uri)?.config ?? mergeConfig(this.folderList[0]?.settings.overrides);
  }

  /**
   * Replaces the folder list and reads every folder. `isOpen` uris keep the editor's text.
   * `onRead` sees every folder's files as read from disk, before any is parsed (the server's
   * index cache publishes from there: src/server/indexCache.ts).
   */
  async setFolders(folders: { uri: string; settings: FolderSettings }[], isOpen: (uri: string) => boolean, onRead?: (read: FolderRead[]) => void | Promise<void>): Promise<IndexChange> {
    const previous = new Set(this.workspace.briefs().map((brief) => brief.uri));
    this.folderList = folders
      .filter((folder) => folder.uri.startsWith('file:'))
      .map((folder) => ({ uri: folder.uri, path: fileURLToPath(folder.uri), config: mergeConfig(folder.settings.overrides), root: fileURLToPath(folder.uri), settings: folder.settings, skipped: [], skippedFiles: new Map<string, string>(), uris: new Set<string>() }));
    const read: FolderRead[] = [];
    for (const folder of this.folderList) read.push({ folder, files: await this.readFolder(folder) });
    await onRead?.(read);
    for (const { folder, files } of read) this.parseFolder(folder, files, isOpen);
    const kept = new Set(this.folderList.flatMap((folder) => [...folder.uris]));
    const removed: string[] = [];
    for (const uri of previous) {
      if (!kept.has(uri) && !isOpen(uri) && this.workspace.delete(uri)) removed.push(uri);
    }
    return { changed: [...kept], removed, programIds: [], all: true };
  }

  /** Re-reads one folder (its config changed, or its settings). */
  async reloadFolder(folder: Folder, isOpen: (uri: string) => boolean): Promise<IndexChange> {
    const before = new Set(folder.uris);
    this.parseFolder(folder, await this.readFolder(folder), isOpen);
    const removed = [...before].filter((uri) => !folder.uris.has(uri) && !isOpen(uri) && this.workspace.delete(uri));
    return { changed: [...folder.uris], removed, programIds: [], all: true };
  }

  /** Every file of a folder, as read from disk (uri → text), with its config and what it left out; nothing parsed yet. */
  async readFolder(folder: Folder): Promise<ReadonlyMap<string, string>> {
    const { loaded, files } = await this.load(folder);
    folder.config = loaded.config;
    folder.configError = loaded.configError;
    folder.skipped = [...loaded.readProblems, ...loaded.skipped];
    folder.skippedFiles = new Map(loaded.skippedFiles.map(({ path, reason }) => [pathToFileURL(path).href, reason]));
    return files;
  }

  /** A folder's files read again, changing nothing; undefined when its config is not the one the index holds (a reload is due). */
  async readFolderFiles(folder: Folder): Promise<ReadonlyMap<string, string> | undefined> {
    const { loaded, files } = await this.load(folder);
    return JSON.stringify(loaded.config) === JSON.stringify(folder.config) && !loaded.configError === !folder.configError ? files : undefined;
  }

  private async load(folder: Folder): Promise<{ loaded: LoadedWorkspace; files: ReadonlyMap<string, string> }> {
    let files: ReadonlyMap<string, string> = new Map();
    const loaded = await loadWorkspace({
      cwd: folder.path,
      paths: ['.'],
      settings: folder.settings.overrides,
      maxFileSizeKB: folder.settings.maxFileSizeKB,
      configErrors: 'report',
      sizeSetting: EDITOR_SIZE_SETTING,
      // Read only: the index parses them itself (parseFolder), after the index cache had its look.
      beforeParse: (_root, _config, read) => {
        files = read;
        return true;
      },
    });
    return { loaded, files };
  }

  /** Parses what `readFolder` read, as the CLI's loader does, and keeps its briefs (an open document keeps the editor's text). */
  private parseFolder(folder: Folder, files: ReadonlyMap<string, string>, isOpen: (uri: string) => boolean): void {
    // Straight into the index, in uri order (as a workspace lists them), with no workspace of
    // their own in between: its indexes were garbage the moment they were made.
    const uris = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    folder.uris = new Set<string>();
    for (const uri of uris) {
      const brief = parseBrief(uri, files.get(uri)!);
      if (!brief.isBrief) continue;
      folder.uris.add(uri);
      if (!isOpen(uri)) this.workspace.setBrief(this.texts.keep(brief));
    }
  }

  /** A file of a folder read now, under the folder's policy (a kept brief's text: ./diskTexts.ts). */
  private readFileNow(uri: string): FolderFileRead {
    const folder = this.folderOf(uri);
    if (!folder) return { kind: 'excluded' };
    return readFolderFileSync(folder.path, folder.root, folder.config, fileURLToPath(uri), maxFileBytes(folder.settings.maxFileSizeKB));
  }

  /** Parses and stores a file's text unless it is the text its brief was parsed from; `fromDisk`: kept without it. */
  private store(uri: string, text: string, fromDisk: boolean): Brief {
    const before = this.workspace.get(uri);
    if (before && DiskTexts.sameText(before, text)) return before;
    const parsed = parseBrief(uri, text);
    const brief = fromDisk ? this.texts.keep(parsed) : parsed;
    this.workspace.setBrief(brief);
    return brief;
  }

  /**
   * The editor's text of a document (open or changed): it replaces what the disk says. A
   * document of a folder that the folder's `include`/`exclude` leaves out is no brief, open or not.
   */
  setText(uri: string, text: string): IndexChange {
    const folder = this.folderOf(uri);
    if (folder && !folderIncludes(folder.path, folder.root, folder.config, fileURLToPath(uri))) return this.removeFile(uri);
    const before = this.workspace.get(uri);
    if (before && DiskTexts.sameText(before, text)) return { changed: [], removed: [], programIds: [] };
    const after = this.store(uri, text, false);
    return { changed: [uri], removed: [], programIds: programIdsOf(before?.program?.value, after.program?.value) };
  }

  /** A file changed, appeared or went away on disk (or was closed in the editor): read it again. */
  async reloadFile(uri: string): Promise<IndexChange> {
    const folder = this.folderOf(uri);
    const before = this.workspace.get(uri);
    const read = folder ? await readFolderFile(folder.path, folder.root, folder.config, fileURLToPath(uri), maxFileBytes(folder.settings.maxFileSizeKB)) : { kind: 'excluded' as const };
    if (read.kind === 'skipped') folder?.skippedFiles.set(uri, read.reason);
    else folder?.skippedFiles.delete(uri);
    if (read.kind !== 'text') {
      const skipped = read.kind === 'skipped' ? `skipped ${fileURLToPath(uri)}: ${read.reason}` : undefined;
      folder?.uris.delete(uri);
      if (!this.workspace.delete(uri)) return { changed: [], removed: [], programIds: [], ...(skipped && { skipped }) };
      return { changed: [], removed: [uri], programIds: programIdsOf(before?.program?.value), ...(skipped && { skipped }) };
    }
    const after = this.store(uri, read.text, true);
    if (after.isBrief) folder?.uris.add(uri);
    if (before === after) return { changed: [], removed: [], programIds: [] };
    return { changed: [uri], removed: [], programIds: programIdsOf(before?.program?.value, after.program?.value) };
  }

  /** Files left out on purpose (too large, binary, a link out, not a regular file), by uri, with why. */
  skippedFiles(): Map<string, string> {
    const all = new Map<string, string>();
    for (const folder of this.folderList) for (const [uri, reason] of folder.skippedFiles) all.set(uri, reason);
    return all;
  }

  /** A file deleted on disk while the editor has it open: it leaves the workspace all the same. */
  removeFile(uri: string): IndexChange {
    const before = this.workspace.get(uri);
    this.folderOf(uri)?.skippedFiles.delete(uri);
    this.folderOf(uri)?.uris.delete(uri);
    if (!this.workspace.delete(uri)) return { changed: [], removed: [], programIds: [] };
    return { changed: [], removed: [uri], programIds: programIdsOf(before?.program?.value) };
  }

  /** A folder went away (deleted, renamed out): every brief under it leaves. */
  removeUnder(folderUri: string): IndexChange {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    const removed: string[] = [];
    const programIds = new Set<string>();
    for (const brief of this.workspace.briefs()) {
      if (!brief.uri.startsWith(prefix)) continue;
      if (brief.program) programIds.add(brief.program.value);
      if (this.workspace.delete(brief.uri)) removed.push(brief.uri);
      this.folderOf(brief.uri)?.uris.delete(brief.uri);
    }
    return { changed: [], removed, programIds: [...programIds] };
  }

  /** The uri of a folder's briefs.config.json. */
  static configUri(folder: Folder): string {
    return pathToFileURL(`${folder.path}/${CONFIG_FILE_NAME}`).href;
  }
}

function programIdsOf(...ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}
