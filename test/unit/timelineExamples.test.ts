/**
 * The timeline of the example workspace (examples/), drawn in Chromium: "what lands when, and
 * what is late because of what" at a glance. Every dated milestone has its bar, every late one
 * its hatched forecast, every edge its arrow, red exactly where the schedule says it is a
 * conflict or drives a slip; and a screenshot (test-results/screenshots/timeline-examples.png)
 * to look at.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTimeline } from '../../src/core/views/timeline';
import { effectiveToday } from '../../src/core/workspace/config';
import { loadWorkspace } from '../../src/host/workspaceFiles';
import { buildTimelineBundle, openTimelinePage, type TimelinePageHandle } from './timelinePage';

const ROOT = path.join(__dirname, '..', '..');
const SCREENSHOT = path.join(ROOT, 'test-results', 'screenshots', 'timeline-examples.png');

describe('timeline webview (Chromium): the example workspace', function () {
  this.timeout(120_000);
  let bundle: { file: string; dispose(): void };
  let view: TimelinePageHandle;

  after(async () => {
    await view?.close();
    bundle?.dispose();
  });

  it('shows every dated milestone, each late one with its forecast, and every dependency, red where it makes something late', async () => {
    const loaded = await loadWorkspace({ cwd: path.join(ROOT, 'examples'), paths: ['.'] });
    const model = buildTimeline(loaded.workspace, effectiveToday(loaded.config));
    const bars = model.rows.flatMap((row) => row.bars);
    const late = bars.filter((bar) => bar.forecast !== undefined);
    const red = model.arrows.filter((arrow) => arrow.conflict || arrow.drivesSlip);
    // The examples are written to show all of it: a program without a late milestone or a red
    // edge would make this test say nothing.
    assert.ok(bars.length >= 10 && late.length > 0 && red.length > 0, `${bars.length} bars, ${late.length} late, ${red.length} red arrows`);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    bundle = await buildTimelineBundle();
    view = await openTimelinePage({ bundleFile: bundle.file, viewport: { width: 1400, height: 900 } });
    await view.send({ type: 'model', seq: 1, model });
    await view.waitForPosted((m) => m.type === 'rendered' && m.seq === 1);
    await view.page.screenshot({ path: SCREENSHOT });
    // Only the rows near the visible part are drawn: scroll down the chart and collect what each
    // part draws (arrows with both ends off the drawn rows share a path, so an arrow is taken
    // from the part that draws it on its own).
    const drawn = { bars: new Map<string, boolean>(), arrows: new Map<string, boolean>() };
    for (let top = 0; ; ) {
      const part = await view.page.evaluate(`new Promise((resolve) => {
        const scroller = document.querySelector('.pb-scroll');
        scroller.scrollTop = ${top};
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({
          bars: [...document.querySelectorAll('.pb-bar')].map((g) => [g.getAttribute('data-key'), !!g.querySelector('.pb-forecast')]),
          arrows: [...document.querySelectorAll('.pb-arrow[data-from]')].map((p) => [p.getAttribute('data-from') + ' → ' + p.getAttribute('data-to'), p.classList.contains('pb-arrow-red')]),
          height: scroller.clientHeight, end: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1,
        })));
      })`) as { bars: [string, boolean][]; arrows: [string, boolean][]; height: number; end: boolean };
      for (const [key, forecast] of part.bars) drawn.bars.set(key, forecast);
      for (const [key, isRed] of part.arrows) drawn.arrows.set(key, isRed);
      if (part.end) break;
      top += Math.max(100, part.height - 100);
    }

    assert.deepEqual([...drawn.bars.keys()].sort(), bars.map((b) => b.key).sort(), 'a bar per dated milestone');
    assert.deepEqual([...drawn.bars].filter(([, forecast]) => forecast).map(([key]) => key).sort(), late.map((b) => b.key).sort(), 'the late ones with their forecast');
    assert.deepEqual([...drawn.arrows.keys()].sort(), model.arrows.map((a) => `${a.from} → ${a.to}`).sort(), 'an arrow per dependency between dated milestones');
    for (const arrow of model.arrows) assert.equal(drawn.arrows.get(`${arrow.from} → ${arrow.to}`), arrow.conflict || arrow.drivesSlip, `${arrow.from} → ${arrow.to} red`);
  });
});
