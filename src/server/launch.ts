/**
 * The language server as the VS Code extension starts it (dist/server.js): runs the server's
 * bundle (dist/languageServer.js, built from ./node.ts) through V8's code cache
 * (src/host/codeCache.ts), as `brief` runs its own, so that a window opening does not compile the
 * server again (docs/language-server.md, "Starting"). The cache is the file that
 * `--code-cache=<file>` names (the extension's global storage: the extension's own folder may be
 * read-only), else a file beside the bundle; it is written when the server exits.
 */
import { join } from 'node:path';
import { runWithCodeCache } from '../host/codeCache';

const CACHE_ARGUMENT = '--code-cache=';
const bundle = join(__dirname, 'languageServer.js');
const named = process.argv.find((argument) => argument.startsWith(CACHE_ARGUMENT))?.slice(CACHE_ARGUMENT.length);
const run = runWithCodeCache(bundle, named || `${bundle}.cache`);
process.on('exit', () => run.save());
