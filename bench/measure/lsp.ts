/**
 * The language server on the whole workspace (`node dist/cli.js lsp --stdio`, a real process
 * over pipes, as any editor runs it): from `initialize` to the diagnostics of every brief; then
 * typing in an open brief, from each `didChange` to the diagnostics published for it (p50/p95);
 * and the server's memory (VmRSS after indexing, VmHWM peak, from /proc).
 */
import { readFileSync } from 'node:fs';
import { LspTestClient } from '../../test/unit/server/lspClient';
import type { Measurement, Row } from './types';
import { fmt, percentile } from './util';

function memoryMB(pid: number | undefined): { rss?: number; peak?: number } {
  if (pid === undefined) return {};
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return {};
  }
}

export const languageServer: Measurement = {
  id: 'lsp',
  title: 'Language server (brief lsp --stdio, over pipes)',
  async run(context) {
    const started = performance.now();
    const client = await LspTestClient.start({ folders: [context.workspaceDir] });
    try {
      // Every brief gets one publish, even with no diagnostics: wait for as many as there are briefs.
      const briefs = context.briefs;
      await client.waitFor(() => client.diagnostics.size >= briefs, `diagnostics of ${briefs} briefs`, 120_000);
      const firstMs = performance.now() - started;
      const memory = memoryMB(client.process.pid);
      context.log(`  server: ${client.diagnostics.size} briefs' diagnostics in ${fmt(firstMs / 1000, 2)} s; RSS ${fmt(memory.rss ?? 0, 0)} MB`);

      // Typing in a brief's summary: each keystroke is an incremental change.
      const uri = [...client.diagnostics.keys()].sort()[0];
      const text = readFileSync(new URL(uri), 'utf8');
      const lines = text.split('\n');
      const line = Math.max(0, lines.findIndex((l) => l.startsWith('title:')));
      await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await client.waitFor(() => client.publishes.some((p) => p.uri === uri), 'the opened brief published');
      const times: number[] = [];
      const iterations = Math.min(context.iterations, 200);
      let column = lines[line].length;
      for (let i = 0; i < iterations; i++) {
        const published = client.nextPublish(uri);
        const sent = performance.now();
        await client.notify('textDocument/didChange', {
          textDocument: { uri, version: i + 2 },
          contentChanges: [{ range: { start: { line, character: column }, end: { line, character: column } }, text: 'x' }],
        });
        column++;
        await published;
        times.push(performance.now() - sent);
      }
      const after = memoryMB(client.process.pid);
      const rows: Row[] = [
        { id: 'lsp.firstDiagnosticsMs', label: `initialize to the diagnostics of all ${briefs.toLocaleString('en-US')} briefs`, value: firstMs, unit: 'ms', target: { max: 5000 } },
        { id: 'lsp.keystroke.p50', label: `keystroke to its diagnostics, p50 (${iterations} edits)`, value: percentile(times, 50), unit: 'ms' },
        { id: 'lsp.keystroke.p95', label: `keystroke to its diagnostics, p95 (${iterations} edits)`, value: percentile(times, 95), unit: 'ms', target: { max: 30 } },
        { id: 'lsp.rssMB', label: 'server memory after indexing (VmRSS)', value: memory.rss, unit: 'MB', ...(memory.rss === undefined && { note: 'no /proc on this system' }) },
        { id: 'lsp.peakMB', label: 'server peak memory (VmHWM)', value: after.peak, unit: 'MB', ...(after.peak === undefined && { note: 'no /proc on this system' }) },
      ];
      return rows;
    } finally {
      await client.stop();
    }
  },
};
