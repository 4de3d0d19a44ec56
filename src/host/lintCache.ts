/**
 * `brief lint --cache` (docs/cli.md#the-cache), as ESLint's `--cache`: the diagnostics of a run,
 * kept in one small JSON file under a key made of the tool's version, the configuration, "today",
 * the paths asked for, and every file read with a hash of its text. A rerun whose key is the same
 * (no file, setting or version changed) prints them without parsing or linting anything; any
 * other run lints as usual and keeps its own result. Diagnostics cross files (a cycle, a
 * dependency, a schedule), so a result is reused only whole, never file by file.
 *
 * The output is always the one a run without the cache prints. A cache file that is missing,
 * unreadable, corrupt, truncated, of another tool version or of another shape is ignored and
 * rewritten. It is written to a temporary file renamed over the old one, so two runs at once
 * always leave one whole file (each run's result is complete on its own: nothing is lost). A
 * workspace where it cannot be written (read-only) is linted as usual, without a cache.
 */
import { createHash, randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { BriefsConfig, Diagnostic } from '../core';
import { readRegularFileSync } from './readRegularFile';

/** The cache file's name in the workspace root, unless `--cache-location` says otherwise. */
export const DEFAULT_CACHE_FILE = '.briefcache';

const FORMAT = 'program-briefs-lint-cache';
const FORMAT_VERSION = 1;
/** A cache file larger than this is not read (and is rewritten). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** What a run printed from: the briefs reported on and the diagnostics, in their order. */
export interface LintResult {
  briefs: number;
  diagnostics: Diagnostic[];
  /**
   * The language server's index cache (src/server/indexCache.ts) also keeps every brief's uri:
   * it publishes an empty list for a brief without diagnostics.
   */
  uris?: string[];
}

interface CacheFile {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  tool: string;
  key: string;
  result: LintResult;
}

export interface CacheKeyParts {
  config: BriefsConfig;
  today: string;
  /** The paths asked for, resolved (they decide which files are reported). */
  paths: string[];
  /** Every file read: uri → text. */
  files: ReadonlyMap<string, string>;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function keyPartsOf(parts: CacheKeyParts): object {
  const files = [...parts.files].map(([uri, text]) => [uri, hashOf(text)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { config: parts.config, today: parts.today, paths: parts.paths, files };
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | null;
  return typeof position === 'object' && position !== null && Number.isInteger(position.line) && Number.isInteger(position.character);
}

function isRange(value: unknown): boolean {
  const range = value as { start?: unknown; end?: unknown } | null;
  return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}

/** A diagnostic as lint makes them; a cache that holds anything else is not used. */
function isDiagnostic(value: unknown): value is Diagnostic {
  const d = value as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null) return false;
  if (typeof d.uri !== 'string' || typeof d.rule !== 'string' || typeof d.message !== 'string' || !SEVERITIES.has(d.severity as string) || !isRange(d.range)) return false;
  if (d.related !== undefined && !(Array.isArray(d.related) && d.related.every((r) => typeof r?.uri === 'string' && typeof r?.message === 'string' && isRange(r?.range)))) return false;
  return d.data === undefined || (typeof d.data === 'object' && d.data !== null);
}

export class LintCache {
  private constructor(readonly path: string, private readonly tool: string, private readonly file: CacheFile | undefined) {}

  /** The cache at `path` (absolute); empty when there is none this tool version can use. */
  static open(path: string, tool: string): LintCache {
    let file: CacheFile | undefined;
    try {
      const read = readRegularFileSync(path, MAX_CACHE_BYTES, { noFollow: true, setting: 'a cache file is at most 256 MB' });
      const data = read.kind === 'text' ? (JSON.parse(read.text) as Partial<CacheFile> | null) : undefined;
      const result = data?.result;
      if (data && data.format === FORMAT && data.version === FORMAT_VERSION && data.tool === tool && typeof data.key === 'string'
        && result && Number.isInteger(result.briefs) && Array.isArray(result.diagnostics) && result.diagnostics.every(isDiagnostic)
        && (result.uris === undefined || (Array.isArray(result.uris) && result.uris.every((uri) => typeof uri === 'string')))) {
        file = data as CacheFile;
      }
    } catch {
      file = undefined; // missing, unreadable or corrupt: as if there were none
    }
    return new LintCache(path, tool, file);
  }

  /** A cache at `path` that has read nothing: to make keys and to save. */
  static unread(path: string, tool: string): LintCache {
    return new LintCache(path, tool, undefined);
  }

  /** The key of a run: its tool version, settings, paths and files (each by a hash of its text). */
  keyOf(parts: CacheKeyParts): string {
    return hashOf(JSON.stringify({ tool: this.tool, ...keyPartsOf(parts) }));
  }

  /** The key of several folders read together (the language server's workspace folders), in their order. */
  keyOfFolders(folders: CacheKeyParts[]): string {
    return hashOf(JSON.stringify({ tool: this.tool, folders: folders.map(keyPartsOf) }));
  }

  /** The result of the last run, if it had this key. */
  resultFor(key: string): LintResult | undefined {
    return this.file?.key === key ? this.file.result : undefined;
  }

  /** Keeps this run's result. False when the file cannot be written (a read-only workspace): the run goes on without it. */
  save(key: string, result: LintResult): boolean {
    const file: CacheFile = { format: FORMAT, version: FORMAT_VERSION, tool: this.tool, key, result };
    const temporary = `${this.path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(file), { flag: 'wx' });
      renameSync(temporary, this.path);
      return true;
    } catch {
      rmSync(temporary, { force: true });
      return false;
    }
  }
}
