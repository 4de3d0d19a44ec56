// A first run that explains itself (issue 10), as a user sees it on the first load of a
// workspace with briefs: the Program Briefs view is revealed and a notification offers the
// walkthrough (its button opens it); the status bar item "$(checklist) N programs · E errors ·
// O overdue" is in the DOM with its accessibility label and tooltip, and a click on it opens the
// Programs view. test/vscode/ui/index.mjs runs this check first (it needs the workspace's first
// activation). Screenshots: first-run.png (the revealed view and the notification),
// status-bar.png (the item with its tooltip), status-bar-click.png. Leaves the Explorer shown.
import * as path from 'node:path';
import { runCommand, until } from './workbench.mjs';

const ITEM_TEXT = /^\d+ programs? · \d+ errors? · \d+ overdue$/;

export default async ({ page, screenshotsDir }) => {
  const sidebar = page.locator('.part.sidebar');
  const pane = (title) => sidebar.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
  const programs = pane('Programs');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Program Briefs found' }).first();

  // First run: the view container revealed, without a click, and the notification.
  await programs.waitFor({ state: 'visible', timeout: 60_000 });
  await pane('Checklist').waitFor({ state: 'visible' });
  await programs.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
  await toast.waitFor({ state: 'visible', timeout: 30_000 });
  const message = await toast.innerText();
  if (!/Program Briefs found \d+ briefs in this workspace/.test(message)) throw new Error(`unexpected first-run message: ${message}`);
  const button = toast.getByRole('button', { name: 'Open Walkthrough' });
  await button.waitFor({ state: 'visible' });
  if ((await toast.locator('a[href]').count()) > 0) throw new Error('the first-run notification renders a link');
  // The toast slides in: wait until it has stopped moving, inside the page.
  let last;
  await until(async () => {
    const box = await toast.boundingBox();
    const settled = box && last && box.y === last.y && box.x === last.x && box.y + box.height <= page.viewportSize().height && (await toast.evaluate((el) => getComputedStyle(el).opacity)) === '1';
    last = box;
    return settled;
  }, 'the notification to settle');
  await page.screenshot({ path: path.join(screenshotsDir, 'first-run.png') });

  // Its button opens the extension's walkthrough.
  await button.click();
  await page.locator('.gettingStartedContainer', { hasText: 'Get Started with Program Briefs' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  // Closed with the mouse: the walkthrough's media (a webview) may hold the keyboard focus.
  const tab = page.locator('.editor-group-container .tab', { hasText: 'Walkthrough' }).first();
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click();
  await tab.waitFor({ state: 'detached' });

  // The status bar item: text, accessible name, tooltip.
  const item = page.locator('.part.statusbar .statusbar-item', { hasText: /\d+ programs? · / }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await item.innerText()).trim();
  if (!ITEM_TEXT.test(text)) throw new Error(`status bar item reads "${text}"`);
  if ((await item.locator('.codicon-checklist').count()) === 0) throw new Error('the status bar item should show the checklist icon');
  const [programCount, errorCount, overdueCount] = text.match(/\d+/g).map(Number);
  const label = await item.locator('[aria-label]').first().getAttribute('aria-label');
  const summary = `${programCount} programs, ${errorCount} error${errorCount === 1 ? '' : 's'}, ${overdueCount} overdue milestone${overdueCount === 1 ? '' : 's'}`;
  if (label !== `Program Briefs: ${summary}. Open the Programs view`) throw new Error(`status bar item's aria-label is "${label}"`);
  const hover = page.locator('.workbench-hover:visible, .monaco-hover:visible', { hasText: 'Click to open the Programs view' }).first();
  await until(async () => {
    await item.hover();
    await hover.waitFor({ state: 'visible', timeout: 2000 });
    return true;
  }, 'the status bar item tooltip');
  const hoverText = await hover.innerText();
  if (!hoverText.includes(`Program Briefs: ${summary}.`)) throw new Error(`tooltip reads "${hoverText}"`);
  // The item and its tooltip, with some status bar around it.
  const itemBox = await item.boundingBox();
  const hoverBox = await hover.boundingBox();
  const viewport = page.viewportSize();
  const left = Math.max(0, Math.min(itemBox.x, hoverBox.x) - 16);
  const top = Math.max(0, hoverBox.y - 16);
  const right = Math.min(viewport.width, Math.max(itemBox.x + itemBox.width, hoverBox.x + hoverBox.width) + 120);
  await page.screenshot({ path: path.join(screenshotsDir, 'status-bar.png'), clip: { x: left, y: top, width: right - left, height: viewport.height - top } });

  // Its click opens the Programs view (from the Explorer).
  await runCommand(page, 'View: Show Explorer');
  await programs.waitFor({ state: 'hidden' });
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  await item.click();
  await programs.waitFor({ state: 'visible', timeout: 30_000 });
  await programs.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshotsDir, 'status-bar-click.png') });

  // The next checks start from the default layout.
  await runCommand(page, 'View: Show Explorer');
  await runCommand(page, 'Notifications: Clear All Notifications');
};
