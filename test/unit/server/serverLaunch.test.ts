/**
 * The server's launcher (src/server/launch.ts, dist/server.js in the extension): it runs the
 * server's bundle with V8's code cache, kept where `--code-cache=` says (the extension passes its
 * global storage) or else beside the bundle. Built here from the sources as the extension build
 * does (package.json, `build:extension`), so the test does not depend on an earlier build.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Starts `server.js --stdio`, asks `initialize`, then shuts it down as a client does; resolves with the server's name and its exit code. */
async function startAndStop(serverJs: string, args: string[], folder: string): Promise<{ name: string | undefined; exitCode: number | null }> {
  const child = spawn(process.execPath, [serverJs, ...args, '--stdio'], { cwd: folder, stdio: 'pipe' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  try {
    const result = await connection.sendRequest<{ serverInfo?: { name?: string } }>('initialize', {
      processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'w' }],
    });
    await connection.sendNotification('initialized', {});
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return { name: result.serverInfo?.name, exitCode: await exited };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

describe('server: the launcher runs the server with a code cache', function () {
  this.timeout(60_000);
  let dir: string;
  let dist: string;
  let folder: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-server-launch-'));
    dist = path.join(dir, 'dist');
    folder = path.join(dir, 'workspace');
    fs.mkdirSync(folder);
    buildSync({
      absWorkingDir: ROOT,
      entryPoints: { languageServer: 'src/server/node.ts', server: 'src/server/launch.ts' },
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', outdir: dist, logLevel: 'silent',
      alias: { yaml: './node_modules/yaml/browser/index.js' },
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the cache where --code-cache= says when it exits, and the next start uses it without writing it again', async () => {
    const cache = path.join(dir, 'storage', 'languageServer.js.cache');
    fs.mkdirSync(path.dirname(cache));
    const first = await startAndStop(path.join(dist, 'server.js'), [`--code-cache=${cache}`], folder);
    assert.deepEqual(first, { name: 'program-briefs', exitCode: 0 });
    const written = fs.readFileSync(cache);
    assert.ok(written.length > 100_000, `a cache of ${written.length} bytes`);
    const writtenAt = fs.statSync(cache).mtimeMs;
    const second = await startAndStop(path.join(dist, 'server.js'), [`--code-cache=${cache}`], folder);
    assert.deepEqual(second, { name: 'program-briefs', exitCode: 0 });
    // Used (so not written again): the same bytes, not touched.
    assert.equal(fs.statSync(cache).mtimeMs, writtenAt);
    assert.ok(fs.readFileSync(cache).equals(written));
    assert.equal(fs.existsSync(path.join(dist, 'languageServer.js.cache')), false);
  });

  it('writes the cache while it runs, so a server killed without the LSP exit still leaves one for the next start', async () => {
    const cache = path.join(dir, 'killed', 'languageServer.js.cache');
    fs.mkdirSync(path.dirname(cache));
    const child = spawn(process.execPath, [path.join(dist, 'server.js'), `--code-cache=${cache}`, '--stdio'], {
      cwd: folder, stdio: 'pipe', env: { ...process.env, PROGRAM_BRIEFS_CODE_CACHE_SAVE_MS: '100' },
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      // Waits for the file, never for a fixed time; the renamed file is whole when it appears.
      const deadline = Date.now() + 20_000;
      while (!fs.existsSync(cache)) {
        assert.ok(Date.now() < deadline, 'no cache written while the server ran');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const written = fs.readFileSync(cache);
    const writtenAt = fs.statSync(cache).mtimeMs;
    const next = await startAndStop(path.join(dist, 'server.js'), [`--code-cache=${cache}`], folder);
    assert.deepEqual(next, { name: 'program-briefs', exitCode: 0 });
    // Used by the next start (so not written again).
    assert.equal(fs.statSync(cache).mtimeMs, writtenAt);
    assert.ok(fs.readFileSync(cache).equals(written));
  });

  it('keeps the cache beside the bundle when not told where, and a corrupt one is rewritten', async () => {
    const beside = path.join(dist, 'languageServer.js.cache');
    fs.writeFileSync(beside, 'not a cache');
    const run = await startAndStop(path.join(dist, 'server.js'), [], folder);
    assert.deepEqual(run, { name: 'program-briefs', exitCode: 0 });
    assert.ok(fs.readFileSync(beside).length > 100_000);
  });

  it('runs without a cache when the named place cannot be written', async () => {
    const cache = path.join(dir, 'no-such-folder', 'languageServer.js.cache');
    const run = await startAndStop(path.join(dist, 'server.js'), [`--code-cache=${cache}`], folder);
    assert.deepEqual(run, { name: 'program-briefs', exitCode: 0 });
    assert.equal(fs.existsSync(path.dirname(cache)), false);
  });
});
