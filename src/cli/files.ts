/**
 * The CLI's view of the file system: which config applies, which files to read, and reading
 * them into a `BriefWorkspace`. Everything that touches `node:fs` lives here (and nowhere in
 * `src/core`). Uris given to the core are `file://` URLs, so Markdown links between briefs
 * resolve as in the editor; paths shown to users are relative to the current directory.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, mergeConfig, parseConfig, type BriefsConfig, type ConfigOverrides } from '../core/config';
import { createDirectoryFilter, createFileFilter } from '../core/glob';
import { RULE_IDS } from '../core/rules';
import { BriefWorkspace } from '../core/workspace';

export const CONFIG_FILE_NAME = 'briefs.config.json';

/** Directories a folder walk never enters, whatever the config says. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** A problem that ends the run with exit code 2 (bad usage, broken config, unreadable input). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
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
}

export interface LoadedWorkspace {
  workspace: BriefWorkspace;
  config: BriefsConfig;
  /** The config file used, relative to cwd; undefined when none was found. */
  configFile?: string;
  /** Files of a folder walk that could not be read: reported, and the run ends with exit code 2. */
  readProblems: string[];
  /** A core uri as shown to users: relative to cwd, with `/`. */
  fileOf(uri: string): string;
}

export async function loadWorkspace(options: LoadOptions): Promise<LoadedWorkspace> {
  const cwd = options.cwd;
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const found = await loadConfig(cwd, paths, options.configPath);
  const config = mergeConfig(found.overrides, options.today ? { today: options.today } : undefined);
  const { files, problems } = await discoverFiles(cwd, paths, found.root, config);
  const workspace = new BriefWorkspace();
  const readProblems = [...problems];
  const texts = await mapLimit(files, 32, async (file) => {
    try {
      return await readFile(file.path, 'utf8');
    } catch (error) {
      const message = `cannot read ${displayPath(cwd, file.path)}: ${describeFsError(error)}`;
      if (file.explicit) throw new CliError(message);
      readProblems.push(message);
      return undefined;
    }
  });
  files.forEach((file, i) => {
    const text = texts[i];
    if (text !== undefined) workspace.setText(pathToFileURL(file.path).href, text);
  });
  return {
    workspace,
    config,
    ...(found.file && { configFile: displayPath(cwd, found.file) }),
    readProblems,
    fileOf: (uri) => (uri.startsWith('file:') ? displayPath(cwd, fileURLToPath(uri)) : uri),
  };
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
 * the run (never ignored silently); no config at all means the defaults.
 */
async function loadConfig(cwd: string, paths: string[], explicit: string | undefined): Promise<FoundConfig> {
  const candidates: string[] = [];
  if (explicit !== undefined) {
    candidates.push(resolve(cwd, explicit));
  } else {
    if (paths.length === 1 && (await isDirectory(resolve(cwd, paths[0])))) candidates.push(join(resolve(cwd, paths[0]), CONFIG_FILE_NAME));
    candidates.push(join(cwd, CONFIG_FILE_NAME));
  }
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (explicit === undefined && isNotFound(error)) continue;
      throw new CliError(`cannot read config file ${displayPath(cwd, file)}: ${describeFsError(error)}`);
    }
    try {
      return { overrides: parseConfig(text, displayPath(cwd, file), RULE_IDS), file, root: dirname(file) };
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(`invalid config ${error.message}`);
      throw error;
    }
  }
  return { root: cwd };
}

interface FoundFile {
  path: string;
  /** Named on the command line (not found by a folder walk). */
  explicit: boolean;
}

/**
 * Files named on the command line are read whatever their name and the config's patterns;
 * folders are walked for `.md` files that pass `include`/`exclude` (matched against the path
 * relative to the config's folder, or to the walked folder for files outside it).
 * `node_modules` and `.git` are never entered, nor directories an `exclude` pattern matches;
 * symbolic links to files are followed, to directories not (no loops). A path that does not
 * exist ends the run; an entry of a walk that cannot be read is reported and the walk goes on.
 */
async function discoverFiles(cwd: string, paths: string[], root: string, config: BriefsConfig): Promise<{ files: FoundFile[]; problems: string[] }> {
  const fileFilter = createFileFilter(config);
  const directoryFilter = createDirectoryFilter(config);
  const found = new Map<string, FoundFile>();
  const problems: string[] = [];

  const walk = async (base: string, directory: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      problems.push(`cannot read folder ${displayPath(cwd, directory)}: ${describeFsError(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const rel = patternPath(root, base, path);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && directoryFilter(rel)) await walk(base, path);
        continue;
      }
      if (!/\.md$/i.test(entry.name) || !fileFilter(rel) || found.has(path)) continue;
      if (entry.isSymbolicLink()) {
        try {
          if (!(await stat(path)).isFile()) continue;
        } catch (error) {
          problems.push(`cannot read ${displayPath(cwd, path)}: ${describeFsError(error, true)}`);
          continue;
        }
      } else if (!entry.isFile()) {
        continue;
      }
      found.set(path, { path, explicit: false });
    }
  };

  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new CliError(`cannot read ${given}: ${describeFsError(error, await isSymbolicLink(path))}`);
    }
    if (info.isDirectory()) await walk(path, path);
    else found.set(path, { path, explicit: true });
  }
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
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

/** `Promise.all` over `items` with at most `limit` at a time (so a large tree cannot exhaust file handles). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
