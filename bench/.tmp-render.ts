import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import http from 'node:http';
import { chromium } from 'playwright-core';
import { BriefWorkspace } from '/work/main/src/core';
import { buildGraphView } from '/work/main/src/core/graphView';
import { toMermaid } from '/work/main/src/core/mermaid';
async function main() {
function load(dir: string) {
  const ws = new BriefWorkspace();
  const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.md')) ws.setText('file://' + p, readFileSync(p, 'utf8')); } };
  walk(dir); return ws;
}
const mermaidJs = readFileSync('/work/main/node_modules/mermaid/dist/mermaid.min.js');
const server = http.createServer((req, res) => {
  if (req.url === '/mermaid.js') { res.setHeader('content-type', 'text/javascript'); return res.end(mermaidJs); }
  res.setHeader('content-type', 'text/html'); res.end('<!doctype html><body><div id=out></div><script src="/mermaid.js"></script>');
}).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${(server.address() as any).port}/`);
async function render(label: string, src: string) {
  const r = await page.evaluate(async (src) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxEdges: 20000, maxTextSize: 2_000_000, suppressErrorRendering: true });
    const t = performance.now();
    try { const r = await mermaid.render('d' + Math.random().toString(36).slice(2), src); return { ms: performance.now() - t, len: r.svg.length }; } catch (e) { return { ms: performance.now() - t, error: String(e) }; }
  }, src);
  console.log(label, JSON.stringify(r));
}
const ws200 = load('/tmp/pbexp/ws200');
await render('200 program-level', toMermaid(buildGraphView(ws200.graph(), { today: '2026-06-15', level: 'program' })));
await render('200 program-level again', toMermaid(buildGraphView(ws200.graph(), { today: '2026-06-15', level: 'program' })));
const ws2000 = load('/work/main/bench/.workspace');
const focus = ws2000.briefs()[1000].program!.value;
for (const depth of [1, 2, 3]) await render('2000 focus depth ' + depth, toMermaid(buildGraphView(ws2000.graph(), { today: '2026-06-15', level: 'milestone', focus, depth })));
if (process.argv[2] === 'big') await render('2000 program-level', toMermaid(buildGraphView(ws2000.graph(), { today: '2026-06-15', level: 'program' })));
await browser.close(); server.close();

}
main();
