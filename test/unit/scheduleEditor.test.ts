/**
 * The schedule in the editor, without an editor (src/language/schedule.ts, navigation.ts):
 * hover facts and the driving chain with links to each step's line, code lenses, the answers
 * of `programBriefs/schedule` and `programBriefs/impact`, the "Copy as Markdown" message and
 * schedule risk for the diagram (src/core/model/status.ts). On the worked example of docs/schedule.md.
 */
import * as assert from 'node:assert/strict';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ScheduleIndex, impactMarkdown, scheduleJson, impactJson, slipImpact } from '../../src/core/schedule';
import { scheduleAtRisk } from '../../src/core/model/status';
import type { BriefWorkspace } from '../../src/core/workspace/workspace';
import { mergeConfig } from '../../src/core/workspace/config';
import { hoverAt } from '../../src/language/navigation';
import { codeLensTitle, impactResponse, lineLink, scheduleCodeLenses, scheduleMarkdown, scheduleResponse, type ScheduleFacts } from '../../src/language/schedule';
import { parseImpactParams, WHAT_IF_COMMAND } from '../../src/language/scheduleProtocol';
import { briefText, EXAMPLE, randomWorkspace, workspaceOf, type BriefSpec } from './scheduleFixtures';
import { prng } from '../support/prng';
import { lintWorkspace } from '../../src/core/rules/lint';

function factsOf(workspace: BriefWorkspace): ScheduleFacts {
  const index = new ScheduleIndex();
  index.update(workspace);
  return { graph: index.scheduleGraph, result: index.scheduleResult };
}

/** The position of the `n`th occurrence of `needle` in a brief's text (0-based line and character). */
function positionOf(text: string, needle: string, n = 0): { line: number; character: number } {
  const lines = text.split('\n');
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const at = lines[line].indexOf(needle, from);
      if (at < 0) break;
      if (seen++ === n) return { line, character: at + 1 };
      from = at + 1;
    }
  }
  throw new Error(`no ${needle} in the text`);
}

/** Every link and HTML node of a Markdown text, as remark (GFM) reads it. */
function linksAndHtml(markdown: string): { links: string[]; html: string[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const links: string[] = [];
  const html: string[] = [];
  const walk = (node: { type: string; url?: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') links.push(node.url ?? '');
    if (node.type === 'html') html.push(node.value ?? '');
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(tree as unknown as Parameters<typeof walk>[0]);
  return { links, html };
}

const relative = (uri: string) => uri.replace('file:///ws/', '');

function mergeConfigForTest() {
  return mergeConfig({});
}

/** The milestone id declared on a line (milestone-overdue points at the milestone's `due`, a few lines below its id). */
function idAtLine(ws: BriefWorkspace, uri: string, line: number): string | undefined {
  const brief = ws.get(uri)!;
  return brief.milestones.filter((m) => m.id && m.id.range.start.line <= line).pop()?.id?.value;
}

describe('schedule in the editor (pure)', () => {
  const workspace = workspaceOf(EXAMPLE);
  const facts = factsOf(workspace);
  const api = workspace.get('file:///ws/api.md')!;
  const web = workspace.get('file:///ws/web.md')!;
  const storage = workspace.get('file:///ws/storage.md')!;

  describe('hover: "explain this date"', () => {
    it('a reference to a slipping milestone shows planned, forecast, slip, slack and the driving chain, each step a link to its line', () => {
      const hover = hoverAt(workspace, api, positionOf(api.text, 'cluster'), relative, facts)!;
      const value = (hover.contents as { value: string }).value;
      assert.match(value, /\*\*Schedule\*\*: Planned 2027-03-01 · Forecast \*\*2027-03-10\*\* · Slip 9 days · Slack 0 days/);
      assert.match(value, /Why 2027-03-10 \(the driving chain, from here upstream\):/);
      // storage.md: `- id: cluster` is line 10, `- id: hardware` line 6 (0-based): links are 1-based.
      assert.match(value, /1\. \[storage\\#cluster\]\(file:\/\/\/ws\/storage\.md#L11\) cluster: planned 2027-03-01 · forecast 2027-03-10 · \+9 days/);
      assert.match(value, /2\. \[storage\\#hardware\]\(file:\/\/\/ws\/storage\.md#L7\) hardware: planned 2027-03-10 · forecast 2027-03-10$/m);
      assert.deepEqual(linksAndHtml(value).links, ['file:///ws/storage.md#L11', 'file:///ws/storage.md#L7']);
      // The reference's own facts are still there.
      assert.match(value, /Owner: \\@maria/);
    });

    it("a milestone's own `id` and `due` values have the hover too", () => {
      for (const needle of ['v2', '2027-03-05']) {
        const hover = hoverAt(workspace, api, positionOf(api.text, needle), relative, facts);
        assert.ok(hover, `a hover on ${needle}`);
        const value = (hover.contents as { value: string }).value;
        assert.match(value, /Forecast \*\*2027-03-10\*\* · Slip 5 days · Slack 10 days/, needle);
        assert.match(value, /1\. \[api\\#v2\]\(file:\/\/\/ws\/api\.md#L7\)/);
        assert.match(value, /3\. \[storage\\#hardware\]/);
      }
      // Without the schedule (the extension's own hover today): nothing on a declaration, as before.
      assert.equal(hoverAt(workspace, api, positionOf(api.text, 'v2'), relative), undefined);
    });

    it('a milestone on time says nothing upstream moves it; a done one is pinned', () => {
      const onTime = scheduleMarkdown(facts, 'web#cutover')!;
      assert.match(onTime, /Planned 2027-03-20 · Forecast \*\*2027-03-20\*\* · Slip 0 · Slack 5 days/);
      assert.match(onTime, /Nothing upstream moves its date\./);
      assert.equal(scheduleMarkdown(facts, 'web#design'), '**Schedule**: done, pinned at its due date 2027-02-01.');
    });

    it("a program reference gains its forecast finish against its target", () => {
      const hover = hoverAt(workspace, web, positionOf(web.text, 'api', 0), relative, facts)!;
      const value = (hover.contents as { value: string }).value;
      assert.match(value, /\*\*Forecast finish\*\* 2027-03-31 vs target 2027-03-31: on time/);
      const late = workspaceOf([{ program: 'a', target: '2027-01-10', milestones: [{ id: 'm', due: '2027-01-20' }] }, { program: 'b', depends: ['a'], milestones: [] }]);
      const value2 = (hoverAt(late, late.get('file:///ws/b.md')!, positionOf(late.get('file:///ws/b.md')!.text, '[a]'), relative, factsOf(late))!.contents as { value: string }).value;
      assert.match(value2, /\*\*Forecast finish\*\* 2027-01-20 vs target 2027-01-10: 10 days late/);
      assert.match(value2, /1\. \[a\]\(file:\/\/\/ws\/a\.md#L2\)/);
      assert.match(value2, /2\. \[a\\#m\]\(file:\/\/\/ws\/a\.md#L7\) m: planned 2027-01-20/);
    });

    it('titles and ids from the workspace never become links or HTML: only the links to lines are links', () => {
      const hostile: BriefSpec[] = [
        { program: 'up', target: '2027-05-01', milestones: [{ id: 'x', due: '2027-04-01' }] },
        { program: 'down', target: '2027-05-01', milestones: [{ id: 'y', due: '2027-03-01', depends: ['up#x'] }] },
      ];
      const ws = workspaceOf(hostile);
      // A title with a command link, an image, HTML and a bare autolink.
      const evil = '[Run](command:workbench.action.terminal.new) ![i](https://evil.example/p.png) <img src=x onerror=alert(1)> https://evil.example/x';
      ws.setText('file:///ws/up.md', briefText(hostile[0]).replace('title: "x"', `title: "${evil.replace(/"/g, '\\"')}"`));
      const down = ws.get('file:///ws/down.md')!;
      // On the milestone `y` itself: its chain runs through the hostile `up#x`.
      const hover = hoverAt(ws, down, { line: positionOf(down.text, 'id: y').line, character: 8 }, relative, factsOf(ws))!;
      const value = (hover.contents as { value: string }).value;
      assert.match(value, /\\\[Run\\\]/, 'the title is there, escaped');
      const { links, html } = linksAndHtml(value);
      assert.deepEqual(html, []);
      assert.deepEqual(links, ['file:///ws/down.md#L7', 'file:///ws/up.md#L7']);
    });

    it('a link is made only to a file: uri, with everything that could end its destination percent-encoded', () => {
      assert.equal(lineLink('file:///ws/a%20b/(x)<y>.md', 4), 'file:///ws/a%20b/%28x%29%3Cy%3E.md#L5');
      assert.equal(lineLink('file:///ws/a b\\c"d`é.md', 0), 'file:///ws/a%20b%5Cc%22d%60%C3%A9.md#L1');
      assert.equal(lineLink('file:///ws/a#b.md', 0), 'file:///ws/a%23b.md#L1');
      assert.equal(lineLink('command:workbench.action.terminal.new', 0), undefined);
      assert.equal(lineLink('untitled:Untitled-1', 0), undefined);
    });
  });

  describe('code lenses', () => {
    const lensesOf = (uri: string) => scheduleCodeLenses(facts, workspace.get(uri)!).map((lens) => ({ line: lens.range.start.line, title: lens.command!.title, command: lens.command!.command, arguments: lens.command!.arguments }));

    it('above the program line and each milestone: forecast, lateness and slack, then What If This Slips… with the ref', () => {
      assert.deepEqual(lensesOf('file:///ws/storage.md'), [
        { line: 1, title: 'forecast 2027-03-15 · on time · target 2027-03-15', command: '', arguments: undefined },
        { line: 1, title: 'What If This Slips…', command: WHAT_IF_COMMAND, arguments: ['storage'] },
        { line: 6, title: 'forecast 2027-03-10 · on time · slack 0', command: '', arguments: undefined },
        { line: 6, title: 'What If This Slips…', command: WHAT_IF_COMMAND, arguments: ['storage#hardware'] },
        { line: 10, title: 'forecast 2027-03-10 · 9 days late · slack 0', command: '', arguments: undefined },
        { line: 10, title: 'What If This Slips…', command: WHAT_IF_COMMAND, arguments: ['storage#cluster'] },
      ]);
    });

    it('a done milestone says so and offers no what-if; a late program says by how much', () => {
      const lenses = lensesOf('file:///ws/web.md');
      assert.deepEqual(lenses.filter((lens) => lens.line === 8), [{ line: 8, title: 'done · due 2027-02-01', command: '', arguments: undefined }]);
      assert.equal(lenses.find((lens) => lens.arguments?.[0] === 'web#cutover')?.title, 'What If This Slips…');
      assert.equal(lenses.find((lens) => lens.line === 13)?.title, 'forecast 2027-03-20 · on time · slack 5');
      const late = workspaceOf([{ program: 'a', target: '2027-01-10', milestones: [{ id: 'm', due: '2027-01-20' }, { id: 'n' }] }]);
      const lateFacts = factsOf(late);
      const titles = scheduleCodeLenses(lateFacts, late.get('file:///ws/a.md')!).map((lens) => lens.command!.title);
      assert.deepEqual(titles, ['forecast 2027-01-20 · 10 days late · target 2027-01-10', 'What If This Slips…', 'forecast 2027-01-20 · on time · slack 0', 'What If This Slips…', 'no forecast: no due date']);
    });

    it('a node on a cycle has no forecast', () => {
      const cyclic = workspaceOf([{ program: 'c', milestones: [{ id: 'a', due: '2027-01-01', depends: ['b'] }, { id: 'b', due: '2027-01-02', depends: ['a'] }] }]);
      const f = factsOf(cyclic);
      assert.equal(codeLensTitle(f.graph.get('c#a')!, f.result.get('c#a')), 'on a dependency cycle: no forecast');
      assert.match(scheduleMarkdown(f, 'c#a')!, /on a dependency cycle/);
    });
  });

  describe('requests', () => {
    it('programBriefs/schedule is the CLI JSON, with each node located', () => {
      const response = scheduleResponse(facts, '2027-02-01', relative);
      const cli = scheduleJson({ graph: facts.graph, result: facts.result, today: '2027-02-01', fileOf: relative, isReported: () => true });
      assert.deepEqual(response.nodes.map(({ uri: _uri, range: _range, ...rest }) => rest), cli.nodes);
      const cluster = response.nodes.find((node) => node.id === 'storage#cluster')!;
      assert.equal(cluster.uri, 'file:///ws/storage.md');
      assert.deepEqual(cluster.range.start, { line: 10, character: 8 });
      assert.deepEqual({ forecast: cluster.forecast, slip: cluster.slip, driver: cluster.driver }, { forecast: '2027-03-10', slip: 9, driver: 'storage#hardware' });
      assert.deepEqual(scheduleResponse(facts, '2027-02-01', relative, 'file:///ws/api.md').nodes.map((node) => node.id), ['api', 'api#v2']);
    });

    it('programBriefs/impact is the CLI JSON plus locations and the Markdown message', () => {
      const response = impactResponse(facts, { ref: 'storage#hardware', days: 14 }, relative, '2027-02-01');
      const cli = impactJson({ impact: slipImpact(facts.graph, 'storage#hardware', 14), graph: facts.graph, fileOf: relative });
      assert.deepEqual(response.changes.map(({ uri: _uri, range: _range, ...rest }) => rest), cli.changes);
      assert.deepEqual(response.programsLate, ['storage']);
      const cutover = response.changes.find((change) => change.id === 'web#cutover')!;
      assert.deepEqual({ before: cutover.before, after: cutover.after, days: cutover.days, late: cutover.late, uri: cutover.uri, line: cutover.range.start.line }, { before: '2027-03-20', after: '2027-03-24', days: 4, late: true, uri: 'file:///ws/web.md', line: 13 });
      assert.equal(response.markdown, impactMarkdown(slipImpact(facts.graph, 'storage#hardware', 14), facts.graph, { today: '2027-02-01' }));
      assert.throws(() => impactResponse(facts, { ref: 'nope#x', days: 1 }, relative), /no milestone or program `nope#x`/);
    });

    it('impact params are checked: a whole number of days, negative allowed, a ref', () => {
      assert.deepEqual(parseImpactParams({ ref: 'a#b', days: -7 }), { ref: 'a#b', days: -7 });
      for (const bad of [null, {}, { ref: 'a', days: 1.5 }, { ref: 'a', days: '3' }, { ref: '', days: 1 }, { ref: 'a', days: 100_000 }]) {
        assert.equal(typeof parseImpactParams(bad), 'string', JSON.stringify(bad));
      }
    });
  });

  describe('"Copy as Markdown" for an impact', () => {
    it('each moved milestone with before, after, change and owner; the programs that become late; the owners', () => {
      const text = impactMarkdown(slipImpact(facts.graph, 'storage#hardware', 14), facts.graph, { today: '2027-02-01' });
      assert.equal(text, [
        '**What if ` storage#hardware ` slips 14 days** (forecasts as of 2027-02-01)',
        '',
        '4 milestones move:',
        '',
        '| Milestone | Owner | Before | After | Change |',
        '| --- | --- | --- | --- | --- |',
        '| v2 (api\\#v2) | \\@maria | 2027-03-10 | 2027-03-24 | +14 days, late (due 2027-03-05) |',
        '| cluster (storage\\#cluster) | \\@maria | 2027-03-10 | 2027-03-24 | +14 days, late (due 2027-03-01) |',
        '| hardware (storage\\#hardware) | \\@maria | 2027-03-10 | 2027-03-24 | +14 days, late (due 2027-03-10) |',
        '| cutover (web\\#cutover) | \\@maria | 2027-03-20 | 2027-03-24 | +4 days, late (due 2027-03-20) |',
        '',
        '**Programs that become late:**',
        '',
        '- storage (\\@maria): target 2027-03-15, forecast 2027-03-15 → 2027-03-24 (+9 days)',
        '',
        'Owners: \\@maria',
        '',
      ].join('\n'));
    });

    it('pulled in, and nothing moving, read as such', () => {
      assert.match(impactMarkdown(slipImpact(facts.graph, 'storage#hardware', -3), facts.graph), /^\*\*What if ` storage#hardware ` is pulled in 3 days\*\*\n/);
      assert.match(impactMarkdown(slipImpact(facts.graph, 'web#cutover', 2), facts.graph), /\| 2027-03-20 \| 2027-03-22 \| \+2 days, late/);
      assert.equal(impactMarkdown(slipImpact(facts.graph, 'api', 0), facts.graph), '**What if Program ` api ` does not move**\n\nNothing else moves: no forecast changes.\n');
    });

    it('workspace text cannot become a link, HTML or a new table cell', () => {
      const specs: BriefSpec[] = [{ program: 'p', target: '2027-05-01', milestones: [{ id: 'm', due: '2027-03-01' }, { id: 'n', due: '2027-03-02', depends: ['m'] }] }];
      const ws = workspaceOf(specs);
      ws.setText('file:///ws/p.md', briefText(specs[0])
        .replace('title: "n"', 'title: "a | b [x](https://evil.example) <b>bold</b> www.evil.example"')
        .replace(/owner: "@maria"\n    due: 2027-03-02/, 'owner: "@eve | <script>x</script>"\n    due: 2027-03-02'));
      const f = factsOf(ws);
      const text = impactMarkdown(slipImpact(f.graph, 'p#m', 5), f.graph);
      const { links, html } = linksAndHtml(text);
      assert.deepEqual(links, []);
      assert.deepEqual(html, []);
      const row = text.split('\n').find((line) => line.includes('p\\#n'))!;
      // Five cells: the `|` of the title and the owner are escaped.
      assert.equal(row.split(/(?<!\\)\|/).length - 2, 5, row);
    });
  });

  describe('schedule risk (src/core/model/status.ts)', () => {
    it('open work that slips, or waits for overdue or slipping work, is at risk; done work and work with nothing troubled upstream is not', () => {
      // 2027-03-02: storage#cluster (due 03-01) is overdue, and slips 9 days behind the hardware.
      assert.deepEqual([...scheduleAtRisk(facts.graph, facts.result, '2027-03-02')].sort(), ['api', 'api#v2', 'storage', 'storage#cluster', 'web', 'web#cutover']);
      // Overdue work with no slip still puts what waits for it at risk, not itself.
      const overdue = workspaceOf([{ program: 'p', milestones: [{ id: 'a', due: '2027-01-01' }, { id: 'b', due: '2027-02-01', depends: ['a'] }, { id: 'c', due: '2027-02-01', status: 'done', depends: ['a'] }] }]);
      const f = factsOf(overdue);
      assert.deepEqual([...scheduleAtRisk(f.graph, f.result, '2027-01-15')].sort(), ['p', 'p#b']);
      assert.deepEqual([...scheduleAtRisk(f.graph, f.result, '2026-12-01')].sort(), []);
    });
  });

  it('schedule risk, checked by brute force on 150 seeded random workspaces; overdue exactly as milestone-overdue reports it', () => {
    const random = prng(20261201);
    let marked = 0;
    let onlyFromOverdue = 0;
    for (let run = 0; run < 150; run++) {
      const ws = workspaceOf(randomWorkspace(random));
      const f = factsOf(ws);
      const today = '2027-02-15';
      const config = { ...mergeConfigForTest(), today };
      const overdueByLint = new Set([...lintWorkspace(ws, { config }).values()].flat().filter((d) => d.rule === 'milestone-overdue').map((d) => `${ws.get(d.uri)!.program!.value}#${idAtLine(ws, d.uri, d.range.start.line)}`));
      const open = (id: string) => !f.graph.get(id)!.pinned && !f.result.get(id)?.onCycle;
      const slips = (id: string) => (f.result.get(id)?.slip ?? 0) > 0;
      // Upstream through open work only (a done milestone is pinned: nothing passes it).
      const troubledUpstream = (id: string): boolean => {
        const seen = new Set<string>();
        const stack = [...f.graph.get(id)!.predecessors];
        while (stack.length > 0) {
          const p = stack.pop()!;
          if (seen.has(p) || !open(p)) continue;
          seen.add(p);
          if (slips(p) || overdueByLint.has(p)) return true;
          stack.push(...f.graph.get(p)!.predecessors);
        }
        return false;
      };
      const expected = [...f.graph.keys()].filter((id) => open(id) && (slips(id) || troubledUpstream(id))).sort();
      assert.deepEqual([...scheduleAtRisk(f.graph, f.result, today)].sort(), expected, `run ${run}`);
      marked += expected.length;
      onlyFromOverdue += expected.filter((id) => !slips(id) && f.graph.get(id)!.predecessors.every((p) => !slips(p))).length;
    }
    // The runs exercise both causes (not vacuous).
    assert.ok(marked > 100 && onlyFromOverdue > 10, `${marked} marked, ${onlyFromOverdue} from overdue work alone`);
  });

  it('storage brief lines as the tests assume them', () => {
    assert.equal(storage.text.split('\n')[10], '  - id: cluster');
  });
});
