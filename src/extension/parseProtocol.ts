/** Messages between the index and its parse workers (src/extension/parseWorker.ts). No vscode, no Node imports. */
import type { Brief } from '../core';

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
}

export type ParseResponse =
  | { id: number; kind: 'brief'; brief: Brief }
  /** Cannot be a brief (no `program:` line, not `*.brief.md`): not parsed; the text for the rare caller that needs it. */
  | { id: number; kind: 'not-brief'; text: string }
  | { id: number; kind: 'skipped'; reason: string }
  | { id: number; kind: 'error'; message: string };

export function tooLargeReason(maxBytes: number): string {
  return `it is larger than ${Math.round(maxBytes / 1024)} KB (setting programBriefs.maxFileSizeKB)`;
}

export const BINARY_REASON = 'it looks binary (it contains NUL bytes)';
