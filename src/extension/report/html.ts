/**
 * The status report's webview page: the core's report HTML (src/core/render/reportHtml.ts, the
 * very file `brief report --format html` writes, every piece of workspace text escaped there)
 * with three additions, nothing else changed:
 *
 * - its Content-Security-Policy is replaced by the webview's: nothing but our script (by nonce)
 *   and the report's own `<style>` plus ours (by nonce): `default-src 'none'`, so no image,
 *   font, frame or connection, from the network or anywhere else; no `'unsafe-inline'`;
 * - a toolbar (Copy as Markdown, Save as HTML…) at the top of the body, hidden when printed;
 * - the toolbar's script (media/dist/report.js, src/webview/report/main.ts) at the end.
 *
 * No `vscode` import: the unit test checks this page and policy as they are.
 */
import { COPY_BUTTON_ID, SAVE_BUTTON_ID } from '../../webview/report/protocol';
import { escapeAttribute } from '../htmlAttribute';

/** The policy the core's report HTML carries (a standalone file: no script at all). */
const FILE_POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;

export function reportPolicy(nonce: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`].join('; ');
}

/** The webview's own styles: the report reads as a printed page (white paper) in any theme; the toolbar uses the theme's buttons. */
const WEBVIEW_STYLE = `
html, body { background: #fff; }
body { margin-top: 0; }
.pb-report-toolbar { position: sticky; top: 0; z-index: 1; display: flex; gap: .5rem; justify-content: flex-end; padding: .5rem 0; background: #fff; border-bottom: 1px solid var(--line, #d5dae1); }
.pb-report-toolbar button { font: inherit; padding: .25rem .75rem; border-radius: 2px; border: 1px solid transparent; cursor: pointer;
  color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #0e639c); }
.pb-report-toolbar button:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
.pb-report-toolbar button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: 2px; }
@media print { .pb-report-toolbar { display: none; } }
`;

export interface ReportPage {
  /** The core's report HTML. */
  html: string;
  /** Webview URI of media/dist/report.js. */
  scriptUri: string;
  nonce: string;
}

export function reportWebviewHtml({ html, scriptUri, nonce }: ReportPage): string {
  const headEnd = html.indexOf('</head>');
  const bodyStart = html.indexOf('<body>');
  const bodyEnd = html.lastIndexOf('</body>');
  const policyAt = html.indexOf(FILE_POLICY);
  // The core's page, as made there: its head (before any workspace text) holds the file's policy.
  if (policyAt < 0 || headEnd < 0 || policyAt > headEnd || bodyStart < headEnd || bodyEnd < bodyStart) throw new Error('the report HTML is not the core\'s page');
  const head = html.slice(0, headEnd)
    .replace(FILE_POLICY, `<meta http-equiv="Content-Security-Policy" content="${reportPolicy(nonce)}">`)
    .replace('<style>', `<style nonce="${nonce}">`);
  const toolbar = `<div class="pb-report-toolbar" role="toolbar" aria-label="Status report"><button type="button" id="${COPY_BUTTON_ID}">Copy as Markdown</button><button type="button" id="${SAVE_BUTTON_ID}">Save as HTML…</button></div>`;
  return `${head}<style nonce="${nonce}">${WEBVIEW_STYLE}</style>\n${html.slice(headEnd, bodyStart + '<body>'.length)}\n${toolbar}${html.slice(bodyStart + '<body>'.length, bodyEnd)}<script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>\n${html.slice(bodyEnd)}`;
}
