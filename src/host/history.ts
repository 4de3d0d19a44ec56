/**
 * The workspace as it was at a git revision (`--since REF`): the same folders and the same
 * `include`/`exclude` as the working tree's, read from git in one batch (./git.ts), parsed into
 * a `BriefWorkspace` whose uris are the files' working-tree paths (so `fileOf` shows them alike).
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stat } from 'node:fs/promises';
import { type Brief, type BriefsConfig, BriefWorkspace, createDirectoryFilter, createFileFilter, decodeFile, maxFileBytes } from '../core';
import { filesAt, openRepository, resolveSince, type Repository, type Since } from './git';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface HistoryOptions {
  cwd: string;
  /** As given on the command line (default `.`). */
  paths: readonly string[];
  config: BriefsConfig;
  /** The config file used (relative to cwd), whose folder anchors the patterns. */
  configFile?: string;
  /** When paths name single files: the workspace root they were read from (relative to cwd). */
  workspaceRoot?: string;
  maxFileSizeKB?: number;
  /**
   * The working tree's workspace: a file whose text at REF is the same as now is not parsed
   * again, its parsed brief is shared (parsing is most of the cost of a diff).
   */
  current?: BriefWorkspace;
  /** Whether a text is the one a brief of `current` was parsed from (default: its `text` is it). */
  isTextOf?: (brief: Brief, text: string) => boolean;
}

export interface PastWorkspace {
  repository: Repository;
  since: Since;
  workspace: BriefWorkspace;
}

export async function workspaceAt(ref: string, options: HistoryOptions): Promise<PastWorkspace> {
  const repository = await openRepository(options.cwd);
  const since = await resolveSince(repository, ref);
  const folders = options.workspaceRoot !== undefined ? [resolve(options.cwd, options.workspaceRoot)] : await foldersOf(options.cwd, options.paths.length > 0 ? options.paths : ['.']);
  const root = options.configFile !== undefined ? dirname(resolve(options.cwd, options.configFile)) : options.cwd;
  const fileFilter = createFileFilter(options.config);
  const directoryFilter = createDirectoryFilter(options.config);
  const keep = (path: string) => {
    if (!/\.md$/i.test(path)) return false;
    const base = folders.find((folder) => path.startsWith(folder + sep)) ?? root;
    const fromRoot = relative(root, path);
    const outside = fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot);
    const parts = (outside ? relative(base, path) : fromRoot).split(sep);
    if (parts.some((part) => ALWAYS_SKIPPED.has(part))) return false;
    for (let i = 1; i < parts.length; i++) if (!directoryFilter(parts.slice(0, i).join('/'))) return false;
    return fileFilter(parts.join('/'));
  };
  const maxBytes = maxFileBytes(options.maxFileSizeKB);
  const files = await filesAt(repository, since.commit, folders, keep, maxBytes);
  const workspace = new BriefWorkspace();
  for (const file of files) {
    const decoded = decodeFile(file.bytes, maxBytes, '--max-file-size');
    if (decoded.kind !== 'text') continue;
    const uri = pathToFileURL(file.path).href;
    const now = options.current?.get(uri);
    if (now && (options.isTextOf ? options.isTextOf(now, decoded.text) : now.text === decoded.text)) workspace.setBrief(now);
    else workspace.setText(uri, decoded.text);
  }
  // The schedule index tells workspaces apart by version (forecastChanges then recomputes only
  // the changed programs): make this one's differ from the working tree's (an empty file in and out).
  for (let i = 0; options.current && workspace.version === options.current.version && i < 2; i++) {
    workspace.setText('brief-history:version', '');
    workspace.delete('brief-history:version');
  }
  return { repository, since, workspace };
}

/** The folders among `paths` (files name their own folder). */
async function foldersOf(cwd: string, paths: readonly string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let isFolder = false;
    try {
      isFolder = (await stat(full)).isDirectory();
    } catch {
      isFolder = false;
    }
    folders.push(isFolder ? full : dirname(full));
  }
  return folders;
}
