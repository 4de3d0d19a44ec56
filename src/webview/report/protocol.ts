/**
 * The messages of the status report's webview (docs/extension.md "Status Report"): what its
 * script (./main.ts) sends the extension. The report itself is no message: it is the page (the
 * core's HTML, set by the extension). Pure: imported by the webview bundle and by the extension,
 * which validates everything it receives with `parseReportMessage`.
 */

export const REPORT_VIEW_TYPE = 'programBriefs.statusReport';

/** Webview → extension: a toolbar button was pressed. */
export type ReportWebviewMessage = { type: 'copyMarkdown' } | { type: 'saveHtml' };

/** A message as the extension accepts it, or undefined for anything else. */
export function parseReportMessage(value: unknown): ReportWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { type?: unknown }).type;
  return type === 'copyMarkdown' || type === 'saveHtml' ? { type } : undefined;
}

/** The ids of the toolbar's buttons (the extension's page has them, the script listens on them). */
export const COPY_BUTTON_ID = 'pb-report-copy';
export const SAVE_BUTTON_ID = 'pb-report-save';
