/**
 * A worker thread that reads and parses briefs, so indexing a large workspace uses every core
 * and leaves the extension host free. Bundled on its own (dist/parseWorker.js); it never loads
 * `vscode`. Each request is answered with a parsed Brief (plain data, cloned to the host).
 */
import { readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { mayBeBrief, parseBrief } from '../core';
import { decodeBytes, tooLargeReason, type ParseRequest, type ParseResponse } from './parseProtocol';

function handle(request: ParseRequest): ParseResponse {
  const { id, uri, maxBytes } = request;
  try {
    let text = request.text;
    if (text === undefined) {
      if (!request.fsPath) return { id, kind: 'error', message: 'no text and no path' };
      if (statSync(request.fsPath).size > maxBytes) return { id, kind: 'skipped', reason: tooLargeReason(maxBytes) };
      const decoded = decodeBytes(readFileSync(request.fsPath), maxBytes);
      if (decoded.kind === 'skipped') return { id, kind: 'skipped', reason: decoded.reason };
      text = decoded.text;
    } else if (text.length > maxBytes) {
      return { id, kind: 'skipped', reason: tooLargeReason(maxBytes) };
    }
    if (!mayBeBrief(uri, text)) return { id, kind: 'not-brief', text };
    return { id, kind: 'brief', brief: parseBrief(uri, text) };
  } catch (error) {
    return { id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (requests: ParseRequest[]) => {
  parentPort!.postMessage(requests.map(handle));
});
