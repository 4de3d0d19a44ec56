/**
 * One run of a bundle through the code cache in a process of its own, as each `brief` command
 * is (test/unit/cli/codeCache.test.ts): prints whether the cache was used and what the bundle
 * exported, then saves the cache as the launcher does when the process exits.
 *
 *   node --import tsx test/unit/cli/codeCacheChild.ts <bundle> <cache>
 */
import { runWithCodeCache } from '../../../src/host/codeCache';

const [bundle, cache] = process.argv.slice(2);
const run = runWithCodeCache(bundle, cache);
process.stdout.write(JSON.stringify({ cacheUsed: run.cacheUsed, name: (run.exports as { name?: string }).name }));
run.save();
