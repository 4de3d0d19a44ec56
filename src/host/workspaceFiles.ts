/**
 * The host's view of the file system, shared by the `brief` CLI and the language server: which
 * config applies, which files to read, and reading them into a `BriefWorkspace` under the size
 * and binary policy. Everything that touches `node:fs` lives in src/host (and nowhere in
 * `src/core`). Uris given to the core are `file://` URLs, so Markdown links between briefs
 * resolve as in the editor; paths shown to users are relative to `cwd`.
 */
import { realpathSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Brief, type BriefsConfig, BriefWorkspace, compareText, ConfigError, type ConfigOverrides, createDirectoryFilter, createFileFilter, DEFAULT_MAX_FILE_SIZE_KB, maxFileBytes, mergeConfig, parseBrief, parseConfig, RULE_IDS, withoutBom } from '../core';
import { isInsideFolder } from './insideFolder';
import { NotRegularFileError, readRegularFile, readRegularFileSync } from './readRegularFile';

export const CONFIG_FILE_NAME = 'briefs.config.json';

/** Directories a folder walk never enters, whatever the config says. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** A problem that ends a CLI run with exit code 2 (broken config, unreadable input named on the command line). */
export class WorkspaceLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceLoadError';
  }
}

/** A config file that exists but cannot be read or used: which file, and where patterns would be anchored. */
class ConfigLoadError extends WorkspaceLoadError {
  constructor(message: string, readonly file: string, readonly root: string) {
    super(message);
  }
}

export interface LoadOptions {
  cwd: string;
  /** Files or folders as given (default `.`). */
  paths: string[];
  /** `--config FILE`. */
  configPath?: string;
  /** `--today`, over the config's `today`. */
  today?: string;
  /** `--max-file-size` in KB (default 2048, as the extension's `programBriefs.maxFileSizeKB`). */
  maxFileSizeKB?: number;
  /** Editor settings that mirror briefs.config.json: a layer over the file, under `today`. */
  settings?: ConfigOverrides;
  /**
   * `throw` (the CLI): a config that exists but is broken ends the run. `report` (the language
   * server): it is returned as `configError` and the defaults (plus `settings`) apply, so the
   * editor still lints while the user fixes the file.
   */
  configErrors?: 'throw' | 'report';
  /**
   * `brief lint --cache`: called with every file read (uri → text), before any is parsed, with
   * the workspace root (the folder `include`/`exclude` are anchored in, or the root found for
   * single files) and the config. True leaves the files unparsed: the caller has their result.
   */
  beforeParse?: (root: string, config: BriefsConfig, files: ReadonlyMap<string, string>) => boolean;
  /** What the size limit is called in messages (default `--max-file-size`; the server: its setting). */
  sizeSetting?: string;
  /**
   * What the workspace keeps of each brief just parsed (default: all of it). `brief lint` keeps
   * what its rules still need (keepForLint in the core), so 10,000 briefs fit in less memory.
   * `mayHoldText`: the kept brief may hold on to this file's text (slices of it), because the
   * texts held so far stay under `HELD_TEXT_BUDGET`; else it must copy what it keeps.
   */
  keep?: (workspace: BriefWorkspace, brief: Brief, config: BriefsConfig, mayHoldText: boolean) => Brief;
  /** The total of text a `keep` may leave alive (default `HELD_TEXT_BUDGET`; tests set it lower). */
  heldTextBudget?: number;
  /**
   * False: each file's text is let go once it is parsed, so the texts of a large workspace are
   * not all held to the end (`textOf` then answers undefined). Default true.
   */
  keepTexts?: boolean;
}

/** A briefs.config.json that exists but could not be used. */
export interface ConfigProblem {
  /** Absolute path of the file. */
  file: string;
  message: string;
}

/** Why a link out of the folders is not read, and a FIFO or device not opened (the editor shows these). */
export const OUTSIDE_LINK_REASON = 'it is a symbolic link to a file outside the workspace folder, which is never followed';
export const NOT_REGULAR_REASON = 'it is not a regular file (a FIFO, socket or device), which is never read';

/** What the size limit is called in the editor's messages (the language server's reads). */
export const EDITOR_SIZE_SETTING = 'setting programBriefs.maxFileSizeKB';

/** What the size limit is called in messages. */
const SIZE_SETTING = '--max-file-size';

/**
 * Files read between two turns of the event loop (reads are synchronous, one file open at a
 * time, so a large tree cannot exhaust file handles either). Files are parsed in this
 * thread: with parse workers (since removed) `brief lint` of the 2,000-brief benchmark took
 * 50% more CPU (cloning the parsed briefs back, starting the workers) for no gain in wall time on
 * two cores, so the CLI and the language server do not use them (docs/benchmark.md).
 */
const READ_BATCH = 64;

/**
 * How much of the files' text (UTF-16 code units) a `keep` may leave alive, summed over the
 * workspace: 8 M, about 2,000 briefs of 4 KB. Below it a kept brief's strings stay slices of its
 * file: no copy, which saved 5-8% of a cold lint of 2,000 briefs. Past it each kept brief copies
 * them, so what this costs is bounded at any size: 10,000 briefs peaked 10-15 MB higher
 * (docs/benchmark.md, "Memory per brief").
 */
export const HELD_TEXT_BUDGET = 8 * 1024 * 1024;

/** A config file larger than this is not a config file (it is read whole, before anything else). */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedWorkspace {
  /** The files read, parsed; empty when `beforeParse` said not to parse them. */
  workspace: BriefWorkspace;
  /** The text of a file read (undefined for every file when loaded with `keepTexts: false`). */
  textOf(uri: string): string | undefined;
  config: BriefsConfig;
  /** The config file used, relative to cwd; undefined when none was found. */
  configFile?: string;
  /** Files of a folder walk that could not be read: reported, and the run ends with exit code 2. */
  readProblems: string[];
  /** Files left out on purpose (too large, binary, not a regular file, a link out of the folders given): reported as warnings, exit code unchanged. */
  skipped: string[];
  /** The same files, by absolute path, each with its reason alone (the language server tells the editor). */
  skippedFiles: { path: string; reason: string }[];
  /** A core uri as shown to users: relative to cwd, with `/`. */
  fileOf(uri: string): string;
  /**
   * Whether the diagnostics and items of this uri are reported: every file read, except when
   * paths name single files (spec §3.7): then the workspace is read from the workspace root
   * so that cross-file references resolve, and only the files named are reported.
   */
  isReported(uri: string): boolean;
  /** The folder the workspace was read from when paths name single files (relative to cwd); else undefined. */
  workspaceRoot?: string;
  /** With `configErrors: 'report'`: the broken config, whose settings were not applied. */
  configError?: ConfigProblem;
}

export async function loadWorkspace(options: LoadOptions): Promise<LoadedWorkspace> {
  const cwd = options.cwd;
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const maxBytes = maxFileBytes(options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB);
  // Single files named (a pre-commit hook linting what changed): the workspace is the root's.
  const singleFiles = await namesSingleFiles(cwd, paths);
  const workspaceRoot = singleFiles ? await findWorkspaceRoot(cwd, paths.map((p) => dirname(resolve(cwd, p)))) : undefined;
  let found: FoundConfig;
  let configError: ConfigProblem | undefined;
  try {
    found = await loadConfig(cwd, workspaceRoot ? [workspaceRoot.folder] : paths, options.configPath, workspaceRoot?.folder);
  } catch (error) {
    if (options.configErrors !== 'report' || !(error instanceof ConfigLoadError)) throw error;
    configError = { file: error.file, message: error.message };
    found = { root: error.root };
  }
  const config = mergeConfig(found.overrides, options.settings, options.today ? { today: options.today } : undefined);
  const { files, problems, skipped, skippedPaths } = await discoverFiles(cwd, workspaceRoot ? [...paths, workspaceRoot.folder] : paths, found.root, config);
  const named = new Set(paths.map((p) => pathToFileURL(resolve(cwd, p)).href));
  const workspace = new BriefWorkspace();
  const readProblems = [...problems];
  const skippedFiles = [...skippedPaths];
  const readHere = (file: FoundFile): string | undefined => {
    const shown = displayPath(cwd, file.path);
    try {
      const read = readRegularFileSync(file.open, maxBytes, { noFollow: file.noFollow, setting: options.sizeSetting ?? SIZE_SETTING });
      if (read.kind === 'text') return read.text;
      skipped.push(`skipped ${shown}: ${read.reason}`);
      skippedFiles.push({ path: file.path, reason: read.reason });
    } catch (error) {
      const message = `cannot read ${shown}: ${describeFsError(error)}`;
      if (file.explicit) throw new WorkspaceLoadError(message);
      readProblems.push(message);
    }
    return undefined;
  };
  const keep = options.keep;
  const keepTexts = options.keepTexts !== false;
  const heldTextBudget = options.heldTextBudget ?? HELD_TEXT_BUDGET;
  let heldText = 0;
  const parse = (uri: string, text: string): void => {
    if (keep) {
      const mayHoldText = heldText + text.length <= heldTextBudget;
      if (mayHoldText) heldText += text.length;
      workspace.setBrief(keep(workspace, parseBrief(uri, text), config, mayHoldText));
    } else workspace.setText(uri, text);
  };
  // Without a `beforeParse` (which wants every text first) and without keeping the texts, each
  // file is parsed as soon as it is read: a large workspace's texts are never all in memory.
  const parseAsRead = options.beforeParse === undefined && !keepTexts;
  const read = new Map<string, string>();
  let count = 0;
  for (const file of files) {
    const text = readHere(file);
    if (text !== undefined) {
      const uri = pathToFileURL(file.path).href;
      if (parseAsRead) parse(uri, text);
      else read.set(uri, text);
    }
    // Reads are synchronous (readRegularFile.ts says why): let other work in (a server's requests) now and then.
    if (++count % READ_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!parseAsRead && options.beforeParse?.(workspaceRoot?.folder ?? found.root, config, read) !== true) {
    for (const [uri, text] of read) {
      parse(uri, text);
      // Deleting the entry being visited is safe in a Map's iteration.
      if (!keepTexts) read.delete(uri);
    }
  }
  if (!keepTexts) read.clear();
  // Every diagnostic and related location asks for its file (a long cycle: ten per edge), so
  // each uri's display path is worked out once.
  const displayed = new Map<string, string>();
  const fileOf = (uri: string): string => {
    let file = displayed.get(uri);
    if (file === undefined) {
      file = uri.startsWith('file:') ? displayPath(cwd, fileURLToPath(uri)) : uri;
      displayed.set(uri, file);
    }
    return file;
  };
  return {
    workspace,
    // As the models hold it (positions count from after a byte order mark).
    textOf: (uri) => {
      const text = read.get(uri);
      return text === undefined ? undefined : withoutBom(text);
    },
    config,
    ...(found.file && { configFile: displayPath(cwd, found.file) }),
    readProblems,
    skipped: skipped.sort(),
    skippedFiles: skippedFiles.sort((a, b) => compareText(a.path, b.path)),
    fileOf,
    isReported: (uri) => !singleFiles || named.has(uri),
    ...(workspaceRoot && { workspaceRoot: displayPath(cwd, workspaceRoot.folder) }),
    ...(configError && { configError }),
  };
}

/**
 * Whether every path names something that is not a folder (spec §3.7). A path that does not
 * exist counts as a file here; reading it fails later with the usual message. Mixed files
 * and folders are read as given (every file of them reported).
 */
async function namesSingleFiles(cwd: string, paths: string[]): Promise<boolean> {
  for (const path of paths) if (await isDirectory(resolve(cwd, path))) return false;
  return true;
}

interface WorkspaceRoot {
  folder: string;
  /** What made it the root, for the docs and tests. */
  reason: 'config' | 'git' | 'cwd';
}

/**
 * The workspace root of single files (spec §3.7): walking up from the folder the files share,
 * the first folder that holds `briefs.config.json`, else the git root (the first that holds
 * `.git`, a folder or, in a worktree or submodule, a file; the search for a config stops
 * there), else the current folder. Nothing is
 * spawned: `git` need not be installed. Only names are looked at here; the config is read
 * (with its rules on links) by `loadConfig`.
 */
export async function findWorkspaceRoot(cwd: string, folders: string[]): Promise<WorkspaceRoot> {
  const start = commonFolder(folders.length > 0 ? folders : [cwd]);
  const ancestors: string[] = [];
  for (let folder = start; ; folder = dirname(folder)) {
    ancestors.push(folder);
    if (dirname(folder) === folder) break;
  }
  // The nearest config wins; the search stops at the git root (a config above the repository is not its config).
  for (const folder of ancestors) {
    if (await exists(join(folder, CONFIG_FILE_NAME))) return { folder, reason: 'config' };
    if (await exists(join(folder, '.git'))) return { folder, reason: 'git' };
  }
  return { folder: cwd, reason: 'cwd' };
}

/** The deepest folder that holds every one of `folders` (absolute paths). */
function commonFolder(folders: string[]): string {
  let common = folders[0];
  for (const folder of folders.slice(1)) {
    while (!isInsideFolder(common, folder)) {
      const up = dirname(common);
      if (up === common) break;
      common = up;
    }
  }
  return common;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}


/** `path` relative to cwd with `/` separators (as in the JSON and SARIF output). */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

interface FoundConfig {
  overrides?: ConfigOverrides;
  file?: string;
  /** Where `include`/`exclude` patterns are anchored: the config's folder, else cwd. */
  root: string;
}

/**
 * `--config FILE` if given; otherwise `briefs.config.json` in the folder when exactly one
 * folder is given, otherwise in cwd. A config that exists but cannot be read or parsed ends
 * the run (never ignored silently); no config at all means the defaults. A config found (not
 * named) that is a symbolic link to a file outside its folder ends the run too: its parse
 * errors would quote a file from anywhere (`/proc/self/environ`) into the CI log.
 */
async function loadConfig(cwd: string, paths: string[], explicit: string | undefined, workspaceRoot?: string): Promise<FoundConfig> {
  const candidates: string[] = [];
  if (explicit !== undefined) {
    candidates.push(resolve(cwd, explicit));
  } else if (workspaceRoot !== undefined) {
    // Single files: the config is the root's (when the root is a config's folder), and none otherwise.
    candidates.push(join(workspaceRoot, CONFIG_FILE_NAME));
  } else {
    if (paths.length === 1 && (await isDirectory(resolve(cwd, paths[0])))) candidates.push(join(resolve(cwd, paths[0]), CONFIG_FILE_NAME));
    candidates.push(join(cwd, CONFIG_FILE_NAME));
  }
  for (const file of candidates) {
    let text: string;
    try {
      // A config found (not named) is the repository's: a link may not lead out of its folder.
      if (explicit === undefined && (await isSymbolicLink(file))) {
        const target = await realpath(file);
        if (!isInsideFolder(await realpath(dirname(file)), target)) {
          throw new ConfigLoadError(`cannot read config file ${displayPath(cwd, file)}: it is a symbolic link to a file outside its folder (${displayPath(cwd, target)}); name the file with --config to use it`, file, dirname(file));
        }
      }
      const read = await readRegularFile(file, MAX_CONFIG_BYTES, { setting: 'a config file is at most 1 MB' });
      if (read.kind === 'skipped') throw new ConfigLoadError(`cannot read config file ${displayPath(cwd, file)}: ${read.reason}`, file, dirname(file));
      text = read.text;
    } catch (error) {
      if (error instanceof WorkspaceLoadError) throw error;
      if (explicit === undefined && isNotFound(error)) continue;
      throw new ConfigLoadError(`cannot read config file ${displayPath(cwd, file)}: ${describeFsError(error)}`, file, dirname(file));
    }
    try {
      return { overrides: parseConfig(text, displayPath(cwd, file), RULE_IDS), file, root: dirname(file) };
    } catch (error) {
      if (error instanceof ConfigError) throw new ConfigLoadError(`invalid config ${error.message}`, file, dirname(file));
      throw error;
    }
  }
  return { root: workspaceRoot ?? cwd };
}

interface FoundFile {
  /** The path as found (shown to users, and the brief's uri). */
  path: string;
  /** The path to open: the link's target for a symbolic link found in a walk. */
  open: string;
  /** Open without following a symbolic link (a walk found a regular file, or resolved a link to this target). */
  noFollow: boolean;
  /** Named on the command line (not found by a folder walk). */
  explicit: boolean;
}

/**
 * Files named on the command line are read whatever their name and the config's patterns;
 * folders are walked for `.md` files that pass `include`/`exclude` (matched against the path
 * relative to the config's folder, or to the walked folder for files outside it).
 * `node_modules` and `.git` are never entered, nor directories an `exclude` pattern matches;
 * symbolic links to directories are not followed (no loops), links to files only when the
 * target is inside one of the folders given (a link never takes the walk out of them). A path
 * that does not exist ends the run; an entry of a walk that cannot be read is reported and the
 * walk goes on; entries left out on purpose are listed in `skipped`.
 */
async function discoverFiles(cwd: string, paths: string[], root: string, config: BriefsConfig): Promise<{ files: FoundFile[]; problems: string[]; skipped: string[]; skippedPaths: { path: string; reason: string }[] }> {
  const fileFilter = createFileFilter(config);
  const directoryFilter = createDirectoryFilter(config);
  const found = new Map<string, FoundFile>();
  const problems: string[] = [];
  const skipped: string[] = [];
  const skippedPaths: { path: string; reason: string }[] = [];
  /** The real paths of the folders given: where links may lead. */
  const roots: string[] = [];
  /** The real paths of the files named: a walk that meets one again (by a link, or a link named) does not read it twice. */
  const named = new Set<string>();

  const walk = async (base: string, directory: string, realBase: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      problems.push(`cannot read folder ${displayPath(cwd, directory)}: ${describeFsError(error)}`);
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const rel = patternPath(root, base, path);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && directoryFilter(rel)) await walk(base, path, realBase);
        continue;
      }
      if (!/\.md$/i.test(entry.name) || !fileFilter(rel) || found.has(path)) continue;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(path);
          if (!(await stat(target)).isFile()) continue;
        } catch (error) {
          problems.push(`cannot read ${displayPath(cwd, path)}: ${describeFsError(error, true)}`);
          continue;
        }
        if (named.has(target)) continue;
        if (!roots.some((folder) => isInsideFolder(folder, target))) {
          skipped.push(`skipped ${displayPath(cwd, path)}: it is a symbolic link to a file outside the folders given (${displayPath(cwd, target)})`);
          skippedPaths.push({ path, reason: OUTSIDE_LINK_REASON });
          continue;
        }
        found.set(path, { path, open: target, noFollow: true, explicit: false });
      } else if (entry.isFile()) {
        // Folder links are not followed, so the real path is the walked folder's real path and the rest.
        if (named.has(join(realBase, relative(base, path)))) continue;
        found.set(path, { path, open: path, noFollow: true, explicit: false });
      } else {
        skipped.push(`skipped ${displayPath(cwd, path)}: not a regular file`);
        skippedPaths.push({ path, reason: NOT_REGULAR_REASON });
      }
    }
  };

  const folders: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new WorkspaceLoadError(`cannot read ${given}: ${describeFsError(error, await isSymbolicLink(path))}`);
    }
    if (info.isDirectory()) {
      folders.push(path);
      roots.push(await realpath(path));
    } else {
      found.set(path, { path, open: path, noFollow: false, explicit: true });
      named.add(await realpath(path));
    }
  }
  for (const [i, folder] of folders.entries()) await walk(folder, folder, roots[i]);
  const files = [...found.values()].sort((a, b) => compareText(a.path, b.path));
  return { files, problems, skipped, skippedPaths };
}

function patternPath(root: string, base: string, path: string): string {
  const fromRoot = relative(root, path);
  const outside = fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot);
  const rel = outside ? relative(base, path) : fromRoot;
  return rel.split(sep).join('/');
}

async function isSymbolicLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
};

export function describeFsError(error: unknown, viaLink = false): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (viaLink && code === 'ENOENT') return 'broken symbolic link (its target does not exist)';
  if (code && FS_ERRORS[code]) return `${FS_ERRORS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** What re-reading one file of a folder gave: its text, or why it is not part of the workspace. */
export type FolderFileRead =
  | { kind: 'text'; text: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'excluded' }
  | { kind: 'gone' };

/**
 * Whether a path of a workspace folder is one of its briefs by name: a `.md` file that passes the
 * config's `include`/`exclude` (relative to `root`, the config's folder), outside the folders
 * never read (`node_modules`, `.git`). The language server asks it of open documents too.
 */
export function folderIncludes(folder: string, root: string, config: BriefsConfig, path: string): boolean {
  if (!/\.md$/i.test(path)) return false;
  const rel = patternPath(root, folder, path);
  const parts = rel.split('/');
  if (parts.some((part) => ALWAYS_SKIPPED.has(part)) || !createFileFilter(config)(rel)) return false;
  const directoryFilter = createDirectoryFilter(config);
  for (let i = 1; i < parts.length; i++) if (!directoryFilter(parts.slice(0, i).join('/'))) return false;
  return true;
}

/**
 * Re-reads one file of a workspace folder after the editor reported a change (the language
 * server's file watching), under the same policy as a folder walk: a `.md` file that passes the
 * config's `include`/`exclude` (relative to `root`, the config's folder), whose real path is
 * inside `folder`, that is a regular file within `maxBytes`. Never blocks on a FIFO.
 */
export async function readFolderFile(folder: string, root: string, config: BriefsConfig, path: string, maxBytes: number): Promise<FolderFileRead> {
  if (!folderIncludes(folder, root, config, path)) return { kind: 'excluded' };
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    if (isNotFound(error)) return { kind: 'gone' };
    return { kind: 'skipped', reason: describeFsError(error, await isSymbolicLink(path)) };
  }
  if (!isInsideFolder(await realpath(folder).catch(() => folder), real)) {
    return { kind: 'skipped', reason: OUTSIDE_LINK_REASON };
  }
  try {
    const read = await readRegularFile(real, maxBytes, { noFollow: true, setting: EDITOR_SIZE_SETTING });
    return read.kind === 'text' ? { kind: 'text', text: read.text } : { kind: 'skipped', reason: read.reason };
  } catch (error) {
    if (isNotFound(error)) return { kind: 'gone' };
    // As a folder walk says it (the editor shows the reason).
    if (error instanceof NotRegularFileError) return { kind: 'skipped', reason: NOT_REGULAR_REASON };
    return { kind: 'skipped', reason: describeFsError(error) };
  }
}

/**
 * `readFolderFile` without the promise, for a feature that needs a file's text at once (the
 * language server keeps no text of a file the editor does not have open: src/server/diskTexts.ts).
 * The same policy: include/exclude, a real path inside the folder, a regular file within `maxBytes`,
 * never a FIFO, never through a link.
 */
export function readFolderFileSync(folder: string, root: string, config: BriefsConfig, path: string, maxBytes: number): FolderFileRead {
  if (!folderIncludes(folder, root, config, path)) return { kind: 'excluded' };
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    if (isNotFound(error)) return { kind: 'gone' };
    return { kind: 'skipped', reason: describeFsError(error) };
  }
  let realFolder = folder;
  try {
    realFolder = realpathSync(folder);
  } catch {
    // As readFolderFile: the folder as given.
  }
  if (!isInsideFolder(realFolder, real)) return { kind: 'skipped', reason: OUTSIDE_LINK_REASON };
  try {
    const read = readRegularFileSync(real, maxBytes, { noFollow: true, setting: EDITOR_SIZE_SETTING });
    return read.kind === 'text' ? { kind: 'text', text: read.text } : { kind: 'skipped', reason: read.reason };
  } catch (error) {
    if (isNotFound(error)) return { kind: 'gone' };
    if (error instanceof NotRegularFileError) return { kind: 'skipped', reason: NOT_REGULAR_REASON };
    return { kind: 'skipped', reason: describeFsError(error) };
  }
}
