/**
 * The `brief` executable (dist/cli.js): runs the program's bundle (dist/brief.js, built from
 * ./main.ts) through V8's code cache (src/host/codeCache.ts) and saves the cache when the process exits.
 */
import { join } from 'node:path';
import { runWithCodeCache } from '../host/codeCache';

const bundle = join(__dirname, 'brief.js');
const run = runWithCodeCache(bundle, `${bundle}.cache`);
process.on('exit', () => run.save());
