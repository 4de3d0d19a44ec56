/**
 * The diagram webview's HTML shell. It carries no brief content at all: the webview asks for
 * the diagram with a `ready` message and receives it through `postMessage` (see
 * src/core/views/diagramProtocol.ts), so nothing from a brief is ever parsed as HTML here.
 * No `vscode` import, so tests and the benchmark serve exactly this page and policy in Chromium.
 */
import { escapeAttribute } from '../htmlAttribute';

/** A fresh random nonce per render of the HTML (base64url of 16 random bytes). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

/**
 * The Content Security Policy of the panel.
 *
 * - Scripts: only our bundle, by nonce. No `'unsafe-inline'`, no `'unsafe-eval'`, so even an
 *   event-handler attribute that slipped into the SVG could not run.
 * - Styles: our stylesheet (by `cspSource`) and `'unsafe-inline'`, with no nonce. Mermaid puts
 *   its theme in a `<style>` element inside the SVG and sets `style` attributes while it lays the
 *   diagram out (it measures labels in the live DOM). A nonce cannot cover attributes, and when a
 *   nonce is present browsers ignore `'unsafe-inline'` (CSP Level 2+), so a nonce here would leave
 *   the diagram unstyled and mis-measured (checked in Chromium: a two-node chart raised 39
 *   violations and drew black boxes; test/unit/diagramWebview.test.ts asserts zero). VS Code's
 *   own Markdown preview uses the same `style-src` for the same reason. Inline styles cannot run code, and with no network sources (img/font/connect) a style
 *   cannot send anything anywhere.
 * - Images: our media and `data:` (Mermaid may inline small images; exported SVGs are data).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export interface DiagramPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Webview URIs of media/dist/diagram.js and media/diagram.css. */
  scriptUri: string;
  styleUri: string;
  nonce?: string;
}

export function diagramHtml({ cspSource, scriptUri, styleUri, nonce = createNonce() }: DiagramPage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">
<title>Dependency Diagram</title>
</head>
<body>
<div id="app" data-state="loading">
  <p class="pb-status" role="status" aria-live="polite">Loading the diagram…</p>
</div>
<script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>`;
}
