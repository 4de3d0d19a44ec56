import { LspTestClient } from './test/unit/server/lspClient';
const dir = '/work/main/bench/.workspace';
const cacheDirectory = '/tmp/reopen-cache-test';
(async () => { for (let i = 0; i < 2; i++) {
  const t = performance.now();
  const c = await LspTestClient.start({ folders: [dir], initializationOptions: { cacheDirectory } });
  await c.waitFor(() => c.notifications.some((n) => n.method === 'programBriefs/didChangeModel'), 'indexed', 60000);
  const cached = c.notifications.findIndex((n) => n.method === 'programBriefs/didPublishCachedDiagnostics');
  console.log('run', i, 'indexed at', (performance.now() - t).toFixed(0), 'cached idx', cached, c.notifications.map(n => n.method).slice(0, 5), c.logs.slice(-3));
  await c.stop();
} })();
