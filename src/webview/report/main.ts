/**
 * The status report webview's script: the toolbar's two buttons ask the extension to copy the
 * Markdown or save the HTML (./protocol.ts), and the scroll position survives the page being set
 * again when the briefs change (kept in the webview's state). It reads and writes no report text.
 */
import { COPY_BUTTON_ID, type ReportWebviewMessage, SAVE_BUTTON_ID } from './protocol';

interface VsCodeApi {
  postMessage(message: ReportWebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

document.getElementById(COPY_BUTTON_ID)?.addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
document.getElementById(SAVE_BUTTON_ID)?.addEventListener('click', () => vscode.postMessage({ type: 'saveHtml' }));

const saved = vscode.getState() as { scrollY?: unknown } | undefined;
if (typeof saved?.scrollY === 'number') window.scrollTo(0, saved.scrollY);
let pending = false;
window.addEventListener('scroll', () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    vscode.setState({ scrollY: window.scrollY });
  });
}, { passive: true });
