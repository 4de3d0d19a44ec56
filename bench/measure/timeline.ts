/**
 * The Timeline view (docs/benchmark.md, "Timeline"): a generated workspace of 200 programs × 10
 * milestones (seeded; each milestone after the first waits for the one before it, and one in
 * three also for a milestone of an earlier program), its model built in Node as the language
 * server does (src/core/views/timeline.ts), drawn by the real webview bundle on the real page
 * and policy in headless Chromium (test/unit/timelinePage.ts).
 *
 * - render: what the webview reports (layout and SVG from the message to the drawn chart), and
 *   model + render;
 * - frames while scrolling and zooming the 2,000 bars, measured in the page: for each frame, the
 *   time of the work the frame triggers (the scroll or zoom step and the layout it forces), and
 *   the interval between animation frames.
 *
 * Standalone: `npx tsx bench/measure/timeline.ts [--runs N]` prints the rows.
 */
import { existsSync } from 'node:fs';
import { buildTimeline } from '../../src/core/views/timeline';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { CHROMIUM } from '../../test/unit/diagramPage';
import { buildTimelineBundle, openTimelinePage, type TimelinePageHandle } from '../../test/unit/timelinePage';
import type { Measurement, Row } from './types';
import { fmt, median, percentile } from './util';
import { prng } from '../../test/support/prng';

const PROGRAMS = 200;
const MILESTONES = 10;
const TODAY = '2027-03-01';

function dateOf(day: number): string {
  return new Date(Date.UTC(2026, 6, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

export function timelineWorkspace(seed = 14): BriefWorkspace {
  const next = prng(seed);
  const workspace = new BriefWorkspace();
  const statuses = ['on-track', 'at-risk', 'done', 'in-progress', 'blocked', 'not-started'];
  for (let p = 0; p < PROGRAMS; p++) {
    const id = `program-${String(p).padStart(3, '0')}`;
    const lines = ['---', `program: ${id}`, `title: "Program ${p}"`, `owner: "@owner${p % 17}"`, `status: ${statuses[p % statuses.length]}`, `start: ${dateOf(Math.floor(next() * 60))}`];
    lines.push(`target: ${dateOf(400 + Math.floor(next() * 200))}`, 'milestones:');
    let day = Math.floor(next() * 90);
    for (let m = 0; m < MILESTONES; m++) {
      day += 7 + Math.floor(next() * 40);
      lines.push(`  - id: m${m}`, `    title: "Milestone ${m} of program ${p}"`, `    owner: "@owner${(p + m) % 23}"`, `    due: ${dateOf(day)}`);
      if (next() < 0.3) lines.push(`    status: ${statuses[Math.floor(next() * statuses.length)]}`);
      const depends: string[] = m > 0 ? [`m${m - 1}`] : [];
      if (p > 0 && next() < 0.33) depends.push(`program-${String(Math.floor(next() * p)).padStart(3, '0')}#m${Math.floor(next() * MILESTONES)}`);
      if (depends.length > 0) lines.push(`    depends_on: [${depends.join(', ')}]`);
    }
    lines.push('---', '');
    workspace.setText(`file:///bench/timeline/${id}.md`, lines.join('\n'));
  }
  return workspace;
}

let seq = 0;

async function render(ui: TimelinePageHandle, model: ReturnType<typeof buildTimeline>): Promise<{ ms: number; wallMs: number }> {
  const current = ++seq;
  const started = performance.now();
  await ui.send({ type: 'model', seq: current, model });
  const report = await ui.waitForPosted((m) => m.type === 'rendered' && m.seq === current, 120_000);
  return { ms: report.type === 'rendered' ? report.ms : Number.NaN, wallMs: performance.now() - started };
}

/** In the page: per frame, run `step`, force layout, and record the work's time and the frame interval. */
const FRAMES_SCRIPT = (kind: 'scroll' | 'zoom', frames: number) => `new Promise((resolve) => {
  const scroller = document.querySelector('.pb-scroll');
  const zoom = document.querySelector('select[name="zoom"]');
  const zooms = ['weeks', 'months', 'quarters', 'months'];
  const work = [];
  const intervals = [];
  let last = 0;
  let i = 0;
  const tick = (now) => {
    if (last) intervals.push(now - last);
    last = now;
    if (i >= ${frames}) { resolve({ work, intervals }); return; }
    const started = performance.now();
    if (${JSON.stringify(kind)} === 'scroll') {
      scroller.scrollTop += 120;
      scroller.scrollLeft += (i % 2 ? -40 : 60);
    } else {
      zoom.value = zooms[i % zooms.length];
      zoom.dispatchEvent(new Event('change'));
    }
    document.querySelector('#pb-timeline-chart').getBoundingClientRect();
    void scroller.scrollHeight;
    work.push(performance.now() - started);
    i++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

export async function measureTimeline(options: { runs: number; log(message: string): void }): Promise<Row[]> {
  const { runs, log } = options;
  const workspace = timelineWorkspace();
  const modelSamples: number[] = [];
  let model: ReturnType<typeof buildTimeline> | undefined;
  for (let i = 0; i <= runs; i++) {
    // A fresh workspace object each time would re-parse; the model over the same (already
    // scheduled) workspace is what the server answers after an edit elsewhere.
    const started = performance.now();
    model = buildTimeline(workspace, TODAY);
    modelSamples.push(performance.now() - started);
  }
  const rows: Row[] = [
    { id: 'timeline.bars', label: `${PROGRAMS} programs × ${MILESTONES} milestones: bars / arrows`, value: model!.bars, unit: 'count', note: `${model!.arrows.length} arrows, ${model!.arrows.filter((a) => a.conflict || a.drivesSlip).length} red` },
    { id: 'timeline.modelMs', label: 'timeline model (Node), warm', value: median(modelSamples.slice(1)), unit: 'ms', note: `cold ${fmt(modelSamples[0], 1)} ms` },
  ];
  if (!existsSync(CHROMIUM)) {
    rows.push({ id: 'timeline.totalMs', label: 'model + render in Chromium', unit: 'ms', target: { max: 1500 }, note: `no Chromium at ${CHROMIUM}` });
    return rows;
  }
  const bundle = await buildTimelineBundle();
  const ui = await openTimelinePage({ bundleFile: bundle.file, viewport: { width: 1400, height: 900 } });
  try {
    const samples: { ms: number; wallMs: number }[] = [];
    for (let i = 0; i <= runs; i++) samples.push(await render(ui, model!));
    const warm = samples.slice(1);
    log(`  timeline render: cold ${fmt(samples[0].ms, 0)} ms, warm ${warm.map((s) => fmt(s.ms, 0)).join(', ')} ms`);
    const renderMs = median(warm.map((s) => s.ms));
    rows.push(
      { id: 'timeline.renderMs', label: '2,000 bars: render in Chromium (webview), warm', value: renderMs, unit: 'ms', note: `cold ${fmt(samples[0].ms, 0)} ms; message to drawn, wall ${fmt(median(warm.map((s) => s.wallMs)), 0)} ms` },
      { id: 'timeline.totalMs', label: '2,000 bars: model + render, warm', value: median(modelSamples.slice(1)) + renderMs, unit: 'ms', target: { max: 1500 } },
    );
    for (const kind of ['scroll', 'zoom'] as const) {
      const frames = kind === 'scroll' ? 120 : 24;
      const result = await ui.page.evaluate(FRAMES_SCRIPT(kind, frames)) as { work: number[]; intervals: number[] };
      log(`  timeline ${kind}: work p95 ${fmt(percentile(result.work, 95), 1)} ms, max ${fmt(Math.max(...result.work), 1)} ms; frame interval p95 ${fmt(percentile(result.intervals, 95), 1)} ms`);
      rows.push(
        { id: `timeline.${kind}.frameWorkP95Ms`, label: `2,000 bars: ${kind}, work per frame (p95 of ${frames})`, value: percentile(result.work, 95), unit: 'ms', target: { max: 16 }, note: `max ${fmt(Math.max(...result.work), 1)} ms` },
        { id: `timeline.${kind}.frameIntervalP95Ms`, label: `2,000 bars: ${kind}, frame interval (p95)`, value: percentile(result.intervals, 95), unit: 'ms', note: `median ${fmt(median(result.intervals), 1)} ms (headless Chromium paces frames itself)` },
      );
    }
  } finally {
    await ui.close();
    bundle.dispose();
  }
  return rows;
}

export const timeline: Measurement = {
  id: 'timeline',
  title: 'Timeline: 200 programs × 10 milestones, model in Node + drawing, scrolling and zooming in headless Chromium',
  run: (context) => measureTimeline({ runs: context.runs, log: context.log }),
};

if (require.main === module) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  measureTimeline({ runs: runsAt >= 0 ? Number(args[runsAt + 1]) : 3, log: (message) => console.error(message) })
    .then((rows) => console.log(JSON.stringify(rows, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
