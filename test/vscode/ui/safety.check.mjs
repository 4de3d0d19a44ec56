// Issue 9, finding 1, in the DOM of the real workbench: workspace text shaped like Markdown is
// shown as text. A briefs.config.json key and a skipped file's name written as command links
// appear in notification toasts without any <a>; a hover and a Programs tree tooltip quoting a
// folder and brief fields written as images render no <img> and no link; and no request leaves
// the page (every request is recorded: only loopback is allowed). Run trusted (this folder) and
// in Restricted Mode (test/vscode/restricted/ui.mjs). The hostile files are made here, at run
// time, and removed again. Screenshots: safety-notifications.png, safety-hover.png.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { goToLine, openFile, runCommand, until, showProgramBriefs, defaultViewLayout } from './workbench.mjs';

const CONFIG_KEY = '[Click to repair the configuration](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)';
const SKIPPED_NAME = '[Open a terminal](command:workbench.action.terminal.new).md';
const FOLDER = ['![pwn](https:', 'evil.example', 'x.png)'];
const TARGET = `---
program: hover-target
title: "[T](command:workbench.action.terminal.new) ![t](https://evil.example/title.png)"
owner: "![o](https://evil.example/owner.png)"
status: on-track
target: "![d](https://evil.example/target.png)"
---

- [ ] [Run it](command:workbench.action.terminal.new) ![i](https://evil.example/item.png) <img src=https://evil.example/tag.png> $(alert)
`;
const SOURCE = `---
program: hover-source
title: Hover source
owner: "@maria"
depends_on:
  - hover-target
---
`;

const isLoopback = (url) => {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol)) return true; // data:, blob:, vscode-*:
  return parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname.endsWith('.localhost');
};

/**
 * Every link and <img> inside `locator` (all matches), as plain data. A link is an <a> with an
 * href (rendered Markdown links and autolinks have one, even empty); the workbench's own toolbar
 * buttons and tree labels are <a> elements without one.
 */
const linksAndImages = (locator) => locator.evaluateAll((roots) => roots.flatMap((root) => [
  ...[...root.querySelectorAll('a[href]')].map((a) => `<a href="${a.getAttribute('href')}">${a.textContent}</a>`),
  ...[...root.querySelectorAll('img')].map((img) => `<img src="${img.getAttribute('src')}">`),
]));

export default async ({ page, workspaceDir, screenshotsDir }) => {
  const requests = [];
  const record = (request) => requests.push(request.url());
  page.on('request', record);
  const configPath = path.join(workspaceDir, 'briefs.config.json');
  const savedConfig = await fs.readFile(configPath, 'utf8').catch(() => undefined);
  const made = [FOLDER[0], 'hover-source.md', SKIPPED_NAME];
  try {
    // --- Notifications: a config key and a skipped file's name, both written as command links.
    await fs.writeFile(configPath, JSON.stringify({ [CONFIG_KEY]: true }, null, 2));
    await fs.writeFile(path.join(workspaceDir, SKIPPED_NAME), Buffer.from('---\nprogram: x\n\u0000\n'));
    const toasts = page.locator('.notifications-toasts');
    const configToast = toasts.locator('.notification-toast', { hasText: 'Click to repair the configuration' }).first();
    const skipToast = toasts.locator('.notification-toast', { hasText: 'Open a terminal' }).first();
    // Each toast's text is read the moment it shows: a toast can leave the screen soon after (a
    // later notification pushes it into the notification centre), which made a later read time out.
    const textWhenShown = (toast, what) => until(async () => ((await toast.isVisible()) ? toast.innerText({ timeout: 1000 }) : undefined), what, 30_000);
    const configShown = await textWhenShown(configToast, 'the configuration notification');
    const skipShown = await textWhenShown(skipToast, 'the skipped-file notification');
    await page.screenshot({ path: path.join(screenshotsDir, 'safety-notifications.png') });
    const inToasts = await linksAndImages(page.locator('.notifications-toasts'));
    if (inToasts.length > 0) throw new Error(`notifications rendered workspace text as links: ${inToasts.join(', ')}`);
    const shown = configShown.replace(/\u2060/g, '');
    if (!shown.includes(CONFIG_KEY)) throw new Error(`the config key should be shown as text, got: ${shown}`);
    if (!skipShown.replace(/\u2060/g, '').includes(SKIPPED_NAME)) throw new Error('the skipped file name should be shown as text');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await fs.writeFile(configPath, savedConfig ?? '{}');

    // --- Hover: the definition's path (a folder named like an image) and brief fields.
    const targetPath = path.join(workspaceDir, ...FOLDER, 'target.md');
    await fs.mkdir(path.dirname(targetPath), { recursive: true });
    await fs.writeFile(path.join(workspaceDir, 'hover-source.md'), SOURCE);
    await openFile(page, 'hover-source.md');
    // Text of every hover widget part (word joiners, which keep autolinks from forming, dropped).
    const hoverText = async () => (await page.locator('.monaco-hover:visible').allInnerTexts()).join('\n').replace(/\u2060/g, '');
    // The index may still be picking the new files up: ask again until the hover has the definition.
    // Every try writes target.md (the same text): VS Code's watcher on Linux can miss a file written
    // into a folder it does not watch yet, and in CI the server did not get it even with its re-walk
    // of created folders; a write once the folder is watched is reported. This check is about what
    // the hover shows, not the watcher.
    await until(async () => {
      await fs.writeFile(targetPath, TARGET);
      await page.keyboard.press('Escape'); // a hover still open from the last try is shown again, not refreshed
      await goToLine(page, '6:8');
      await runCommand(page, 'Show or Focus Hover');
      await page.locator('.monaco-hover:visible').filter({ hasText: 'hover-target' }).first().waitFor({ state: 'visible', timeout: 2000 });
      // And the diagnostics to have caught up: the server finds the definition before the
      // editor has applied the diagnostics it then republishes, and a stale `dependency-unknown`
      // in the hover (its code a link to the rule's page) is not what this check is about.
      const text = await hoverText();
      return text.includes('target.md') && !text.includes('dependency-unknown');
    }, 'the hover of hover-target to show its definition, without the stale dependency-unknown');
    await page.screenshot({ path: path.join(screenshotsDir, 'safety-hover.png') });
    const inHover = await linksAndImages(page.locator('.monaco-hover'));
    const leftSoFar = requests.filter((url) => !isLoopback(url));
    if (inHover.length > 0 || leftSoFar.length > 0) throw new Error(`the hover rendered workspace text as markup: ${inHover.join(', ')}; requests: ${leftSoFar.join(', ')}`);
    const shownInHover = await hoverText();
    if (!shownInHover.includes(`${FOLDER.join('/')}/target.md`)) throw new Error(`the hover should show the path as text, got: ${shownInHover}`);
    if (!shownInHover.includes('![t](https://evil.example/title.png)')) throw new Error(`the hover should show the title as text, got: ${shownInHover}`);
    await page.keyboard.press('Escape');

    // --- Programs tree tooltip (a MarkdownString with the title; owner and target must be valid
    // handles and dates to be shown at all, and are escaped too).
    await showProgramBriefs(page);
    await defaultViewLayout(page);
    // Its row shows the title, as text (a tree label renders no Markdown).
    const programsPane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header .title', { hasText: /^Programs$/i }) });
    const row = programsPane.locator('.monaco-list-row', { hasText: 'evil.example/title.png' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await linksAndImages(row)).length > 0) throw new Error('the program row rendered its title as markup');
    // Visible ones: the editor's hover stays in the DOM, hidden, after Escape.
    const tooltips = page.locator('.monaco-hover:visible, .workbench-hover:visible');
    const tooltipText = async () => (await tooltips.allInnerTexts()).join('\n').replace(/\u2060/g, '');
    await until(async () => {
      await row.hover();
      await tooltips.filter({ hasText: 'hover-target' }).first().waitFor({ state: 'visible', timeout: 2000 });
      return (await tooltipText()).includes('evil.example/title.png');
    }, 'the tooltip of hover-target in the Programs view').catch(async (error) => {
      const where = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.children.length === 0 && (e.textContent ?? '').includes('title.png')).map((e) => { const chain = []; for (let n = e; n && chain.length < 8; n = n.parentElement) chain.push(`${n.tagName}.${[...n.classList].join('.')}`); return chain.join(' < '); }));
      throw new Error(`${error.message}; the text is in: ${where.join(' | ')}`);
    });
    const shownInTooltip = await tooltipText();
    if (!shownInTooltip.includes('![t](https://evil.example/title.png)')) throw new Error(`the tooltip should show the title as text, got: ${shownInTooltip}`);
    await page.screenshot({ path: path.join(screenshotsDir, 'safety-tooltip.png') });
    const inTooltip = await linksAndImages(page.locator('.monaco-hover, .workbench-hover'));
    if (inTooltip.length > 0) throw new Error(`the tree tooltip rendered workspace text as markup: ${inTooltip.join(', ')}`);

    // --- Checklist tree: an item whose text is a command link, an image, HTML and an icon.
    const checklistRow = (text) => page.locator('.part.sidebar .pane', { hasText: 'Checklist' }).locator('.monaco-list-row', { hasText: text }).first();
    await checklistRow('hover-target').click();
    const item = checklistRow('Run it');
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const itemText = await item.innerText();
    for (const literal of ['[Run it](command:workbench.action.terminal.new)', '![i](https://evil.example/item.png)', '$(alert)']) {
      if (!itemText.includes(literal)) throw new Error(`the checklist item should show ${literal} as text, got: ${itemText}`);
    }
    const inSidebar = await linksAndImages(page.locator('.part.sidebar'));
    if (inSidebar.length > 0) throw new Error(`the tree rendered workspace text as markup: ${inSidebar.join(', ')}`);

    const leaving = requests.filter((url) => !isLoopback(url));
    if (leaving.length > 0) throw new Error(`requests left the page: ${leaving.join(', ')}`);
    if (requests.length === 0) throw new Error('no request was recorded at all: the recorder is not working');
  } finally {
    page.off('request', record);
    await fs.writeFile(configPath, savedConfig ?? '{}').catch(() => {});
    for (const entry of made) await fs.rm(path.join(workspaceDir, entry), { recursive: true, force: true }).catch(() => {});
  }
};
