// The Timeline's filters, grouping and "Compare with…" as a user drives them in real VS Code
// (code-server + Chromium), on the test workspace (test/vscode/workspace: 17 dated milestones in
// 9 programs; the expectations below are read off its briefs):
// - the status (Done, Open), owner, team and text filters show exactly the milestones that match,
//   under the programs they belong to, and hide the programs left without one;
// - grouping by team and by owner draws one header per team (or owner), in order, with exactly
//   the milestones of that team (or owner) under it;
// - "Compare with…" on the workspace made a git repository here (a commit where the payments
//   cutover was due three and a half weeks earlier; removed at the end, the brief put back): the
//   revision picker lists the commit; picking it draws a ghost bar per milestone at the dates it
//   had then, where the month ticks place those dates.
// Screenshots: test-results/screenshots/timeline-grouped.png, timeline-compare.png.
// Waits only on conditions in the page and on disk.
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { timelineFrame } from './timelineHelpers.mjs';
import { closeAllEditors, runCommand, until } from './workbench.mjs';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-02-20T12:00:00Z', GIT_COMMITTER_DATE: '2026-02-20T12:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Every dated milestone of the workspace: program#milestone → its owner and team as the briefs give them. */
const MILESTONES = {
  'data-platform#warehouse': { owner: '@chen' },
  'diagram-checkout#design': { owner: '@maria', done: true },
  'diagram-checkout#build': { owner: '@li' },
  'diagram-checkout#launch': { owner: '@li' },
  'diagram-ledger#api': { owner: '@ana' },
  'diagram-ledger#migration': { owner: '@ana' },
  'diagram-ledger#reconcile': { owner: '@omar' },
  'diagram-ledger#audit': { owner: '@omar' },
  'diagram-xss#click': { owner: '@sam' },
  'views-alpha#design': { owner: '@vera', team: 'views-core', done: true },
  'views-alpha#late': { owner: '@vera', team: 'views-core' },
  'views-alpha#launch': { owner: '@omar', team: 'views-core' },
  'billing-core#ledger-api': { owner: '@tomasz' },
  'identity-sso#tokens-ga': { owner: '@amara', team: 'security' },
  'mobile-app#beta': { owner: '@li' },
  'payments-v2#design': { owner: '@maria', team: 'payments', done: true },
  'payments-v2#cutover': { owner: '@li', team: 'mobile' },
};
const ALL = Object.keys(MILESTONES);
/** The programs with no dated milestone: shown (with their undated milestones) only while nothing is filtered. */
const UNDATED_PROGRAMS = ['legacy-gateway', 'views-beta', 'views-toggle'];
const programOf = (node) => node.split('#')[0];

/**
 * What the chart shows, top to bottom: each group header (its key, the label in the label
 * column, its y) with the bars drawn under it, i.e. between its row and the next header's.
 */
async function shown(frame) {
  return frame.evaluate(() => {
    const groups = [...document.querySelectorAll('#pb-timeline-chart .pb-group')].map((g) => {
      const key = g.getAttribute('data-group');
      const label = [...document.querySelectorAll('#pb-timeline-chart [data-label-for-group]')].find((t) => t.getAttribute('data-label-for-group') === key)?.textContent ?? '';
      return { key, label: label.replace(/^[▾▸] /, ''), y: Number(g.querySelector('.pb-group-bg').getAttribute('y')), bars: [] };
    }).sort((a, b) => a.y - b.y);
    const stray = [];
    for (const bar of document.querySelectorAll('#pb-timeline-chart .pb-bar')) {
      const y = Number(bar.querySelector('.pb-focus-ring').getAttribute('y'));
      const under = groups.filter((group) => group.y < y).pop();
      (under ? under.bars : stray).push(bar.getAttribute('data-node'));
    }
    return { groups, stray, summary: document.querySelector('.pb-summary')?.textContent ?? '' };
  });
}

const sorted = (list) => [...list].sort();
const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** Expected program groups for a set of milestones: program → its milestones. */
function byProgram(nodes) {
  const groups = new Map();
  for (const node of nodes) groups.set(programOf(node), [...(groups.get(programOf(node)) ?? []), node]);
  return groups;
}

/** Waits until the chart shows exactly `expected` (group key → milestones), and no bar outside a group. */
async function expectGroups(frame, expected, what) {
  let last;
  try {
    await until(async () => {
      last = await shown(frame);
      if (last.stray.length > 0 || last.groups.length !== expected.size) return false;
      return last.groups.every((group) => expected.has(group.key) && same(group.bars, expected.get(group.key)));
    }, what, 20_000);
  } catch (error) {
    throw new Error(`${error.message}\n  expected ${JSON.stringify([...expected])}\n  shown ${JSON.stringify(last?.groups.map((g) => [g.key, g.bars]))} stray ${JSON.stringify(last?.stray)}`);
  }
  const total = [...expected.values()].reduce((n, list) => n + list.length, 0);
  if (!last.summary.startsWith(`${total} of 17 milestones`)) throw new Error(`the summary says "${last.summary}", expected ${total} of 17 milestones`);
  return last;
}

const programGroups = (nodes) => new Map([...byProgram(nodes)].map(([program, list]) => [`program:${program}`, list]));
/** Nothing filtered: every program, the three without a dated milestone too. */
const everyProgram = () => new Map([...programGroups(ALL), ...UNDATED_PROGRAMS.map((program) => [`program:${program}`, []])]);

export default async ({ page, screenshotsDir, workspaceDir }) => {
  const shot = (name) => page.screenshot({ path: path.join(screenshotsDir, `timeline-${name}.png`) });
  const git = (...args) => execFileSync('git', args, { cwd: workspaceDir, env: GIT_ENV, encoding: 'utf8' }).trim();
  const payments = path.join(workspaceDir, 'programs', 'payments.md');
  const original = await readFile(payments, 'utf8');
  let frame;
  const select = (name, value) => frame.locator(`.pb-toolbar select[name="${name}"]`).selectOption(value);
  const filterText = (text) => frame.locator('.pb-toolbar input[name="text"]').fill(text);
  try {
    // The baseline: a commit where the cutover was due on 2026-04-20 (the brief says 2026-05-15).
    if (!original.includes('due: 2026-05-15')) throw new Error('programs/payments.md no longer has the cutover due 2026-05-15');
    await writeFile(payments, original.replace('due: 2026-05-15', 'due: 2026-04-20'));
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Timeline baseline: the cutover in April');
    await writeFile(payments, original);

    await page.locator('.part.statusbar', { hasText: /12 programs/ }).waitFor({ timeout: 60_000 });
    await closeAllEditors(page);
    await runCommand(page, 'Program Briefs: Show Timeline');
    frame = await timelineFrame(page);
    // A timeline an earlier run left filtered comes back as the defaults.
    await select('zoom', 'months');
    await select('group', 'program');
    await select('status', 'all');
    await select('owner', '');
    await select('team', '');
    await filterText('');
    await until(async () => (await frame.locator('.pb-bar[data-node="payments-v2#cutover"]').getAttribute('data-due')) === '2026-05-15', 'the cutover at its due in the brief (2026-05-15)');
    await expectGroups(frame, everyProgram(), 'every dated milestone under its program, and the programs without one');

    // 1. Status: Done, then Open (everything not done; the workspace has nothing cancelled).
    await select('status', 'done');
    await expectGroups(frame, programGroups(ALL.filter((n) => MILESTONES[n].done)), 'the done milestones only');
    await select('status', 'open');
    await expectGroups(frame, programGroups(ALL.filter((n) => !MILESTONES[n].done)), 'the open milestones only');
    await select('status', 'all');

    // 2. Owner: the milestone's owner (a program's owner for a milestone without one).
    await select('owner', '@li');
    await expectGroups(frame, programGroups(ALL.filter((n) => MILESTONES[n].owner === '@li')), "@li's milestones");
    await select('owner', '');

    // 3. Team: the milestone's team (its program's teams for a milestone without one).
    await select('team', 'views-core');
    await expectGroups(frame, programGroups(ALL.filter((n) => MILESTONES[n].team === 'views-core')), "the views-core team's milestones");
    await select('team', 'payments');
    await expectGroups(frame, programGroups(['payments-v2#design']), "the payments team's milestone (the cutover is the mobile team's)");
    await select('team', '');

    // 4. Text: titles, ids, program titles and owners, any case. "LEDGER": the ledger service's
    // four milestones and billing's "Ledger write API" (the checkout's build, which depends on
    // the ledger, does not say so in its own text).
    await filterText('LEDGER');
    const ledger = ['diagram-ledger#api', 'diagram-ledger#migration', 'diagram-ledger#reconcile', 'diagram-ledger#audit', 'billing-core#ledger-api'];
    await expectGroups(frame, programGroups(ledger), 'the milestones whose text says "ledger"');
    // Filters combine: the text and an owner.
    await select('owner', '@omar');
    await expectGroups(frame, programGroups(['diagram-ledger#reconcile', 'diagram-ledger#audit']), '"ledger" milestones of @omar');
    await select('owner', '');
    await filterText('no milestone says this');
    await expectGroups(frame, new Map(), 'nothing for a text no milestone has');
    await filterText('');
    await expectGroups(frame, everyProgram(), 'every program again once the text is cleared');

    // 5. Group by team: a milestone's team, else its program's teams, else "(no team)"; headers in order.
    await select('group', 'team');
    const teamOf = (n) => MILESTONES[n].team ?? '(no team)';
    const teams = new Map();
    for (const n of ALL) teams.set(`team:${teamOf(n)}`, [...(teams.get(`team:${teamOf(n)}`) ?? []), n]);
    const byTeam = await expectGroups(frame, teams, 'the milestones under their teams');
    const teamLabels = byTeam.groups.map((g) => g.label);
    if (JSON.stringify(teamLabels) !== JSON.stringify(['(no team)', 'mobile', 'payments', 'security', 'views-core'])) throw new Error(`team headers, top to bottom: ${teamLabels.join(', ')}`);
    await shot('grouped');

    // 6. Group by owner.
    await select('group', 'owner');
    const owners = new Map();
    for (const n of ALL) owners.set(`owner:${MILESTONES[n].owner}`, [...(owners.get(`owner:${MILESTONES[n].owner}`) ?? []), n]);
    const byOwner = await expectGroups(frame, owners, 'the milestones under their owners');
    const ownerLabels = byOwner.groups.map((g) => g.label);
    const expectedOwners = [...new Set(ALL.map((n) => MILESTONES[n].owner))].sort((a, b) => a.localeCompare(b));
    if (JSON.stringify(ownerLabels) !== JSON.stringify(expectedOwners)) throw new Error(`owner headers, top to bottom: ${ownerLabels.join(', ')}; expected ${expectedOwners.join(', ')}`);
    // Grouping and a filter together: @li's milestones under @li alone.
    await select('owner', '@li');
    await expectGroups(frame, new Map([['owner:@li', owners.get('owner:@li')]]), "@li's milestones under @li");
    await select('owner', '');
    await select('group', 'program');
    await expectGroups(frame, everyProgram(), 'every program again');

    // 7. Compare with… the commit: the picker lists it; ghost bars at the dates of then.
    if ((await frame.locator('.pb-ghost').count()) !== 0) throw new Error('ghost bars before any comparison');
    await frame.locator('.pb-toolbar button[name="compare"]').click();
    await page.locator('.quick-input-title', { hasText: 'Compare the Timeline with…' }).waitFor();
    const input = page.locator('.quick-input-widget input.input');
    const commitRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Timeline baseline: the cutover in April' }).first();
    await commitRow.waitFor();
    await input.fill('Timeline baseline');
    await commitRow.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const head = git('rev-parse', 'HEAD');
    await until(async () => (await frame.locator('.pb-summary').textContent())?.includes(`compared with ${head} (${head.slice(0, 10)}, 2026-02-20)`), 'the summary naming the commit compared with', 60_000);
    await until(async () => (await frame.locator('.pb-ghost').count()) === 17, 'a ghost bar for each of the 17 milestones', 30_000);
    const drawn = await frame.evaluate(() => {
      const ticks = {};
      for (const line of document.querySelectorAll('#pb-timeline-chart line[data-day]')) ticks[line.getAttribute('data-day')] = Number(line.getAttribute('x1'));
      const ghosts = [...document.querySelectorAll('#pb-timeline-chart .pb-ghost')].map((rect) => {
        const bar = rect.closest('.pb-bar');
        const box = rect.getBBox();
        return { node: bar.getAttribute('data-node'), start: rect.getAttribute('data-start'), due: rect.getAttribute('data-due'), barStart: bar.getAttribute('data-start'), barDue: bar.getAttribute('data-due'), x: box.x, right: box.x + box.width };
      });
      return { ticks, ghosts };
    });
    const dayOf = (date) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    const march = drawn.ticks['2026-03-01'];
    if (march === undefined) throw new Error(`no March 2026 tick: ${JSON.stringify(drawn.ticks)}`);
    const xOf = (date) => march + (dayOf(date) - dayOf('2026-03-01')) * 4;
    for (const ghost of drawn.ghosts) {
      if (ghost.node === 'payments-v2#cutover') {
        // Then: from the design's due (its predecessor in the brief) to 2026-04-20; now to 2026-05-15.
        if (ghost.start !== '2026-02-01' || ghost.due !== '2026-04-20' || ghost.barDue !== '2026-05-15') throw new Error(`the cutover's ghost: ${JSON.stringify(ghost)}`);
      } else if (ghost.start !== ghost.barStart || ghost.due !== ghost.barDue) throw new Error(`an unchanged milestone's ghost has other dates: ${JSON.stringify(ghost)}`);
      // A ghost is at least 2 px wide (a one-day milestone's ghost is still seen).
      if (Math.abs(ghost.x - xOf(ghost.start)) > 0.5 || Math.abs(ghost.right - Math.max(xOf(ghost.due), xOf(ghost.start) + 2)) > 0.5) throw new Error(`the ghost of ${ghost.node} (${ghost.start} → ${ghost.due}) drawn at ${ghost.x}–${ghost.right}, expected ${xOf(ghost.start)}–${xOf(ghost.due)}`);
    }
    if (!same(drawn.ghosts.map((g) => g.node), ALL)) throw new Error(`ghosts for ${drawn.ghosts.map((g) => g.node).join(', ')}`);
    // The picture: the spring of 2026, where the cutover's ghost ends before its bar (no toast over it).
    await runCommand(page, 'Notifications: Clear All Notifications');
    await frame.evaluate((x) => { document.querySelector('.pb-scroll').scrollLeft = Math.max(0, x - 400); }, xOf('2026-02-01'));
    await shot('compare');
  } finally {
    // The timeline as the other checks expect it (its state is kept by the webview), the brief
    // as it was, no repository.
    if (frame && !frame.isDetached()) {
      await select('group', 'program').catch(() => {});
      await select('status', 'all').catch(() => {});
      await select('owner', '').catch(() => {});
      await select('team', '').catch(() => {});
      await filterText('').catch(() => {});
    }
    await writeFile(payments, original);
    await rm(path.join(workspaceDir, '.git'), { recursive: true, force: true });
  }
};
