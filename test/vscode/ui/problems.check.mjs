// Opens a brief in the workbench and sees its warnings in the Problems panel,
// with rule codes; saves test-results/screenshots/problems.png.
import * as path from 'node:path';
import { closeAllEditors, openFile, runCommand, until } from './workbench.mjs';

export default async ({ page, screenshotsDir }) => {
  await closeAllEditors(page);
  await openFile(page, 'programs/payments.md');
  await runCommand(page, 'View: Focus Problems');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible' });
  const row = (text) => panel.locator('.monaco-list-row', { hasText: text }).first();
  // The panel's own filter, by file: first a brief that is not open (indexed without opening it)…
  const filter = page.getByPlaceholder(/^Filter \(e\.g\./).first();
  // The panel may restore its own (empty) filter just after it opens: fill again until it holds.
  await until(async () => {
    if ((await filter.inputValue()) !== '**/programs/identity.md') await filter.fill('**/programs/identity.md');
    return row('`status` is "on-trak"').isVisible();
  }, 'the Problems panel, filtered to identity.md, to show its status problem');
  await page.screenshot({ path: path.join(screenshotsDir, 'problems-not-open.png') });
  // …then the open one.
  await filter.fill('**/programs/payments.md');
  await row('`status` is "on-trak"').waitFor({ state: 'hidden' });
  // The three problems of payments.md, as a user reads them.
  for (const text of [
    'names team `mobile`, which is not in `teams`',
    'Risk `vendor-delay` has no owner',
    'references `data-platform`, but `depends_on` does not declare',
  ]) {
    await row(text).waitFor({ state: 'visible', timeout: 30_000 });
  }
  // Source and rule code are shown with each marker, and team-undeclared is a warning.
  const teamRow = row('names team `mobile`');
  const rowText = await teamRow.innerText();
  if (!/program-briefs/.test(rowText) || !/team-undeclared/.test(rowText)) {
    throw new Error(`expected source and code in the Problems row, got: ${rowText}`);
  }
  if ((await teamRow.locator('.codicon-warning').count()) === 0) throw new Error('team-undeclared should show as a warning');
  await page.screenshot({ path: path.join(screenshotsDir, 'problems.png') });
  await filter.fill('');
};
