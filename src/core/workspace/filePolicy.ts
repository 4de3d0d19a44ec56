/**
 * Which files a host reads as text, and how bytes become text: one policy for the extension and
 * the CLI (pure: the hosts stat and read, this decides).
 *
 * - A file larger than the limit (default 2048 KB) is skipped, so one huge file cannot freeze
 *   the editor or exhaust the CLI's memory. Hosts check the size they stat before reading.
 * - A file with a NUL in its first 8 KB looks binary and is skipped (UTF-16 text has NULs
 *   between ASCII letters, so the check runs on the decoded text when a UTF-16 BOM says so).
 * - Bytes are UTF-8, with or without a byte order mark (skipped, as editors do), or UTF-16 LE
 *   or BE when they start with the UTF-16 byte order mark. Invalid sequences become U+FFFD.
 */

export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

/** How much of a file the binary check looks at (bytes of UTF-8, characters of decoded text). */
export const BINARY_SNIFF_LENGTH = 8192;

export const BINARY_REASON = 'it looks binary (it contains NUL bytes)';

/** The limit in bytes for a limit in KB (at least 1 KB). */
export function maxFileBytes(kb: number = DEFAULT_MAX_FILE_SIZE_KB): number {
  return Math.max(1, Number.isFinite(kb) ? kb : DEFAULT_MAX_FILE_SIZE_KB) * 1024;
}

/** Why a file of `size` bytes is skipped, or undefined when it is not too large. */
export function sizeProblem(size: number, maxBytes: number, setting: string): string | undefined {
  return size > maxBytes ? tooLargeReason(maxBytes, setting) : undefined;
}

export function tooLargeReason(maxBytes: number, setting: string): string {
  return `it is larger than ${Math.round(maxBytes / 1024)} KB (${setting})`;
}

export type DecodedFile =
  | { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { kind: 'skipped'; reason: string };

/**
 * A file's bytes as text, or why it is skipped (too large, binary). `setting` names what sets
 * the limit, for the message (`setting programBriefs.maxFileSizeKB`, `--max-file-size`).
 */
export function decodeFile(bytes: Uint8Array, maxBytes: number, setting: string): DecodedFile {
  const tooLarge = sizeProblem(bytes.length, maxBytes, setting);
  if (tooLarge) return { kind: 'skipped', reason: tooLarge };
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  if (encoding === 'utf-8') {
    if (bytes.subarray(0, BINARY_SNIFF_LENGTH).includes(0)) return { kind: 'skipped', reason: BINARY_REASON };
    return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes), encoding };
  }
  // The decoder drops the byte order mark, as it does for UTF-8.
  const text = new TextDecoder(encoding).decode(bytes);
  if (text.slice(0, BINARY_SNIFF_LENGTH).includes('\u0000')) return { kind: 'skipped', reason: BINARY_REASON };
  return { kind: 'text', text, encoding };
}

/** The same policy for text a host already has (an open editor document): why it is skipped, or undefined. */
export function textProblem(text: string, maxBytes: number, setting: string): string | undefined {
  return sizeProblem(text.length, maxBytes, setting) ?? (text.slice(0, BINARY_SNIFF_LENGTH).includes('\u0000') ? BINARY_REASON : undefined);
}
