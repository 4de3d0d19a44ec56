/**
 * Runs the `brief` bundle with V8's code cache, so that a run does not compile the bundle again:
 * parsing and compiling 1.3 MB of JavaScript was about a tenth of a second of every `brief`
 * command (docs/benchmark.md, "Brief lint: where the time goes"). Node 22 does this itself
 * (`module.enableCompileCache`); Node 20, which we support, does not.
 *
 * The cache is a file beside the bundle, written when a run ends (so it holds the functions that
 * run compiled too) if there was none or V8 refused it. It starts with the SHA-256 of the bundle
 * it was made from: V8 checks its own version and flags, but of the source only the length, and a
 * cache of another bundle of the same length must never be used. Anything wrong with the file
 * (missing, short, another bundle's, another Node's, corrupt) means compiling as before and
 * writing a new one; a directory that cannot be written (a read-only install) means no cache.
 * It is written to a temporary name and renamed, so two runs at once never see half a file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

const HASH_BYTES = 32;

export interface CodeCacheRun {
  /** What the bundle left in `module.exports`. */
  exports: unknown;
  /** Whether a cache was found for this bundle and V8 used it. */
  cacheUsed: boolean;
  /** Writes the cache if it is needed and not written yet (called when the process exits, or earlier); never throws. */
  save(): void;
}

/** Loads `bundlePath` as a CommonJS module (its `require`, `module`, `__filename`, `__dirname`), compiled with `cachePath`'s code cache. */
export function runWithCodeCache(bundlePath: string, cachePath: string): CodeCacheRun {
  const source = readFileSync(bundlePath, 'utf8');
  const hash = createHash('sha256').update(source).digest();
  const cachedData = readCache(cachePath, hash);
  // The wrapper has a line of its own and `lineOffset` takes it back: positions in stack traces
  // (and through the source map) are the bundle's own.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
  const script = new Script(wrapper, { filename: bundlePath, cachedData, lineOffset: -1 });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown, filename: bundlePath, id: bundlePath, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  module.loaded = true;
  let saved = false;
  return {
    exports: module.exports,
    cacheUsed,
    save() {
      if (cacheUsed || saved) return;
      saved = true;
      const temporary = `${cachePath}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, Buffer.concat([hash, script.createCachedData()]));
        renameSync(temporary, cachePath);
      } catch {
        // A read-only install, a full disk: runs compile as they did without a cache.
        try {
          rmSync(temporary, { force: true });
        } catch {
          // Nothing more to tidy.
        }
      }
    },
  };
}

function readCache(cachePath: string, hash: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(cachePath);
  } catch {
    return undefined;
  }
  if (data.length <= HASH_BYTES || !data.subarray(0, HASH_BYTES).equals(hash)) return undefined;
  return data.subarray(HASH_BYTES);
}
