/**
 * Diagnostics in bulk (docs/language-server.md#diagnostics-in-bulk), over the real pipes: a client
 * that sets `bulkDiagnostics` gets the first indexing's diagnostics in
 * `programBriefs/publishDiagnosticsBulk` messages of at most 1,000 documents, exactly what a
 * client without it gets one `textDocument/publishDiagnostics` at a time; the index cache's
 * diagnostics likewise; and once a document's diagnostics went on their own (an edit), never
 * in bulk again, since a bulk message could overtake one still in the client's queue.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DID_CHANGE_MODEL, DID_PUBLISH_CACHED, PUBLISH_DIAGNOSTICS_BULK, REINDEX, type PublishDiagnosticsBulkParams } from '../../../src/server/protocol';
import { INDEX_CACHE_FILE } from '../../../src/server/indexCache';
import { type LspTestClient, useLspClients } from './lspClient';
import { copyOfExamples, tempFolder } from './workspaces';

describe('language server: diagnostics in bulk', function () {
  this.timeout(120_000);
  const start = useLspClients();

  const indexings = (client: LspTestClient) => client.notifications.filter((n) => n.method === DID_CHANGE_MODEL && (n.params as { all?: boolean }).all).length;
  const indexed = (client: LspTestClient, count = 1) => client.waitFor(() => indexings(client) >= count, `indexing ${count}`);
  const bulks = (client: LspTestClient) => client.notifications.filter((n) => n.method === PUBLISH_DIAGNOSTICS_BULK).map((n) => n.params as PublishDiagnosticsBulkParams);
  /** Every document's diagnostics, as the bulk messages left them (a later item for a uri replaces an earlier one). */
  const fromBulk = (client: LspTestClient) => {
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const { items } of bulks(client)) for (const { uri, diagnostics: list } of items) diagnostics.set(uri, list);
    return diagnostics;
  };
  const sorted = (map: Map<string, Diagnostic[]>) => JSON.stringify([...map].sort(([a], [b]) => (a < b ? -1 : 1)));

  it('the first indexing comes in bulk, the same diagnostics a client without it gets one publish at a time', async () => {
    const dir = copyOfExamples();
    const single = await start({ folders: [dir] });
    await indexed(single);
    assert.equal(bulks(single).length, 0, 'no bulk message to a client that did not ask');
    assert.ok(single.diagnostics.size >= 8);

    const bulk = await start({ folders: [dir], initializationOptions: { bulkDiagnostics: true } });
    await indexed(bulk);
    assert.equal(bulk.publishes.length, 0, 'no single publish during the first indexing');
    assert.equal(sorted(fromBulk(bulk)), sorted(single.diagnostics));
    const lastBulk = bulk.notifications.map((n) => n.method).lastIndexOf(PUBLISH_DIAGNOSTICS_BULK);
    const model = bulk.notifications.findIndex((n) => n.method === DID_CHANGE_MODEL);
    assert.ok(lastBulk >= 0 && lastBulk < model, 'the diagnostics come before the model change is announced');
  });

  it('after a single publish (an edit), everything goes singly, a whole re-index too', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir], initializationOptions: { bulkDiagnostics: true } });
    await indexed(client);
    const bulkMessages = bulks(client).length;
    assert.ok(bulkMessages >= 1);
    const uri = [...fromBulk(client).keys()].sort()[0];
    const text = fs.readFileSync(new URL(uri), 'utf8');
    const published = client.nextPublish(uri);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\nMore text.\n` }] });
    await published;
    const briefs = fromBulk(client).size;
    const before = client.publishes.length;
    await client.request(REINDEX, {});
    await indexed(client, 2);
    assert.equal(bulks(client).length, bulkMessages, 'no bulk message after a single one');
    assert.ok(client.publishes.length - before >= briefs, `the re-index published every brief singly (${client.publishes.length - before} of ${briefs})`);
  });

  it('a re-index before any single publish is in bulk again', async () => {
    const dir = copyOfExamples();
    const client = await start({ folders: [dir], initializationOptions: { bulkDiagnostics: true } });
    await indexed(client);
    const first = bulks(client).length;
    await client.request(REINDEX, {});
    await indexed(client, 2);
    assert.ok(bulks(client).length > first);
    assert.equal(client.publishes.length, 0);
  });

  it('at most 1,000 documents a message', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1005; i++) files[`b${String(i).padStart(4, '0')}.md`] = `---\nprogram: p${i}\ntitle: P ${i}\nowner: "@o"\n---\n`;
    const dir = tempFolder(files);
    const client = await start({ folders: [dir], initializationOptions: { bulkDiagnostics: true } });
    await indexed(client);
    assert.deepEqual(bulks(client).map((b) => b.items.length), [1000, 5]);
    assert.equal(fromBulk(client).size, 1005);
  });

  it('the index cache\'s diagnostics come in bulk too, before it says they were published', async () => {
    const dir = copyOfExamples();
    // An empty temporary folder (removed with the others, workspaces.ts); the server makes `storage` in it.
    const cacheDirectory = path.join(tempFolder({}), 'storage');
    const options = { folders: [dir], initializationOptions: { bulkDiagnostics: true, cacheDirectory } };
    const cold = await start(options);
    await indexed(cold);
    const coldDiagnostics = sorted(fromBulk(cold));
    await cold.waitFor(() => fs.existsSync(path.join(cacheDirectory, INDEX_CACHE_FILE)), 'the cache file');
    await cold.stop();

    const warm = await start(options);
    await indexed(warm);
    const cachedAt = warm.notifications.findIndex((n) => n.method === DID_PUBLISH_CACHED);
    const firstBulk = warm.notifications.findIndex((n) => n.method === PUBLISH_DIAGNOSTICS_BULK);
    assert.ok(firstBulk >= 0 && firstBulk < cachedAt, 'the cached diagnostics came in bulk before the notice');
    assert.equal(sorted(fromBulk(warm)), coldDiagnostics);
    assert.equal(warm.publishes.length, 0);
  });
});
