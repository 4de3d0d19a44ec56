import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeGithubData, escapeGithubProperty, formatGithub, lintSarif, relativeUri, type LintReport } from '../../../src/cli/lintFormats';
import { run } from '../../../src/cli/run';
import { DEFAULT_CONFIG } from '../../../src/core/workspace/config';
import { RULES } from '../../../src/core/rules';
import { cli, FIXTURES, removeTempWorkspaces, tempWorkspace } from './harness';
import { sarifProblems } from './sarif';

const ESC = '\x1b[';

const GOOD_BRIEF = '---\nprogram: good\ntitle: Good\nowner: "@g"\n---\n# Good\n';

after(removeTempWorkspaces);

describe('cli: usage, help and bad usage', () => {
  it('--help, -h and help <command> print help on stdout with exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await cli(args);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /Usage:\n {2}brief lint/);
      assert.equal(result.stderr, '');
    }
    for (const command of ['lint', 'graph', 'checklist', 'schema']) {
      for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
        const result = await cli(args);
        assert.equal(result.code, 0, args.join(' '));
        assert.match(result.stdout, new RegExp(`^Usage: brief ${command}`));
      }
    }
    assert.match((await cli(['lint', '--help'])).stdout, /--max-warnings N[\s\S]*Exit codes:/);
  });

  it('--version prints the package version', async () => {
    const result = await cli(['--version']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout.trim(), JSON.parse(fs.readFileSync(path.join(FIXTURES, '../../../package.json'), 'utf8')).version);
  });

  const usageErrors: [string[], RegExp][] = [
    [[], /Usage:/],
    [['frobnicate'], /unknown command `frobnicate`/],
    [['--nope'], /unknown option `--nope`/],
    [['help', 'frobnicate'], /unknown command `frobnicate`/],
    [['lint', '--nope'], /unknown option `--nope`\nbrief: run `brief lint --help` for usage\n$/],
    [['lint', '--format'], /--format/],
    [['lint', '--format', 'xml'], /invalid --format `xml`; expected one of stylish, json, sarif, github/],
    [['lint', '--today', '2026-02-30'], /invalid --today `2026-02-30`/],
    [['lint', '--max-warnings', '-1'], /--max-warnings/],
    [['lint', '--max-warnings', 'lots'], /invalid --max-warnings `lots`/],
    [['lint', '--quiet=yes'], /quiet/],
    [['graph', '--format', 'svg'], /expected one of mermaid, json, dot/],
    [['graph', '--depth', '2'], /--depth applies only with --focus/],
    [['graph', '--focus', 'x', '--depth', 'two'], /invalid --depth `two`/],
    [['graph', '--level', 'team'], /expected one of milestone, program/],
    [['checklist', '--format', 'csv'], /expected one of text, json/],
    [['checklist', '--open', 'clean', '--mine'], /unknown option `--mine`/],
    [['schema', 'extra'], /takes no arguments/],
  ];
  for (const [args, message] of usageErrors) {
    it(`\`brief ${args.join(' ')}\` is bad usage: message on stderr, exit 2`, async () => {
      const result = await cli(args);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
    });
  }
});

describe('cli: lint exit codes', () => {
  it('0 when there is no problem', async () => {
    const result = await cli(['lint', 'clean']);
    assert.deepEqual(result, { code: 0, stdout: '✔ 2 briefs checked, no problems\n', stderr: '' });
  });

  it('1 when there are errors', async () => {
    const result = await cli(['lint', 'problems', '--today', '2026-01-01']);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
  });

  it('0 with warnings only; 1 with more warnings than --max-warnings', async () => {
    const args = ['lint', 'warnings', '--today', '2026-03-01'];
    assert.equal((await cli(args)).code, 0);
    assert.equal((await cli([...args, '--max-warnings', '3'])).code, 0);
    const over = await cli([...args, '--max-warnings', '2']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /too many warnings \(3; --max-warnings 2\)/);
    assert.equal((await cli([...args, '--max-warnings', '0', '-f', 'json'])).code, 1);
  });

  it('--today sets the date overdue milestones are measured against', async () => {
    const before = JSON.parse((await cli(['lint', 'warnings', '-f', 'json', '--today', '2026-01-01'])).stdout);
    const after = JSON.parse((await cli(['lint', 'warnings', '-f', 'json', '--today', '2026-03-01'])).stdout);
    assert.deepEqual(before.diagnostics.map((d: { rule: string }) => d.rule), ['owner-missing']);
    assert.deepEqual(after.diagnostics.map((d: { rule: string }) => d.rule), ['owner-missing', 'milestone-overdue', 'milestone-overdue']);
  });

  it('--quiet prints errors only; warnings still count for --max-warnings', async () => {
    const quiet = await cli(['lint', 'problems', '--today', '2026-01-01', '--quiet']);
    assert.equal(quiet.code, 1);
    assert.doesNotMatch(quiet.stdout, / warning /);
    assert.match(quiet.stdout, /2 problems \(2 errors, 0 warnings\)/);
    const quietJson = JSON.parse((await cli(['lint', 'problems', '--today', '2026-01-01', '-q', '-f', 'json'])).stdout);
    assert.deepEqual(quietJson.diagnostics.map((d: { severity: string }) => d.severity), ['error', 'error']);

    const onlyWarnings = await cli(['lint', 'warnings', '--today', '2026-03-01', '--quiet']);
    assert.equal(onlyWarnings.code, 0);
    assert.match(onlyWarnings.stdout, /no problems/);
    const tooMany = await cli(['lint', 'warnings', '--today', '2026-03-01', '--quiet', '--max-warnings', '0']);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.stderr, /too many warnings/);
  });

  it('2 when the config file is not valid JSON, naming the file', async () => {
    const result = await cli(['lint', 'bad-config']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^brief: invalid config bad-config\/briefs\.config\.json: not valid JSON/);
  });

  it('2 when the config names an unknown rule, or --config does not exist', async () => {
    const dir = tempWorkspace({ 'briefs.config.json': '{ "rules": { "no-such-rule": "error" } }', 'good.md': GOOD_BRIEF });
    const unknownRule = await cli(['lint'], { cwd: dir });
    assert.equal(unknownRule.code, 2);
    assert.match(unknownRule.stderr, /briefs\.config\.json: unknown rule `no-such-rule`/);

    const missing = await cli(['lint', 'clean', '--config', 'nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read config file nope\.json: no such file or directory/);
  });

  it('2 for a path that does not exist', async () => {
    const result = await cli(['lint', 'no/such/dir']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read no\/such\/dir: no such file or directory/);
  });

  it('2 for an unreadable file named on the command line, nothing printed on stdout', async () => {
    const dir = tempWorkspace({ 'good.md': GOOD_BRIEF, 'gone.md': null });
    const result = await cli(['lint', 'good.md', 'gone.md'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^brief: cannot read gone\.md: broken symbolic link/);
  });

  it('2 for an unreadable file found in a folder: reported, the rest still linted', async () => {
    const dir = tempWorkspace({ 'good.md': GOOD_BRIEF, 'sub/gone.md': null, 'sub/other.brief.md': 'no frontmatter\n' });
    const result = await cli(['lint', '-f', 'json'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^brief: cannot read sub\/gone\.md: broken symbolic link/);
    const output = JSON.parse(result.stdout);
    assert.equal(output.briefs, 2);
    assert.deepEqual(output.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`), ['sub/other.brief.md frontmatter-missing']);
  });

  it('walks folders for .md files only, honouring exclude, never node_modules or .git', async () => {
    const dir = tempWorkspace({
      'briefs.config.json': '{ "exclude": ["archive/**"] }',
      'a.md': GOOD_BRIEF,
      'notes.txt': 'program: x',
      'archive/old.brief.md': 'no frontmatter',
      'node_modules/pkg/readme.brief.md': 'no frontmatter',
      '.git/x.brief.md': 'no frontmatter',
      'deep/er/b.brief.md': GOOD_BRIEF.replace('good', 'deeper'),
    });
    const result = await cli(['lint', '-f', 'json'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).briefs, 2);
    const clean = await cli(['lint', 'clean'], { cwd: FIXTURES });
    assert.equal(clean.code, 0, 'clean/drafts is excluded by clean/briefs.config.json');
  });

  it('reads a file named on the command line even when the config excludes it', async () => {
    const result = await cli(['lint', 'clean/drafts/unfinished.brief.md', '--config', 'clean/briefs.config.json', '-f', 'json']);
    assert.equal(result.code, 1);
    assert.equal(JSON.parse(result.stdout).diagnostics[0].rule, 'frontmatter-missing');
  });

  it('2 on an internal failure, with a message', async () => {
    const code = await run(['schema'], {
      cwd: FIXTURES,
      stdout: { write: () => { throw new Error('disk on fire'); } },
      stderr: { write: (chunk: string) => void (stderrText += chunk) },
    });
    assert.equal(code, 2);
    assert.match(stderrText, /^brief: internal error: Error: disk on fire/);
  });
  let stderrText = '';
});

describe('cli: lint --format stylish', () => {
  it('groups by file with 1-based line:col, severity, message and rule, then a summary', async () => {
    const { stdout } = await cli(['lint', 'problems', '--today', '2026-01-01']);
    const lines = stdout.split('\n');
    assert.deepEqual(lines.filter((line) => line.endsWith('.md')), ['problems/broken.brief.md', 'problems/payments.md']);
    assert.match(stdout, /\n {2}6:5 {2}error {4}`depends_on` names program `ledger-core`[^\n]* {2}dependency-unknown\n/);
    assert.match(stdout, /\n {2}8:3 {2}warning {2}Milestone `cutover` has no owner[^\n]* {2}owner-missing\n/);
    assert.match(stdout, /\n✖ 3 problems \(2 errors, 1 warning\) in 2 briefs\n$/);
    assert.ok(!stdout.includes(ESC));
  });

  it('colours only on a terminal, never with NO_COLOR; FORCE_COLOR forces them', async () => {
    const args = ['lint', 'problems', '--today', '2026-01-01'];
    assert.ok((await cli(args, { isTTY: true })).stdout.includes(`${ESC}31merror`));
    assert.ok(!(await cli(args, { isTTY: true, env: { NO_COLOR: '1' } })).stdout.includes(ESC));
    assert.ok((await cli(args, { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout.includes(ESC));
    assert.ok(!(await cli([...args, '-f', 'json'], { isTTY: true })).stdout.includes(ESC));
  });

  it('shows info diagnostics and counts them', async () => {
    const dir = tempWorkspace({ 'briefs.config.json': '{ "rules": { "owner-missing": "info" } }', 'a.md': '---\nprogram: a\ntitle: A\n---\n' });
    const result = await cli(['lint'], { cwd: dir });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /2:1 {2}info {2}Program `a` has no owner/);
    assert.match(result.stdout, /✖ 1 problem \(0 errors, 0 warnings, 1 info\) in 1 brief/);
  });

  it('says so when no brief is found', async () => {
    const dir = tempWorkspace({ 'readme.md': '# hello\n' });
    assert.deepEqual(await cli(['lint'], { cwd: dir }), { code: 0, stdout: 'No briefs found (a brief is a `.md` file whose frontmatter has `program:`, or a `*.brief.md` file).\n', stderr: '' });
  });
});

describe('cli: lint --format json', () => {
  it('prints exactly the spec object: version, briefs, diagnostics with file, rule, severity, message, range', async () => {
    const result = await cli(['lint', 'problems', '-f', 'json', '--today', '2026-01-01']);
    const output = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(output), ['version', 'briefs', 'diagnostics']);
    assert.equal(output.version, 1);
    assert.equal(output.briefs, 2);
    assert.deepEqual(output.diagnostics[1], {
      file: 'problems/payments.md',
      rule: 'dependency-unknown',
      severity: 'error',
      message: '`depends_on` names program `ledger-core`, which no brief in the workspace defines; expected the id of an existing program',
      range: { start: { line: 5, character: 4 }, end: { line: 5, character: 15 } },
    });
    for (const d of output.diagnostics) assert.deepEqual(Object.keys(d), ['file', 'rule', 'severity', 'message', 'range']);
  });

  it('adds related locations only when there are some; files are relative to cwd with /', async () => {
    const output = JSON.parse((await cli(['lint', 'cli/graph', '-f', 'json', '--today', '2026-01-01'], { cwd: path.dirname(FIXTURES) })).stdout);
    const conflict = output.diagnostics.find((d: { rule: string }) => d.rule === 'schedule-conflict');
    assert.equal(conflict.file, 'cli/graph/platform.md');
    assert.deepEqual(conflict.related, [{ file: 'cli/graph/security.md', range: { start: { line: 13, character: 9 }, end: { line: 13, character: 19 } }, message: '`security#audit` is due 2026-06-15' }]);
    assert.ok(output.diagnostics.filter((d: { rule: string }) => d.rule !== 'schedule-conflict').every((d: object) => !('related' in d)));
  });
});

describe('cli: lint --format sarif', () => {
  it('is a valid SARIF 2.1.0 log GitHub code scanning accepts', async () => {
    for (const folder of ['problems', 'graph', 'clean']) {
      const result = await cli(['lint', folder, '-f', 'sarif', '--today', '2026-01-01']);
      const log = JSON.parse(result.stdout);
      assert.deepEqual(sarifProblems(log), [], folder);
    }
  });

  it('describes every rule and maps each result to it, with 1-based regions', async () => {
    const log = JSON.parse((await cli(['lint', 'graph', '-f', 'sarif', '--today', '2026-01-01'])).stdout);
    const run = log.runs[0];
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(run.tool.driver.name, 'brief');
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    const owner = run.tool.driver.rules.find((r: { id: string }) => r.id === 'owner-missing');
    assert.deepEqual(owner.defaultConfiguration, { enabled: true, level: 'warning' });
    assert.equal(owner.helpUri, 'https://github.com/program-briefs/program-briefs/blob/main/docs/rules/owner-missing.md');
    assert.equal(owner.name, 'OwnerMissing');
    const unowned = run.tool.driver.rules.find((r: { id: string }) => r.id === 'checklist-unowned');
    assert.deepEqual(unowned.defaultConfiguration, { enabled: false, level: 'none' });

    const conflict = run.results.find((r: { ruleId: string }) => r.ruleId === 'schedule-conflict');
    assert.equal(conflict.level, 'warning');
    assert.equal(run.tool.driver.rules[conflict.ruleIndex].id, 'schedule-conflict');
    assert.deepEqual(conflict.locations[0].physicalLocation, {
      artifactLocation: { uri: 'graph/platform.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 39, endLine: 18, endColumn: 53 },
    });
    assert.equal(conflict.relatedLocations[0].physicalLocation.artifactLocation.uri, 'graph/security.md');
    assert.equal(conflict.relatedLocations[0].message.text, '`security#audit` is due 2026-06-15');
    const fingerprints = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['briefFingerprint/v2']);
    assert.equal(new Set(fingerprints).size, fingerprints.length);
  });

  it('uses the configured severity as the rule level; info is note', () => {
    const report: LintReport = {
      briefs: 1,
      diagnostics: [{ uri: 'file:///w/a b.md', rule: 'owner-missing', severity: 'info', message: 'x [y](1) z\\', range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } } }],
      fileOf: (uri) => uri.replace('file:///w/', ''),
      config: { ...DEFAULT_CONFIG, rules: { 'owner-missing': 'info', 'schema': 'off' } },
      rules: RULES,
      toolVersion: '1.2.3',
    };
    const log = lintSarif(report) as { runs: { tool: { driver: { rules: { id: string; defaultConfiguration: unknown }[] } }; results: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.deepEqual(sarifProblems(log), []);
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.find((r) => r.id === 'owner-missing')!.defaultConfiguration, { enabled: true, level: 'note' });
    assert.deepEqual(rules.find((r) => r.id === 'schema')!.defaultConfiguration, { enabled: false, level: 'none' });
    const result = log.runs[0].results[0];
    assert.equal(result.level, 'note');
    assert.equal(result.message.text, 'x \\[y\\](1) z\\\\', 'brackets do not become an embedded link');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'a%20b.md');
    assert.equal(relativeUri('../x/#1 é.md'), '../x/%231%20%C3%A9.md');
  });
});

describe('cli: lint --format github', () => {
  it('prints one workflow command per problem, 1-based, title = rule', async () => {
    const result = await cli(['lint', 'problems', '-f', 'github', '--today', '2026-01-01']);
    assert.equal(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[1], '::error file=problems/payments.md,line=6,col=5,endLine=6,endColumn=15,title=dependency-unknown::`depends_on` names program `ledger-core`, which no brief in the workspace defines; expected the id of an existing program');
    assert.match(lines[2], /^::warning file=problems\/payments\.md,line=8,col=3,endLine=8,endColumn=\d+,title=owner-missing::Milestone `cutover` has no owner/);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.equal(escapeGithubData('100% done\r\nnext'), '100%25 done%0D%0Anext');
    assert.equal(escapeGithubProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
    const report: LintReport = {
      briefs: 1,
      diagnostics: [{
        uri: 'u', rule: 'schema', severity: 'info', message: '50% of "x"\nthen: y\u001b[31m',
        range: { start: { line: 1, character: 2 }, end: { line: 3, character: 0 } },
        related: [{ uri: 'u', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'see here, too' }],
      }],
      fileOf: () => 'dir,1/a:b.md',
      config: DEFAULT_CONFIG,
      rules: RULES,
      toolVersion: '0',
    };
    assert.equal(formatGithub(report), '::notice file=dir%2C1/a%3Ab.md,line=2,endLine=4,title=schema::50%25 of "x"%0Athen: y\\u001b[31m%0Adir,1/a:b.md:1:1: see here, too\n');
  });
});

describe('cli: graph', () => {
  it('prints Mermaid by default', async () => {
    const result = await cli(['graph', 'graph', '--today', '2026-01-01']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^flowchart LR\n {2}subgraph s0\["data"\]\n {4}n0\[\["Data warehouse<br\/>@dee · 2026-08-01<br\/>#8856; Blocked"\]\]/);
    assert.ok(!result.stdout.includes('<img'));
  });

  it('prints the spec JSON: nodes with id, kind, title, owner, status, due, file, line; edges from → to', async () => {
    const json = JSON.parse((await cli(['graph', 'graph', '-f', 'json'])).stdout);
    assert.deepEqual(Object.keys(json), ['nodes', 'edges']);
    for (const node of json.nodes) assert.deepEqual(Object.keys(node), ['id', 'kind', 'title', 'owner', 'status', 'due', 'file', 'line']);
    assert.deepEqual(json.nodes.find((n: { id: string }) => n.id === 'platform#launch'), {
      id: 'platform#launch', kind: 'milestone', title: 'Launch', owner: '@pat', status: null, due: '2026-06-01', file: 'graph/platform.md', line: 13,
    });
    assert.ok(json.edges.some((e: { from: string; to: string }) => e.from === 'platform#launch' && e.to === 'security#audit'));
    assert.ok(!json.nodes.some((n: { id: string }) => n.id === 'nowhere'), 'an undefined reference is no node');
    assert.ok(!json.edges.some((e: { to: string }) => e.to === 'nowhere'));
    const ids = new Set(json.nodes.map((n: { id: string }) => n.id));
    assert.ok(json.edges.every((e: { from: string; to: string }) => ids.has(e.from) && ids.has(e.to)));
  });

  it('--focus and --depth keep the neighbourhood; --level program collapses milestones', async () => {
    const focused = JSON.parse((await cli(['graph', 'graph', '-f', 'json', '--focus', 'platform#launch', '--depth', '1'])).stdout);
    assert.deepEqual(focused.nodes.map((n: { id: string }) => n.id).sort(), ['data#warehouse', 'platform#api', 'platform#launch', 'security#audit']);
    const deeper = JSON.parse((await cli(['graph', 'graph', '-f', 'json', '--focus', 'platform#launch', '--depth', '2'])).stdout);
    assert.ok(deeper.nodes.some((n: { id: string }) => n.id === 'security#keys'));
    const programs = JSON.parse((await cli(['graph', 'graph', '-f', 'json', '--level', 'program'])).stdout);
    assert.deepEqual(programs.nodes.map((n: { kind: string }) => n.kind), ['program', 'program', 'program', 'program']);
    assert.deepEqual(programs.edges, [
      { from: 'data', to: 'security' }, { from: 'platform', to: 'security' }, { from: 'platform', to: 'data' }, { from: 'security', to: 'platform' },
    ]);
  });

  it('highlights the critical path of a focused milestone (mermaid and dot)', async () => {
    const mermaid = (await cli(['graph', 'graph', '--focus', 'platform#launch', '--depth', '1', '--direction', 'TB'])).stdout;
    assert.match(mermaid, /^flowchart TB/);
    assert.match(mermaid, /linkStyle \d+ stroke:#7c3aed,stroke-width:4px/);
    const dot = (await cli(['graph', 'graph', '-f', 'dot', '--focus', 'platform#launch', '--direction', 'TD'])).stdout;
    assert.match(dot, /^digraph briefs \{\n {2}rankdir=TB;/);
    assert.match(dot, /color="#7c3aed", penwidth=3/);
  });

  it('2 for a --focus that names nothing', async () => {
    const result = await cli(['graph', 'graph', '--focus', 'platform#nope']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^brief: no program or milestone `platform#nope` is defined/);
  });
});

describe('cli: checklist', () => {
  it('text: grouped by program and heading with done/total', async () => {
    const result = await cli(['checklist', 'clean']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, [
      'identity-sso — Identity single sign-on  1/1  (clean/programs/identity.brief.md)',
      '  Checklist  1/1',
      '    [x] Threat model reviewed @sam  clean/programs/identity.brief.md:16',
      '',
      'payments-v2 — Payments platform v2  1/4  (clean/programs/payments.md)',
      '  Checklist  1/3',
      '    [x] Kick-off held @maria  clean/programs/payments.md:32',
      '    [ ] Load test plan @li due:2026-01-05  (overdue)  clean/programs/payments.md:33',
      '      [ ] Pick the load tool @li  clean/programs/payments.md:34',
      '  Launch  0/1',
      '    [ ] Announce in #payments @maria  clean/programs/payments.md:37',
      '',
      '2/5 done',
      '',
    ].join('\n'));
  });

  it('--open: unchecked items only (counts still over all)', async () => {
    const result = await cli(['checklist', 'clean', '--open', '--today', '2026-01-01']);
    assert.doesNotMatch(result.stdout, /\[x\]|identity-sso/);
    assert.doesNotMatch(result.stdout, /overdue/);
    assert.match(result.stdout, /payments-v2 — Payments platform v2 {2}1\/4/);
    assert.match(result.stdout, /2\/5 done, 3 open\n$/);
  });

  it('json: every item with program, file, 0-based line, heading, owner, due', async () => {
    const json = JSON.parse((await cli(['checklist', 'clean', '-f', 'json', '--open'])).stdout);
    assert.equal(json.version, 1);
    assert.equal(json.total, 5);
    assert.equal(json.done, 2);
    assert.equal(json.items.length, 3);
    assert.deepEqual(json.items[0], {
      program: 'payments-v2', file: 'clean/programs/payments.md', line: 32, heading: 'Checklist', text: 'Load test plan @li due:2026-01-05',
      state: 'open', checked: false, owner: '@li', due: '2026-01-05', scheduled: null, start: null, doneOn: null, cancelledOn: null, priority: null, overdue: true, depth: 0,
    });
    assert.equal(json.items[1].depth, 1);
  });
});

describe('cli: schema', () => {
  it('prints the frontmatter JSON Schema', async () => {
    const result = await cli(['schema']);
    assert.equal(result.code, 0);
    const schema = JSON.parse(result.stdout);
    assert.equal(schema.title, 'Program brief frontmatter');
    assert.ok(schema.properties.program);
    assert.ok(schema.required.includes('program'));
  });

  it('prints the briefs.config.json JSON Schema with --config, listing every rule id', async () => {
    const result = await cli(['schema', '--config']);
    assert.equal(result.code, 0);
    const schema = JSON.parse(result.stdout);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'exclude', 'include', 'people', 'rules', 'today']);
    assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((rule) => rule.id));
    assert.deepEqual(schema.properties.rules.properties['owner-missing'].enum, ['error', 'warning', 'info', 'off']);
    assert.equal(schema.additionalProperties, false);
  });
});
