/**
 * The language server as the VS Code extension starts it (dist/server.js): runs the server's
 * bundle (dist/languageServer.js, built from ./node.ts) through V8's code cache
 * (src/host/codeCache.ts), as `brief` runs its own, so that a window opening does not compile the
 * server again (docs/language-server.md, "Starting"). The cache is the file that
 * `--code-cache=<file>` names (the extension's global storage: the extension's own folder may be
 * read-only), else a file beside the bundle. It is written once the server has run a while (by
 * then its first indexing has compiled most of what it runs), or when it exits if that is sooner:
 * an editor may end the server without the LSP `exit` (a window closed hard, an editor that is
 * killed), and a cache written only at exit would then never be written.
 * PROGRAM_BRIEFS_CODE_CACHE_SAVE_MS sets another delay (the tests use a short one).
 */
import { join } from 'node:path';
import { runWithCodeCache } from '../host/codeCache';

const CACHE_ARGUMENT = '--code-cache=';
const bundle = join(__dirname, 'languageServer.js');
const named = process.argv.find((argument) => argument.startsWith(CACHE_ARGUMENT))?.slice(CACHE_ARGUMENT.length);
const run = runWithCodeCache(bundle, named || `${bundle}.cache`);
const saveAfterMs = Number(process.env.PROGRAM_BRIEFS_CODE_CACHE_SAVE_MS) > 0 ? Number(process.env.PROGRAM_BRIEFS_CODE_CACHE_SAVE_MS) : 20_000;
// Unref'd: the timer keeps no server alive.
setTimeout(() => run.save(), saveAfterMs).unref();
process.on('exit', () => run.save());
