/**
 * The Timeline webview in headless Chromium (the real page and policy, the real bundle; the host
 * played by the test): bars at the x positions their dates give, red arrows exactly where the
 * model says the edge is in conflict or drives a slip, hostile titles shown as text, no policy
 * violation, keyboard navigation, filters, and a drag that asks for a date change.
 * Screenshots (light, dark) go to test-results/timeline/ to be looked at.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTimeline } from '../../src/core/views/timeline';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { parseTimelineMessage, type TimelineModelWire } from '../../src/webview/timeline/protocol';
import { timelinePolicy } from '../../src/extension/timeline/html';
import { buildTimelineBundle, openTimelinePage, type TimelinePageHandle } from './timelinePage';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'timeline', 'chain', 'programs');
const SHOTS = path.join(__dirname, '..', '..', 'test-results', 'timeline');
const HOSTILE_TITLE = '<img src=x onerror=alert(1)> </svg><script>alert(2)</script>';
const TODAY = '2027-03-10';

function fixtureModel(): TimelineModelWire {
  const workspace = new BriefWorkspace();
  for (const file of fs.readdirSync(FIXTURE).sort()) workspace.setText(`file:///ws/programs/${file}`, fs.readFileSync(path.join(FIXTURE, file), 'utf8'));
  workspace.setText('file:///ws/programs/zz-hostile.md', `---\nprogram: zz-hostile\ntitle: "${HOSTILE_TITLE.replace(/"/g, '\\"')}"\nowner: "@eve"\nmilestones:\n  - id: evil\n    title: "${HOSTILE_TITLE.replace(/"/g, '\\"')}"\n    owner: "@eve"\n    due: 2027-03-15\n---\n`);
  return buildTimeline(workspace, TODAY);
}

/** Polls (the page's policy forbids the eval that waitForFunction uses). */
async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

describe('timeline webview (Chromium)', function () {
  this.timeout(120_000);
  let bundle: { file: string; dispose(): void };
  let view: TimelinePageHandle;
  const model = fixtureModel();

  const barsShown = (count: number) => waitFor(async () => (await view.page.evaluate(`document.querySelectorAll('.pb-bar').length`)) === count, `${count} bars`);

  before(async () => {
    bundle = await buildTimelineBundle();
    view = await openTimelinePage({ bundleFile: bundle.file });
    await view.send({ type: 'model', seq: 1, model });
    await view.waitForPosted((m) => m.type === 'rendered' && m.seq === 1);
  });
  after(async () => {
    await view?.close();
    bundle?.dispose();
  });

  it('has a strict policy and raises no violation or page error', async () => {
    assert.equal(timelinePolicy('n'), "default-src 'none'; script-src 'nonce-n'; style-src 'nonce-n'");
    assert.deepEqual(await view.violations(), []);
    assert.deepEqual(view.errors, []);
  });

  it('draws each bar from its start to its due at 4 px a day (months), as the month ticks place the dates', async () => {
    const geometry = await view.page.evaluate(`(() => {
      const ticks = {};
      for (const line of document.querySelectorAll('#pb-timeline-chart line[data-day]')) ticks[line.getAttribute('data-day')] = Number(line.getAttribute('x1'));
      const bars = [...document.querySelectorAll('.pb-bar')].map((g) => {
        const plan = g.querySelector('.pb-plan');
        const marker = g.querySelector('.pb-marker');
        const box = (plan || marker).getBBox();
        const forecast = g.querySelector('.pb-forecast');
        return { key: g.getAttribute('data-key'), marker: !!marker, x: box.x, right: box.x + box.width, cx: box.x + box.width / 2, forecastRight: forecast ? forecast.getBBox().x + forecast.getBBox().width : null };
      });
      const today = Number(document.querySelector('#pb-timeline-chart .pb-today').getAttribute('x1'));
      return { ticks, bars, today };
    })()`) as { ticks: Record<string, number>; bars: { key: string; marker: boolean; x: number; right: number; cx: number; forecastRight: number | null }[]; today: number };
    const march = geometry.ticks['2027-03-01'];
    const april = geometry.ticks['2027-04-01'];
    assert.ok(march !== undefined && april !== undefined, JSON.stringify(geometry.ticks));
    assert.equal(april - march, 31 * 4, 'a month of 31 days is 124 px');
    const xOf = (date: string) => march + (dayOf(date) - dayOf('2027-03-01')) * 4;
    const all = model.rows.flatMap((row) => row.bars);
    assert.equal(geometry.bars.length, all.length);
    for (const bar of all) {
      const drawn = geometry.bars.find((b) => b.key === bar.key)!;
      assert.ok(drawn, bar.key);
      if (bar.start === bar.due) {
        assert.ok(drawn.marker, `${bar.key} is a marker`);
        assert.ok(Math.abs(drawn.cx - xOf(bar.due)) < 0.5, `${bar.key} marker at ${bar.due}`);
      } else {
        assert.ok(Math.abs(drawn.x - xOf(bar.start)) < 0.5, `${bar.key} starts at ${bar.start}: ${drawn.x} vs ${xOf(bar.start)}`);
        assert.ok(Math.abs(drawn.right - xOf(bar.due)) < 0.5, `${bar.key} ends at ${bar.due}`);
      }
      if (bar.forecast) assert.ok(Math.abs(drawn.forecastRight! - xOf(bar.forecast)) < 0.5, `${bar.key} forecast extension to ${bar.forecast}`);
      else assert.equal(drawn.forecastRight, null);
    }
    assert.ok(Math.abs(geometry.today - xOf(TODAY)) < 0.5, 'the today line');
  });

  it('draws every arrow, red (and thicker) exactly where the edge is in conflict or drives a slip', async () => {
    const arrows = await view.page.evaluate(`[...document.querySelectorAll('.pb-arrow')].map((p) => ({ from: p.getAttribute('data-from'), to: p.getAttribute('data-to'), red: p.classList.contains('pb-arrow-red'), stroke: getComputedStyle(p).stroke, width: getComputedStyle(p).strokeWidth }))`) as { from: string; to: string; red: boolean; stroke: string; width: string }[];
    assert.equal(arrows.length, model.arrows.length);
    for (const arrow of model.arrows) {
      const drawn = arrows.find((a) => a.from === arrow.from && a.to === arrow.to);
      assert.ok(drawn, `${arrow.from} → ${arrow.to}`);
      assert.equal(drawn.red, arrow.conflict || arrow.drivesSlip, `${arrow.from} → ${arrow.to}`);
    }
    const red = arrows.filter((a) => a.red);
    const plain = arrows.filter((a) => !a.red);
    assert.equal(red.length, 3);
    assert.ok(plain.length > 0);
    assert.ok(red.every((a) => a.stroke === red[0].stroke && a.stroke !== plain[0].stroke), 'red arrows have their own colour');
    assert.ok(parseFloat(red[0].width) > parseFloat(plain[0].width), 'and are thicker (not colour alone)');
  });

  it('shows hostile titles as text: no element, no script ran', async () => {
    const result = await view.page.evaluate(`({ imgs: document.querySelectorAll('img, script:not([src]), foreignObject').length, alerts: window.__alerts, texts: [...document.querySelectorAll('.pb-label, .pb-group-label')].map((t) => t.textContent), labels: [...document.querySelectorAll('.pb-bar')].map((g) => g.getAttribute('aria-label')) })`) as { imgs: number; alerts: number; texts: string[]; labels: string[] };
    assert.equal(result.imgs, 0);
    assert.equal(result.alerts, 0);
    assert.ok(result.texts.some((t) => t.includes('<img src=x onerror=alert(1)>')), JSON.stringify(result.texts));
    assert.ok(result.labels.some((t) => t.startsWith('<img src=x onerror=alert(1)>')));
    assert.deepEqual(await view.violations(), []);
  });

  it('labels bars for screen readers and moves between them with the arrow keys; Enter opens', async () => {
    const first = model.rows[0].bars[0];
    await view.page.focus('.pb-group[tabindex="0"]');
    await view.page.keyboard.press('ArrowDown');
    const focused = await view.page.evaluate(`document.activeElement.getAttribute('data-key')`);
    assert.equal(focused, first.key);
    const label = await view.page.evaluate(`document.activeElement.getAttribute('aria-label')`) as string;
    assert.match(label, /API v2 live, program api, 2027-02-01 to 2027-03-05, forecast 2027-04-10, 36 days late, Overdue/);
    const tooltip = await view.page.evaluate(`document.getElementById('pb-timeline-tooltip').textContent`) as string;
    assert.match(tooltip, /Planned: 2027-02-01 → 2027-03-05/);
    assert.match(tooltip, /Forecast: 2027-04-10 \(36 days late\)/);
    await view.page.keyboard.press('Enter');
    await view.waitForPosted((m) => m.type === 'open' && m.key === first.key, 5000);
  });

  it('collapses a program with the keyboard and filters by text', async () => {
    await view.page.focus('.pb-group[data-group="program:api"]');
    await view.page.keyboard.press('ArrowLeft');
    assert.equal(await view.page.evaluate(`document.querySelector('.pb-group[data-group="program:api"]').getAttribute('aria-expanded')`), 'false');
    assert.equal(await view.page.evaluate(`document.querySelectorAll('.pb-bar').length`), 8 - 1);
    await view.page.keyboard.press('ArrowRight');
    // The program's title matches ("Web cutover"): its four milestones.
    await view.page.fill('input[name="text"]', 'cutover');
    await barsShown(4);
    await view.page.fill('input[name="text"]', 'racked');
    await barsShown(1);
    await view.page.fill('input[name="text"]', '');
    await barsShown(8);
  });

  it('a drag of a bar\'s end asks for the new due date; a due before the start is not offered', async () => {
    const cutover = model.rows.find((r) => r.program === 'web')!.bars.find((b) => b.milestone === 'cutover')!;
    const handle = await view.page.$(`.pb-bar[data-key="${cutover.key}"] .pb-handle-due`);
    const box = (await handle!.boundingBox())!;
    await view.page.mouse.move(box.x + 2, box.y + box.height / 2);
    await view.page.mouse.down();
    await view.page.mouse.move(box.x + 2 + 14, box.y + box.height / 2, { steps: 3 });
    await view.page.mouse.move(box.x + 2 + 28, box.y + box.height / 2, { steps: 3 });
    await view.page.mouse.up();
    const posted = await view.waitForPosted((m) => m.type === 'setDate', 5000);
    assert.deepEqual(posted, { type: 'setDate', key: cutover.key, field: 'due', from: '2027-03-20', to: '2027-03-27' });
    // Dragged far to the left: held at the start (2027-03-01), never before it.
    const again = (await handle!.boundingBox())!;
    await view.page.mouse.move(again.x + 2, again.y + again.height / 2);
    await view.page.mouse.down();
    await view.page.mouse.move(again.x - 200, again.y + again.height / 2, { steps: 4 });
    await view.page.mouse.up();
    const all = (await view.posted()).filter((m) => m.type === 'setDate');
    assert.deepEqual(all[all.length - 1], { type: 'setDate', key: cutover.key, field: 'due', from: '2027-03-20', to: '2027-03-01' });
  });

  it('exports one SVG of every row with the date and a legend, colours written in, nothing to run', async () => {
    await view.send({ type: 'model', seq: 2, model });
    await view.waitForPosted((m) => m.type === 'rendered' && m.seq === 2);
    await view.page.click('button[name="exportSvg"]');
    const posted = await view.waitForPosted((m) => m.type === 'exportSvg', 5000);
    const svg = posted.type === 'exportSvg' ? posted.svg : '';
    assert.ok(parseTimelineMessage(posted), 'the host accepts it');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes(`Program timeline on ${TODAY}`));
    assert.ok(svg.includes('>Legend<') && svg.includes('Forecast past the due date (hatched)') && svg.includes(`Today (${TODAY})`));
    assert.equal((svg.match(/class="pb-bar /g) ?? []).length, 8, 'every bar');
    // Parsed as the SVG file it is: no element but SVG's drawing ones, no event attribute.
    const parsed = await view.page.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
      const all = [...doc.querySelectorAll('*')];
      return { error: doc.querySelector('parsererror') !== null, names: [...new Set(all.map((e) => e.localName))].sort(), handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || /^(href|xlink:href|src)$/i.test(a.name)).map((a) => a.name)) };
    })()`) as { error: boolean; names: string[]; handlers: string[] };
    assert.equal(parsed.error, false);
    assert.deepEqual(parsed.names.filter((n) => !['svg', 'g', 'defs', 'pattern', 'marker', 'rect', 'path', 'line', 'text'].includes(n)), [], 'only drawing elements');
    assert.deepEqual(parsed.handlers, [], 'no event handler or link attribute');
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the hostile title as escaped text');
    assert.ok(!/tabindex=/.test(svg) && !/ style=/.test(svg));
    assert.match(svg, /class="pb-arrow pb-arrow-red"[^>]* stroke="rgb\(/, 'the red arrow keeps its colour as an attribute');
  });

  it('draws the baseline dates as ghost bars ("compare with…")', async () => {
    const cutover = model.rows.find((r) => r.program === 'web')!.bars.find((b) => b.milestone === 'cutover')!;
    await view.send({ type: 'model', seq: 3, model, baseline: { label: 'main (abc, 2027-01-05)', bars: { [cutover.key]: { start: '2027-02-15', due: '2027-03-10' } } } });
    await view.waitForPosted((m) => m.type === 'rendered' && m.seq === 3);
    const ghosts = await view.page.evaluate(`[...document.querySelectorAll('.pb-ghost')].map((r) => ({ key: r.closest('.pb-bar').getAttribute('data-key'), x: r.getBBox().x, right: r.getBBox().x + r.getBBox().width }))`) as { key: string; x: number; right: number }[];
    assert.equal(ghosts.length, 1);
    const ticks = await view.page.evaluate(`Object.fromEntries([...document.querySelectorAll('#pb-timeline-chart line[data-day]')].map((l) => [l.getAttribute('data-day'), Number(l.getAttribute('x1'))]))`) as Record<string, number>;
    const xOf = (date: string) => ticks['2027-03-01'] + (dayOf(date) - dayOf('2027-03-01')) * 4;
    assert.equal(ghosts[0].key, cutover.key);
    assert.ok(Math.abs(ghosts[0].x - xOf('2027-02-15')) < 0.5 && Math.abs(ghosts[0].right - xOf('2027-03-10')) < 0.5, JSON.stringify(ghosts[0]));
    assert.match(await view.page.evaluate(`document.querySelector('.pb-summary').textContent`) as string, /compared with main \(abc, 2027-01-05\)/);
    await view.send({ type: 'model', seq: 4, model });
    await view.waitForPosted((m) => m.type === 'rendered' && m.seq === 4);
  });

  it('a zoom step moves the drawn elements to the new scale (bars, forecasts, ghosts, arrows, targets, today) and keeps them', async () => {
    const cutover = model.rows.find((r) => r.program === 'web')!.bars.find((b) => b.milestone === 'cutover')!;
    await view.send({ type: 'model', seq: 5, model, baseline: { label: 'main (abc, 2027-01-05)', bars: { [cutover.key]: { start: '2027-02-15', due: '2027-03-10' } } } });
    await view.waitForPosted((m) => m.type === 'rendered' && m.seq === 5);
    // Every position attribute of the chart, and the month ticks; each bar's group marked, to see it kept.
    const snapshot = () => view.page.evaluate(`(() => {
      const ticks = {};
      for (const line of document.querySelectorAll('#pb-timeline-chart line[data-day]')) ticks[line.getAttribute('data-day')] = Number(line.getAttribute('x1'));
      const positions = [...document.querySelectorAll('#pb-timeline-chart svg *')].map((e) => ['x', 'x1', 'width', 'd', 'transform'].map((a) => e.getAttribute(a)).join('|'));
      const bars = [...document.querySelectorAll('.pb-bar')].map((g) => {
        const box = (g.querySelector('.pb-plan') || g.querySelector('.pb-marker')).getBBox();
        const ghost = g.querySelector('.pb-ghost');
        const forecast = g.querySelector('.pb-forecast');
        return { key: g.getAttribute('data-key'), kept: g.__mark === 1, x: box.x, right: box.x + box.width, cx: box.x + box.width / 2,
          ghost: ghost ? [ghost.getBBox().x, ghost.getBBox().x + ghost.getBBox().width] : null, forecastRight: forecast ? forecast.getBBox().x + forecast.getBBox().width : null };
      });
      for (const g of document.querySelectorAll('.pb-bar')) g.__mark = 1;
      const arrows = [...document.querySelectorAll('.pb-arrow')].map((p) => ({ from: p.getAttribute('data-from'), to: p.getAttribute('data-to'), start: p.getPointAtLength(0).x, end: p.getPointAtLength(p.getTotalLength()).x }));
      const targets = [...document.querySelectorAll('.pb-target')].map((t) => ({ date: t.getAttribute('data-date'), cx: t.getBBox().x + t.getBBox().width / 2 }));
      const today = Number(document.querySelector('#pb-timeline-chart .pb-today').getAttribute('x1'));
      return { ticks, positions, bars, arrows, targets, today };
    })()`) as Promise<{ ticks: Record<string, number>; positions: string[]; bars: { key: string; kept: boolean; x: number; right: number; cx: number; ghost: number[] | null; forecastRight: number | null }[]; arrows: { from: string; to: string; start: number; end: number }[]; targets: { date: string; cx: number }[]; today: number }>;
    const zoomTo = async (zoom: string) => {
      const before = (await view.posted()).filter((m) => m.type === 'rendered').length;
      await view.page.selectOption('select[name="zoom"]', zoom);
      await waitFor(async () => (await view.posted()).filter((m) => m.type === 'rendered').length > before, `the ${zoom} zoom drawn`);
    };
    const all = model.rows.flatMap((row) => row.bars);
    const check = (shot: Awaited<ReturnType<typeof snapshot>>, pxPerDay: number, kept: boolean) => {
      const xOf = (date: string) => shot.ticks['2027-03-01'] + (dayOf(date) - dayOf('2027-03-01')) * pxPerDay;
      assert.ok(Math.abs(shot.ticks['2027-04-01'] - shot.ticks['2027-03-01'] - 31 * pxPerDay) < 0.01, `${pxPerDay} px a day: ${JSON.stringify(shot.ticks)}`);
      assert.equal(shot.bars.length, all.length);
      for (const bar of all) {
        const drawn = shot.bars.find((b) => b.key === bar.key)!;
        assert.equal(drawn.kept, kept, `${bar.key} ${kept ? 'kept' : 'new'}`);
        if (bar.start === bar.due) assert.ok(Math.abs(drawn.cx - xOf(bar.due)) < 0.5, `${bar.key} marker at ${bar.due}`);
        else assert.ok(Math.abs(drawn.x - xOf(bar.start)) < 0.5 && Math.abs(drawn.right - xOf(bar.due)) < 0.5, `${bar.key} ${bar.start} → ${bar.due} at ${pxPerDay} px a day: ${drawn.x}–${drawn.right}`);
        if (bar.forecast) assert.ok(Math.abs(drawn.forecastRight! - xOf(bar.forecast)) < 0.5, `${bar.key} forecast to ${bar.forecast}`);
        if (bar.key === cutover.key) assert.ok(drawn.ghost && Math.abs(drawn.ghost[0] - xOf('2027-02-15')) < 0.5 && Math.abs(drawn.ghost[1] - xOf('2027-03-10')) < 0.5, `the ghost at ${pxPerDay} px a day: ${JSON.stringify(drawn.ghost)}`);
      }
      assert.equal(shot.arrows.length, model.arrows.length);
      for (const arrow of shot.arrows) {
        const from = all.find((b) => b.key === arrow.from)!;
        const to = all.find((b) => b.key === arrow.to)!;
        assert.ok(Math.abs(arrow.start - xOf(from.due)) < 0.5 && Math.abs(arrow.end - xOf(to.start)) < 0.5, `arrow ${arrow.from} → ${arrow.to} at ${pxPerDay} px a day`);
      }
      assert.ok(shot.targets.length > 0);
      for (const target of shot.targets) assert.ok(Math.abs(target.cx - xOf(target.date)) < 0.5, `target ${target.date}`);
      assert.ok(Math.abs(shot.today - xOf(TODAY)) < 0.5, 'the today line');
    };
    const months = await snapshot();
    check(months, 4, false);
    await zoomTo('weeks');
    check(await snapshot(), 12, true);
    await zoomTo('quarters');
    check(await snapshot(), 1.5, true);
    await zoomTo('months');
    const back = await snapshot();
    check(back, 4, true);
    // Moved back, every position is what the first drawing at this zoom had.
    assert.deepEqual(back.positions, months.positions);
    await view.send({ type: 'model', seq: 9, model });
    await view.waitForPosted((m) => m.type === 'rendered' && m.seq === 9);
  });

  it('a tall chart: an arrow with an end drawn is its own labelled path; one only passing through the band is in the shared path of its colour', async () => {
    // 60 programs; the first milestone of each waits for the first program's last one (a long
    // arrow from the top, due 2027-03-15), and every fifth is due before it (a schedule conflict: red).
    const workspace = new BriefWorkspace();
    for (let p = 0; p < 60; p++) {
      const id = `tall-${String(p).padStart(2, '0')}`;
      const lines = ['---', `program: ${id}`, `title: "Tall ${p}"`, 'milestones:'];
      for (let m = 0; m < 3; m++) {
        const due = p === 0 ? `2027-0${m + 1}-15` : m === 0 && p % 5 === 0 ? '2027-03-01' : `2027-0${m + 4}-15`;
        lines.push(`  - id: m${m}`, `    title: "Milestone ${m} of ${p}"`, `    due: ${due}`);
        if (p > 0 && m === 0) lines.push('    depends_on: [tall-00#m2]');
      }
      lines.push('---', '');
      workspace.setText(`file:///ws/tall/${id}.md`, lines.join('\n'));
    }
    const tall = buildTimeline(workspace, TODAY);
    assert.equal(tall.arrows.length, 59);
    const page = await openTimelinePage({ bundleFile: bundle.file, browser: view.browser });
    try {
      await page.send({ type: 'model', seq: 1, model: tall });
      await page.waitForPosted((m) => m.type === 'rendered');
      await page.page.evaluate(`document.querySelector('.pb-scroll').scrollTop = 2500`);
      // The band follows the scroll within a frame.
      await waitFor(async () => (await page.page.evaluate(`!!document.querySelector('.pb-bar[data-key$="tall-30.md#0"]')`)) as boolean, 'the rows around program 30 drawn');
      const read = () => page.page.evaluate(`(() => ({
        drawn: [...document.querySelectorAll('.pb-bar')].map((g) => g.getAttribute('data-key')),
        arrows: [...document.querySelectorAll('.pb-arrow')].map((p) => ({ from: p.getAttribute('data-from'), to: p.getAttribute('data-to'), red: p.classList.contains('pb-arrow-red'), label: p.getAttribute('aria-label') })),
        through: [...document.querySelectorAll('.pb-arrow-through')].map((p) => ({ red: p.classList.contains('pb-arrow-through-red'), count: Number(p.getAttribute('data-count')), d: p.getAttribute('d'), hidden: p.getAttribute('aria-hidden'), stroke: getComputedStyle(p).stroke, marker: p.getAttribute('marker-end') })),
      }))()`) as Promise<{ drawn: string[]; arrows: { from: string; to: string; red: boolean; label: string }[]; through: { red: boolean; count: number; d: string; hidden: string; stroke: string; marker: string | null }[] }>;
      const shown = await read();
      const drawn = new Set(shown.drawn);
      const programIndex = (key: string) => Number(/tall-(\d+)\.md/.exec(key)![1]);
      const lastDrawn = Math.max(...shown.drawn.map(programIndex));
      assert.ok(lastDrawn < 59 && !drawn.has(tall.rows[0].bars[2].key), `the band is in the middle: programs drawn up to ${lastDrawn}`);
      // Each arrow with an end drawn: its own path, labelled, red as the model says.
      const withEnd = tall.arrows.filter((a) => drawn.has(a.from) || drawn.has(a.to));
      assert.equal(shown.arrows.length, withEnd.length);
      for (const arrow of withEnd) {
        const path = shown.arrows.find((a) => a.from === arrow.from && a.to === arrow.to);
        assert.ok(path && path.label.length > 0, `${arrow.from} → ${arrow.to}`);
        assert.equal(path.red, arrow.conflict || arrow.drivesSlip);
      }
      // The long arrows from the top to the programs below the band: in the shared paths, by colour.
      const passing = tall.arrows.filter((a) => !drawn.has(a.from) && !drawn.has(a.to) && programIndex(a.from) === 0 && programIndex(a.to) > lastDrawn);
      assert.ok(passing.length > 5);
      const redPassing = passing.filter((a) => a.conflict || a.drivesSlip).length;
      assert.ok(redPassing > 0 && redPassing < passing.length, `${redPassing} of ${passing.length} red`);
      assert.deepEqual(shown.through.map((t) => [t.red, t.count]).sort(), [[false, passing.length - redPassing], [true, redPassing]].sort());
      for (const through of shown.through) {
        assert.equal((through.d.match(/M/g) ?? []).length, through.count, 'one subpath per arrow');
        assert.equal(through.hidden, 'true');
        assert.equal(through.marker, null, 'no head: it is off the band');
      }
      const plainStroke = shown.through.find((t) => !t.red)!.stroke;
      assert.notEqual(shown.through.find((t) => t.red)!.stroke, plainStroke, 'the red ones are red');
      // A zoom moves them with the rest, and back at months they are where they were.
      await page.page.selectOption('select[name="zoom"]', 'weeks');
      await waitFor(async () => (await read()).through[0].d !== shown.through[0].d, 'the shared paths moved');
      await page.page.selectOption('select[name="zoom"]', 'months');
      await waitFor(async () => JSON.stringify((await read()).through) === JSON.stringify(shown.through), 'the shared paths back where they were');
      assert.deepEqual(await page.violations(), []);
    } finally {
      await page.close();
    }
  });

  it('screenshots in light and dark (test-results/timeline)', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await view.page.screenshot({ path: path.join(SHOTS, 'webview-light.png') });
    const dark = await openTimelinePage({ bundleFile: bundle.file, theme: 'dark', browser: view.browser });
    try {
      await dark.send({ type: 'model', seq: 1, model });
      await dark.waitForPosted((m) => m.type === 'rendered');
      await dark.page.screenshot({ path: path.join(SHOTS, 'webview-dark.png') });
      const hc = await openTimelinePage({ bundleFile: bundle.file, theme: 'high-contrast', browser: view.browser });
      try {
        await hc.send({ type: 'model', seq: 1, model });
        await hc.waitForPosted((m) => m.type === 'rendered');
        await hc.page.screenshot({ path: path.join(SHOTS, 'webview-high-contrast.png') });
        assert.deepEqual(await hc.violations(), []);
      } finally {
        await hc.close();
      }
      assert.deepEqual(await dark.violations(), []);
    } finally {
      await dark.close();
    }
  });

  it('the host accepts only well-formed messages', () => {
    assert.deepEqual(parseTimelineMessage({ type: 'setDate', key: 'k', field: 'due', from: '2027-01-01', to: '2027-01-08' }), { type: 'setDate', key: 'k', field: 'due', from: '2027-01-01', to: '2027-01-08' });
    for (const bad of [null, { type: 'setDate', key: 'k', field: 'title', from: '2027-01-01', to: '2027-01-08' }, { type: 'setDate', key: 'k', field: 'due', from: '2027-01-01', to: 'soon' }, { type: 'open' }, { type: 'open', uri: 'file:///etc/passwd' }, { type: 'exportSvg', svg: '<html>' }, { type: 'eval' }]) {
      assert.equal(parseTimelineMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
