/**
 * The status report's webview page (src/extension/report/html.ts): the core's report HTML with
 * only its policy replaced (scripts and styles by nonce, nothing else from anywhere), a toolbar
 * and the toolbar's script added; the body otherwise byte for byte the core's, so workspace text
 * stays as the core escaped it. And the webview's messages are validated.
 */
import * as assert from 'node:assert/strict';
import { buildReport } from '../../src/core/report/report';
import { reportHtml } from '../../src/core/render/reportHtml';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { reportPolicy, reportWebviewHtml } from '../../src/extension/report/html';
import { parseReportMessage } from '../../src/webview/report/protocol';

const HOSTILE = `---
program: hostile
title: "<script>alert(1)</script> </body><img src=x onerror=alert(2)>"
owner: "@amy"
status: at-risk
target: 2027-01-01
---
`;

function coreHtml(): string {
  const workspace = new BriefWorkspace();
  workspace.setText('file:///ws/hostile.md', HOSTILE);
  return reportHtml(buildReport(workspace, { today: '2026-11-26', horizon: 14 }), { fileOf: (uri) => uri.replace('file:///ws/', '') });
}

describe('status report webview page', () => {
  it('is the core\'s page with the webview\'s policy, a toolbar and its script; workspace text stays escaped', () => {
    const html = coreHtml();
    const page = reportWebviewHtml({ html, scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/report.js', nonce: 'N0nce' });
    assert.equal(reportPolicy('N0nce'), "default-src 'none'; script-src 'nonce-N0nce'; style-src 'nonce-N0nce'");
    const policies = [...page.matchAll(/http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(policies, [reportPolicy('N0nce')], 'one policy, the webview\'s');
    // Every script and style element carries the nonce; there is exactly one script: ours.
    assert.deepEqual([...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script nonce="N0nce" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/report.js">']);
    assert.equal([...page.matchAll(/<style\b[^>]*>/g)].filter((m) => m[0] !== '<style nonce="N0nce">').length, 0);
    assert.ok(!/ style="/.test(page), 'no style attribute (the policy would block it)');
    // The body: the toolbar, then the core's body unchanged, then the script.
    const body = (text: string) => text.slice(text.indexOf('<body>') + 6, text.lastIndexOf('</body>'));
    const ours = body(page);
    assert.ok(ours.includes('>Copy as Markdown</button>') && ours.includes('>Save as HTML…</button>'));
    assert.ok(ours.includes(body(html)), 'the core\'s body, unchanged');
    assert.ok(ours.includes('&lt;script&gt;alert(1)&lt;/script&gt; &lt;/body&gt;&lt;img src=x onerror=alert(2)&gt;'));
    assert.ok(!ours.includes('<img'));
    assert.equal(page.split('</body>').length, 2, 'one </body>: the hostile title is text');
  });

  it('refuses a page that is not the core\'s report', () => {
    assert.throws(() => reportWebviewHtml({ html: '<html><body>hi</body></html>', scriptUri: 'x', nonce: 'n' }), /not the core's page/);
  });

  it('accepts only the toolbar\'s two messages', () => {
    assert.deepEqual(parseReportMessage({ type: 'copyMarkdown' }), { type: 'copyMarkdown' });
    assert.deepEqual(parseReportMessage({ type: 'saveHtml', path: '/etc/passwd' }), { type: 'saveHtml' });
    for (const bad of [null, 'copyMarkdown', { type: 'open', uri: 'file:///etc/passwd' }, { type: ['saveHtml'] }, 42]) assert.equal(parseReportMessage(bad), undefined);
  });
});
