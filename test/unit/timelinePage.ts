/**
 * The Timeline webview outside VS Code, for tests and the benchmark: the real page
 * (src/extension/timeline/html.ts) and the real bundle (src/webview/timeline/main.ts), opened by
 * ./webviewPage.ts.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { HostToTimeline, TimelineToHost } from '../../src/webview/timeline/protocol';
import { timelineHtml } from '../../src/extension/timeline/html';
import { buildPageBundle, openWebviewPage, type PageTheme, type WebviewPageHandle } from './webviewPage';

export function buildTimelineBundle(): Promise<{ file: string; dispose(): void }> {
  return buildPageBundle('src/webview/timeline/main.ts', 'timeline.js');
}

export type TimelinePageHandle = WebviewPageHandle<TimelineToHost, HostToTimeline>;

export function openTimelinePage(options: { bundleFile: string; theme?: PageTheme; browser?: Browser; viewport?: { width: number; height: number } }): Promise<TimelinePageHandle> {
  return openWebviewPage<TimelineToHost, HostToTimeline>({
    html: (origin) => timelineHtml({ scriptUri: `${origin}/media/dist/timeline.js`, nonce: 'T3stN0nce' }),
    files: { '/media/dist/timeline.js': { contentType: 'text/javascript', body: readFileSync(options.bundleFile) } },
    ...(options.theme && { theme: options.theme }),
    ...(options.browser && { browser: options.browser }),
    viewport: options.viewport ?? { width: 1200, height: 700 },
  });
}
