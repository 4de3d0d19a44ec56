/**
 * The language server as the VS Code extension starts it (dist/languageServer.js, bundled with
 * the extension and run by the launcher dist/server.js, ./launch.ts, which vscode-languageclient
 * starts with Node): the same server as `brief lsp --stdio`, on the transport the client chose on
 * the command line (`--node-ipc`, `--stdio`, `--pipe`).
 */
import { createConnection } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { startBriefServer } from './briefServer';

startBriefServer(createConnection(), { version });
