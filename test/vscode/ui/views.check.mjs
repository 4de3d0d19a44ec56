// Opens the Program Briefs view container from the activity bar; at the default side bar width,
// checks that the Programs rows (title, health, next milestone, counts) and their entries are
// not cut off and that a program's tooltip gives its health's reasons as text; expands a program
// in both trees, ticks a checklist item by clicking its checkbox in the tree, and sees the count
// follow. Saves test-results/screenshots/views.png (the side bar with both views),
// views-programs-default.png, views-programs-tooltip.png, views-programs.png, views-checklist.png
// and views-ticked.png. Waits only on conditions in the page.
import * as path from 'node:path';
import { defaultViewLayout, setViewExpanded, showProgramBriefs } from './workbench.mjs';

export default async ({ page, screenshotsDir }) => {
  const sidebar = page.locator('.part.sidebar');
  await showProgramBriefs(page);
  await defaultViewLayout(page);
  const pane = (title) => sidebar.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
  const programs = pane('Programs');
  const checklist = pane('Checklist');
  await programs.waitFor({ state: 'visible' });
  await checklist.waitFor({ state: 'visible' });
  const row = (view, text) => view.locator('.monaco-list-row', { hasText: text }).first();

  // --- At the default side bar width: what a program row says fits, with nothing cut off.
  const alpha = row(programs, 'Views alpha program');
  await alpha.waitFor({ state: 'visible', timeout: 30_000 });
  const alphaText = (await alpha.innerText()).replace(/\s+/g, ' ');
  for (const part of ['Views alpha program', 'at risk', '1 overdue', '1 high risk']) {
    if (!alphaText.includes(part)) throw new Error(`the program row should show "${part}", got: ${alphaText}`);
  }
  if ((await alpha.locator('.codicon-warning').count()) === 0) throw new Error('an at-risk program keeps its status icon');
  /**
   * Rows whose description does not fit the row on its own (a long title beside it is cut by the
   * tree, as any label; the description must never be the reason): the description's width
   * against the row's label area.
   */
  const cutOff = (view) => view.locator('.monaco-list-row').evaluateAll((rows) => rows
    .map((r) => ({ text: r.innerText.replace(/\s+/g, ' '), container: r.querySelector('.monaco-icon-label-container'), description: r.querySelector('.label-description') }))
    .filter(({ container, description }) => container && description && description.scrollWidth > container.clientWidth)
    .map(({ text, container, description }) => `${text} (${description.scrollWidth} > ${container.clientWidth} px)`));
  await alpha.locator('.monaco-tl-twistie').click();
  await row(programs, 'Vendor ships late').waitFor({ state: 'visible' });
  const vendor = (await row(programs, 'Vendor ships late').innerText()).replace(/\s+/g, ' ');
  if (!vendor.includes('likelihood high · impact high')) throw new Error(`a risk should read "likelihood high · impact high", got: ${vendor}`);
  const launch = (await row(programs, 'Launch').innerText()).replace(/\s+/g, ' ');
  if (!launch.includes('@omar')) throw new Error(`a milestone row should show its owner, got: ${launch}`);
  const sidebarWidth = (await sidebar.boundingBox())?.width;
  const tooWide = await cutOff(programs);
  await programs.screenshot({ path: path.join(screenshotsDir, 'views-programs-default.png') });
  if (tooWide.length > 0) throw new Error(`at the default side bar width (${sidebarWidth} px) these descriptions do not fit: ${tooWide.join(' | ')}`);
  if (!(sidebarWidth <= 310)) throw new Error(`the side bar should be at its default width here, it is ${sidebarWidth} px`);
  // The program's tooltip: its health with the reasons, as text (never a link).
  await alpha.hover();
  const tooltip = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Health: At risk' }).first();
  await tooltip.waitFor({ state: 'visible', timeout: 15_000 });
  const tip = await tooltip.innerText();
  for (const part of ['Status: at-risk', 'milestone late was due 2020-02-01', 'milestone launch is at risk', 'risk vendor (Vendor ships late): likelihood high, impact high, no mitigation', 'Next milestone: Late milestone (late), due 2020-02-01, owner @vera (overdue)']) {
    if (!tip.includes(part)) throw new Error(`the program tooltip should say "${part}", got: ${tip}`);
  }
  if ((await tooltip.locator('a, img').count()) > 0) throw new Error('the tooltip rendered a link or an image');
  await page.screenshot({ path: path.join(screenshotsDir, 'views-programs-tooltip.png') });
  await page.mouse.move(5, 400);
  await alpha.locator('.monaco-tl-twistie').click();
  await row(programs, 'Vendor ships late').waitFor({ state: 'detached' });

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
  await alpha.waitFor({ state: 'visible', timeout: 30_000 });
  await alpha.locator('.monaco-tl-twistie').click();
  await row(programs, 'Late milestone').waitFor({ state: 'visible' });
  await row(programs, 'Vendor ships late').waitFor({ state: 'visible' });
  const late = await row(programs, 'Late milestone').innerText();
  if (!late.includes('overdue')) throw new Error(`the overdue milestone should say so, got: ${late}`);
  // Overdue has its own icon (a clock), not the at-risk warning in another colour (src/extension/views/statusIcons.ts).
  if ((await row(programs, 'Late milestone').locator('.codicon-watch').count()) === 0) throw new Error('the overdue milestone should have the overdue (watch) icon');

  // Checklist: expand views-alpha (its headings open expanded). Programs is collapsed meanwhile, so
  // the Checklist has the side bar's height whatever size an earlier check left it (a tree draws
  // only the rows it has room for).
  await setViewExpanded(page, 'Programs', false);
  await row(checklist, 'views-alpha').waitFor({ state: 'visible', timeout: 30_000 });
  if (!(await row(checklist, 'views-alpha').innerText()).includes('1/4 · 25% · 1 overdue')) throw new Error('views-alpha should show 1/4 · 25% · 1 overdue');
  await row(checklist, 'views-alpha').click();
  await row(checklist, 'Write the runbook').waitFor({ state: 'visible' });
  await row(checklist, 'Retro').waitFor({ state: 'visible' });
  if ((await row(checklist, 'Write the runbook').locator('.codicon-warning').count()) === 0) throw new Error('the overdue item should have a warning icon');

  await checklist.screenshot({ path: path.join(screenshotsDir, 'views-checklist.png') });
  await setViewExpanded(page, 'Programs', true);
  await programs.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
  await sidebar.screenshot({ path: path.join(screenshotsDir, 'views.png') });
  await programs.screenshot({ path: path.join(screenshotsDir, 'views-programs.png') });

  // Tick "Retro" with the tree's own checkbox: the file changes and the counts follow.
  await setViewExpanded(page, 'Programs', false);
  const retro = row(checklist, 'Retro');
  await retro.waitFor({ state: 'visible' });
  const box = retro.locator('[role="checkbox"], .custom-view-tree-node-item-checkbox').first();
  await box.click();
  await row(checklist, 'views-alpha').filter({ hasText: '2/4 · 50% · 1 overdue' }).waitFor({ state: 'visible', timeout: 15_000 });
  await row(checklist, 'Follow-up').filter({ hasText: '1/1 · 100%' }).waitFor({ state: 'visible' });
  await checklist.screenshot({ path: path.join(screenshotsDir, 'views-ticked.png') });
  await setViewExpanded(page, 'Programs', true);
};
