/**
 * The language server's index cache (docs/language-server.md#the-index-cache): when the client
 * gives a `cacheDirectory` (VS Code: the extension's storage for this workspace), the server
 * keeps there the diagnostics of its whole workspace under a key made of the tool's version and,
 * for every folder, its configuration, "today" and every file read with a hash of its text: the
 * key of `brief lint --cache` (src/host/lintCache.ts), whose file format and safety it shares.
 *
 * On the next start, once the files are read and before anything is parsed, a cache with the
 * same key is published at once: the diagnostics a cold indexing would publish, since nothing
 * they were computed from changed. The server then parses and lints as usual, and sends only
 * what differs (nothing, unless the cache was wrong). Diagnostics cross files, so the cache is
 * used whole or not at all.
 *
 * What is kept is always the diagnostics of exactly the texts hashed into the key: it is written
 * only when every open document holds the text of its file on disk (an unsaved edit is not on
 * disk, so its diagnostics must not be kept), and a later refresh reads the disk again.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Diagnostic, effectiveToday, mayBeBrief, parseBrief, withoutBom } from '../core';
import { LintCache } from '../host/lintCache';
import { DiskTexts } from './diskTexts';
import type { FolderIndex, FolderRead } from './folderIndex';

/** The cache file, in the client's cache directory. */
export const INDEX_CACHE_FILE = 'index-cache.json';

export interface CachedIndex {
  /** Every brief's uri, with its diagnostics (an empty list for a clean brief). */
  briefs: Map<string, Diagnostic[]>;
}

export class IndexCache {
  readonly path: string;

  constructor(directory: string, private readonly version: string) {
    this.path = join(directory, INDEX_CACHE_FILE);
  }

  /** The key of what was read: the server's version, and each folder's config, today and files. */
  keyOf(read: readonly FolderRead[]): string {
    return LintCache.unread(this.path, this.tool).keyOfFolders(read.map(({ folder, files }) => ({ config: folder.config, today: effectiveToday(folder.config), paths: [folder.path], files })));
  }

  /**
   * The diagnostics kept under this key, if any. Only uris among the files read count (a brief
   * is always one of them), so a cache can never publish for a file that is not there.
   */
  cachedFor(key: string, read: readonly FolderRead[]): CachedIndex | undefined {
    const result = LintCache.open(this.path, this.tool).resultFor(key);
    if (!result?.uris) return undefined;
    const files = diskTexts(read);
    const briefs = new Map<string, Diagnostic[]>();
    for (const uri of result.uris) if (files.has(uri)) briefs.set(uri, []);
    for (const diagnostic of result.diagnostics) briefs.get(diagnostic.uri)?.push(diagnostic);
    return briefs.size === result.uris.length ? { briefs } : undefined;
  }

  /** Keeps the diagnostics of every brief under `key`. False when it cannot be written (the server goes on without it). */
  save(key: string, briefs: ReadonlyMap<string, readonly Diagnostic[]>): boolean {
    const uris = [...briefs.keys()];
    try {
      mkdirSync(dirname(this.path), { recursive: true });
    } catch {
      return false;
    }
    return LintCache.unread(this.path, this.tool).save(key, { briefs: uris.length, diagnostics: uris.flatMap((uri) => briefs.get(uri) ?? []), uris });
  }

  private get tool(): string {
    return `program-briefs-server ${this.version}`;
  }
}

/**
 * Whether the model holds exactly the disk's text of every file read: each open document's text
 * is its file's (an open document outside the files read is no brief), so diagnostics linted now
 * are those of the texts hashed into the key.
 */
export function modelMatchesDisk(read: readonly FolderRead[], documents: readonly { uri: string; getText(): string }[], isBrief: (uri: string) => boolean): boolean {
  const disk = diskTexts(read);
  return documents.every((document) => {
    const text = disk.get(document.uri);
    return text === undefined ? !isBrief(document.uri) : withoutBom(text) === document.getText();
  });
}

/** Every file read, uri → its text on disk, across the folders. */
export function diskTexts(read: readonly FolderRead[]): Map<string, string> {
  const disk = new Map<string, string>();
  for (const { files } of read) for (const [uri, text] of files) disk.set(uri, text);
  return disk;
}

/**
 * Every folder read from disk again, when the index holds exactly what the disk says (each of
 * its briefs has its file's text, and no other file read is a brief); else undefined (the next
 * change or start tells). A folder whose config changed meanwhile is being reloaded: undefined.
 */
export async function refreshedRead(index: FolderIndex): Promise<FolderRead[] | undefined> {
  const read: FolderRead[] = [];
  const onDisk = new Set<string>();
  for (const folder of index.folders) {
    const files = await index.readFolderFiles(folder);
    if (!files) return undefined;
    for (const [uri, text] of files) {
      onDisk.add(uri);
      const brief = index.workspace.get(uri);
      if (brief?.isBrief) {
        if (!DiskTexts.sameText(brief, text)) return undefined;
      } else if (mayBeBrief(uri, text) && parseBrief(uri, text).isBrief) {
        return undefined;
      }
    }
    read.push({ folder, files });
  }
  return index.workspace.briefs().every((brief) => onDisk.has(brief.uri)) ? read : undefined;
}
