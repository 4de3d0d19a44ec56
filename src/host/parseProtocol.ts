/** Messages between a caller and its parse workers (./parseWorker.ts). No vscode, no Node imports. */
import { BINARY_REASON, type Brief, type DecodedFile, decodeFile, tooLargeReason as tooLarge } from '../core';

export { BINARY_REASON };

export interface ParseRequest {
  id: number;
  /** The file's uri, as the index keys it. */
  uri: string;
  /** A local path to read (file: uris), or… */
  fsPath?: string;
  /** …the text itself (open documents, other file systems). */
  text?: string;
  /** Larger files are skipped. */
  maxBytes: number;
  /** What the size limit is called in messages (default: the extension's setting). */
  setting?: string;
}

export type ParseResponse =
  | { id: number; kind: 'brief'; brief: Brief }
  /** Cannot be a brief (no `program:` line, not `*.brief.md`): not parsed; the text for the rare caller that needs it. */
  | { id: number; kind: 'not-brief'; text: string }
  | { id: number; kind: 'skipped'; reason: string }
  | { id: number; kind: 'error'; message: string };

export const SIZE_SETTING = 'setting programBriefs.maxFileSizeKB';

/** The size and binary policy is the core's (src/core/workspace/filePolicy.ts), shared with the CLI. */
export function tooLargeReason(maxBytes: number, setting = SIZE_SETTING): string {
  return tooLarge(maxBytes, setting);
}

/** A file's bytes as text (UTF-8, or UTF-16 with a byte order mark), or why it is skipped (too large, binary). */
export function decodeBytes(bytes: Uint8Array, maxBytes: number): DecodedFile {
  return decodeFile(bytes, maxBytes, SIZE_SETTING);
}
