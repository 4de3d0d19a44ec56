/**
 * `brief report` (v2 spec section 3.4): json, markdown and html on the portfolio of
 * ./reportFixtures.ts (dates worked by hand), and the html in Chromium: one self-contained
 * file (no script, no request leaves the page, no console error), workspace text escaped, a
 * screenshot (test-results/report.png), and the plain portfolio's for the docs
 * (test-results/screenshots/report.png, which `npm run docs:screenshots` copies to docs/images/).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../diagramPage';
import { cli, removeTempWorkspaces, tempWorkspace } from './harness';
import { FILES, TODAY } from './reportFixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('cli: brief report', function () {
  this.timeout(120_000);
  after(removeTempWorkspaces);

  it('json: the portfolio with reported status beside computed health, reasons, forecast, counts, next milestone, due, slips, risks, decisions', async () => {
    const cwd = tempWorkspace(FILES);
    const result = await cli(['report', '--format', 'json', '--today', TODAY], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual([json.version, json.today, json.horizon, json.commit, json.since], [1, TODAY, 14, null, null]);
    assert.deepEqual(json.programs.map((p: { program: string }) => p.program), ['payments', 'storage']);
    const [payments, storage] = json.programs;
    // payments: later (due 03-01) is after the target 02-01, so the finish forecast is 03-01: off track, though it says on-track.
    assert.deepEqual(
      { program: payments.program, title: payments.title, owner: payments.owner, status: payments.status, health: payments.health, target: payments.target, forecast: payments.forecast, milestones: payments.milestones, checklist: payments.checklist, next: payments.next },
      { program: 'payments', title: 'Payments v2', owner: '@maria', status: 'on-track', health: 'off-track', target: '2027-02-01', forecast: '2027-03-01', milestones: { done: 1, total: 4 }, checklist: { done: 1, total: 5 }, next: { id: 'payments#api', title: 'API ready', owner: '@li', due: '2027-01-08' } },
    );
    assert.deepEqual(payments.reasons.map((r: { kind: string; node: string }) => [r.kind, r.node]), [
      ['forecast-late', 'payments'], ['overdue', 'payments#api'], ['slip', 'payments#cutover'], ['risk', 'payments#vendor'],
    ]);
    assert.deepEqual(payments.overdue.map((i: { due: string }) => i.due), ['2027-01-07', '2027-01-08']);
    assert.deepEqual(payments.due.map((i: { due: string }) => i.due), ['2027-01-12', '2027-01-20']);
    // cutover (due 01-20) waits for storage#cluster (01-25): 5 days late.
    assert.deepEqual(payments.slipping, [{ id: 'payments#cutover', title: 'Production cutover', owner: '@maria', due: '2027-01-20', forecast: '2027-01-25', slip: 5,
      chain: [{ id: 'payments#cutover', forecast: '2027-01-25' }, { id: 'storage#cluster', forecast: '2027-01-25' }] }]);
    assert.deepEqual(payments.risks.map((r: { id: string; likelihood: string; impact: string }) => [r.id, r.likelihood, r.impact]), [['vendor', 'high', 'medium'], ['fraud', 'low', 'high']]);
    assert.deepEqual(payments.decisions.proposed.map((d: { id: string }) => d.id), ['region']);
    assert.deepEqual(payments.decisions.decidedSince, []);
    assert.deepEqual([storage.status, storage.health, storage.reasons.map((r: { kind: string }) => r.kind)], [null, 'at-risk', ['blocked']]);
    // heat map: vendor high × medium, fraud low × high.
    assert.deepEqual(json.heatMap.counts, [[0, 0, 1], [0, 0, 0], [0, 1, 0]]);
  });

  it('markdown: the portfolio table, reasons and sections; --horizon narrows what is due', async () => {
    const cwd = tempWorkspace(FILES);
    const result = await cli(['report', '--today', TODAY], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(md, /^# Status report, 2027-01-10\n\nMade on 2027-01-10 outside git; due items within 14 days\.\n/);
    assert.ok(md.includes('| payments | Payments v2 | \\@maria | On track | **Off track** | 2027-02-01 | 2027-03-01 | 1/4 | 1/5 | API ready 2027-01-08 |'), md);
    assert.ok(md.includes('| storage | Storage | \\@li | No status | **At risk** | 2027-01-31 | 2027-01-31 | 0/1 | 0/0 | Cluster live 2027-01-25 |'), md);
    assert.ok(md.includes('| High | 0 | 1 | 0 |'), 'heat map row');
    for (const heading of ['## payments: Payments v2', '### Overdue', '### Due within 14 days', '### Slipping', '### Open risks', '### Decisions wanted']) assert.ok(md.includes(`\n${heading}\n`), heading);
    const short = (await cli(['report', '--today', TODAY, '--horizon', '3'], { cwd })).stdout;
    assert.ok(short.includes('### Due within 3 days') && !short.includes('Production cutover (\\@maria)'), 'cutover (01-20) is beyond 3 days');
    const bad = await cli(['report', '--format', 'pdf'], { cwd });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'brief: invalid --format `pdf`; expected one of markdown, html, json\nbrief: run `brief report --help` for usage\n');
  });

  it('html: one self-contained file, workspace text escaped; in Chromium no script, no request leaves the page, no console error', async () => {
    const hostile = FILES['programs/payments.md']
      .replace('title: Payments v2', 'title: "<img src=https://evil.example/x.png onerror=alert(1)> Payments & <b>v2</b>"')
      .replace('title: Vendor may slip', 'title: "<script>alert(1)</script> Vendor \\u202e may slip"');
    const cwd = tempWorkspace({ ...FILES, 'programs/payments.md': hostile });
    const result = await cli(['report', '--format', 'html', '--today', TODAY], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const html = result.stdout;
    assert.match(html, /^<!doctype html>\n/);
    assert.ok(!/<(?:script|img|link|iframe|object|embed|a)[\s>]|<[^>]*\s(?:src|href|on\w+)=|url\(|@import/i.test(html), 'no script, image, link, frame, handler or external resource');
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.ok(html.includes('&lt;img src=https://evil.example/x.png onerror=alert(1)&gt; Payments &amp; &lt;b&gt;v2&lt;/b&gt;'));
    assert.ok(html.includes('@media print'), 'print styles');

    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    const file = path.join(ROOT, 'test-results', 'report.html');
    fs.writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('request', (request) => requests.push(request.url()));
      // Anything but the file itself is refused (and recorded above).
      await page.route('**/*', (route) => (route.request().url() === pathToFileURL(file).href ? route.continue() : route.abort()));
      await page.goto(pathToFileURL(file).href);
      await page.waitForLoadState('load');
      const facts = await page.evaluate(`(() => ({
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        bold: document.querySelectorAll('b').length,
        portfolioRows: document.querySelectorAll('table.portfolio tbody tr').length,
        heatMaps: document.querySelectorAll('table.heat').length,
        heatCells: document.querySelectorAll('table.heat').item(0).querySelectorAll('tbody td').length,
        firstTitle: document.querySelector('table.portfolio tbody tr td:nth-child(2)').textContent,
        health: document.querySelector('table.portfolio tbody tr .health').textContent,
      }))()`) as Record<string, unknown>;
      assert.deepEqual(facts, {
        scripts: 0, images: 0, bold: 0, portfolioRows: 2, heatMaps: 2, heatCells: 9,
        firstTitle: '<img src=https://evil.example/x.png onerror=alert(1)> Payments & <b>v2</b>', health: 'Off track',
      });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'report.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'report-print.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      assert.ok(pdf.length > 1000, 'it prints');
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, [pathToFileURL(file).href], 'no request leaves the page');
    } finally {
      await browser.close();
    }
  });

  it('html of the plain portfolio, for the docs: screenshot', async () => {
    const cwd = tempWorkspace(FILES);
    const html = (await cli(['report', '--format', 'html', '--today', TODAY], { cwd })).stdout;
    const file = path.join(ROOT, 'test-results', 'report-docs.html');
    fs.mkdirSync(path.join(ROOT, 'test-results', 'screenshots'), { recursive: true });
    fs.writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
      const errors: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('table.heat');
      // `npm run docs:screenshots` copies it to docs/images/report.png.
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', 'report.png') });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
