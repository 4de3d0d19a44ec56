// Opens the Program Briefs view container from the activity bar, expands a program in both
// trees, ticks a checklist item by clicking its checkbox in the tree, and sees the count follow.
// Saves test-results/screenshots/views.png (the side bar with both views), views-programs.png,
// views-checklist.png and views-ticked.png. Waits only on conditions in the page.
import * as path from 'node:path';
import { showProgramBriefs } from './workbench.mjs';

export default async ({ page, screenshotsDir }) => {
  const sidebar = page.locator('.part.sidebar');
  await showProgramBriefs(page);
  const pane = (title) => sidebar.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
  const programs = pane('Programs');
  const checklist = pane('Checklist');
  await programs.waitFor({ state: 'visible' });
  await checklist.waitFor({ state: 'visible' });
  const row = (view, text) => view.locator('.monaco-list-row', { hasText: text }).first();

  // A wider side bar, so descriptions (status · owner · target) are readable in the screenshots.
  const sash = page.locator('.monaco-sash.vertical').filter({ visible: true });
  const sidebarBox = await sidebar.boundingBox();
  for (const candidate of await sash.all()) {
    const box = await candidate.boundingBox();
    if (!box || !sidebarBox || Math.abs(box.x + box.width / 2 - (sidebarBox.x + sidebarBox.width)) > 4) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(sidebarBox.x + 560, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    break;
  }

  // Programs: expand views-alpha with its twistie (a click on the label opens the brief).
  await row(programs, 'views-alpha').waitFor({ state: 'visible', timeout: 30_000 });
  await row(programs, 'views-alpha').locator('.monaco-tl-twistie').click();
  await row(programs, 'Late milestone').waitFor({ state: 'visible' });
  await row(programs, 'Vendor ships late').waitFor({ state: 'visible' });
  const late = await row(programs, 'Late milestone').innerText();
  if (!late.includes('overdue')) throw new Error(`the overdue milestone should say so, got: ${late}`);
  // Overdue has its own icon (a clock), not the at-risk warning in another colour (src/extension/views/statusIcons.ts).
  if ((await row(programs, 'Late milestone').locator('.codicon-watch').count()) === 0) throw new Error('the overdue milestone should have the overdue (watch) icon');

  // Checklist: expand views-alpha (its headings open expanded).
  await row(checklist, 'views-alpha').waitFor({ state: 'visible', timeout: 30_000 });
  if (!(await row(checklist, 'views-alpha').innerText()).includes('1/4 · 25% · 1 overdue')) throw new Error('views-alpha should show 1/4 · 25% · 1 overdue');
  await row(checklist, 'views-alpha').click();
  await row(checklist, 'Write the runbook').waitFor({ state: 'visible' });
  await row(checklist, 'Retro').waitFor({ state: 'visible' });
  if ((await row(checklist, 'Write the runbook').locator('.codicon-warning').count()) === 0) throw new Error('the overdue item should have a warning icon');

  await sidebar.screenshot({ path: path.join(screenshotsDir, 'views.png') });
  await programs.screenshot({ path: path.join(screenshotsDir, 'views-programs.png') });
  await checklist.screenshot({ path: path.join(screenshotsDir, 'views-checklist.png') });

  // Tick "Retro" with the tree's own checkbox: the file changes and the counts follow.
  const retro = row(checklist, 'Retro');
  const box = retro.locator('[role="checkbox"], .custom-view-tree-node-item-checkbox').first();
  await box.click();
  await row(checklist, 'views-alpha').filter({ hasText: '2/4 · 50% · 1 overdue' }).waitFor({ state: 'visible', timeout: 15_000 });
  await row(checklist, 'Follow-up').filter({ hasText: '1/1 · 100%' }).waitFor({ state: 'visible' });
  await checklist.screenshot({ path: path.join(screenshotsDir, 'views-ticked.png') });
};
