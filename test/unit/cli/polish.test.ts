/**
 * Issue 10, item 9: "did you mean `lint`?" for a mistyped command, option or value; one style
 * for every `brief: ` message (lower case, no final period); help rows aligned; "Docs:" in
 * help is a web address.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKLIST_HELP, DOCS_URL, DUE_HELP, GRAPH_HELP, LINT_HELP, OWNERS_HELP, rows, SCHEMA_HELP, TOP_HELP } from '../../../src/cli/help';
import { message } from '../../../src/cli/run';
import { closest, editDistance } from '../../../src/cli/suggest';
import { cli, removeTempWorkspaces, tempWorkspace } from './harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const HELPS = { TOP_HELP, LINT_HELP, GRAPH_HELP, CHECKLIST_HELP, SCHEMA_HELP, DUE_HELP, OWNERS_HELP };

after(removeTempWorkspaces);

describe('cli: did you mean', () => {
  it('edit distance counts insertions, deletions, substitutions and swaps of neighbours as 1', () => {
    assert.equal(editDistance('lint', 'lint'), 0);
    assert.equal(editDistance('lnt', 'lint'), 1);
    assert.equal(editDistance('lint', 'lintt'), 1);
    assert.equal(editDistance('lunt', 'lint'), 1);
    assert.equal(editDistance('lnit', 'lint'), 1, 'a swap of neighbours is one edit (Damerau)');
    assert.equal(editDistance('chekclist', 'checklist'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('closest: a small distance only, ties to the first, case ignored, nothing for a single letter', () => {
    assert.equal(closest('lnit', ['lint', 'graph']), 'lint');
    assert.equal(closest('LINT', ['lint']), 'lint');
    assert.equal(closest('grahp', ['lint', 'graph']), 'graph');
    assert.equal(closest('--formt', ['--format', '--focus']), '--format');
    assert.equal(closest('frobnicate', ['lint', 'graph', 'checklist', 'schema']), undefined);
    assert.equal(closest('lt', ['lint']), undefined, 'two edits in a four-letter name is not a typo');
    assert.equal(closest('-x', ['-f', '-q']), undefined);
    assert.equal(closest('x'.repeat(10_000), ['lint']), undefined);
  });

  const cases: [string[], string][] = [
    [['lnit'], 'brief: unknown command `lnit`; did you mean `lint`?\nbrief: run `brief --help` for usage\n'],
    [['chekclist'], 'brief: unknown command `chekclist`; did you mean `checklist`?\nbrief: run `brief --help` for usage\n'],
    [['help', 'grpah'], 'brief: unknown command `grpah`; did you mean `graph`?\nbrief: run `brief --help` for usage\n'],
    [['--verison'], 'brief: unknown option `--verison`; did you mean `--version`?\nbrief: run `brief --help` for usage\n'],
    [['lint', '--formt', 'json'], 'brief: unknown option `--formt`; did you mean `--format`?\nbrief: run `brief lint --help` for usage\n'],
    [['lint', '--max-warning', '3'], 'brief: unknown option `--max-warning`; did you mean `--max-warnings`?\nbrief: run `brief lint --help` for usage\n'],
    [['graph', '--dept', '1'], 'brief: unknown option `--dept`; did you mean `--depth`?\nbrief: run `brief graph --help` for usage\n'],
    [['checklist', '--opne'], 'brief: unknown option `--opne`; did you mean `--open`?\nbrief: run `brief checklist --help` for usage\n'],
    [['lint', '--format', 'jsno'], 'brief: invalid --format `jsno`; did you mean `json`?\nbrief: run `brief lint --help` for usage\n'],
    [['frobnicate'], 'brief: unknown command `frobnicate`; expected lint, graph, checklist or schema\nbrief: run `brief --help` for usage\n'],
    [['lint', '--nope'], 'brief: unknown option `--nope`\nbrief: run `brief lint --help` for usage\n'],
    // Names of Object.prototype are not commands (they were looked up on a plain object).
    [['constructor'], 'brief: unknown command `constructor`; expected lint, graph, checklist or schema\nbrief: run `brief --help` for usage\n'],
    [['help', '__proto__'], 'brief: unknown command `__proto__`; expected lint, graph, checklist or schema\nbrief: run `brief --help` for usage\n'],
  ];
  for (const [args, stderr] of cases) {
    it(`\`brief ${args.join(' ')}\``, async () => {
      assert.deepEqual(await cli(args), { code: 2, stdout: '', stderr });
    });
  }
});

describe('cli: one style for messages', () => {
  it('message() lower-cases the first word (not a name such as JSON) and drops a final period', () => {
    assert.equal(message('Unknown thing.'), 'unknown thing');
    assert.equal(message('No program or milestone `x` is defined'), 'no program or milestone `x` is defined');
    assert.equal(message('JSON is bad'), 'JSON is bad');
    assert.equal(message('already fine'), 'already fine');
  });

  it('every line brief writes on stderr starts `brief: ` in lower case and has no final period', async () => {
    const dir = tempWorkspace({
      'bad/briefs.config.json': '{ nope',
      'rule/briefs.config.json': '{ "rules": { "no-such-rule": "error" } }',
      'ok/a.md': '---\nprogram: a\ntitle: A\nowner: "@a"\n---\n# A\n',
      'ok/big.md': `---\nprogram: big\n---\n${'x'.repeat(3000)}\n`,
      'ok/gone.md': null,
    });
    const runs: string[][] = [
      [], ['lnit'], ['--nope'], ['frobnicate'], ['help', 'nope'], ['schema', 'x'],
      ['lint', '--nope'], ['lint', '-x'], ['lint', '--format'], ['lint', '--quiet=yes'], ['lint', '--format', 'xml'],
      ['lint', '--today', '2026-02-30'], ['lint', '--max-warnings', 'lots'], ['lint', '--max-file-size', '0'],
      ['lint', 'bad'], ['lint', 'rule'], ['lint', 'nope.md'], ['lint', 'ok', '--config', 'nope.json'],
      ['lint', 'ok', '--max-file-size', '1'], ['lint', 'ok', '--max-warnings', '0', '--today', '2026-01-01'],
      ['graph', '--depth', '2'], ['graph', 'ok', '--focus', 'nope'], ['graph', '--level', 'x'], ['checklist', '--mine'],
    ];
    let lines = 0;
    for (const args of runs.slice(1)) {
      const { stderr } = await cli(args, { cwd: dir });
      for (const line of stderr.split('\n').filter(Boolean)) {
        lines++;
        assert.match(line, /^brief: (warning: )?[^A-Z]/, `brief ${args.join(' ')}: ${line}`);
        assert.doesNotMatch(line, /\.$/, `brief ${args.join(' ')}: ${line}`);
      }
    }
    assert.ok(lines >= runs.length, `${lines} lines checked`);
  });
});

describe('cli: help', () => {
  it('rows() aligns descriptions, continuation lines included, two spaces after the longest name', () => {
    assert.equal(rows([['-a', 'one'], ['--long NAME', 'two\nthree']]), '  -a           one\n  --long NAME  two\n               three');
  });

  for (const [name, help] of Object.entries(HELPS)) {
    it(`${name}: every row of a section starts its description in one column`, () => {
      const sections = help.split(/\n(?=[A-Z][\w ]*:\n)/).filter((section) => /^[A-Z][\w ]*:\n {2}\S/.test(section));
      assert.ok(sections.length >= 1, 'has a section of rows');
      for (const section of sections) {
        const body = section.split('\n').slice(1).filter((line) => line.startsWith('  ') && line.trim() !== '');
        const columns = new Set(body.map((line) => {
          const row = /^ {2}(\S+(?: \S+)*) {2,}\S/.exec(line);
          return row ? line.length - line.slice(2 + row[1].length).trimStart().length : line.length - line.trimStart().length;
        }));
        assert.equal(columns.size, 1, `${section.split('\n')[0]} has description columns ${[...columns].join(', ')}:\n${section}`);
      }
    });

    it(`${name}: "Docs:" is the web address of docs/cli.md`, () => {
      assert.match(help, /\nDocs: https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/main\/docs\/cli\.md\n$/);
    });
  }

  it('the docs address comes from package.json repository and names a file that exists', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(DOCS_URL, `${pkg.repository.url.replace(/\.git$/, '')}/blob/main/docs/cli.md`);
    assert.ok(pkg.homepage.startsWith(pkg.repository.url.replace(/\.git$/, '')));
    assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'cli.md')));
  });
});
