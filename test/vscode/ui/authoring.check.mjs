// Authoring as a user does it: "New Program Brief" from the command palette offers the folder
// most briefs live in first (programs/, not the workspace root); Enter takes it, then the id and
// the title are typed; the brief opens as a snippet: the title is selected, Tab goes to the owner
// (typed once, inside the quotes, written for the milestone, the risk and the decision too), Tab again offers the
// status values. A nested checklist item typed into it shows nested in the Checklist view.
// Screenshots: new-brief-where.png, new-brief-snippet.png, checklist-nested.png. The brief is
// deleted at the end and the Explorer shown again, so the checks after this one see the
// workspace and the workbench as they were.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { closeAllEditors, openFile, runCommand, showProgramBriefs, until, visibleText } from './workbench.mjs';

export default async ({ page, screenshotsDir, workspaceDir }) => {
  const file = path.join(workspaceDir, 'programs', 'ledger-ui.md');
  await closeAllEditors(page);
  try {
    // From a brief at the workspace root: the default is still programs/, where most briefs are.
    await openFile(page, 'views-alpha.md');
    await runCommand(page, 'Program Briefs: New Program Brief');
    const widget = page.locator('.quick-input-widget');
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    // Rows are recycled out of DOM order: the first one shown is data-index 0.
    const firstRow = widget.locator('.quick-input-list .monaco-list-row[data-index="0"]');
    await firstRow.waitFor({ state: 'visible', timeout: 30_000 });
    await until(async () => (await firstRow.innerText()).includes('programs'), `programs/ first in the folder pick (rows: ${await rows.allInnerTexts().catch(() => [])})`);
    const first = await firstRow.innerText();
    if (!/programs[\s\S]*5 briefs/.test(first)) throw new Error(`the first folder should be programs with 5 briefs, got: ${first}`);
    const all = (await rows.allInnerTexts()).join(' | ');
    if (!all.includes('workspace root') || !all.includes('Other folder…')) throw new Error(`the root and "Other folder…" should be offered, got: ${all}`);
    await page.screenshot({ path: path.join(screenshotsDir, 'new-brief-where.png') });

    // Enter takes the default; then the id and the title (prefilled from the id).
    await page.keyboard.press('Enter');
    const input = widget.locator('input.input');
    await widget.locator('.quick-input-title', { hasText: '(2/3)' }).waitFor({ state: 'visible' });
    await input.fill('ledger-ui');
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-title', { hasText: '(3/3)' }).waitFor({ state: 'visible' });
    await until(async () => (await input.inputValue()) === 'Ledger ui', 'the title prefilled from the id');
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container.active .tab.active', { hasText: 'ledger-ui.md' }).waitFor({ timeout: 30_000 });

    // The title is the first tab stop: typing replaces it. Tab: the owner, once for all four.
    await until(async () => (await visibleText(page)).includes('title: "Ledger ui"'), 'the template in the editor');
    // The file is written first, then the snippet replaces its text: wait for the first tab
    // stop, the title's 9 characters, to be selected (the status bar says so).
    await page.locator('.part.statusbar', { hasText: /Ln 3, Col \d+ \(9 selected\)/ }).waitFor({ timeout: 30_000 });
    const suggest = page.locator('.suggest-widget');
    // Typing `"`, ` ` or `@` opens completion (handles, values): close it, or Tab would accept it.
    // The widget opens a moment after the keystroke: give it up to 2 s to show before deciding it
    // will not (an Escape with no widget open would end the snippet instead), then close it.
    const nextTabStop = async () => {
      const opened = await suggest.filter({ visible: true }).first().waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false);
      if (opened) {
        await page.keyboard.press('Escape');
        await suggest.filter({ visible: true }).waitFor({ state: 'detached' }).catch(() => {});
      }
      await page.keyboard.press('Tab');
    };
    // The title's text is selected inside its quotes: typing replaces it.
    await page.keyboard.type('Ledger UI');
    await until(async () => (await visibleText(page)).includes('title: "Ledger UI"'), 'the title typed');
    await nextTabStop();
    await page.keyboard.type('@li');
    await until(async () => ((await visibleText(page)).match(/owner: "@li"/g) ?? []).length === 4, 'the owner written four times');
    // Tab: the program's status, a choice of the schema's values.
    await nextTabStop();
    await suggest.locator('.monaco-list-row', { hasText: 'not-started' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.screenshot({ path: path.join(screenshotsDir, 'new-brief-snippet.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // A nested item under the template's "Kick-off held", then save.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('  - [ ] Nested review @li');
    await page.keyboard.press('Control+S');
    await until(async () => (await fs.readFile(file, 'utf8')).includes('\n  - [ ] Nested review @li'), 'the nested item saved');
    const saved = await fs.readFile(file, 'utf8');
    if (!saved.includes('title: "Ledger UI"\n') || saved.split('owner: "@li"').length !== 5) throw new Error(`the typed title and owners should be in the file:\n${saved}`);

    await showProgramBriefs(page);
    const sidebar = page.locator('.part.sidebar');
    const checklist = sidebar.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: /^Checklist$/i }) });
    await checklist.waitFor({ state: 'visible' });
    const row = (text) => checklist.locator('.monaco-list-row', { hasText: text }).first();
    await row('ledger-ui').waitFor({ state: 'visible', timeout: 30_000 });
    // Labelled by its program id: the frontmatter the user typed through parses.
    const label = await row('ledger-ui').innerText();
    if (!/^ledger-ui(?!\.md)/.test(label) || label.includes('ledger-ui.md')) throw new Error(`the program row should read ledger-ui, got: ${label}`);
    await row('ledger-ui').click();
    await row('Nested review').waitFor({ state: 'visible', timeout: 15_000 });
    // Under the program directly (the one "Checklist" heading is not a level), nested one deeper.
    if ((await checklist.locator('.monaco-list-row', { hasText: /^Checklist/ }).count()) > 0) throw new Error('the common Checklist heading should not be a level');
    const level = async (text) => Number(await row(text).getAttribute('aria-level'));
    const [program, parent, child] = [await level('ledger-ui'), await level('Kick-off held'), await level('Nested review')];
    if (!(parent === program + 1 && child === parent + 1)) throw new Error(`levels program ${program}, item ${parent}, nested ${child}`);
    await checklist.screenshot({ path: path.join(screenshotsDir, 'checklist-nested.png') });
  } catch (error) {
    await page.screenshot({ path: path.join(screenshotsDir, 'authoring-before-cleanup.png') }).catch(() => {});
    throw error;
  } finally {
    // Back to the Explorer: the side bar's view is remembered across reloads, and the later
    // checks open Program Briefs with a click on its icon (which would close it if shown).
    await runCommand(page, 'View: Show Explorer').catch(() => {});
    await closeAllEditors(page).catch(() => {});
    await fs.rm(file, { force: true });
  }
};
