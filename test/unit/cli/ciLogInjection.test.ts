/**
 * Issue 9, finding 6: brief text and file names reach every output of the CLI, and a CI log
 * obeys workflow commands (`::name …::` at the start of a line, after blanks; `##[name]`
 * anywhere in a line), and terminals obey control and bidirectional characters. For each
 * format, a workspace full of such payloads must print no line that GitHub would read as a
 * command (but our own `github` annotations), no `##[`, no raw control or bidi character; JSON
 * must still parse to the original strings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { neutraliseCommands, printable, safeJson } from '../../../src/cli/safeText';
import { cli } from './harness';

/** What GitHub's runner trims before it looks for `::` (.NET `Trim()`: Unicode white space). */
const DOTNET_BLANKS = /^[\s\u0085\u180e]*/;
/** Characters no output may hold raw (`\n` is the only line break we write; colours are off). */
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const PAYLOAD = '##[error]boom \r::warning::cr \n::error::lf \u001b[31mred \u202egnp.exe \u2066iso\u2069 \u009b2J \u0085::notice::nel ##[stop-commands]tok';
/** The same without line breaks, for places that cannot hold them (a checklist line, a heading). */
const LINE_PAYLOAD = '::error::item ##[error]boom \u001b[31mred \u202egnp.exe \u2066iso\u2069 \u009b2J ##[stop-commands]tok';

const FILE_NAMES = {
  evil: '::error file=x::pwned.md',
  newline: 'a\n::error::nl.brief.md',
  hash: '##[error]h.brief.md',
  bidi: 'b\u202e\u2066.brief.md',
};

let dir = '';

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-ci-injection-'));
  const frontmatter = {
    program: 'evil',
    title: `T ${PAYLOAD}`,
    owner: '@o',
    status: `::error::status ${PAYLOAD}`,
    depends_on: ['##[error]dep', '::error::x', 'hash'],
    milestones: [{ id: 'm1', title: `M ${PAYLOAD}`, owner: '@o', due: '2020-01-01' }],
  };
  // YAML reads JSON: the escapes in the strings become the raw characters.
  fs.writeFileSync(path.join(dir, FILE_NAMES.evil), `---\n${JSON.stringify(frontmatter)}\n---\n# Evil\n\n## ${LINE_PAYLOAD}\n\n- [ ] ${LINE_PAYLOAD} @o\n- [x] ##[warning]w\n`);
  fs.writeFileSync(path.join(dir, FILE_NAMES.newline), '---\nprogram: nl\ntitle: "::error::nl\\r\\n::warning::t"\n---\n- [ ] ::error::x\n');
  fs.writeFileSync(path.join(dir, FILE_NAMES.hash), `---\n${JSON.stringify({ program: 'hash', title: `H ${PAYLOAD}`, owner: '@o', depends_on: ['evil'] })}\n---\n- [ ] item\n`);
  fs.writeFileSync(path.join(dir, FILE_NAMES.bidi), 'no frontmatter ##[error]x\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every line as GitHub's runner reads it (it splits on CR, LF and CRLF). */
function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function assertSafe(output: string, what: string, ourAnnotations = false): void {
  assert.ok(!output.includes('##['), `${what}: no \`##[\` anywhere:\n${output.split('\n').filter((l) => l.includes('##[')).join('\n')}`);
  const raw = RAW_UNSAFE.exec(output);
  assert.equal(raw, null, `${what}: a raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${raw?.index}`);
  for (const line of lines(output)) {
    const trimmed = line.replace(DOTNET_BLANKS, '');
    if (!trimmed.startsWith('::')) continue;
    assert.ok(ourAnnotations && /^::(error|warning|notice) file=[^,:]*,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,title=[a-z-]+::/.test(line), `${what}: a workflow command: ${line}`);
  }
}

describe('cli: no workflow command or control character from the workspace reaches an output (issue 9, finding 6)', () => {
  const runs: [string, string[]][] = [
    ['lint stylish', ['lint']],
    ['lint json', ['lint', '-f', 'json']],
    ['lint sarif', ['lint', '-f', 'sarif']],
    ['lint github', ['lint', '-f', 'github']],
    ['checklist text', ['checklist']],
    ['checklist json', ['checklist', '-f', 'json']],
    ['graph mermaid', ['graph']],
    ['graph dot', ['graph', '-f', 'dot']],
    ['graph json', ['graph', '-f', 'json']],
    ['graph program level', ['graph', '--level', 'program', '-f', 'dot']],
    ['due text', ['due', '--within', '10000']],
    ['due json', ['due', '--within', '10000', '-f', 'json']],
    ['owners text', ['owners']],
    ['owners json', ['owners', '-f', 'json']],
    ['report markdown', ['report']],
    ['report html', ['report', '-f', 'html']],
    ['report json', ['report', '-f', 'json']],
  ];
  for (const [name, args] of runs) {
    it(name, async () => {
      const result = await cli([...args, '--today', '2026-01-01'], { cwd: dir });
      assert.ok(result.code === 0 || result.code === 1, `${name}: exit ${result.code}: ${result.stderr}`);
      assert.ok(result.stdout.length > 100, `${name} printed something`);
      assertSafe(result.stdout, name, name === 'lint github');
      assertSafe(result.stderr, `${name} (stderr)`);
    });
  }

  it('the payloads did reach the outputs (the test would prove nothing otherwise)', async () => {
    const stylish = (await cli(['lint', '--today', '2026-01-01'], { cwd: dir })).stdout;
    assert.ok(stylish.includes('\\u003a:error file=x::pwned.md'), 'the file name begins a line, its `::` escaped');
    assert.ok(stylish.includes('\\u0023#[error]dep'), 'a schema message quoting a bad value');
    const checklist = (await cli(['checklist'], { cwd: dir })).stdout;
    assert.ok(checklist.includes('\\u001b[31mred \\u202egnp.exe \\u2066iso\\u2069 \\u009b2J'), 'visible escapes');
    const github = (await cli(['lint', '-f', 'github', '--today', '2026-01-01'], { cwd: dir })).stdout;
    assert.ok(github.includes('file=a%0A%3A%3Aerror%3A%3Anl.brief.md,'), 'a line break in a property is escaped as GitHub says');
    assert.ok(github.includes('file=b\\u202e\\u2066.brief.md,'), 'bidi characters in a property are visible escapes');
  });

  it('JSON outputs parse to exactly the original strings', async () => {
    const lint = JSON.parse((await cli(['lint', '-f', 'json', '--today', '2026-01-01'], { cwd: dir })).stdout);
    assert.deepEqual([...new Set(lint.diagnostics.map((d: { file: string }) => d.file))].sort(), Object.values(FILE_NAMES).sort());
    const status = lint.diagnostics.find((d: { message: string }) => d.message.startsWith('`status`'));
    assert.ok(status.message.includes('##[error]boom'), status.message);

    const checklist = JSON.parse((await cli(['checklist', '-f', 'json'], { cwd: dir })).stdout);
    const evil = checklist.items.filter((item: { file: string }) => item.file === FILE_NAMES.evil);
    assert.deepEqual(evil.map((item: { text: string }) => item.text), [`${LINE_PAYLOAD} @o`, '##[warning]w']);
    assert.equal(evil[0].heading, LINE_PAYLOAD);

    const graph = JSON.parse((await cli(['graph', '-f', 'json'], { cwd: dir })).stdout);
    const titles = Object.fromEntries(graph.nodes.map((node: { id: string; title: string }) => [node.id, node.title]));
    assert.equal(titles.evil, `T ${PAYLOAD}`);
    assert.equal(titles['evil#m1'], `M ${PAYLOAD}`);
    assert.equal(titles.hash, `H ${PAYLOAD}`);
    assert.ok(graph.nodes.some((node: { file: string }) => node.file === FILE_NAMES.newline));

    const sarif = JSON.parse((await cli(['lint', '-f', 'sarif', '--today', '2026-01-01'], { cwd: dir })).stdout);
    const unescapeSarif = (text: string) => text.replace(/\\([\\[\]])/g, '$1');
    assert.deepEqual(sarif.runs[0].results.map((r: { message: { text: string } }) => unescapeSarif(r.message.text)), lint.diagnostics.map((d: { message: string }) => d.message));
  });

  it('stderr messages quoting file names and config keys are escaped too', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-ci-injection-'));
    try {
      fs.writeFileSync(path.join(root, 'briefs.config.json'), JSON.stringify({ rules: { '##[error]x\n::error::y': 'off' } }));
      const result = await cli(['lint'], { cwd: root });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /unknown rule/);
      assertSafe(result.stderr, 'config error');
      const missing = await cli(['lint', '::error::nope.md\n::warning::x ##[error]'], { cwd: root });
      assert.equal(missing.code, 2);
      assertSafe(missing.stderr, 'missing path');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('cli: safeText helpers', () => {
  it('printable: one line, visible escapes, commands broken', () => {
    assert.equal(printable('a\r\nb\rc\nd'), 'a b c d');
    assert.equal(printable('\u001b[2J\u202e\u0085\u009b'), '\\u001b[2J\\u202e\\u0085\\u009b');
    assert.equal(printable('::error::x'), '\\u003a:error::x');
    assert.equal(printable('  ::error::x'), '  \\u003a:error::x');
    assert.equal(printable('a ::error::x'), 'a ::error::x', '`::` inside a line is no command');
    assert.equal(printable('###[x] ##[y]'), '#\\u0023#[x] \\u0023#[y]');
  });

  it('neutraliseCommands: every line of a text, blanks included, linearly', () => {
    assert.equal(neutraliseCommands('ok\n\t ::warning::x\r::y\u2028::z'), 'ok\n\t \\u003a:warning::x\r\\u003a:y\u2028\\u003a:z');
    const started = Date.now();
    neutraliseCommands(`${'\n '.repeat(200_000)}x${'#'.repeat(200_000)}`);
    assert.ok(Date.now() - started < 1000, 'linear');
  });

  it('safeJson: the same value, no `##[`, no raw C1 or bidi character', () => {
    const value = { a: '##[error]x ###[ \u009b \u202e \u2028', b: ['::error::y', '\\##['] };
    const text = safeJson(JSON.stringify(value, null, 2));
    assert.deepEqual(JSON.parse(text), value);
    assert.ok(!text.includes('##[') && !RAW_UNSAFE.test(text));
  });
});
