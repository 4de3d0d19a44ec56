/**
 * The language server on the process's standard input and output (`brief lsp --stdio`). Nothing
 * else may write to stdout: it is the protocol's channel (logs go to the client's console).
 */
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startBriefServer } from './briefServer';

export function serveOnStdio(options: { version: string }): Promise<number> {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startBriefServer(connection, options);
  // The connection ends the process on `exit` (0 after `shutdown`, else 1).
  return new Promise<number>(() => undefined);
}
