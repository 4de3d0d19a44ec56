/**
 * The Timeline webview's HTML shell. It carries no brief content: the webview says `ready` and
 * receives the model through `postMessage` (src/webview/timeline/protocol.ts), and its script
 * puts every piece of workspace text in with `textContent` or `setAttribute` on attributes that
 * are no URL. No `vscode` import, so the unit test and the benchmark serve exactly this page and
 * policy in Chromium.
 *
 * The policy: `default-src 'none'`, our script and our one `<style>` by nonce, nothing else (no
 * image, font, frame or connection; no `'unsafe-inline'`, no `'unsafe-eval'`). Unlike the
 * diagram (Mermaid sets style attributes while it lays out), the timeline is drawn by our own
 * code, which sets positions as SVG attributes and the few CSS properties it needs through the
 * CSSOM, which a nonce-only `style-src` allows.
 */
import { TIMELINE_IDS } from '../../webview/timeline/protocol';
import { escapeAttribute } from '../htmlAttribute';

export function timelinePolicy(nonce: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`].join('; ');
}

/** The panel's styles: VS Code's theme variables; the status colours are set by the script per theme (src/webview/palette.ts). */
export const TIMELINE_STYLE = `
html, body { height: 100%; margin: 0; padding: 0; }
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); overflow: hidden; }
#app { display: flex; flex-direction: column; height: 100vh; }
.pb-toolbar { flex: none; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 6px 10px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
.pb-toolbar label { display: inline-flex; gap: 4px; align-items: center; }
.pb-toolbar select, .pb-toolbar input { font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-widget-border, transparent)); padding: 1px 4px; }
.pb-toolbar button { font: inherit; padding: 2px 10px; border: 1px solid var(--vscode-button-border, transparent); color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground)); background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); cursor: pointer; }
.pb-toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-hoverBackground)); }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.pb-status { margin: 12px; }
.pb-scroll { flex: auto; overflow: auto; position: relative; }
.pb-axis { position: sticky; top: 0; z-index: 2; background: var(--vscode-editor-background); }
.pb-axis svg, .pb-chart svg { display: block; }
.pb-tooltip { position: fixed; z-index: 5; pointer-events: none; min-width: 220px; max-width: 420px; padding: 6px 8px; white-space: pre-line; color: var(--vscode-editorHoverWidget-foreground, var(--vscode-foreground)); background: var(--vscode-editorHoverWidget-background, var(--vscode-editor-background)); border: 1px solid var(--vscode-editorHoverWidget-border, var(--vscode-widget-border, #888)); }
.pb-tooltip[hidden] { display: none; }
.pb-tooltip .pb-tip-title { font-weight: 600; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
.pb-group-label { font-weight: 600; cursor: pointer; }
.pb-label-column .pb-group-bg { stroke: none; }
.pb-group-bg { fill: var(--vscode-sideBarSectionHeader-background, var(--vscode-editorWidget-background, transparent)); }
.pb-grid-month { stroke: var(--vscode-editorIndentGuide-background1, var(--vscode-widget-border, #8884)); stroke-width: 1; }
.pb-grid-quarter { stroke: var(--vscode-editorIndentGuide-activeBackground1, var(--vscode-foreground)); stroke-opacity: .45; stroke-width: 1; }
.pb-grid-week { fill: none; stroke: var(--vscode-editorIndentGuide-background1, #8882); stroke-dasharray: 2 3; }
.pb-tick-label { fill: var(--vscode-descriptionForeground, var(--vscode-foreground)); }
.pb-tick-quarter { font-weight: 600; }
.pb-today { stroke: var(--vscode-editorCursor-foreground, var(--vscode-focusBorder)); stroke-width: 2; stroke-dasharray: 6 3; }
.pb-today-label { font-weight: 600; fill: var(--vscode-editorCursor-foreground, var(--vscode-foreground)); }
.pb-bar { cursor: pointer; }
.pb-bar:focus { outline: none; }
.pb-bar:focus .pb-focus-ring, .pb-group:focus .pb-focus-ring { stroke: var(--vscode-focusBorder); stroke-width: 2; fill: none; visibility: visible; }
.pb-focus-ring { visibility: hidden; }
.pb-plan { fill: var(--pb-color); fill-opacity: .35; stroke: var(--pb-color); stroke-width: 1.5; }
.pb-marker { fill: var(--pb-color); stroke: var(--pb-color); stroke-width: 1.5; }
.pb-done .pb-plan { fill-opacity: .85; }
.pb-cancelled .pb-plan, .pb-cancelled .pb-marker { fill: none; stroke-dasharray: 3 2; }
.pb-label-cancelled { text-decoration: line-through; }
.pb-label { cursor: pointer; }
.pb-label-bg { fill: var(--vscode-editor-background); }
.pb-overdue .pb-plan, .pb-overdue .pb-marker { stroke-width: 3; }
.pb-forecast { fill: url(#pb-hatch); stroke: var(--pb-late); stroke-width: 1; stroke-dasharray: 2 2; }
.pb-hatch-line { fill: var(--pb-late); }
.pb-glyph { font-weight: 700; }
.pb-handle { fill: transparent; cursor: ew-resize; }
.pb-bar:hover .pb-handle, .pb-bar:focus .pb-handle { fill: var(--vscode-focusBorder); fill-opacity: .6; }
.pb-ghost { fill: none; stroke: var(--vscode-descriptionForeground, #888); stroke-width: 1; stroke-dasharray: 4 2; opacity: .8; }
.pb-arrow, .pb-arrow-through { fill: none; stroke: var(--vscode-descriptionForeground, #888); stroke-width: 1.2; }
.pb-arrow-head { fill: var(--vscode-descriptionForeground, #888); }
.pb-arrow-red, .pb-arrow-through-red { stroke: var(--pb-red); stroke-width: 2.2; }
.pb-arrow-head-red { fill: var(--pb-red); }
.pb-target { fill: var(--vscode-foreground); stroke: var(--vscode-editor-background); stroke-width: 1; }
.pb-target-late { fill: url(#pb-hatch); stroke: var(--pb-late); stroke-width: 1; }
.pb-undated { fill: var(--vscode-descriptionForeground, var(--vscode-foreground)); font-style: italic; }
.pb-dragging .pb-plan { stroke-width: 3; }
/* High contrast: outlines carry the shapes (the theme's colours are few and strong). */
body.vscode-high-contrast .pb-plan, body.vscode-high-contrast-light .pb-plan { stroke-width: 2; fill-opacity: .25; }
body.vscode-high-contrast .pb-marker, body.vscode-high-contrast-light .pb-marker { stroke-width: 2; }
body.vscode-high-contrast .pb-done .pb-plan, body.vscode-high-contrast-light .pb-done .pb-plan { fill-opacity: .85; }
body.vscode-high-contrast .pb-overdue .pb-plan, body.vscode-high-contrast-light .pb-overdue .pb-plan, body.vscode-high-contrast .pb-overdue .pb-marker, body.vscode-high-contrast-light .pb-overdue .pb-marker { stroke-width: 3.5; }
body.vscode-high-contrast .pb-ghost, body.vscode-high-contrast-light .pb-ghost { stroke: var(--vscode-contrastBorder, var(--vscode-foreground)); opacity: 1; }
`;

export interface TimelinePage {
  /** Webview URI of media/dist/timeline.js. */
  scriptUri: string;
  nonce: string;
}

export function timelineHtml({ scriptUri, nonce }: TimelinePage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${timelinePolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${TIMELINE_STYLE}</style>
<title>Timeline</title>
</head>
<body>
<div id="${TIMELINE_IDS.app}" data-state="loading">
  <p class="pb-status" role="status" aria-live="polite">Loading the timeline…</p>
</div>
<script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>`;
}
