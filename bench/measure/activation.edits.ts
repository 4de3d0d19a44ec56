/**
 * Runs inside the extension host on the benchmark workspace: waits for the language server's
 * first diagnostics of every brief, records the memory of the extension host and of the server
 * process, then types into the brief with the most dependents (named by activation.ts in
 * PROGRAM_BRIEFS_BENCH_TARGET as a path relative to the folder, found from the files outside VS Code: the extension holds no model
 * to ask), one keystroke at a time, waiting for each keystroke's diagnostics from the server. The
 * extension itself writes the timings (to the file in PROGRAM_BRIEFS_TIMINGS); activation.ts
 * reads them when the run is over.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProgramBriefsApi } from '../../src/extension/extension';
import { MEMORY, type MemoryResult } from '../../src/server/protocol';

/** The host's and the server's memory now, as a timing entry. */
async function recordMemory(api: ProgramBriefsApi, when: string): Promise<void> {
  if (typeof global.gc === 'function') global.gc();
  const host = process.memoryUsage();
  const server = await api.model.request<MemoryResult>(MEMORY);
  api.timings.record({
    event: 'memory', ms: api.timings.sinceActivation(), when, host: { rss: host.rss, heapUsed: host.heapUsed },
    ...(server && { server: { pid: server.pid, rss: server.rss, heapUsed: server.heapUsed } }),
  });
}

const KEYSTROKES = Number(process.env.PROGRAM_BRIEFS_BENCH_KEYSTROKES ?? 40);

async function waitFor<T>(condition: () => T | undefined | false, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

suite('Benchmark: extension in VS Code', () => {
  test('activation to first diagnostics, then keystrokes', async () => {
    const extension = vscode.extensions.getExtension<ProgramBriefsApi>('program-briefs.program-briefs');
    assert.ok(extension);
    const api = await extension.activate();
    await waitFor(() => api.timings.recent.find((entry) => entry.event === 'first-diagnostics'), 'first diagnostics');
    // The views load once the first indexing is announced (every program, every checklist), and
    // in a fresh workspace once the first run has revealed their container: the keystrokes are
    // timed once they are in, as a user types after the window has settled (the first run done,
    // then no request of the extension in flight for a second). Before the first run was awaited,
    // the reveal's loads could start after that second and the first keystroke waited behind
    // them (docs/benchmark.md).
    await (api.firstRun as { done?: Promise<unknown> } | undefined)?.done;
    let quietSince = Date.now();
    await waitFor(() => {
      if (api.model.inFlight > 0) quietSince = Date.now();
      return Date.now() - quietSince > 1000;
    }, 'the views to settle', 120_000);
    await recordMemory(api, 'after first diagnostics');
    if (KEYSTROKES === 0) return; // a run that measures the opening only
    const target = process.env.PROGRAM_BRIEFS_BENCH_TARGET;
    assert.ok(target, 'PROGRAM_BRIEFS_BENCH_TARGET names the brief to type into (relative to the workspace folder)');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the window has the workspace folder open');
    const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, ...target.split('/')));
    const titleLine = editor.document.getText().split(/\r?\n/).findIndex((line) => line.startsWith('title:'));
    assert.ok(titleLine > 0, 'the brief has a title line');
    for (let i = 0; i < KEYSTROKES; i++) {
      const updates = api.timings.recent.filter((entry) => entry.event === 'update').length;
      const end = editor.document.lineAt(titleLine).range.end;
      // Type one character, then the next after its diagnostics are in (as a steady typist would).
      assert.ok(await editor.edit((edit) => edit.insert(end, i % 2 === 0 ? 'x' : 'y')));
      await waitFor(() => api.timings.recent.filter((entry) => entry.event === 'update').length > updates, `diagnostics after keystroke ${i + 1}`, 10_000);
    }
    await recordMemory(api, `after ${KEYSTROKES} keystrokes`);
  });
});
