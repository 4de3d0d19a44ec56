// `npm start` (the harness's --serve mode), as a user runs it: serves a COPY of examples/ (the
// web editor auto-saves, so the repository must not change), and when npm is stopped by a
// signal, code-server and every process of its group are gone, its port is free again and the
// copy is removed. Slow (a build and a code-server start per signal): run by test/run-all.sh,
// or alone with `npx mocha --no-config --timeout 300000 test/harness/serve.test.mjs`.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

async function waitFor(condition, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts connections on the port. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Pids of every process (from /proc; Linux, as the harness). */
function processes() {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number);
}

/** Pids of the live (not zombie) processes of a process group. */
function groupMembers(pgid) {
  return processes().filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return fields[0] !== 'Z' && Number(fields[2]) === pgid;
    } catch {
      return false; // gone meanwhile
    }
  });
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

async function snapshot(dir) {
  const files = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    files[path.relative(dir, file)] = await fs.readFile(file, 'utf8');
  }
  return files;
}

describe('npm start (serve mode)', function () {
  this.timeout(300_000);
  /** Process groups started by a test, killed in afterEach if the test left them. */
  let groups = [];

  afterEach(() => {
    for (const pgid of groups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone: the expected case
      }
    }
    groups = [];
  });

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
    it(`serves a copy of examples/, and ${signal} to npm stops code-server, frees the port and removes the copy`, async () => {
      const before = await snapshot(EXAMPLES);
      const port = await freePort();
      // Its own process group (npm, its shell, the harness), so afterEach can stop whatever is left.
      const npm = spawn('npm', ['start', '--', '--port', String(port)], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      groups.push(npm.pid);
      let output = '';
      npm.stdout.on('data', (chunk) => (output += chunk));
      npm.stderr.on('data', (chunk) => (output += chunk));
      let exited = null;
      npm.on('exit', (code, sig) => (exited = { code, signal: sig }));

      const urlLine = await waitFor(() => {
        if (exited) throw new Error(`npm start exited early (${JSON.stringify(exited)}):\n${output}`);
        return output.split('\n').find((line) => line.trim().startsWith(`http://127.0.0.1:${port}/?`));
      }, 'npm start to print the workbench URL', 240_000);
      // code-server: the process started with `--bind-addr 127.0.0.1:<port>` (the leader of its group).
      const codeServerPid = processes().find((pid) => {
        const args = commandLine(pid);
        return args[args.indexOf('--bind-addr') + 1] === `127.0.0.1:${port}`;
      });
      assert.ok(codeServerPid, `a code-server process serves port ${port}`);
      groups.push(codeServerPid);
      assert.ok(await listening(port), `code-server listens on ${port}`);

      // The served folder is a copy of examples/, outside the repository, and code-server opens it.
      const served = new URL(urlLine.trim()).searchParams.get('folder');
      assert.ok(served && path.isAbsolute(served), `the URL names the folder: ${urlLine}`);
      assert.notEqual(path.resolve(served), EXAMPLES);
      assert.ok(path.relative(REPO_ROOT, served).startsWith('..'), `${served} is outside the repository`);
      assert.deepEqual(await snapshot(served), before, 'the served folder holds what examples/ holds');
      assert.equal(commandLine(codeServerPid).at(-1), served, 'code-server opens the copy');
      const members = groupMembers(codeServerPid);
      assert.ok(members.length >= 1, 'code-server runs');

      // Writing into the served folder (what the auto-saving editor does) leaves examples/ as it was.
      const brief = path.join(served, 'programs/payments-v2.md');
      await fs.appendFile(brief, '\n<!-- written in the served copy -->\n');
      await fs.writeFile(path.join(served, 'programs/new-brief.md'), '---\nprogram: new-brief\n---\n');
      assert.deepEqual(await snapshot(EXAMPLES), before, 'examples/ is untouched');

      process.kill(npm.pid, signal);
      await waitFor(async () => !(await listening(port)), `port ${port} to be released`, 60_000);
      await waitFor(() => groupMembers(codeServerPid).length === 0, `code-server's processes (${members.join(', ')}) to exit`, 60_000);
      await waitFor(() => !existsSync(served), `the copy ${served} to be removed`, 60_000);
      await waitFor(() => groupMembers(npm.pid).length === 0, 'npm and the harness to exit', 60_000);
      assert.ok(!existsSync(path.dirname(served)), 'the harness temp dir is removed');
      assert.deepEqual(await snapshot(EXAMPLES), before, 'examples/ is still untouched');
    });
  }
});
