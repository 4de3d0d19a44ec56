// What Changed Since… as a user drives it in real VS Code (code-server + Chromium), on the
// workspace made a git repository here (removed at the end, the brief put back): the first quick
// pick offers "A date…", the branch and the recent commit; the date's input box refuses a date
// that is not one; the changes since that date are listed under their program, and Enter opens
// the brief at the change's line while the list stays open.
// Screenshots: test-results/screenshots/changes-refs.png, changes-list.png.
// Waits only on conditions in the page.
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { closeAllEditors, showProgramBriefs, until } from './workbench.mjs';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-02-20T12:00:00Z', GIT_COMMITTER_DATE: '2026-02-20T12:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

export default async ({ page, screenshotsDir, workspaceDir }) => {
  const shot = (name) => page.screenshot({ path: path.join(screenshotsDir, `changes-${name}.png`) });
  const git = (...args) => execFileSync('git', args, { cwd: workspaceDir, env: GIT_ENV, encoding: 'utf8' }).trim();
  const file = path.join(workspaceDir, 'programs', 'payments.md');
  const original = await readFile(file, 'utf8');
  try {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'The plan of February');
    await writeFile(file, original.replace('due: 2026-05-15', 'due: 2026-05-29'));
    const cutoverLine = original.split('\n').indexOf('  - id: cutover') + 1;

    await closeAllEditors(page).catch(() => {});
    // The extension's first indexing is done (its status bar item counts the programs), and with it
    // the first run's reveal of the Program Briefs view, which would close a quick pick.
    await page.locator('.part.statusbar', { hasText: /12 programs/ }).waitFor({ timeout: 60_000 });
    await showProgramBriefs(page);
    const input = page.locator('.quick-input-widget input.input');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Program Briefs: What Changed Since');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'What Changed Since' }).first().waitFor();
    await page.keyboard.press('Enter');
    // The revisions: a date, the branch, the commit (its subject shown).
    await page.locator('.quick-input-title', { hasText: 'What Changed Since…' }).waitFor();
    await rows.filter({ hasText: 'A date…' }).first().waitFor();
    await rows.filter({ hasText: /^main$|main/ }).first().waitFor();
    await rows.filter({ hasText: 'The plan of February' }).first().waitFor();
    const listed = (await page.locator('.quick-input-list').innerText()).replace(/\s+/g, ' ');
    for (const expected of ['A date…', 'Branches', 'main', 'Recent commits', '2026-02-20 · The plan of February']) {
      if (!listed.includes(expected)) throw new Error(`the revision pick should list ${expected}: ${listed}`);
    }
    await shot('refs');

    // "A date…" (the first row, active): an input box that takes only a real date.
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-title', { hasText: 'What Changed Since…' }).waitFor();
    await until(async () => (await input.getAttribute('placeholder')) === 'YYYY-MM-DD', 'the date input box');
    await input.fill('2026-02-30');
    await page.locator('.quick-input-message', { hasText: '2026-02-30 is no calendar date' }).waitFor();
    await input.fill('last week');
    await page.locator('.quick-input-message', { hasText: 'A date as YYYY-MM-DD' }).waitFor();
    await input.fill('2026-02-25');
    await page.keyboard.press('Enter');

    // The changes since then, under their program; the file changed on disk counts.
    await page.locator('.quick-input-title', { hasText: /Changes since 2026-02-25 \(commit [0-9a-f]{10}, 2026-02-20\): 1 in 1 program/ }).waitFor({ timeout: 60_000 });
    const change = rows.filter({ hasText: 'due 2026-05-15 → 2026-05-29 (+14 days)' }).first();
    await change.waitFor();
    const text = (await page.locator('.quick-input-list').innerText()).replace(/\s+/g, ' ');
    if (!text.includes('payments-v2') || !text.includes(`milestone payments-v2#cutover (Production cutover) · programs/payments.md:${cutoverLine}`)) throw new Error(`the change list: ${text}`);
    await shot('list');

    // Enter opens the brief at the milestone's line; the list stays open.
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container.active .tab.active', { hasText: 'payments.md' }).waitFor();
    await until(async () => (await page.locator('.part.statusbar').innerText()).includes(`Ln ${cutoverLine},`), `the cursor on line ${cutoverLine}`);
    if (!(await page.locator('.quick-input-widget').isVisible())) throw new Error('the change list closed when a change was opened');
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  } finally {
    await writeFile(file, original);
    await rm(path.join(workspaceDir, '.git'), { recursive: true, force: true });
  }
};
