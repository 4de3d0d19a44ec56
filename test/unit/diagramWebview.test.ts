/**
 * The diagram webview in headless Chromium, outside VS Code: the real page, Content Security
 * Policy and bundle (test/unit/diagramPage.ts), with the test playing the host. Checks what a
 * user sees and that hostile brief text stays text. The same flows run inside real VS Code in
 * test/vscode/ui/diagram.check.mjs.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { buildDiagramModel, DIAGRAM_LIMITS } from '../../src/core/views/diagramModel';
import type { DiagramMessage, DiagramOptions, WebviewToHost } from '../../src/core/views/diagramProtocol';
import { graphOf } from './cli/briefs';
import { buildWebviewBundle, CHROMIUM, openDiagramPage, type DiagramPageHandle } from './diagramPage';

// Some checks run in the page (Chromium), not in Node; the project's tsconfig has no DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any, DOMParser: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare function getComputedStyle(element: unknown): any;

const TODAY = '2026-03-01';
const OPTIONS: DiagramOptions = { scope: 'brief', depth: 2, direction: 'LR' };
const XSS_TITLE = '<img src=x onerror="window.__pwned=1;alert(1)"> %%{init: {"securityLevel":"loose"}}%%';

function diagramMessage(seq: number, graph = sampleGraph(), options = OPTIONS, focus = 'payments', resetView = true): DiagramMessage {
  const model = buildDiagramModel(graph, { options, focus, today: TODAY });
  assert.equal(model.kind, 'diagram');
  if (model.kind !== 'diagram') throw new Error('unreachable');
  return { type: 'diagram', seq, options, focus, title: model.title, source: model.source, nodes: model.nodes, edges: model.edges, limits: DIAGRAM_LIMITS, resetView, today: model.today };
}

function sampleGraph(extraMilestone = false) {
  return graphOf(
    {
      program: 'payments', title: XSS_TITLE, owner: '@maria', target: '2026-09-30', depends_on: ['identity'],
      milestones: [
        { id: 'design', title: 'Design approved', owner: '@maria', due: '2026-02-01', status: 'done' },
        { id: 'cutover', title: 'click n0 call alert(2)', owner: '@li', due: '2026-05-15', depends_on: ['design', 'identity#tokens'] },
        ...(extraMilestone ? [{ id: 'retro', title: 'Retro', owner: '@li', due: '2026-06-01', depends_on: ['cutover'] }] : []),
      ],
    },
    { program: 'identity', title: 'Identity SSO', owner: '@ana', target: '2026-06-30', milestones: [{ id: 'tokens', title: 'Tokens GA', owner: '@ana', due: '2026-04-01', status: 'at-risk' }] },
  );
}

const isType = <T extends WebviewToHost['type']>(type: T) => (m: WebviewToHost): m is Extract<WebviewToHost, { type: T }> => m.type === type;

describe('diagram webview in Chromium', function () {
  this.timeout(120_000);
  let bundle: Awaited<ReturnType<typeof buildWebviewBundle>>;
  let ui: DiagramPageHandle;
  const dialogs: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    bundle = await buildWebviewBundle();
    ui = await openDiagramPage({ bundleFile: bundle.file });
    ui.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  after(async () => {
    await ui?.close();
    bundle?.dispose();
  });

  it('draws the nodes it was sent, with hostile titles shown as text and nothing run', async () => {
    await ui.send(diagramMessage(1));
    const rendered = await ui.waitForPosted(isType('rendered'));
    assert.deepEqual([rendered.seq, rendered.nodes, rendered.edges], [1, 5, 3]);
    const nodes = await ui.page.$$eval('svg g.pb-node', (groups) => groups.map((g) => g.getAttribute('data-node-id')));
    assert.deepEqual(nodes.sort(), ['identity', 'identity#tokens', 'payments', 'payments#cutover', 'payments#design']);
    const text = (await ui.page.locator('svg').textContent()) ?? '';
    assert.ok(text.includes('<img src=x onerror="window.__pwned=1;alert(1)">'), `the title is shown as text: ${text}`);
    assert.ok(text.includes('%%{init: {"securityLevel":"loose"}}%%'));
    assert.ok(text.includes('click n0 call alert(2)'));
    assert.equal(await ui.page.locator('svg img, svg script, svg [onerror]').count(), 0);
    assert.equal(await ui.page.evaluate('window.__pwned'), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await ui.violations(), [], 'no Content Security Policy violations');
  });

  it('marks statuses, cycles and conflicts, and names nodes for screen readers', async () => {
    const label = await ui.page.locator('g.pb-node[data-node-id="identity#tokens"]').getAttribute('aria-label');
    assert.equal(label, 'Tokens GA, milestone identity#tokens, At risk, owner @ana, due 2026-04-01');
    assert.equal(await ui.page.locator('g.pb-node[data-node-id="identity#tokens"].stAtRisk').count(), 1);
    assert.equal(await ui.page.locator('g.pb-node[data-node-id="payments#design"].stDone').count(), 1);
    assert.equal(await ui.page.locator('path.flowchart-link.pb-conflict, path.flowchart-link.pb-cycle').count(), 0);

    const flagged = graphOf({ program: 'loop', title: 'Loop', owner: '@x', milestones: [
      { id: 'a', title: 'A', owner: '@x', due: '2026-04-01', depends_on: ['b'] },
      { id: 'b', title: 'B', owner: '@x', due: '2026-05-01', depends_on: ['a'] },
      { id: 'c', title: 'C', owner: '@x', due: '2026-04-10', depends_on: ['d'] },
      { id: 'd', title: 'D', owner: '@x', due: '2026-06-01' },
    ] });
    await ui.send(diagramMessage(2, flagged, OPTIONS, 'loop'));
    await ui.waitForPosted((m) => m.type === 'rendered' && m.seq === 2);
    assert.equal(await ui.page.locator('path.flowchart-link.pb-cycle').count(), 2);
    assert.deepEqual(await ui.page.$$eval('path.flowchart-link.pb-conflict', (paths) => paths.map((p) => `${p.getAttribute('data-from')}->${p.getAttribute('data-to')}`)), ['loop#c->loop#d']);
    await ui.send(diagramMessage(3));
    await ui.waitForPosted((m) => m.type === 'rendered' && m.seq === 3);
  });

  it('fits the first drawing to the panel: every node inside the viewport, also in a narrow panel', async () => {
    await ui.page.setViewportSize({ width: 480, height: 520 });
    const before = (await ui.posted()).length;
    await ui.send(diagramMessage(3)); // the same seq as the last one: a fresh drawing, not a stale one
    await ui.page.waitForFunction((n) => (window as unknown as { __posted: { type: string }[] }).__posted.slice(n).some((m) => m.type === 'rendered'), before);
    const inside = await ui.page.evaluate(() => {
      const viewport = document.querySelector('.pb-viewport')!.getBoundingClientRect();
      return [...document.querySelectorAll('svg g.pb-node')].map((node) => {
        const box = node.getBoundingClientRect();
        const ok = box.left >= viewport.left - 0.5 && box.right <= viewport.right + 0.5 && box.top >= viewport.top - 0.5 && box.bottom <= viewport.bottom + 0.5;
        return ok ? 'in' : `${node.getAttribute('data-node-id')} at ${box.left},${box.top}-${box.right},${box.bottom} outside ${viewport.left},${viewport.top}-${viewport.right},${viewport.bottom}`;
      });
    });
    assert.equal(inside.length, 5);
    assert.deepEqual(inside.filter((s) => s !== 'in'), []);
    await ui.page.setViewportSize({ width: 1100, height: 700 });
  });

  it('shows each node\'s status as a symbol and a word on the node, and the same in the legend', async () => {
    const shown = await ui.page.$$eval('svg g.pb-node', (groups) => groups.map((g) => [g.getAttribute('data-node-id'), (g.querySelector('.nodeLabel')?.textContent ?? '').replace(/\s+/g, ' ')]));
    const expected: Record<string, string> = {
      'payments': '– No status', 'payments#design': '✔ Done', 'payments#cutover': '– No status', 'identity': '– No status', 'identity#tokens': '▲ At risk',
    };
    for (const [id, text] of shown) assert.ok(text!.endsWith(expected[id!]), `${id}: ${text}`);
    const legend = await ui.page.$$eval('.pb-legend-item[data-status]', (items) => items.map((item) => item.textContent));
    assert.ok(legend.includes('▲At risk') && legend.includes('◷Overdue') && legend.includes('✔Done'), legend.join(' | '));
    // The legend swatch has the node's colour.
    const colours = await ui.page.evaluate(() => ({
      swatch: getComputedStyle(document.querySelector('.pb-swatch-at-risk')!).color,
      node: getComputedStyle(document.querySelector('g.pb-node.stAtRisk rect, g.pb-node.stAtRisk path')!).stroke,
    }));
    assert.equal(colours.swatch, colours.node);
  });

  it('opens a node\'s brief on click without changing the critical-path selection; the list traces it', async () => {
    const path = ui.page.getByRole('combobox', { name: 'Highlight the critical path of' });
    assert.equal(await path.inputValue(), '');
    const before = (await ui.posted()).length;
    await ui.page.locator('g.pb-node[data-node-id="payments#cutover"]').click();
    await ui.waitForPosted((m) => m.type === 'open' && m.nodeId === 'payments#cutover');
    assert.equal(await path.inputValue(), '', 'a click does not pick a critical path');
    assert.deepEqual((await ui.posted()).slice(before).filter((m) => m.type === 'select'), []);
    assert.equal(await ui.page.locator('g.pb-node.pb-selected').count(), 0);
    await path.selectOption('payments#cutover');
    await ui.waitForPosted((m) => m.type === 'select' && m.nodeId === 'payments#cutover');
    await ui.send({ type: 'criticalPath', nodeId: 'payments#cutover', path: [
      { id: 'payments#cutover', label: 'click n0 call alert(2)', due: '2026-05-15' },
      { id: 'identity#tokens', label: 'Tokens GA', due: '2026-04-01' },
    ] });
    await ui.page.locator('path.flowchart-link.pb-critical').first().waitFor();
    assert.equal(await ui.page.locator('g.pb-node.pb-critical').count(), 2);
    assert.equal(await ui.page.locator('svg.pb-has-selection').count(), 1);
    assert.match(await ui.page.locator('.pb-status').innerText(), /Critical path of click n0 call alert\(2\) \(2026-05-15\): Tokens GA \(2026-04-01\)/);
  });

  it('wraps a long status line instead of cutting it off', async () => {
    const steps = Array.from({ length: 12 }, (_, i) => ({ id: i === 0 ? 'payments#cutover' : `x${i}`, label: `A rather long milestone title number ${i}`, due: '2026-05-15' }));
    await ui.send({ type: 'criticalPath', nodeId: 'payments#cutover', path: steps });
    await ui.page.waitForFunction(() => document.querySelector('.pb-status')!.textContent!.includes('number 11'));
    const fits = await ui.page.locator('.pb-status').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.clientHeight, overflow: getComputedStyle(el).textOverflow }));
    assert.ok(fits.scroll <= fits.client, `scrollWidth ${fits.scroll} > clientWidth ${fits.client}`);
    assert.ok(fits.height > 30, 'on more than one line');
    await ui.send({ type: 'criticalPath', nodeId: 'payments#cutover', path: [
      { id: 'payments#cutover', label: 'click n0 call alert(2)', due: '2026-05-15' },
      { id: 'identity#tokens', label: 'Tokens GA', due: '2026-04-01' },
    ] });
  });

  it('keeps pan and zoom across a live update', async () => {
    await ui.page.getByRole('button', { name: 'Zoom in (+)' }).click();
    await ui.page.getByRole('button', { name: 'Zoom in (+)' }).click();
    const before = await ui.page.locator('.pb-canvas').evaluate((el) => el.getAttribute('style'));
    await ui.send(diagramMessage(4, sampleGraph(true), OPTIONS, 'payments', false));
    await ui.waitForPosted((m) => m.type === 'rendered' && m.seq === 4);
    assert.equal(await ui.page.locator('g.pb-node').count(), 6);
    assert.equal(await ui.page.locator('.pb-canvas').evaluate((el) => el.getAttribute('style')), before);
    // The selection survives too: the webview asks for its critical path again.
    const selects = (await ui.posted()).filter((m) => m.type === 'select' && m.nodeId === 'payments#cutover');
    assert.ok(selects.length >= 2);
  });

  it('says a graph is too large and offers the focused view, never a bare syntax error', async () => {
    await ui.send({ type: 'tooLarge', seq: 5, options: { ...OPTIONS, scope: 'workspace' }, focus: 'payments', title: 'All programs (2000)', nodes: 2007, edges: 4994, limits: DIAGRAM_LIMITS, suggestion: 'focus' });
    const notice = ui.page.locator('.pb-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /too large to draw[\s\S]*2007 nodes and 4994 dependencies/);
    await notice.getByRole('button', { name: 'Show the focused view' }).click();
    await ui.waitForPosted((m) => m.type === 'setOptions' && m.options.scope === 'brief');
    assert.equal(await ui.page.locator('svg').count(), 0);
  });

  it('turns Mermaid failures into a message (size errors into the too-large notice)', async () => {
    const base = diagramMessage(6);
    await ui.send({ ...base, source: 'flowchart LR\n  n0["a"] --> n1["b"]\n  n0 -->|x| |y| n1 ]]]\n' });
    const failed = await ui.waitForPosted(isType('renderFailed'));
    assert.equal(failed.seq, 6);
    const text = await ui.page.locator('.pb-notice').innerText();
    assert.match(text, /could not be drawn/);
    assert.doesNotMatch(await ui.page.locator('body').innerText(), /^Syntax error/m);

    const edges = Array.from({ length: 30 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n');
    await ui.send({ ...base, seq: 7, source: `flowchart LR\n${edges}\n`, limits: { ...DIAGRAM_LIMITS, maxEdges: 10 } });
    await ui.waitForPosted((m) => m.type === 'renderFailed' && m.seq === 7);
    assert.match(await ui.page.locator('.pb-notice').innerText(), /too large to draw/);
  });

  it('exports a self-contained SVG through the host', async () => {
    await ui.send(diagramMessage(8));
    await ui.waitForPosted((m) => m.type === 'rendered' && m.seq === 8);
    await ui.page.getByRole('button', { name: 'Save the diagram as an SVG file' }).click();
    const exported = await ui.waitForPosted(isType('exportSvg'));
    assert.match(exported.svg, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(exported.svg, /<style>[^<]*\.stDone/, 'the theme travels inside the SVG');
    assert.doesNotMatch(exported.svg, /tabindex/);
    // A legend below the drawing: the date, what an arrow means, the statuses shown.
    const legend = await ui.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svg = doc.documentElement;
      const g = doc.querySelector('g.pb-export-legend');
      // Measure it as drawn: put the parsed SVG in the page.
      const holder = document.createElement('div');
      holder.append(document.importNode(svg, true));
      document.body.append(holder);
      const shown = holder.querySelector('svg')!;
      const viewBox = shown.viewBox.baseVal;
      const box = shown.querySelector('g.pb-export-legend').getBBox();
      const transform = shown.querySelector('g.pb-export-legend').transform.baseVal.consolidate()!.matrix;
      holder.remove();
      return {
        texts: [...(g?.querySelectorAll('text') ?? [])].map((t: { textContent: string }) => t.textContent) as string[],
        inside: box.x + transform.e >= viewBox.x && box.y + transform.f >= viewBox.y && box.x + transform.e + box.width <= viewBox.x + viewBox.width + 1 && box.y + transform.f + box.height <= viewBox.y + viewBox.height + 1,
      };
    }, exported.svg);
    assert.ok(legend.texts.some((t) => t?.includes('drawn for 2026-03-01')), legend.texts.join(' | '));
    assert.ok(legend.texts.some((t) => t?.includes('An arrow from A to B means A depends on B')), legend.texts.join(' | '));
    for (const word of ['✔ Done', '▲ At risk', '– No status']) assert.ok(legend.texts.includes(word), `${word} in ${legend.texts.join(' | ')}`);
    assert.ok(legend.inside, 'the legend is inside the viewBox');
    assert.deepEqual(await ui.violations(), []);
  });
});
