/**
 * The language server's index cache (docs/language-server.md#the-index-cache), over the real
 * pipes: a second start with nothing changed publishes the kept diagnostics before it indexes,
 * the same as a cold start's, and sends nothing again after indexing; a changed file, a changed
 * setting, a corrupt or foreign cache, or an unwritable place make it a cold start (and the cache
 * is rewritten where it can be); diagnostics of unsaved text are never kept.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INDEX_CACHE_FILE } from '../../../src/server/indexCache';
import { DID_CHANGE_MODEL, DID_PUBLISH_CACHED } from '../../../src/server/protocol';
import { LspTestClient, useLspClients } from './lspClient';
import { copyOfExamples, uriOf } from './workspaces';

describe('language server: the index cache', function () {
  this.timeout(120_000);
  const start = useLspClients();
  const caches: string[] = [];
  after(() => {
    for (const dir of caches.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const cacheDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-index-cache-'));
    caches.push(dir);
    return path.join(dir, 'storage'); // not there yet: the server makes it
  };

  const indexed = (client: LspTestClient) => client.waitFor(() => client.notifications.some((n) => n.method === DID_CHANGE_MODEL && (n.params as { all?: boolean }).all), 'the first indexing');
  const cachedPublish = (client: LspTestClient) => client.notifications.find((n) => n.method === DID_PUBLISH_CACHED)?.params as { briefs: number } | undefined;
  const snapshot = (client: LspTestClient) => JSON.stringify([...client.diagnostics].sort(([a], [b]) => (a < b ? -1 : 1)));

  async function run(dir: string, cacheDirectory: string, env?: Record<string, string>) {
    const client = await start({ folders: [dir], initializationOptions: { cacheDirectory }, ...(env && { env }) });
    await indexed(client);
    return client;
  }

  /** Stops a client, then waits for its cache file to be there (it is written after the first indexing). */
  async function stopped(client: LspTestClient, cacheDirectory: string) {
    await client.waitFor(() => fs.existsSync(path.join(cacheDirectory, INDEX_CACHE_FILE)), 'the cache file');
    await client.stop();
  }

  it('a second start with nothing changed publishes the kept diagnostics first, the same as a cold start, and nothing again', async () => {
    const dir = copyOfExamples();
    const cacheDirectory = cacheDir();
    const cold = await run(dir, cacheDirectory);
    assert.equal(cachedPublish(cold), undefined, 'no cache on the first start');
    const coldDiagnostics = snapshot(cold);
    const briefs = cold.publishes.length;
    assert.ok(briefs >= 8, `the examples' briefs were published (${briefs})`);
    await stopped(cold, cacheDirectory);

    const warm = await run(dir, cacheDirectory);
    const published = cachedPublish(warm);
    assert.equal(published?.briefs, briefs, 'every brief came from the cache');
    const cachedAt = warm.notifications.findIndex((n) => n.method === DID_PUBLISH_CACHED);
    const indexedAt = warm.notifications.findIndex((n) => n.method === DID_CHANGE_MODEL);
    assert.ok(cachedAt >= 0 && cachedAt < indexedAt, 'the cache is published before the indexing is announced');
    assert.equal(snapshot(warm), coldDiagnostics, 'the same diagnostics as the cold start');
    assert.equal(warm.publishes.length, briefs, 'after indexing, nothing identical is sent again');
  });

  it('a file changed on disk since: a cold start with the new diagnostics, and the cache rewritten for the next', async () => {
    const dir = copyOfExamples();
    const cacheDirectory = cacheDir();
    await stopped(await run(dir, cacheDirectory), cacheDirectory);
    const file = path.join(dir, 'programs/billing-core.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^owner: .*$/m, 'owner: ""'));
    const keptBefore = fs.readFileSync(path.join(cacheDirectory, INDEX_CACHE_FILE), 'utf8');
    const changed = await run(dir, cacheDirectory);
    assert.equal(cachedPublish(changed), undefined, 'a changed file: the cache is not used');
    const rules = changed.rulesOf(uriOf(dir, 'programs/billing-core.md')) ?? [];
    assert.ok(rules.some((rule) => rule === 'owner-missing' || rule === 'schema'), `the edited brief's own diagnostics (${rules.join(', ')})`);
    const coldDiagnostics = snapshot(changed);
    await changed.waitFor(() => fs.readFileSync(path.join(cacheDirectory, INDEX_CACHE_FILE), 'utf8') !== keptBefore, 'the cache rewritten');
    await changed.stop();
    const again = await run(dir, cacheDirectory);
    assert.ok(cachedPublish(again), 'the rewritten cache is used by the next start');
    assert.equal(snapshot(again), coldDiagnostics);
  });

  it('another setting (a rule turned off): the cache is not used', async () => {
    const dir = copyOfExamples();
    const cacheDirectory = cacheDir();
    await stopped(await run(dir, cacheDirectory), cacheDirectory);
    const client = await start({ folders: [dir], initializationOptions: { cacheDirectory }, settings: () => ({ rules: { 'dependency-unknown': 'off' } }) });
    await indexed(client);
    assert.equal(cachedPublish(client), undefined);
    assert.ok(!(client.rulesOf(uriOf(dir, 'programs/billing-core.md')) ?? []).includes('dependency-unknown'), 'the setting applies');
  });

  for (const [what, content] of [
    ['garbage', 'not json at all {{{'],
    ['truncated', '{"format":"program-briefs-lint-cache","version":1,"tool":"program-briefs-server'],
    ['foreign', JSON.stringify({ format: 'something-else', version: 1, key: 'x', result: { briefs: 0, diagnostics: [] } })],
  ] as const) {
    it(`a ${what} cache file is ignored and rewritten`, async () => {
      const dir = copyOfExamples();
      const cacheDirectory = cacheDir();
      fs.mkdirSync(cacheDirectory, { recursive: true });
      const file = path.join(cacheDirectory, INDEX_CACHE_FILE);
      fs.writeFileSync(file, content);
      const client = await run(dir, cacheDirectory);
      assert.equal(cachedPublish(client), undefined);
      assert.ok((client.rulesOf(uriOf(dir, 'programs/billing-core.md')) ?? []).includes('dependency-unknown'), 'diagnostics as usual');
      await client.waitFor(() => fs.readFileSync(file, 'utf8') !== content, 'the cache file rewritten');
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).format, 'program-briefs-lint-cache');
    });
  }

  it('a cache place that cannot be written (a file is in the way): indexing goes on without a cache', async () => {
    const dir = copyOfExamples();
    const blocked = cacheDir();
    fs.mkdirSync(path.dirname(blocked), { recursive: true });
    fs.writeFileSync(blocked, 'a file, not a folder');
    const client = await run(dir, blocked);
    assert.ok((client.rulesOf(uriOf(dir, 'programs/billing-core.md')) ?? []).includes('dependency-unknown'));
    await client.waitFor(() => client.logs.some((line) => line.includes('could not be written')), 'the log line');
    assert.equal(fs.readFileSync(blocked, 'utf8'), 'a file, not a folder', 'nothing overwritten');
  });

  it('an editor open with unsaved text during the first indexing: nothing is kept', async () => {
    const dir = copyOfExamples();
    const cacheDirectory = cacheDir();
    const client = await start({ folders: [dir], initializationOptions: { cacheDirectory } });
    // Sent at once: the server is still asking the client for its settings when this arrives.
    const uri = uriOf(dir, 'programs/billing-core.md');
    const text = fs.readFileSync(path.join(dir, 'programs/billing-core.md'), 'utf8').replace(/^owner: .*$/m, 'owner: ""');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await indexed(client);
    await client.waitFor(() => client.logs.some((line) => line.includes('index cache is not written')), 'the cache to be left out');
    assert.equal(fs.existsSync(path.join(cacheDirectory, INDEX_CACHE_FILE)), false);
  });

  it('after a change on disk is saved and things pause, the cache is refreshed; unsaved text is never kept', async () => {
    const dir = copyOfExamples();
    const cacheDirectory = cacheDir();
    const env = { PROGRAM_BRIEFS_CACHE_REFRESH_MS: '300' };
    const first = await run(dir, cacheDirectory, env);
    const file = path.join(dir, 'programs/billing-core.md');
    const uri = uriOf(dir, 'programs/billing-core.md');
    await first.waitFor(() => fs.existsSync(path.join(cacheDirectory, INDEX_CACHE_FILE)), 'the first cache file');
    const keptBefore = fs.readFileSync(path.join(cacheDirectory, INDEX_CACHE_FILE), 'utf8');

    // Unsaved text in an open editor, then a change on disk elsewhere: the model is not the disk, nothing is kept.
    const original = fs.readFileSync(file, 'utf8');
    await first.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: original.replace(/^owner: .*$/m, 'owner: ""') } });
    await first.waitFor(() => (first.rulesOf(uri) ?? []).some((rule) => rule === 'owner-missing' || rule === 'schema'), 'the unsaved text linted');
    const other = path.join(dir, 'programs/payments-v2.md');
    fs.writeFileSync(other, fs.readFileSync(other, 'utf8').replace(/^title: .*$/m, 'title: Payments, renamed'));
    await first.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'programs/payments-v2.md'), type: 2 }] });
    // The refresh ran (300 ms after the change) and kept nothing.
    await first.waitFor(() => first.logs.some((line) => line.includes('index cache is not refreshed')), 'the refresh to decline');
    assert.equal(fs.readFileSync(path.join(cacheDirectory, INDEX_CACHE_FILE), 'utf8'), keptBefore, 'unsaved text: the cache is left as it was');

    // The editor closes without saving: the model is the disk again, and the refresh keeps it.
    await first.notify('textDocument/didClose', { textDocument: { uri } });
    await first.waitFor(() => fs.readFileSync(path.join(cacheDirectory, INDEX_CACHE_FILE), 'utf8') !== keptBefore, 'the refreshed cache');
    await first.waitFor(() => !(first.rulesOf(uri) ?? []).includes('owner-missing'), 'the disk text linted again');
    const now = snapshot(first);
    await first.stop();
    const second = await run(dir, cacheDirectory, env);
    assert.ok(cachedPublish(second), 'the refreshed cache is used');
    assert.equal(snapshot(second), now, 'and says what the first server said last');
  });
});
