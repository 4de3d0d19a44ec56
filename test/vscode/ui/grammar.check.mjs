// The TextMate injection colours handles, [[references]], due: dates and status
// values in a brief; saves test-results/screenshots/grammar.png.
import * as path from 'node:path';
import { activeEditor, closeAllEditors, goToLine, openFile } from './workbench.mjs';

/**
 * The CSS colour of the first rendered token in the line containing `lineText` whose text is
 * `text` (or, with `partial`, contains it).
 */
async function colorOf(page, lineText, text, partial) {
  const line = activeEditor(page).locator('.view-line', { hasText: lineText }).first();
  await line.waitFor({ state: 'visible' });
  return line.evaluate((element, [wanted, contains]) => {
    const span = [...element.querySelectorAll('span > span')].find((s) => {
      const shown = s.textContent.replace(/\u00a0/g, ' ');
      return contains ? shown.includes(wanted) : shown === wanted;
    });
    return span ? getComputedStyle(span).color : undefined;
  }, [text, partial]);
}

export default async ({ page, screenshotsDir }) => {
  await closeAllEditors(page);
  await openFile(page, 'programs/payments.md');
  // Scroll the checklist and Dependencies section into view.
  await goToLine(page, 56);
  await activeEditor(page).locator('.view-line', { hasText: 'Load test plan' }).first().waitFor();
  const plain = await waitForColor(page, 'Load test plan', 'Load test plan', true);
  const checks = [
    ['handle', 'Load test plan', '@li'],
    ['due date', 'Load test plan', '2026-03-20'],
    ['program reference', 'Needs [[billing-core', 'billing-core'],
    ['milestone reference', 'Needs [[billing-core', 'ledger-api'],
  ];
  for (const [what, lineText, token] of checks) {
    const color = await waitForColor(page, lineText, token);
    if (color === plain) throw new Error(`${what} "${token}" is not highlighted (same colour as plain text: ${color})`);
  }
  await page.screenshot({ path: path.join(screenshotsDir, 'grammar.png') });
};

/** Tokenization is asynchronous: wait until the token is rendered as its own span. */
async function waitForColor(page, lineText, token, partial = false, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const color = await colorOf(page, lineText, token, partial);
    if (color) return color;
    if (Date.now() > deadline) throw new Error(`no token "${token}" rendered in the line with "${lineText}"`);
    await page.waitForTimeout(100);
  }
}
