/**
 * A webview page outside VS Code, for tests and the benchmark: the real page HTML (with its
 * Content Security Policy) and real bundle, served from loopback to headless Chromium. A stub
 * `acquireVsCodeApi` records what the webview posts; `send` plays the host. The diagram's and the
 * timeline's pages (./diagramPage.ts, ./timelinePage.ts) are this with their own HTML and files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A few of the variables VS Code sets on <html>, from its Light Modern and Dark Modern themes. */
export const THEMES = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-foreground': '#3b3b3b',
      '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#3b3b3b',
      '--vscode-charts-green': '#388a34', '--vscode-charts-blue': '#1a85ff', '--vscode-charts-yellow': '#bf8803', '--vscode-charts-red': '#e51400',
      '--vscode-charts-orange': '#d18616', '--vscode-charts-purple': '#652d90', '--vscode-disabledForeground': 'rgba(97, 97, 97, 0.5)',
      '--vscode-focusBorder': '#005fb8', '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b',
      '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-editorWidget-background': '#f8f8f8',
      '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-border': '#cecece', '--vscode-input-background': '#ffffff',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-foreground': '#cccccc',
      '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-charts-green': '#89d185', '--vscode-charts-blue': '#3794ff', '--vscode-charts-yellow': '#cca700', '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-orange': '#d18616', '--vscode-charts-purple': '#b180d7', '--vscode-disabledForeground': 'rgba(204, 204, 204, 0.5)',
      '--vscode-focusBorder': '#0078d4', '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc',
      '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-editorWidget-background': '#202020',
      '--vscode-dropdown-background': '#313131', '--vscode-dropdown-border': '#3c3c3c', '--vscode-input-background': '#313131',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-foreground': '#ffffff',
      '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff',
      '--vscode-charts-green': '#89d185', '--vscode-charts-blue': '#3794ff', '--vscode-charts-yellow': '#ffd700', '--vscode-charts-red': '#f48771',
      '--vscode-charts-orange': '#ffa500', '--vscode-charts-purple': '#b180d7', '--vscode-disabledForeground': '#a5a5a5',
      '--vscode-contrastBorder': '#6fc3df', '--vscode-focusBorder': '#f38518', '--vscode-button-background': '#000000',
      '--vscode-button-foreground': '#ffffff', '--vscode-button-border': '#6fc3df', '--vscode-editorWidget-background': '#0c141f',
      '--vscode-dropdown-background': '#000000', '--vscode-dropdown-border': '#6fc3df', '--vscode-input-background': '#000000',
    },
  },
} as const;

export type PageTheme = keyof typeof THEMES;

/**
 * Builds a webview bundle into a temp dir, with the options of `npm run build:webview`.
 * `entry` is relative to the repository root; `name` is the bundle's file name.
 */
export async function buildPageBundle(entry: string, name: string): Promise<{ dir: string; file: string; dispose(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-webview-'));
  const file = path.join(dir, name);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true,
    outfile: file, logLevel: 'silent',
  });
  return { dir, file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface WebviewPageHandle<ToHost extends { type: string }, ToPage> {
  browser: Browser;
  page: Page;
  /** Everything the webview posted, in order. */
  posted(): Promise<ToHost[]>;
  /** Content Security Policy violations the page reported. */
  violations(): Promise<string[]>;
  /** Page errors and console errors. */
  errors: string[];
  /** Plays the host: posts a message to the webview. */
  send(message: ToPage): Promise<void>;
  /** Waits until the webview posted a message matching `predicate`, and returns it. */
  waitForPosted<T extends ToHost>(predicate: (message: ToHost) => message is T, timeoutMs?: number): Promise<T>;
  waitForPosted(predicate: (message: ToHost) => boolean, timeoutMs?: number): Promise<ToHost>;
  close(): Promise<void>;
}

export interface WebviewPageOptions {
  /** The page's HTML, given the origin its files are served from. */
  html(origin: string): string;
  /** Files served besides the page, by path (`/media/dist/diagram.js`). */
  files: Record<string, { contentType: string; body: Buffer | string }>;
  theme?: PageTheme;
  /** A browser to open the page in (default: one of its own, closed with the page). */
  browser?: Browser;
  viewport: { width: number; height: number };
}

/** Opens the page and waits for the webview's `ready`. */
export async function openWebviewPage<ToHost extends { type: string }, ToPage>(options: WebviewPageOptions): Promise<WebviewPageHandle<ToHost, ToPage>> {
  const theme = THEMES[options.theme ?? 'light'];
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const file = Object.hasOwn(options.files, url) ? options.files[url] : undefined;
    if (file) {
      response.setHeader('content-type', file.contentType);
      response.end(file.body);
    } else if (url === '/') {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(options.html(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const ownBrowser = !options.browser;
  const browser = options.browser ?? await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Injected by the test driver, not by the page, so the CSP does not apply to it (as VS Code's
  // own preload). A string, not a function: tsx would wrap a function's inner names in helpers
  // that do not exist in the page. `alert` is counted, so a hostile text that ran would show.
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

  // Page-side code as strings: this file is type-checked without the DOM library.
  const posted = () => page.evaluate('window.__posted') as Promise<ToHost[]>;
  const handle = {
    browser,
    page,
    posted,
    errors,
    violations: () => page.evaluate('window.__violations') as Promise<string[]>,
    send: (message: ToPage) => page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`).then(() => undefined),
    async waitForPosted(predicate: (message: ToHost) => boolean, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await posted()).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(`the webview did not post the expected message within ${timeoutMs} ms; it posted ${JSON.stringify(await posted()).slice(0, 500)}; page errors: ${errors.join(' | ') || 'none'}`);
        }
        await page.waitForTimeout(25);
      }
    },
    async close() {
      await context.close();
      if (ownBrowser) await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } as WebviewPageHandle<ToHost, ToPage>;
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await handle.waitForPosted((m) => m.type === 'ready', 20_000);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
