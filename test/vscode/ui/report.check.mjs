// The status report as a user sees it in real VS Code (code-server + Chromium): the command
// opens a webview with the report (the core's HTML), each program's health shown as a word; the
// toolbar's "Copy as Markdown" button reaches the extension (its notification shows); nothing in
// the webview breaks its policy (no CSP violation, no console error, no dialog, no request beyond
// the page and its script), in the light and the dark theme.
// Screenshots: test-results/screenshots/report-webview-light.png, report-webview-dark.png.
// Waits only on conditions in the page.
import * as path from 'node:path';
import { recordDialogsAndViolations, runCommand, until, webviewFrame } from './workbench.mjs';

/** The report webview's content frame: the nested iframe whose document holds the toolbar. */
function reportFrame(page) {
  return webviewFrame(page, '.pb-report-toolbar', 'the status report webview frame');
}

export default async ({ page, screenshotsDir }) => {
  const dialogs = await recordDialogsAndViolations(page);
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location()?.url ?? '';
    // The webview's frames (their documents are served from the webview origin), and any CSP report.
    if (/vscode-cdn|webview|vscode-resource/i.test(url) || /Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(`${message.text()} (${url})`);
  });
  const requests = [];
  page.on('request', (request) => {
    const frame = request.frame();
    if (frame && frame.parentFrame() && /report/i.test(frame.url() + request.url())) requests.push(request.url());
  });
  const shot = (name) => page.screenshot({ path: path.join(screenshotsDir, `report-webview-${name}.png`) });

  // The extension's first indexing is done (its status bar item counts the programs). No file is
  // opened: editors an earlier check left may still be restored while this runs.
  await page.locator('.part.statusbar', { hasText: /12 programs/ }).waitFor({ timeout: 60_000 });
  await runCommand(page, 'Program Briefs: Status Report');
  const frame = await reportFrame(page);
  await frame.locator('h1', { hasText: 'Status report, 2026-03-01' }).waitFor();
  // The portfolio: a row per program, health as a word.
  const rows = await frame.locator('table.portfolio tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
  const alpha = rows.find((cells) => cells[0] === 'views-alpha');
  if (!alpha || !/At risk/.test(alpha[4])) throw new Error(`views-alpha's row: ${JSON.stringify(alpha)}; rows: ${rows.map((r) => r[0]).join(', ')}`);
  const payments = rows.find((cells) => cells[0] === 'payments-v2');
  if (!payments || !/On track/.test(payments[4])) throw new Error(`payments-v2's row: ${JSON.stringify(payments)}`);
  if (rows.length < 10) throw new Error(`only ${rows.length} programs in the portfolio`);
  // The page reads as paper in any theme: white background, the report's dark ink.
  const colours = await frame.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, ink: getComputedStyle(document.querySelector('h1')).color }));
  if (colours.background !== 'rgb(255, 255, 255)' || colours.ink !== 'rgb(29, 36, 48)') throw new Error(`colours: ${JSON.stringify(colours)}`);
  await shot('light');

  // The toolbar's button reaches the extension: the Markdown is copied and the notification says so.
  await frame.locator('#pb-report-copy').click();
  await page.locator('.notifications-toasts', { hasText: 'Status report: the Markdown is on the clipboard.' }).first().waitFor({ timeout: 30_000 });

  // Dark theme: the page stays white and the toolbar's buttons take the theme's colours.
  const reportTab = page.locator('.tab', { hasText: 'Status Report, 2026-03-01' }).first();
  await reportTab.click();
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await until(async () => (await frame.locator('body').getAttribute('class'))?.includes('vscode-dark'), 'the webview in the dark theme');
  const darkBackground = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  if (darkBackground !== 'rgb(255, 255, 255)') throw new Error(`dark theme background: ${darkBackground}`);
  await frame.locator('section.program').first().scrollIntoViewIfNeeded();
  await shot('dark');
  await reportTab.click();
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');

  const violations = await frame.evaluate(() => window.__pbViolations ?? []);
  if (violations.length > 0) throw new Error(`CSP violations in the report webview: ${violations.join('; ')}`);
  if (consoleErrors.length > 0) throw new Error(`console errors: ${consoleErrors.join('; ')}`);
  if (dialogs.length > 0) throw new Error(`dialogs opened: ${dialogs.join('; ')}`);
  const foreign = requests.filter((url) => !/report\.js$|index\.html|fake\.html|service-worker/.test(url) && !url.startsWith('data:'));
  if (foreign.length > 0) throw new Error(`requests from the report webview: ${foreign.join(', ')}`);
};
