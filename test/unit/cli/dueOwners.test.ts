/** `brief due` (v2 spec section 3.3) and `brief owners` (3.5): text, json, filters, help and exit codes. */
import * as assert from 'node:assert/strict';
import { cli, removeTempWorkspaces, tempWorkspace } from './harness';
import { FILES, TODAY } from './reportFixtures';

describe('cli: brief due', function () {
  this.timeout(60_000);
  after(removeTempWorkspaces);

  it('json: open milestones and unticked checklist items due by today + 14, overdue first, then by date and file', async () => {
    const cwd = tempWorkspace(FILES);
    const result = await cli(['due', '--format', 'json', '--today', TODAY], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual([json.version, json.today, json.within, json.until, json.owner], [1, TODAY, 14, '2027-01-24', null]);
    // Overdue: Tell support (01-07), api (01-08). Then runbook (01-12), cutover (01-20). Not: design (done), the war room
    // (ticked), storage#cluster (01-25 > 01-24), later (03-01), the retro (02-15), the undated item.
    assert.deepEqual(json.items, [
      { kind: 'checklist', text: 'Tell support @maria due:2027-01-07', owner: '@maria', due: '2027-01-07', overdue: true, program: 'payments', file: 'programs/payments.md', line: 57 },
      { kind: 'milestone', id: 'payments#api', text: 'API ready', owner: '@li', due: '2027-01-08', overdue: true, program: 'payments', file: 'programs/payments.md', line: 15 },
      { kind: 'checklist', text: 'Write the runbook @li due:2027-01-12', owner: '@li', due: '2027-01-12', overdue: false, program: 'payments', file: 'programs/payments.md', line: 55 },
      { kind: 'milestone', id: 'payments#cutover', text: 'Production cutover', owner: '@maria', due: '2027-01-20', overdue: false, program: 'payments', file: 'programs/payments.md', line: 19 },
    ]);
  });

  it('--within and --owner narrow it; text shows overdue, the owner and file:line (1-based)', async () => {
    const cwd = tempWorkspace(FILES);
    const wide = JSON.parse((await cli(['due', '--format', 'json', '--today', TODAY, '--within', '15'], { cwd })).stdout);
    assert.ok(wide.items.some((item: { id?: string }) => item.id === 'storage#cluster'), 'cluster is due 01-25 = today + 15');
    const none = JSON.parse((await cli(['due', '--format', 'json', '--today', TODAY, '--within', '0', '--owner', '@li'], { cwd })).stdout);
    assert.deepEqual(none.items.map((item: { id?: string; text: string }) => item.id ?? item.text), ['payments#api']);
    const text = await cli(['due', '--today', TODAY, '--owner', '@maria'], { cwd });
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout, [
      'Due by 2027-01-24 for @maria (today 2027-01-10, within 14 days): 2 items, 1 overdue',
      '  2027-01-07  overdue  checklist  Tell support @maria due:2027-01-07  @maria  programs/payments.md:58',
      '  2027-01-20           milestone  payments#cutover  Production cutover  @maria  programs/payments.md:20',
      '',
    ].join('\n'));
    const empty = await cli(['due', '--today', TODAY, '--owner', '@nobody'], { cwd });
    assert.equal(empty.stdout, 'Nothing open is due by 2027-01-24 for @nobody (today 2027-01-10, within 14 days).\n');
  });

  it('bad usage is exit 2 with a pointer to help; --help is exit 0', async () => {
    const cwd = tempWorkspace(FILES);
    for (const [args, message] of [
      [['due', '--within', 'soon'], 'brief: invalid --within `soon`; expected a whole number (0 or more)'],
      [['due', '--owner', 'maria'], 'brief: invalid --owner `maria`; expected a handle such as @maria or @org/team'],
      [['due', '--format', 'yaml'], 'brief: invalid --format `yaml`; expected one of text, json'],
    ] as const) {
      const result = await cli([...args], { cwd });
      assert.equal(result.code, 2);
      assert.equal(result.stderr, `${message}\nbrief: run \`brief due --help\` for usage\n`);
    }
    const help = await cli(['due', '--help'], { cwd });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: brief due \[paths\.\.\.\] \[options\]\n/);
    assert.match(help.stdout, /--within N/);
    assert.match((await cli(['--help'])).stdout, /brief due \[paths\.\.\.\] +open milestones and checklist items due soon/);
  });

  it('workspace text is printed as one safe line', async () => {
    const cwd = tempWorkspace({ 'p.md': '---\nprogram: p\nowner: "@maria"\n---\n- [ ] ::error::pwned \u202e @li due:2027-01-01\n' });
    const result = await cli(['due', '--today', TODAY], { cwd });
    assert.ok(!/^\s*::/m.test(result.stdout) && !result.stdout.includes('\u202e'), result.stdout);
    assert.match(result.stdout, /\\u202e/);
  });
});

describe('cli: brief owners', function () {
  this.timeout(60_000);
  after(removeTempWorkspaces);

  it('json: every handle with what it owns, open first', async () => {
    const cwd = tempWorkspace(FILES);
    const result = await cli(['owners', '--format', 'json', '--today', TODAY], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.owners.map((o: { owner: string }) => o.owner), ['@li', '@maria']);
    const maria = json.owners[1];
    assert.deepEqual(maria.programs, [{ id: 'payments', text: 'Payments v2', program: 'payments', status: 'on-track', open: true, due: null, file: 'programs/payments.md', line: 1 }]);
    // design is done: after cutover although written before it.
    assert.deepEqual(maria.milestones.map((m: { id: string; open: boolean }) => [m.id, m.open]), [['payments#cutover', true], ['payments#design', false]]);
    assert.deepEqual(maria.risks.map((r: { id: string }) => r.id), ['payments#fraud']);
    assert.deepEqual(maria.decisions.map((d: { id: string; open: boolean }) => [d.id, d.open]), [['payments#region', true], ['payments#lang', false]]);
    assert.deepEqual(maria.checklist.map((c: { text: string; open: boolean }) => [c.text, c.open]), [
      ['Tell support @maria due:2027-01-07', true], ['Plan the retro @maria due:2027-02-15', true], ['Book the war room @maria due:2027-01-09', false],
    ]);
    const li = json.owners[0];
    assert.deepEqual(li.programs.map((p: { id: string }) => p.id), ['storage']);
    assert.deepEqual(li.teams, [{ id: 'core', text: 'core', program: 'payments', status: null, open: true, due: null, file: 'programs/payments.md', line: 7 }]);
    assert.deepEqual(li.milestones.map((m: { id: string }) => m.id), ['payments#api', 'payments#later', 'storage#cluster']);
    assert.deepEqual(li.checklist.map((c: { text: string }) => c.text), ['Write the runbook @li due:2027-01-12', 'Undated item @li']);
  });

  it('text, and --owner', async () => {
    const cwd = tempWorkspace(FILES);
    const result = await cli(['owners', '--owner', '@li'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, [
      '@li  1 program (1 open), 1 team (1 open), 3 milestones (3 open), 1 risk (1 open), 2 checklist items (2 open)',
      '  programs',
      '    open    storage  Storage  programs/storage.md:2',
      '  teams',
      '    open    core  programs/payments.md:8',
      '  milestones',
      '    open    payments#api  API ready  due 2027-01-08  programs/payments.md:16',
      '    open    payments#later  Later work  due 2027-03-01  programs/payments.md:25',
      '    open    storage#cluster  Cluster live  blocked  due 2027-01-25  programs/storage.md:7',
      '  risks',
      '    open    payments#vendor  Vendor may slip  programs/payments.md:30',
      '  checklist',
      '    open    Write the runbook @li due:2027-01-12  due 2027-01-12  programs/payments.md:56',
      '    open    Undated item @li  programs/payments.md:60',
      '',
    ].join('\n'));
    const maria = await cli(['owners', '--owner', '@maria'], { cwd });
    assert.match(maria.stdout, /^ {4}closed {2}payments#design {2}Design signed off {2}done {2}due 2027-01-05 {2}programs\/payments.md:11$/m);
    assert.equal((await cli(['owners', '--owner', '@nobody'], { cwd })).stdout, '@nobody owns nothing here.\n');
    const bad = await cli(['owners', '--owner', 'li'], { cwd });
    assert.equal(bad.code, 2);
    const help = await cli(['help', 'owners']);
    assert.match(help.stdout, /^Usage: brief owners \[paths\.\.\.\] \[options\]\n/);
  });
});
