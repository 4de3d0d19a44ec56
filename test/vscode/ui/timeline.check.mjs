// The Timeline as a user sees it in real VS Code (code-server + Chromium): the button in a
// brief's editor title opens the panel; its webview (nested iframes, found with page.frames())
// draws a bar per dated milestone at the x positions its dates give (4 px a day at the default
// zoom, as the month ticks place the dates); the dependency arrows are there, red exactly where
// the edge is a schedule conflict (the ledger's audit is due after the checkout's launch, which
// waits for it); hostile titles show as text and run nothing (no dialog, no CSP violation, no
// <img>); a click on a bar opens its milestone's line; dragging the end of a bar changes the
// `due` in the file, and Undo restores it; a drag started before the line changed underneath
// writes nothing and says why. Light, dark and high-contrast themes.
// Screenshots: test-results/screenshots/timeline-light.png, timeline-dark.png, timeline-high-contrast.png.
// Waits only on conditions in the page and on disk.
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { geometry, openCheckout, setTheme, timelineFrame } from './timelineHelpers.mjs';
import { activeEditor, closeAllEditors, recordDialogsAndViolations, until } from './workbench.mjs';

const dayOf = (date) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

export default async ({ page, screenshotsDir, workspaceDir }) => {
  const dialogs = await recordDialogsAndViolations(page);
  const shot = (name) => page.screenshot({ path: path.join(screenshotsDir, `timeline-${name}.png`) });
  const checkoutFile = path.join(workspaceDir, 'diagram-checkout.md');
  const checkoutText = await readFile(checkoutFile, 'utf8');

  // 1. The button in the brief's editor title opens the timeline.
  await page.locator('.part.statusbar', { hasText: /12 programs/ }).waitFor({ timeout: 60_000 });
  await closeAllEditors(page);
  await openCheckout(page);
  await setTheme(page, 'Default Light Modern');
  await page.locator('.editor-group-container.active .editor-actions [aria-label="Show Timeline"]').first().click();
  const frame = await timelineFrame(page);
  await until(async () => (await frame.locator('#pb-timeline-chart .pb-bar').count()) === 17, '17 bars (every dated milestone of the workspace)');

  // 2. Bars at the x their dates give: 4 px a day (Months), placed as the month ticks place dates.
  const { ticks, bars } = await geometry(frame);
  const march = ticks['2026-03-01'];
  const april = ticks['2026-04-01'];
  if (march === undefined || april === undefined || april - march !== 31 * 4) throw new Error(`month ticks: March at ${march}, April at ${april}`);
  const xOf = (date) => march + (dayOf(date) - dayOf('2026-03-01')) * 4;
  for (const bar of bars) {
    const ok = bar.marker ? Math.abs(bar.cx - xOf(bar.due)) < 0.5 : Math.abs(bar.x - xOf(bar.start)) < 0.5 && Math.abs(bar.right - xOf(bar.due)) < 0.5;
    if (!ok) throw new Error(`bar ${bar.node ?? bar.key} (${bar.start} → ${bar.due}) drawn at ${bar.x}–${bar.right}, expected ${xOf(bar.start)}–${xOf(bar.due)}`);
  }
  // The dates are the brief's: the build runs from the design's due to its own (the file says so).
  const build = bars.find((bar) => bar.node === 'diagram-checkout#build');
  if (!build || build.start !== '2026-02-01' || build.due !== '2026-05-01') throw new Error(`the build bar: ${JSON.stringify(build)}`);
  const design = bars.find((bar) => bar.node === 'diagram-checkout#design');
  if (!design?.marker || design.due !== '2026-02-01') throw new Error(`the design (no start, first in its brief) is a marker: ${JSON.stringify(design)}`);

  // 3. Arrows, red exactly on the schedule conflicts.
  const keyOf = (node) => bars.find((bar) => bar.node === node)?.key;
  const arrows = await frame.locator('#pb-timeline-chart .pb-arrow').evaluateAll((paths) => paths.map((p) => ({ from: p.getAttribute('data-from'), to: p.getAttribute('data-to'), red: p.classList.contains('pb-arrow-red'), stroke: getComputedStyle(p).stroke })));
  const arrow = (from, to) => arrows.find((a) => a.from === keyOf(from) && a.to === keyOf(to));
  const conflict = arrow('diagram-ledger#audit', 'diagram-checkout#launch');
  const plain = arrow('diagram-checkout#build', 'diagram-checkout#launch');
  if (!conflict?.red) throw new Error(`the audit → launch arrow (a schedule conflict) is not red: ${JSON.stringify(conflict)}`);
  if (!plain || plain.red) throw new Error(`the build → launch arrow should be drawn, not red: ${JSON.stringify(plain)}`);
  if (conflict.stroke === plain.stroke) throw new Error('the red arrow has the plain arrow\'s colour');
  if (arrows.length !== 12) throw new Error(`${arrows.length} arrows, expected the 12 edges between dated milestones`);
  if (arrows.filter((a) => a.red).length !== 2) throw new Error(`red arrows: ${JSON.stringify(arrows.filter((a) => a.red))}`);

  // 4. Hostile titles are text; nothing ran.
  const labels = await frame.locator('#pb-timeline-chart .pb-group-label, #pb-timeline-chart .pb-label').allTextContents();
  // Cut to fit the label column; in full in the group's accessible name.
  if (!labels.some((text) => text.includes('<img src=x onerror'))) throw new Error(`the hostile title should show as text: ${labels.join(' | ')}`);
  const names = await frame.locator('#pb-timeline-chart .pb-group').evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label')));
  if (!names.some((name) => name.startsWith('<img src=x onerror="alert(document.title)"> %%{init: {"securityLevel": "loose"}}%% Hostile title'))) throw new Error(`accessible names: ${names.join(' | ')}`);
  const injected = await frame.locator('img, svg script, [onerror], [onclick], foreignObject').count();
  if (injected !== 0) throw new Error(`${injected} injected elements in the timeline`);
  await shot('light');

  // 5. A click on a bar opens the milestone's line.
  await frame.locator(`.pb-bar[data-node="diagram-ledger#api"] .pb-marker, .pb-bar[data-node="diagram-ledger#api"] .pb-plan`).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'diagram-ledger.md' }).first().waitFor();
  const ledgerLines = (await readFile(path.join(workspaceDir, 'diagram-ledger.md'), 'utf8')).split('\n');
  const apiLine = String(ledgerLines.findIndex((line) => line.includes('- id: api')) + 1);
  await until(async () => (await activeEditor(page).locator('.line-numbers.active-line-number').first().innerText()).trim() === apiLine, `the cursor on line ${apiLine} of the ledger brief`);

  // 6. Drag the end of the build's bar 7 days later (28 px): the file says 2026-05-08; Undo restores it.
  const dragDue = async (node, dx, { beforeRelease } = {}) => {
    const handle = frame.locator(`.pb-bar[data-node="${node}"] .pb-handle-due`);
    // Scrolled to the middle of the chart, clear of the label column that stays at the left.
    await handle.evaluate((element) => {
      const scroller = document.querySelector('.pb-scroll');
      scroller.scrollLeft = Math.max(0, Number(element.getAttribute('x')) - scroller.clientWidth / 2 - 140);
      const box = element.getBoundingClientRect();
      const frameBox = scroller.getBoundingClientRect();
      scroller.scrollTop += box.top - (frameBox.top + frameBox.height / 2);
    });
    const label = await frame.evaluate(() => document.querySelector('.pb-label-column').getBoundingClientRect().right);
    const box = await handle.boundingBox();
    if (box.x < label + 10) throw new Error(`the handle of ${node} is under the label column (${box.x} < ${label})`);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 2 + dx / 2, y, { steps: 3 });
    if (beforeRelease) await beforeRelease();
    await page.mouse.move(box.x + 2 + dx, y, { steps: 3 });
    await page.mouse.up();
  };
  await dragDue('diagram-checkout#build', 28);
  await until(async () => (await readFile(checkoutFile, 'utf8')) === checkoutText.replace('due: 2026-05-01', 'due: 2026-05-08'), 'the file with the build due 2026-05-08');
  await until(async () => (await frame.locator('.pb-bar[data-node="diagram-checkout#build"]').getAttribute('data-due')) === '2026-05-08', 'the bar redrawn at its new due');
  // The brief in an editor (its tab may have been a preview that the ledger replaced), its text focused: Undo there.
  const tab = page.locator('.tabs-container .tab', { hasText: 'diagram-checkout.md' }).first();
  if (await tab.count()) await tab.click();
  else await openCheckout(page);
  await page.locator('.editor-group-container.active .tab.active', { hasText: 'diagram-checkout.md' }).waitFor();
  await activeEditor(page).locator('.view-lines').click();
  await page.keyboard.press('Control+Z');
  await until(async () => (await activeEditor(page).locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').includes('due: 2026-05-01'), 'Undo puts the due date back in the editor');
  await page.keyboard.press('Control+S');
  await until(async () => (await readFile(checkoutFile, 'utf8')) === checkoutText, 'the file as it was, after Undo and Save');
  await until(async () => (await frame.locator('.pb-bar[data-node="diagram-checkout#build"]').getAttribute('data-due')) === '2026-05-01', 'the bar back at its due');

  // 7. A drag started before the line changed underneath writes nothing: while the pointer is
  // down the file gets another due date (the timeline redraws it), then the drag ends.
  const changed = checkoutText.replace('due: 2026-05-01', 'due: 2026-05-03');
  try {
    await dragDue('diagram-checkout#build', 40, {
      beforeRelease: async () => {
        await writeFile(checkoutFile, changed);
        await until(async () => (await frame.locator('.pb-bar[data-node="diagram-checkout#build"]').getAttribute('data-due')) === '2026-05-03', 'the timeline showing the date changed underneath');
      },
    });
    await page.locator('.notifications-toasts', { hasText: 'Nothing was changed: the `due` of milestone `build` is now 2026-05-03, not 2026-05-01.' }).first().waitFor({ timeout: 30_000 });
    const onDisk = await readFile(checkoutFile, 'utf8');
    if (onDisk !== changed) throw new Error(`the stale drag wrote to the file:\n${onDisk}`);
  } finally {
    await writeFile(checkoutFile, checkoutText);
  }
  await until(async () => (await frame.locator('.pb-bar[data-node="diagram-checkout#build"]').getAttribute('data-due')) === '2026-05-01', 'the bar back at its due');

  // 8. Dark theme: the chart follows it (and the light one is put back).
  await setTheme(page, 'Default Dark Modern');
  await until(async () => (await frame.locator('body').getAttribute('class'))?.includes('vscode-dark'), 'the webview in the dark theme');
  await until(async () => (await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)) !== 'rgb(255, 255, 255)', 'a dark background');
  await shot('dark');
  // High contrast: the webview gets VS Code's high-contrast class and colours; the status
  // strokes are the high-contrast palette's (src/webview/palette.ts).
  await setTheme(page, 'Default High Contrast');
  await until(async () => (await frame.locator('body').getAttribute('class'))?.split(/\s+/).includes('vscode-high-contrast'), 'the webview in the high-contrast theme');
  await until(async () => (await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)) === 'rgb(0, 0, 0)', 'the high-contrast black background');
  await shot('high-contrast');
  await setTheme(page, 'Default Light Modern');

  const violations = await frame.evaluate(() => window.__pbViolations ?? []);
  if (violations.length > 0) throw new Error(`CSP violations in the timeline webview: ${violations.join('; ')}`);
  if (dialogs.length > 0) throw new Error(`dialogs opened: ${dialogs.join('; ')}`);
};
