/**
 * Reopening the benchmark workspace in VS Code (issue 15: first diagnostics <= 3 s when
 * reopened, through the language server's index cache in the extension's storage,
 * docs/language-server.md#the-index-cache). A copy of the workspace is opened twice in
 * code-server with the same user data (the harness's --state-dir): the first window is a cold
 * start that leaves the cache, the second a reopened window. Both are timed from activate() as
 * the extension reports it: to the cached diagnostics of every brief (second run), and to the
 * first indexing done (both runs).
 */
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildBenchSuite, runBenchSuite } from './activation';
import type { Measurement, Row } from './types';

const TARGET_MS = 3000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export const reopen: Measurement = {
  id: 'vscode-reopen',
  title: 'VS Code reopened on the same workspace: the language server\'s index cache',
  async run(context) {
    const label = `reopened: activation to every brief's diagnostics from the index cache (${context.briefs.toLocaleString('en-US')} briefs)`;
    const skipped = (note: string): Row[] => [{ id: 'vscode.reopen.cachedDiagnosticsMs', label, unit: 'ms', target: { max: TARGET_MS }, note }];
    const suite = await buildBenchSuite(context);
    if (typeof suite !== 'string') return skipped(suite.skipped);
    const workspace = join(context.buildDir, 'reopen-workspace');
    const stateDir = join(context.buildDir, 'reopen-state');
    rmSync(workspace, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
    try {
      // The briefs only (the workspace folder also holds the bench's own build output).
      for (const name of readdirSync(context.workspaceDir)) {
        if (name.startsWith('.') || name === 'manifest.json' || name === 'results.json') continue;
        cpSync(join(context.workspaceDir, name), join(workspace, name), { recursive: true });
      }
      // One port for both windows: code-server's workspace storage is keyed by the folder's
      // remote uri, which holds the port (a user's VS Code finds the same folder's storage again).
      const port = await freePort();
      const cold = await runBenchSuite(context, suite, { workspace, stateDir, port, keystrokes: 0, name: 'vscode-reopen-cold' });
      if ('skipped' in cold) return skipped(cold.skipped);
      const warm = await runBenchSuite(context, suite, { workspace, stateDir, port, keystrokes: 0, name: 'vscode-reopen-warm' });
      if ('skipped' in warm) return skipped(warm.skipped);
      const coldFirst = cold.timings.find((t) => t.event === 'first-diagnostics');
      const cached = warm.timings.find((t) => t.event === 'cached-diagnostics');
      const warmFirst = warm.timings.find((t) => t.event === 'first-diagnostics');
      return [
        { id: 'vscode.reopen.coldFirstDiagnosticsMs', label: 'first window: activation to first diagnostics (cold, leaves the cache)', value: coldFirst?.ms, unit: 'ms' },
        {
          id: 'vscode.reopen.cachedDiagnosticsMs', label, value: cached?.ms, unit: 'ms', target: { max: TARGET_MS },
          note: cached ? `${cached.briefs} briefs from the cache` : 'the reopened window published no cached diagnostics',
        },
        { id: 'vscode.reopen.indexedMs', label: 'reopened: activation to the indexing that checks them done', value: warmFirst?.ms, unit: 'ms' },
      ];
    } finally {
      rmSync(workspace, { recursive: true, force: true });
      rmSync(stateDir, { recursive: true, force: true });
    }
  },
};
