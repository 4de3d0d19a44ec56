/**
 * The diagram webview outside VS Code, for tests and the benchmark: the real page
 * (src/extension/diagram/html.ts) and the real bundle (src/webview/main.ts), opened by
 * ./webviewPage.ts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { HostToWebview, WebviewToHost } from '../../src/core/views/diagramProtocol';
import { diagramHtml } from '../../src/extension/diagram/html';
import { buildPageBundle, openWebviewPage, type PageTheme, type WebviewPageHandle } from './webviewPage';

export { CHROMIUM, CHROMIUM_ARGS, THEMES, type PageTheme } from './webviewPage';

const ROOT = path.resolve(__dirname, '../..');

/** Builds the diagram's bundle into a temp dir (same options as `npm run build:webview`). */
export function buildWebviewBundle(): Promise<{ dir: string; file: string; dispose(): void }> {
  return buildPageBundle('src/webview/main.ts', 'diagram.js');
}

export type DiagramPageHandle = WebviewPageHandle<WebviewToHost, HostToWebview>;

export function openDiagramPage(options: { bundleFile: string; theme?: PageTheme; browser?: Browser; viewport?: { width: number; height: number } }): Promise<DiagramPageHandle> {
  return openWebviewPage<WebviewToHost, HostToWebview>({
    html: (origin) => diagramHtml({ cspSource: origin, scriptUri: `${origin}/media/dist/diagram.js`, styleUri: `${origin}/media/diagram.css` }),
    files: {
      '/media/dist/diagram.js': { contentType: 'text/javascript', body: readFileSync(options.bundleFile) },
      '/media/diagram.css': { contentType: 'text/css', body: readFileSync(path.join(ROOT, 'media/diagram.css')) },
    },
    ...(options.theme && { theme: options.theme }),
    ...(options.browser && { browser: options.browser }),
    viewport: options.viewport ?? { width: 1100, height: 700 },
  });
}
