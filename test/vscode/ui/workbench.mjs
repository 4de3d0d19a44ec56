// Small Playwright helpers for the workbench (code-server), shared by the *.check.mjs files.
// Every wait is on a condition in the page, never a fixed sleep.

/**
 * Polls `condition` until it returns a truthy value (which is returned) or the time is up; for
 * conditions Playwright's own waits cannot express (several frames, logs on disk).
 */
export async function until(condition, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the workbench is up and the extension host has started (status bar rendered). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout });
  await page.locator('.part.statusbar').first().waitFor({ state: 'visible', timeout });
}

/** Runs a command by its title from the command palette (F1). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Closes every editor and editor group (earlier checks may have left a layout behind). */
export async function closeAllEditors(page) {
  await runCommand(page, 'View: Close All Editor Groups');
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
}

/** The editor of the active group. */
export function activeEditor(page) {
  return page.locator('.editor-group-container.active .editor-instance').first();
}

/** Opens a workspace file with Quick Open (Ctrl+P), by its relative path; waits for its tab and text. */
export async function openFile(page, relativePath) {
  const name = relativePath.split('/').pop();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor();
  await activeEditor(page).locator('.view-lines').waitFor();
}

/** Moves the active editor to a line (1-based) with Go to Line, which needs no keyboard focus in the text. */
export async function goToLine(page, line) {
  // Quick Open with a `:` prefix is Go to Line.
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The text of the editor's visible lines (Monaco renders spaces as nbsp). */
export async function visibleText(page) {
  const text = await activeEditor(page).locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Shows the Program Briefs view container with its activity bar icon. A click on the icon of the
 * container already shown hides the side bar, and the extension reveals the container itself on
 * the first activation in a workspace (src/extension/firstRun.ts), maybe while this runs: click
 * only while it is not shown, until the Programs view is visible.
 */
export async function showProgramBriefs(page) {
  const icon = page.locator('.part.activitybar [aria-label^="Program Briefs"]').first();
  const programs = page.locator('.part.sidebar .pane-header .title', { hasText: /^Programs$/i }).first();
  await until(async () => {
    if (await programs.isVisible()) return true;
    await icon.click();
    await programs.waitFor({ state: 'visible', timeout: 5000 });
    return true;
  }, 'the Program Briefs view container to be shown');
}
