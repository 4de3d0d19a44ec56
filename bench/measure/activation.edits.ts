/**
 * Runs inside the extension host on the benchmark workspace: waits for the first diagnostics of
 * every brief, then types into the brief with the most dependents, one keystroke at a time,
 * waiting for each keystroke's diagnostics. The extension itself writes the timings (to the file
 * in PROGRAM_BRIEFS_TIMINGS); activation.ts reads them when the run is over.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProgramBriefsApi } from '../../src/extension/extension';

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
    const workspace = api.index.workspace;
    let target = workspace.briefs()[0];
    for (const brief of workspace.briefs()) {
      const id = brief.program?.value;
      if (id && workspace.dependentsOf(id).size > workspace.dependentsOf(target.program?.value ?? '').size) target = brief;
    }
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(target.uri));
    const titleLine = editor.document.getText().split(/\r?\n/).findIndex((line) => line.startsWith('title:'));
    assert.ok(titleLine > 0, 'the brief has a title line');
    for (let i = 0; i < KEYSTROKES; i++) {
      const updates = api.timings.recent.filter((entry) => entry.event === 'update').length;
      const end = editor.document.lineAt(titleLine).range.end;
      // Type one character, then the next after its diagnostics are in (as a steady typist would).
      assert.ok(await editor.edit((edit) => edit.insert(end, i % 2 === 0 ? 'x' : 'y')));
      await waitFor(() => api.timings.recent.filter((entry) => entry.event === 'update').length > updates, `diagnostics after keystroke ${i + 1}`, 10_000);
    }
  });
});
