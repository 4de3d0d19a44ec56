// The dependency diagram as a user sees it in real VS Code (code-server + Chromium): the
// command opens the panel beside the brief at a usable width, its webview (nested iframes,
// found with page.frames()) renders an SVG with the expected nodes, fitted to the panel, each
// node showing its status as a word; the status line reads in full; a click on a node opens
// the right brief without narrowing the panel or changing the critical-path selection; hostile
// titles show as text and run nothing (no dialog, no CSP violation, no <img>); light, dark and
// high-contrast themes; and the panel comes back after a reload.
// Screenshots: test-results/screenshots/diagram-*.png (light, dark, hc, critical-path, ...).
// Waits only on conditions in the page.
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { openFile, recordDialogsAndViolations, runCommand, setColorTheme, until, waitForWorkbench, webviewFrame } from './workbench.mjs';

const EXPECTED_NODES = [
  'diagram-checkout', 'diagram-checkout#build', 'diagram-checkout#design', 'diagram-checkout#launch',
  'diagram-ledger', 'diagram-ledger#api', 'diagram-ledger#audit', 'diagram-ledger#reconcile',
  'diagram-xss', 'diagram-xss#click',
];

/** The diagram webview's content frame: the nested iframe whose document holds our #app. */
function diagramFrame(page) {
  return webviewFrame(page, '#app .pb-viewport', 'the diagram webview frame', 30_000);
}

/** Waits until the webview has drawn a diagram with exactly these node ids. */
async function waitForNodes(frame, ids, what) {
  const want = [...ids].sort().join(' ');
  return until(async () => {
    const got = await frame.locator('svg g.pb-node').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-node-id')).sort().join(' '));
    return got === want ? got : undefined;
  }, `${what} (nodes ${want})`);
}

/** Switches between the light and the dark theme (the workbench's own command). */
async function toggleTheme(page) {
  // Keys pressed while the webview has focus stay in its iframe: focus the editor first.
  await page.locator('.editor-instance .view-lines').filter({ visible: true }).first().click();
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
}

/** Every status a node can show, as the core words them (src/core/model/status.ts STATUS_LABELS). */
const STATUS_WORDS = ['Done', 'Cancelled', 'Overdue', 'Blocked', 'Off track', 'At risk', 'On track', 'In progress', 'Not started', 'Proposed', 'No status', 'Not defined'];

/** The nodes outside the diagram's viewport (none when the drawing is fitted). */
async function nodesOutside(frame) {
  return frame.evaluate(() => {
    const viewport = document.querySelector('.pb-viewport').getBoundingClientRect();
    return [...document.querySelectorAll('svg g.pb-node')].filter((node) => {
      const box = node.getBoundingClientRect();
      return box.left < viewport.left - 0.5 || box.right > viewport.right + 0.5 || box.top < viewport.top - 0.5 || box.bottom > viewport.bottom + 0.5;
    }).map((node) => node.getAttribute('data-node-id'));
  });
}

/** The webview's width as a share of the editor area. */
async function panelShare(page, frame) {
  const webview = await (await frame.frameElement()).boundingBox();
  const editor = await page.locator('.part.editor').first().boundingBox();
  return webview.width / editor.width;
}

async function bodyTheme(frame) {
  return frame.locator('body').evaluate((body) => [...body.classList].find((c) => c.startsWith('vscode-')));
}

export default async ({ page, screenshotsDir, workspaceDir }) => {
  const dialogs = await recordDialogsAndViolations(page);
  const shot = (name) => page.screenshot({ path: path.join(screenshotsDir, `diagram-${name}.png`) });

  // 1. The command opens the panel beside the brief; the webview draws its neighbourhood.
  await openFile(page, 'diagram-checkout.md');
  await runCommand(page, 'Program Briefs: Show Dependency Diagram');
  let frame = await diagramFrame(page);
  await waitForNodes(frame, EXPECTED_NODES, 'the checkout diagram');
  if ((await frame.locator('svg').count()) !== 1) throw new Error('expected one SVG in the panel');
  const status = await frame.locator('.pb-status').innerText();
  if (!/10 nodes and \d+ dependencies/.test(status)) throw new Error(`status line: ${status}`);
  // Beside the brief, at a usable width; the first drawing fits the panel.
  const share = await panelShare(page, frame);
  if (share < 0.45) throw new Error(`the panel is a strip: ${(share * 100).toFixed(0)}% of the editor area`);
  await until(async () => (await nodesOutside(frame)).length === 0, 'every node inside the panel (fitted)')
    .catch(async (error) => { throw new Error(`${error.message}: outside ${(await nodesOutside(frame)).join(', ')}`); });
  // Each node says its status in words, not by colour alone.
  const nodeTexts = await frame.locator('svg g.pb-node').evaluateAll((groups) => groups.map((g) => [g.getAttribute('data-node-id'), g.querySelector('.nodeLabel')?.textContent ?? '']));
  const wordless = nodeTexts.filter(([, text]) => !STATUS_WORDS.some((word) => text.includes(word)));
  if (wordless.length > 0) throw new Error(`nodes without a status word: ${wordless.map(([id, text]) => `${id} (${text})`).join('; ')}`);
  // The status line reads in full.
  const line = await frame.locator('.pb-status').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  if (line.scroll > line.client) throw new Error(`the status line is cut off: scrollWidth ${line.scroll} > clientWidth ${line.client}`);
  const originalTheme = await bodyTheme(frame);

  // 2. Light, dark and high contrast (the themes' own names, as `workbench.colorTheme`).
  for (const [theme, name, bodyClass, kind] of [['Default Dark Modern', 'dark', 'vscode-dark', 'dark'], ['Default High Contrast', 'hc', 'vscode-high-contrast', 'high-contrast'], ['Default Light Modern', 'light', 'vscode-light', 'light']]) {
    await setColorTheme(page, theme);
    await until(async () => (await bodyTheme(frame)) === bodyClass, `the webview in ${theme}`);
    // Redrawn with the theme's colours (the webview marks #app with the theme it drew for).
    await until(async () => (await frame.locator('#app').getAttribute('data-theme')) === kind && (await frame.locator('#app[data-busy]').count()) === 0
      && (await frame.locator('svg g.pb-node').count()) === EXPECTED_NODES.length && (await nodesOutside(frame)).length === 0, `the diagram redrawn in ${theme}`);
    await shot(name);
  }
  if (originalTheme !== 'vscode-light') {
    await toggleTheme(page);
    await until(async () => (await bodyTheme(frame)) === originalTheme, 'the original theme back');
  }

  // 3. Click a node: its brief opens at its line, in the other group; the panel keeps its
  // width and the critical-path selection is left as it was.
  const pathSelect = frame.locator('select[aria-label="Highlight the critical path of"]');
  const selectionBefore = await pathSelect.inputValue();
  await frame.locator('g.pb-node[data-node-id="diagram-ledger#api"]').click();
  await page.locator('.tabs-container .tab', { hasText: 'diagram-ledger.md' }).first().waitFor();
  // The cursor is on the milestone's `id:` line: Monaco marks that line number as active.
  const ledgerLines = (await readFile(path.join(workspaceDir, 'diagram-ledger.md'), 'utf8')).split('\n');
  const apiLine = String(ledgerLines.findIndex((line) => line.includes('- id: api')) + 1);
  const editor = page.locator('.editor-instance').filter({ visible: true }).first();
  await until(async () => (await editor.locator('.line-numbers.active-line-number').first().innerText()).trim() === apiLine, `the cursor on line ${apiLine} of the ledger brief`);
  const after = await panelShare(page, frame);
  if (after < 0.45) throw new Error(`the click squeezed the panel to ${(after * 100).toFixed(0)}% of the editor area`);
  if ((await pathSelect.inputValue()) !== selectionBefore) throw new Error(`the click changed the critical-path selection to ${await pathSelect.inputValue()}`);
  if ((await frame.locator('g.pb-node.pb-selected').count()) !== 0) throw new Error('the click selected a node');

  // 4. The schedule on the nodes (docs/schedule.md): each milestone shows its forecast and
  // slack; the ledger's finish waits for the overdue migration, so it is at risk from upstream.
  const labelOf = async (id) => (await frame.locator(`g.pb-node[data-node-id="${id}"] .nodeLabel`).first().innerText()).replace(/\s+/g, ' ');
  await until(async () => (await labelOf('diagram-checkout#build')).includes('forecast 2026-05-01 · slack 45'), 'the forecast and slack on the build milestone');
  await until(async () => (await labelOf('diagram-ledger')).includes('\u26A0 At risk from upstream'), 'the ledger finish at risk from the overdue migration');
  if ((await frame.locator('g.pb-node.schedRisk').count()) < 1) throw new Error('the at-risk node should carry the schedRisk class (dashed outline)');
  // The remaining critical path: today nothing upstream bounds the build (the ledger API lands
  // 16 days before it, the design is done). Make the API slip past the build on disk: the build
  // slips with it, and its path runs through the API. The file is put back afterwards.
  const pathSelect2 = frame.locator('select[aria-label="Highlight the critical path of"]');
  await pathSelect2.selectOption('diagram-checkout#build');
  await until(async () => /^New checkout built \(forecast 2026-05-01, slack 45\): no open work upstream bounds it\.$/.test(await frame.locator('.pb-status').innerText()), 'the build with nothing upstream bounding it');
  const ledgerFile = path.join(workspaceDir, 'diagram-ledger.md');
  const ledgerText = await readFile(ledgerFile, 'utf8');
  try {
    await writeFile(ledgerFile, ledgerText.replace('due: 2026-04-15', 'due: 2026-05-10'));
    await until(async () => (await labelOf('diagram-checkout#build')).includes('forecast 2026-05-10 (+9 d) · slack 36'), 'the build slipping behind the API');
    await pathSelect2.selectOption('');
    await pathSelect2.selectOption('diagram-checkout#build');
    await until(async () => (await frame.locator('g.pb-node.pb-critical').count()) === 2, 'the remaining critical path of build');
    await until(async () => /Critical path of New checkout built \(forecast 2026-05-10, slack 36\): Ledger write API \(forecast 2026-05-10, slack 0\)/.test(await frame.locator('.pb-status').innerText()), 'the critical path with forecasts and slack in the status line');
    if ((await frame.locator('path.flowchart-link.pb-cycle').count()) !== 2) throw new Error('the ledger cycle should be drawn as two cycle edges');
    if ((await frame.locator('path.flowchart-link.pb-conflict').count()) < 1) throw new Error('the schedule conflict should be highlighted');
    await shot('critical-path');
  } finally {
    await writeFile(ledgerFile, ledgerText);
  }
  await until(async () => (await labelOf('diagram-checkout#build')).includes('forecast 2026-05-01 · slack 45'), 'the build back on its date');

  // 5. A brief whose titles carry HTML, a directive and click lines: shown as text, nothing runs.
  await page.locator('.editor-instance .view-lines').filter({ visible: true }).first().click();
  await openFile(page, 'diagram-xss.md');
  await runCommand(page, 'Program Briefs: Show Dependency Diagram');
  frame = await diagramFrame(page);
  await until(async () => (await frame.locator('svg g.pb-node[data-node-id="diagram-xss#click"]').count()) === 1, 'the hostile diagram');
  // Labels show the (escaped) titles as text, cut at 60 characters; the tooltip has them in full.
  const labels = (await frame.locator('svg .nodeLabel').allInnerTexts()).join('\n').replace(/\s+/g, ' ');
  for (const expected of ['<img src=x onerror="alert(document.title)"> %%{init: {"secu', 'click diagram-xss call alert(1)"] --> n0 <script>']) {
    if (!labels.includes(expected)) throw new Error(`the title should show as text: ${expected}\nshown: ${labels}`);
  }
  const tooltip = await frame.locator('g.pb-node[data-node-id="diagram-xss"] > title').textContent();
  if (!tooltip.includes('%%{init: {"securityLevel": "loose"}}%% Hostile title')) throw new Error(`tooltip: ${tooltip}`);
  const injected = await frame.locator('svg img, svg script, svg [onerror], svg [onclick]').count();
  if (injected !== 0) throw new Error(`${injected} injected elements in the SVG`);
  const violations = await frame.evaluate(() => window.__pbViolations ?? []);
  if (violations.length > 0) throw new Error(`CSP violations in the webview: ${violations.join('; ')}`);
  if (dialogs.length > 0) throw new Error(`dialogs opened: ${dialogs.join('; ')}`);
  await shot('hostile');

  // 6. After a window reload the panel is restored (serializer) and draws again.
  // "Developer: Reload Window" shuts the workbench down properly, so the open panel is saved
  // with the window's state before the page reloads (a bare page reload can race that save).
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 }),
    runCommand(page, 'Developer: Reload Window').catch(() => {}),
  ]);
  await waitForWorkbench(page);
  // The restored webview may be created more than once while the extension host starts again
  // (a frame found early can be detached later), so every poll looks through the live frames.
  await until(async () => {
    for (const candidate of page.frames()) {
      if (candidate.isDetached()) continue;
      const count = await candidate.locator('svg g.pb-node[data-node-id="diagram-xss#click"]').count().catch(() => 0);
      if (count === 1) return true;
    }
    return false;
  }, 'the restored diagram', 90_000);
  await shot('restored');
  if (dialogs.length > 0) throw new Error(`dialogs opened: ${dialogs.join('; ')}`);
};
