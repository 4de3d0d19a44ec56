/**
 * The Timeline webview outside VS Code, for tests and the benchmark: the real page
 * (src/extension/timeline/html.ts, with its Content Security Policy) and the real bundle
 * (src/webview/timeline/main.ts, built like `npm run build:webview`), served from loopback to
 * headless Chromium. A stub `acquireVsCodeApi` records what the webview posts; `send` plays the host.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostToTimeline, TimelineToHost } from '../../src/webview/timeline/protocol';
import { timelineHtml } from '../../src/extension/timeline/html';
import { CHROMIUM, CHROMIUM_ARGS, THEMES, type PageTheme } from './diagramPage';

const ROOT = path.resolve(__dirname, '../..');

export async function buildTimelineBundle(): Promise<{ file: string; dispose(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-timeline-'));
  const file = path.join(dir, 'timeline.js');
  await build({
    entryPoints: [path.join(ROOT, 'src/webview/timeline/main.ts')],
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, outfile: file, logLevel: 'silent',
  });
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TimelinePageHandle {
  browser: Browser;
  page: Page;
  posted(): Promise<TimelineToHost[]>;
  violations(): Promise<string[]>;
  errors: string[];
  send(message: HostToTimeline): Promise<void>;
  waitForPosted(predicate: (message: TimelineToHost) => boolean, timeoutMs?: number): Promise<TimelineToHost>;
  close(): Promise<void>;
}

export async function openTimelinePage(options: { bundleFile: string; theme?: PageTheme; browser?: Browser; viewport?: { width: number; height: number } }): Promise<TimelinePageHandle> {
  const theme = THEMES[options.theme ?? 'light'];
  const bundle = readFileSync(options.bundleFile);
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/media/dist/timeline.js') {
      response.setHeader('content-type', 'text/javascript');
      response.end(bundle);
    } else if (url === '/') {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(timelineHtml({ scriptUri: `${origin}/media/dist/timeline.js`, nonce: 'T3stN0nce' }));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const ownBrowser = !options.browser;
  const browser = options.browser ?? await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1200, height: 700 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript(`(() => {
    window.__posted = [];
    window.__violations = [];
    window.__state = undefined;
    window.__alerts = 0;
    window.alert = () => { window.__alerts++; };
    window.acquireVsCodeApi = () => ({
      postMessage: (message) => window.__posted.push(message),
      getState: () => window.__state,
      setState: (state) => { window.__state = state; },
    });
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ': ' + event.blockedURI + ' ' + event.sample));
    const vars = ${JSON.stringify(theme.vars)};
    document.addEventListener('DOMContentLoaded', () => {
      for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
      document.body.classList.add(${JSON.stringify(theme.bodyClass)});
    });
  })();`);
  const posted = () => page.evaluate('window.__posted') as Promise<TimelineToHost[]>;
  const handle: TimelinePageHandle = {
    browser,
    page,
    posted,
    errors,
    violations: () => page.evaluate('window.__violations') as Promise<string[]>,
    send: (message) => page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`).then(() => undefined),
    async waitForPosted(predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await posted()).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`the webview did not post the expected message within ${timeoutMs} ms; it posted ${JSON.stringify(await posted()).slice(0, 500)}; page errors: ${errors.join(' | ') || 'none'}`);
        await page.waitForTimeout(25);
      }
    },
    async close() {
      await context.close();
      if (ownBrowser) await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await handle.waitForPosted((m) => m.type === 'ready', 20_000);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
