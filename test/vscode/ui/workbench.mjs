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

/**
 * A webview's content frame: the nested iframe whose document holds `selector`. Every poll looks
 * through the live frames (a webview's frames can be made again, and an early one detached).
 */
export function webviewFrame(page, selector, what, timeoutMs = 60_000) {
  return until(async () => {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    }
    return undefined;
  }, what, timeoutMs);
}

/** Waits until the workbench is up and the extension host has started (status bar rendered). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout });
  await page.locator('.part.statusbar').first().waitFor({ state: 'visible', timeout });
}

/**
 * Opens the quick input with `key`, types `text` and waits for a row with `rowText`; with
 * `focused`, until the focused row (the one Enter picks) is one. Quick Open filters a moment after
 * the text is typed: until then it lists the recently opened files, where a row with `rowText`
 * may already be, but not first (once Enter opened a recently opened brief instead of the one
 * asked for). The command palette's best match need not be first (recently used commands are),
 * so a command is looked for anywhere in the list. Now and then
 * the widget does not open (a webview's frame had the keyboard) or opens with its list laid out
 * empty (the row exists but is never shown). Then the widget is closed, the focus given back to
 * the page and the key pressed again, up to three times; what the row says is still waited for,
 * and a row that never comes still fails.
 */
async function quickInputRow(page, key, text, rowText, { focused = false } = {}) {
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator(`.quick-input-list .monaco-list-row${focused ? '.focused' : ''}`, { hasText: rowText }).first();
  for (let attempt = 1; ; attempt++) {
    const timeout = attempt < 3 ? 10_000 : 30_000;
    try {
      await page.keyboard.press(key);
      await input.waitFor({ state: 'visible', timeout });
      await input.fill(text);
      await row.waitFor({ timeout });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      // A webview (the report, a walkthrough's media) may hold the keyboard in its frame, where
      // the workbench's keybindings never see the key: give the focus back to the page.
      await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
    }
  }
}

/** Opens the command palette (F1) with a command's title typed, until the command is listed (for a caller that picks it itself). */
export async function findCommand(page, title) {
  await quickInputRow(page, 'F1', `>${title}`, title);
}

/** Runs a command by its title from the command palette (F1). */
export async function runCommand(page, title) {
  await findCommand(page, title);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Closes every editor and editor group (earlier checks may have left a layout behind). */
export async function closeAllEditors(page) {
  // The walkthrough a first run opened can come back as a "Welcome" preview just after it was
  // closed: the command is run again (up to three times) until no tab is left.
  const tab = page.locator('.editor-group-container .tab').first();
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'View: Close All Editor Groups');
    try {
      await tab.waitFor({ state: 'detached', timeout: attempt < 3 ? 10_000 : 30_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** The editor of the active group. */
export function activeEditor(page) {
  return page.locator('.editor-group-container.active .editor-instance').first();
}

/** Opens a workspace file with Quick Open (Ctrl+P), by its relative path; waits for its tab and text. */
export async function openFile(page, relativePath) {
  const name = relativePath.split('/').pop();
  await quickInputRow(page, 'Control+P', relativePath, name, { focused: true });
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

/**
 * Expands or collapses one view of the side bar by its header (a click toggles it), until its
 * header says so. Checks that need a view's rows set the layout they need with it: an earlier
 * check may have left the views collapsed or squeezed.
 */
export async function setViewExpanded(page, title, expanded) {
  const header = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) }).locator('.pane-header').first();
  await header.waitFor({ state: 'visible' });
  await until(async () => {
    if ((await header.getAttribute('aria-expanded')) === String(expanded)) return true;
    await header.click();
    return (await header.getAttribute('aria-expanded')) === String(expanded);
  }, `the ${title} view to be ${expanded ? 'expanded' : 'collapsed'}`);
}

/** The Program Briefs views as a first run shows them: Programs and Checklist open, Due and People collapsed. */
export async function defaultViewLayout(page) {
  for (const title of ['Due', 'People']) await setViewExpanded(page, title, false);
  for (const title of ['Programs', 'Checklist']) await setViewExpanded(page, title, true);
}

/**
 * Records what a hostile text would show if it ran: every dialog (dismissed) and every CSP
 * violation in each frame created from now on, the webviews' included (`window.__pbViolations`).
 * Returns the dialogs' messages, filled as they open.
 */
export async function recordDialogsAndViolations(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    // Another check's listener (they stay on the page) may have dismissed it already.
    dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__pbViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__pbViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  return dialogs;
}

/**
 * Picks a colour theme by its name with "Preferences: Color Theme" (as `workbench.colorTheme`).
 * `editor`: what to click first, so the keys go to the workbench (keys pressed while a webview
 * has focus stay in its iframe); by default the first visible text editor.
 */
export async function setColorTheme(page, name, editor = page.locator('.editor-instance .view-lines').filter({ visible: true }).first()) {
  await editor.click();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Preferences: Color Theme');
  // Exactly that command ("Browse Color Themes in Marketplace" is listed first).
  // A row whose label or description (the theme picker shows a theme's id, "Default Dark Modern", there) is exactly `label`.
  const rowNamed = (label) => page.locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name, .label-description', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
  await rowNamed('Preferences: Color Theme').click();
  // The same widget now lists the themes.
  await until(async () => !(await input.inputValue()).startsWith('>'), 'the theme picker');
  await input.fill(name);
  await rowNamed(name).click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}
