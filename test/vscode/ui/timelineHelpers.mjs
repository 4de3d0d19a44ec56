// Helpers shared by the Timeline's UI checks (timeline.check.mjs, timeline-filters.check.mjs):
// the webview's frame, the colour theme, the checkout brief, the bars' drawn geometry.
// Every wait is on a condition in the page.
import { activeEditor, openFile, setColorTheme, setViewExpanded, showProgramBriefs, webviewFrame } from './workbench.mjs';

/** The timeline webview's content frame: the nested iframe whose document holds the chart. */
export function timelineFrame(page) {
  return webviewFrame(page, '#pb-timeline-chart svg', 'the timeline webview frame');
}

/** Picks a colour theme by its name, focusing the active editor first (the timeline's panel may hold the focus). */
export function setTheme(page, name) {
  return setColorTheme(page, name, activeEditor(page).locator('.view-lines'));
}

/**
 * Opens the checkout brief and makes its tab the active one: with Quick Open, else (an editor an
 * earlier check left, restored while this runs, can take the quick input's Enter) from its row
 * in the Programs view, which opens the brief.
 */
export async function openCheckout(page) {
  try {
    await openFile(page, 'diagram-checkout.md');
    return;
  } catch {
    await page.keyboard.press('Escape');
  }
  await showProgramBriefs(page);
  await setViewExpanded(page, 'Programs', true);
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Checkout revamp' }).first().click();
  await page.locator('.editor-group-container.active .tab.active', { hasText: 'diagram-checkout.md' }).waitFor();
  await activeEditor(page).locator('.view-lines').waitFor();
}

/** Every bar's drawn geometry and dates, and the chart's month ticks. */
export async function geometry(frame) {
  return frame.evaluate(() => {
    const ticks = {};
    for (const line of document.querySelectorAll('#pb-timeline-chart line[data-day]')) ticks[line.getAttribute('data-day')] = Number(line.getAttribute('x1'));
    const bars = [...document.querySelectorAll('#pb-timeline-chart .pb-bar')].map((g) => {
      const shape = g.querySelector('.pb-plan') ?? g.querySelector('.pb-marker');
      const box = shape.getBBox();
      return { key: g.getAttribute('data-key'), node: g.getAttribute('data-node'), start: g.getAttribute('data-start'), due: g.getAttribute('data-due'), marker: shape.classList.contains('pb-marker'), x: box.x, right: box.x + box.width, cx: box.x + box.width / 2 };
    });
    return { ticks, bars };
  });
}
