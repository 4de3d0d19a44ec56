// The People and Due views in the Program Briefs container, at the default side bar width:
// expands them (they start collapsed) and collapses Programs and Checklist to make room, checks
// rows of the test workspace, and that a hostile title is shown as text (no link, no image, no
// icon) in rows and tooltip; saves test-results/screenshots/due.png and people.png (one view
// expanded at a time, so each has the side bar's height). Puts
// the panes back as they were (the pane layout is kept across reloads, and later checks use it).
// Waits only on conditions in the page.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { setViewExpanded, showProgramBriefs } from './workbench.mjs';

// Made after the screenshots, removed at the end: a title written as a command link, an image and an icon.
const HOSTILE_FILE = 'people-hostile.md';
const HOSTILE_TITLE = '[Run it](command:workbench.action.terminal.new) ![i](https://evil.example/m.png) $(alert)';
const HOSTILE = `---
program: people-hostile
title: Hostile
owner: "@hostile"
milestones:
  - id: m
    title: "${HOSTILE_TITLE}"
    owner: "@hostile"
    due: 2026-03-05
---
`;

/** Every link (with an href) and <img> inside `locator`: rendered Markdown has them, the workbench's own tree rows do not. */
const linksAndImages = (locator) => locator.evaluateAll((roots) => roots.flatMap((root) => [
  ...[...root.querySelectorAll('a[href]')].map((a) => `<a href="${a.getAttribute('href')}">${a.textContent}</a>`),
  ...[...root.querySelectorAll('img')].map((img) => `<img src="${img.getAttribute('src')}">`),
]));

export default async ({ page, screenshotsDir, workspaceDir }) => {
  const sidebar = page.locator('.part.sidebar');
  await showProgramBriefs(page);
  const pane = (title) => sidebar.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
  const row = (view, text) => view.locator('.monaco-list-row', { hasText: text }).first();
  const expand = (title, expanded) => setViewExpanded(page, title, expanded);
  const before = {};
  for (const title of ['Programs', 'Checklist', 'Due', 'People']) {
    before[title] = (await pane(title).locator('.pane-header').first().getAttribute('aria-expanded')) === 'true';
  }
  try {
    await expand('Programs', false);
    await expand('Checklist', false);
    const people = pane('People');
    const due = pane('Due');

    // Due alone: overdue first, each row with its date and owner.
    await expand('People', false);
    await expand('Due', true);
    await row(due, 'Late milestone').waitFor({ state: 'visible', timeout: 30_000 });
    const late = await row(due, 'Late milestone').innerText();
    if (!late.includes('2020-02-01') || !late.includes('@vera')) throw new Error(`the Due row should say its date and owner, got: ${late}`);
    if ((await row(due, 'Late milestone').locator('.codicon-watch').count()) === 0) throw new Error('an overdue row should have the overdue (watch) icon');
    const title = await due.locator('.pane-header').innerText();
    if (!/next 14 days/.test(title)) throw new Error(`the Due view should say its window, got: ${title}`);
    await due.screenshot({ path: path.join(screenshotsDir, 'due.png') });

    // People alone: the handles; expand @omar to see what it owns.
    await expand('Due', false);
    await expand('People', true);
    await row(people, '@vera').waitFor({ state: 'visible', timeout: 30_000 });
    await row(people, '@omar').locator('.monaco-tl-twistie').click();
    await row(people, 'Write the runbook').waitFor({ state: 'visible' });
    await row(people, 'Vendor ships late').waitFor({ state: 'visible' });
    await people.screenshot({ path: path.join(screenshotsDir, 'people.png') });
    await row(people, '@omar').locator('.monaco-tl-twistie').click();

    // Workspace text is shown as text: a milestone title that is a command link, an image and an icon.
    await fs.writeFile(path.join(workspaceDir, HOSTILE_FILE), HOSTILE);
    await row(people, '@hostile').waitFor({ state: 'visible', timeout: 30_000 });
    await row(people, '@hostile').locator('.monaco-tl-twistie').click();
    const inPeople = await row(people, '[Run it]').innerText();
    await expand('People', false);
    await expand('Due', true);
    const inDue = await row(due, '[Run it]').innerText({ timeout: 30_000 });
    for (const [view, text] of [['People', inPeople], ['Due', inDue]]) {
      if (!text.includes(HOSTILE_TITLE)) throw new Error(`the ${view} view should show the title as written, got: ${text}`);
    }
    const markup = await linksAndImages(sidebar);
    if (markup.length > 0) throw new Error(`the People or Due view rendered workspace text as markup: ${markup.join(', ')}`);
    await row(due, '[Run it]').hover();
    const tooltip = page.locator('.monaco-hover:visible, .workbench-hover:visible').filter({ hasText: 'people-hostile' }).first();
    await tooltip.waitFor({ state: 'visible', timeout: 15_000 });
    if (!(await tooltip.innerText()).replace(/\u2060/g, '').includes(HOSTILE_TITLE)) throw new Error(`the Due tooltip should show the title as written, got: ${await tooltip.innerText()}`);
    const inTooltip = await linksAndImages(page.locator('.monaco-hover, .workbench-hover'));
    if (inTooltip.length > 0) throw new Error(`the Due tooltip rendered workspace text as markup: ${inTooltip.join(', ')}`);
  } catch (error) {
    // The failure screenshot is taken after the panes are put back: keep the page as it failed.
    await page.screenshot({ path: path.join(screenshotsDir, 'peopledue-as-failed.png') }).catch(() => undefined);
    throw error;
  } finally {
    await fs.rm(path.join(workspaceDir, HOSTILE_FILE), { force: true }).catch(() => undefined);
    await page.keyboard.press('Escape'); // the tooltip
    // Collapse first, then expand: the panes that were open get their room back.
    const order = Object.entries(before).sort(([, a], [, b]) => Number(a) - Number(b));
    for (const [title, expanded] of order) await expand(title, expanded);
  }
};
