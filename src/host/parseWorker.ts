/**
 * A worker thread that reads and parses briefs, so indexing a large workspace uses every core
 * and leaves the caller's thread (the extension host, the language server) free. Bundled on its
 * own (dist/parseWorker.js, beside dist/extension.js and dist/cli.js); it never loads `vscode`.
 * Each request is answered with a parsed Brief (plain data, cloned to the caller).
 */
import { parentPort } from 'node:worker_threads';
import { mayBeBrief, parseBrief } from '../core';
import { readRegularFile } from './readRegularFile';
import { SIZE_SETTING, tooLargeReason, type ParseRequest, type ParseResponse } from './parseProtocol';

async function handle(request: ParseRequest): Promise<ParseResponse> {
  const { id, uri, maxBytes } = request;
  try {
    let text = request.text;
    if (text === undefined) {
      if (!request.fsPath) return { id, kind: 'error', message: 'no text and no path' };
      // The index vetted this real path (a regular file inside a workspace folder); reading it as a
      // regular file again, without following a link, means a swap since then is refused, not read.
      const read = await readRegularFile(request.fsPath, maxBytes, { noFollow: true, setting: request.setting ?? SIZE_SETTING });
      if (read.kind === 'skipped') return { id, kind: 'skipped', reason: read.reason };
      text = read.text;
    } else if (text.length > maxBytes) {
      return { id, kind: 'skipped', reason: tooLargeReason(maxBytes, request.setting) };
    }
    if (!mayBeBrief(uri, text)) return { id, kind: 'not-brief', text };
    return { id, kind: 'brief', brief: parseBrief(uri, text) };
  } catch (error) {
    return { id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Batches are answered in the order they came: the pool pairs each reply with its oldest batch. */
let answered: Promise<void> = Promise.resolve();

parentPort?.on('message', (requests: ParseRequest[]) => {
  answered = answered.then(async () => parentPort!.postMessage(await Promise.all(requests.map(handle))));
});
