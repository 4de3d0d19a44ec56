/**
 * `brief schedule` and `brief impact` (docs/cli.md, docs/schedule.md): every format on the
 * worked example of docs/schedule.md, exit codes, and the gantt chart parsed and rendered by
 * the bundled Mermaid in headless Chromium.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../diagramPage';
import { briefText, EXAMPLE } from '../scheduleFixtures';
import { cli, removeTempWorkspaces, tempWorkspace } from './harness';

function exampleWorkspace(extra: Record<string, string> = {}): string {
  return tempWorkspace({ ...Object.fromEntries(EXAMPLE.map((spec) => [`programs/${spec.program}.md`, briefText(spec)])), ...extra });
}

describe('cli: brief schedule', function () {
  this.timeout(120_000);
  after(removeTempWorkspaces);

  it('json: one entry per node sorted by id, the spec\'s fields, null for what is missing, 0-based lines', async () => {
    const cwd = exampleWorkspace();
    const result = await cli(['schedule', '--format', 'json', '--today', '2027-01-10'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.today, '2027-01-10');
    assert.deepEqual(json.nodes.map((n: { id: string }) => n.id), ['api', 'api#v2', 'storage', 'storage#cluster', 'storage#hardware', 'web', 'web#cutover', 'web#design']);
    const v2 = json.nodes.find((n: { id: string }) => n.id === 'api#v2');
    assert.deepEqual(v2, {
      id: 'api#v2', kind: 'milestone', title: 'v2', owner: '@maria', status: null, planned: '2027-03-05',
      forecast: '2027-03-10', slip: 5, slack: 10, driver: 'storage#cluster', onCycle: false, file: 'programs/api.md', line: 6,
    });
    const web = json.nodes.find((n: { id: string }) => n.id === 'web');
    assert.deepEqual([web.kind, web.planned, web.forecast, web.slip, web.slack, web.driver, web.line], ['program', '2027-03-25', '2027-03-25', 0, null, null, 1]);
  });

  it('text: a block per program with planned, forecast, slip, slack and driver', async () => {
    const cwd = exampleWorkspace();
    const result = await cli(['schedule'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^api {2}api$/m);
    assert.match(result.stdout, /^ {2}v2 +planned 2027-03-05 · forecast 2027-03-10 · 5 days late · slack 10 · driven by storage#cluster$/m);
    assert.match(result.stdout, /^ {2}design +planned 2027-02-01 · forecast 2027-02-01 · slack 47 · done$/m);
  });

  it('single files: only the named brief\'s nodes, computed against the whole workspace', async () => {
    const cwd = exampleWorkspace({ 'briefs.config.json': '{}' });
    const result = await cli(['schedule', '--format', 'json', 'programs/api.md'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const nodes = JSON.parse(result.stdout).nodes;
    assert.deepEqual(nodes.map((n: { id: string }) => n.id), ['api', 'api#v2']);
    assert.equal(nodes[1].forecast, '2027-03-10', 'storage, not named, still pushes it');
  });

  it('gantt: a milestone with `start` has its bar from its start (else from the milestone before it); a start after the forecast is a marker', async () => {
    const web = briefText(EXAMPLE[2]).replace('    due: 2027-03-20', '    start: 2027-03-02\n    due: 2027-03-20');
    const storage = briefText(EXAMPLE[0]).replace('    due: 2027-03-10', '    start: 2027-03-12\n    due: 2027-03-10');
    const cwd = exampleWorkspace({ 'programs/web.md': web, 'programs/storage.md': storage });
    const result = await cli(['schedule', '--format', 'gantt', '--today', '2027-01-10'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.ok(lines.some((l) => /^ {2}cutover :t\d+, 2027-03-02, 2027-03-20$/.test(l)), `cutover's bar from its start:\n${result.stdout}`);
    assert.ok(lines.some((l) => /^ {2}hardware :crit, milestone, t\d+, 2027-03-10, 0d$/.test(l)), 'a start after the date: a marker on it');
  });

  it('gantt: sections, bars, crit, done, targets and today, each a statement Mermaid reads; hostile titles stay inside', async () => {
    const hostile = briefText({ program: 'evil', target: '2027-04-01', milestones: [{ id: 'x', due: '2027-03-01' }] })
      .replace('title: "x"', 'title: "break :crit, a, 2020-01-01, 1d\\n  section pwned #; %%{init}%%"');
    const cwd = exampleWorkspace({ 'programs/evil.md': hostile });
    const result = await cli(['schedule', '--format', 'gantt', '--today', '2027-01-10'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    const STATEMENTS = [/^gantt$/, /^ {2}dateFormat YYYY-MM-DD$/, /^ {2}axisFormat %Y-%m-%d$/, /^ {2}title Schedule on \d{4}-\d{2}-\d{2}$/, /^ {2}section [\p{L}\p{N} .,_@/()'-]+$/u,
      /^ {2}[\p{L}\p{N} .,_@/()'-]+ :(?:(?:done|crit|milestone|vert), )*t\d+, \d{4}-\d{2}-\d{2}, (?:\d{4}-\d{2}-\d{2}|0d)$/u];
    for (const line of lines) assert.ok(STATEMENTS.some((re) => re.test(line)), `not a gantt statement we write: ${line}`);
    assert.ok(lines.includes('  section pwned') === false, 'a title cannot open a section');
    // hardware is the first milestone of a program without `start`: a marker on its date; cluster's bar starts where hardware ends.
    assert.ok(lines.some((l) => /^ {2}hardware :crit, milestone, t\d+, 2027-03-10, 0d$/.test(l)), 'hardware: on the critical path, a marker');
    assert.ok(lines.some((l) => /^ {2}cluster :crit, milestone, t\d+, 2027-03-10, 0d$/.test(l)), 'cluster ends when hardware does (forecast 03-10)');
    assert.ok(lines.some((l) => /^ {2}Target storage :milestone, t\d+, 2027-03-15, 0d$/.test(l)), 'a marker for the target');
    assert.ok(lines.some((l) => /^ {2}design :done, /.test(l)), 'done milestones are done');
    assert.ok(lines.some((l) => /:crit, /.test(l)), 'the remaining critical path is crit');
    assert.ok(lines.some((l) => /^ {2}Today :vert, t\d+, 2027-01-10, 0d$/.test(l)), 'today\'s marker');

    // The bundled Mermaid parses it and renders a bar per task.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
      await page.addScriptTag({ path: path.join(__dirname, '..', '..', '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
      const rendered = await page.evaluate(async (text) => {
        // Runs in the page (the root tsconfig has no DOM types: the little used here is typed by hand).
        interface El { innerHTML: string; textContent: string | null }
        const page = globalThis as unknown as {
          mermaid: { initialize(c: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> };
          document: { getElementById(id: string): El; querySelectorAll(selector: string): ArrayLike<El> };
        };
        page.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        await page.mermaid.parse(text);
        const { svg } = await page.mermaid.render('g', text);
        page.document.getElementById('out').innerHTML = svg;
        const texts = Array.from(page.document.querySelectorAll('#out text.taskText, #out text.taskTextOutsideRight, #out text.taskTextOutsideLeft'));
        return { bars: page.document.querySelectorAll('#out rect.task').length, texts: texts.map((t) => (t.textContent ?? '').trim()) };
      }, result.stdout);
      const tasks = lines.filter((l) => / :(?:(?:done|crit|milestone|vert), )*t\d+,/.test(l)).length;
      assert.ok(rendered.bars >= tasks - 1, `${rendered.bars} bars drawn for ${tasks} tasks`);
      assert.ok(rendered.texts.includes('cutover'), rendered.texts.join(' | '));
    } finally {
      await browser.close();
    }
  });
});

describe('cli: brief impact', function () {
  this.timeout(60_000);
  after(removeTempWorkspaces);

  it('json: every node whose forecast changes, with before, after, late and via, and the programs now late', async () => {
    const cwd = exampleWorkspace();
    const result = await cli(['impact', 'storage#hardware', '--days', '14', '--format', 'json'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual([json.version, json.ref, json.days], [1, 'storage#hardware', 14]);
    assert.deepEqual(json.changes.map((c: { id: string }) => c.id), ['api#v2', 'storage', 'storage#cluster', 'storage#hardware', 'web#cutover']);
    assert.deepEqual(json.changes.find((c: { id: string }) => c.id === 'web#cutover'), {
      id: 'web#cutover', kind: 'milestone', owner: '@maria', planned: '2027-03-20', before: '2027-03-20', after: '2027-03-24',
      days: 4, late: true, via: ['storage#hardware', 'storage#cluster', 'api#v2'], file: 'programs/web.md', line: 13,
    });
    assert.deepEqual(json.programsLate, ['storage']);
  });

  it('text, and pulling in (negative days)', async () => {
    const cwd = exampleWorkspace();
    const later = await cli(['impact', 'storage#hardware', '--days', '14'], { cwd });
    assert.match(later.stdout, /^storage#hardware 14 days later: 5 dates move$/m);
    assert.match(later.stdout, /^ {2}web#cutover +2027-03-20 → 2027-03-24 \(\+4\) · late · @maria$/m);
    assert.match(later.stdout, /^programs now late: storage$/m);
    const earlier = await cli(['impact', 'storage#hardware', '--days', '-5'], { cwd });
    assert.equal(earlier.code, 0);
    assert.match(earlier.stdout, /^storage#hardware 5 days earlier: /m);
    assert.match(earlier.stdout, /storage#cluster +2027-03-10 → 2027-03-05 \(-5\)/);
  });

  it('exit 2 with a clear message: unknown REF, a milestone without due, --days missing or not a number', async () => {
    const cwd = exampleWorkspace({ 'programs/undated.md': briefText({ program: 'undated', milestones: [{ id: 'm' }] }) });
    const unknown = await cli(['impact', 'nope#x', '--days', '3'], { cwd });
    assert.deepEqual([unknown.code, unknown.stderr], [2, 'brief: no milestone or program `nope#x` in the schedule\n']);
    const undated = await cli(['impact', 'undated#m', '--days', '3'], { cwd });
    assert.deepEqual([undated.code, undated.stderr], [2, 'brief: milestone `undated#m` has no `due` date to move\n']);
    const missing = await cli(['impact', 'api#v2'], { cwd });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /needs `--days N`/);
    const bad = await cli(['impact', 'api#v2', '--days', 'two'], { cwd });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /invalid --days `two`/);
  });
});
