/**
 * Bad input: the core never throws, never hangs on hostile input, and every diagnostic still points
 * inside the file. Unreadable files and broken config files are the CLI's concern (see the CLI tests);
 * `parseConfig` is tested in config.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Root } from 'mdast';
import { readBody } from '../../src/core/parse/body';
import { mergeConfig, type ConfigOverrides } from '../../src/core/workspace/config';
import { lintBrief, lintWorkspace, type Diagnostic } from '../../src/core/rules/lint';
import { parseBrief } from '../../src/core/parse/parseBrief';
import { LineIndex, plainRange, type Range } from '../../src/core/model/range';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { prng as random } from '../support/prng';

const TODAY = '2026-03-01';
const RULES_DIR = path.join(__dirname, '..', 'fixtures', 'rules');
const BAD_INPUT_DIR = path.join(__dirname, '..', 'fixtures', 'bad-input');

/** The lines of a text as an editor splits them: at `\r\n`, `\n` or a lone `\r`. */
function editorLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

function assertRangeInside(range: Range, lines: string[], what: string): void {
  const { start, end } = range;
  for (const [name, p] of [['start', start], ['end', end]] as const) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: ${name} line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length, `${what}: ${name} character ${p.character} outside line ${p.line} (length ${lines[p.line].length})`);
  }
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what}: start after end`);
}

/** Every diagnostic (and related location in a file we know) lies inside its file, as the editor sees it. */
function assertSane(diagnostics: Diagnostic[], textOf: (uri: string) => string | undefined): void {
  for (const d of diagnostics) {
    assert.ok(d.rule && d.message && ['error', 'warning', 'info'].includes(d.severity), `malformed diagnostic ${JSON.stringify(d)}`);
    const text = textOf(d.uri);
    assert.ok(text !== undefined, `diagnostic for an unknown file ${d.uri}`);
    assertRangeInside(d.range, editorLines(text.replace(/^\uFEFF/, '')), `${d.rule} in ${d.uri}`);
    for (const related of d.related ?? []) {
      const relatedText = textOf(related.uri);
      assert.ok(relatedText !== undefined, `related location in an unknown file ${related.uri}`);
      assertRangeInside(related.range, editorLines(relatedText.replace(/^\uFEFF/, '')), `related of ${d.rule} in ${related.uri}`);
    }
  }
}

function lint(uri: string, text: string, config: ConfigOverrides = {}): Diagnostic[] {
  const workspace = new BriefWorkspace();
  const brief = workspace.setText(uri, text);
  const diagnostics = lintBrief(workspace, brief, { config: mergeConfig({ today: TODAY, ...config }) });
  assertSane(diagnostics, (u) => (u === uri ? text : undefined));
  return diagnostics;
}

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.rule} ${d.range.start.line}:${d.range.start.character}`);
const rules = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.rule);
const VALID = '---\nprogram: p\ntitle: P\nowner: "@x"\n';

/** All not-ok rule fixtures: real briefs with diagnostics of every kind. */
function ruleFixtures(): { name: string; text: string; config: ConfigOverrides }[] {
  const fixtures: { name: string; text: string; config: ConfigOverrides }[] = [];
  for (const rule of fs.readdirSync(RULES_DIR).sort()) {
    const dir = path.join(RULES_DIR, rule);
    const configFile = path.join(dir, 'config.json');
    const config = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) as ConfigOverrides : {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
      fixtures.push({ name: `${rule}/${file}`, text: fs.readFileSync(path.join(dir, file), 'utf8'), config });
    }
  }
  return fixtures;
}

describe('bad input: empty and minimal files', () => {
  it('an empty .md file is not a brief and gets nothing', () => {
    assert.deepEqual(lint('file:///ws/empty.md', ''), []);
    assert.equal(parseBrief('file:///ws/empty.md', '').isBrief, false);
  });

  it('an empty *.brief.md file gets frontmatter-missing on line 1', () => {
    const diagnostics = lint('file:///ws/empty.brief.md', '');
    assert.deepEqual(summary(diagnostics), ['frontmatter-missing 0:0']);
    assert.deepEqual(diagnostics[0].range.end, { line: 0, character: 0 });
  });

  it('whitespace-only and newline-only files', () => {
    for (const text of ['\n', '\n\n\n', '   ', '\r\n\r\n', '\t\n']) {
      assert.deepEqual(lint('file:///ws/blank.md', text), []);
      assert.deepEqual(rules(lint('file:///ws/blank.brief.md', text)), ['frontmatter-missing']);
    }
  });

  it('frontmatter only, with or without a final newline, is a complete brief', () => {
    for (const text of [`${VALID}---`, `${VALID}---\n`, `${VALID}---\r\n`, `${VALID}--- \t`]) {
      assert.deepEqual(summary(lint('file:///ws/p.md', text)), [], JSON.stringify(text));
      const brief = parseBrief('file:///ws/p.md', text);
      assert.equal(brief.program?.value, 'p');
      assert.deepEqual([brief.headings, brief.checklist, brief.bodyReferences], [[], [], []]);
    }
  });

  it('an empty frontmatter: not a brief as .md, frontmatter-missing as *.brief.md', () => {
    for (const text of ['---\n---\n', '---\n\n---\n# Title\n', '---\n# just a comment\n---\n']) {
      assert.deepEqual(lint('file:///ws/e.md', text), []);
      assert.deepEqual(summary(lint('file:///ws/e.brief.md', text)), ['frontmatter-missing 0:0']);
    }
  });

  it('a *.brief.md with no frontmatter gets frontmatter-missing only, whatever its body holds', () => {
    const text = '# Payments\n\n## Dependencies\n- [[ghost]]\n\n- [ ] nobody owns this\n';
    const diagnostics = lint('file:///ws/payments.brief.md', text, { rules: { 'checklist-unowned': 'error' } });
    assert.deepEqual(summary(diagnostics), ['frontmatter-missing 0:0']);
    assert.deepEqual(diagnostics[0].range.end, { line: 0, character: 10 });
  });

  it('frontmatter that is not a mapping is a schema problem', () => {
    assert.deepEqual(summary(lint('file:///ws/l.brief.md', '---\n- program: p\n---\n')), ['schema 1:0']);
    assert.deepEqual(summary(lint('file:///ws/s.brief.md', '---\njust text\n---\n')), ['schema 1:0']);
  });
});

describe('bad input: unclosed frontmatter', () => {
  it('a .md whose frontmatter has `program` but no closing fence gets frontmatter-syntax only, on line 1', () => {
    const text = `${VALID}milestones:\n  - id: m\n# Heading\n\n- [ ] task\n`;
    const diagnostics = lint('file:///ws/p.md', text, { rules: { 'checklist-unowned': 'warning' } });
    assert.deepEqual(summary(diagnostics), ['frontmatter-syntax 0:0']);
    assert.match(diagnostics[0].message, /never closed/);
  });

  it('a *.brief.md with an unclosed frontmatter gets frontmatter-syntax', () => {
    assert.deepEqual(summary(lint('file:///ws/p.brief.md', '---\ntitle: T\n')), ['frontmatter-syntax 0:0']);
    assert.deepEqual(summary(lint('file:///ws/p.brief.md', '---')), ['frontmatter-syntax 0:0']);
  });

  it('a .md file with an unclosed block and no `program` is not a brief', () => {
    assert.deepEqual(lint('file:///ws/notes.md', '---\ntitle: Notes\n\nSome text\n'), []);
  });

  it('a closing fence must be exactly `---`', () => {
    assert.deepEqual(rules(lint('file:///ws/p.md', `${VALID}----\n# Body\n`)), ['frontmatter-syntax']);
    assert.deepEqual(rules(lint('file:///ws/p.md', `${VALID} ---\n# Body\n`)), ['frontmatter-syntax']);
  });
});

describe('bad input: YAML', () => {
  it('tabs used as indentation are frontmatter-syntax, pointing at the tab', () => {
    const text = `${VALID}milestones:\n\t- id: m\n\t  title: M\n---\n`;
    const diagnostics = lint('file:///ws/p.md', text);
    assert.ok(diagnostics.length >= 1);
    assert.deepEqual([...new Set(rules(diagnostics))], ['frontmatter-syntax']);
    assert.equal(diagnostics[0].range.start.line, 5);
    assert.match(diagnostics[0].message, /[Tt]ab/);
  });

  it('a tab after a value is fine', () => {
    assert.deepEqual(lint('file:///ws/p.md', '---\nprogram: p\t\ntitle:\tP\nowner: "@x"\t# comment\n---\n'), []);
  });

  it('duplicate keys are frontmatter-syntax, at the second key', () => {
    const diagnostics = lint('file:///ws/p.md', `${VALID}title: Again\n---\n`);
    assert.deepEqual(summary(diagnostics), ['frontmatter-syntax 4:0']);
    assert.match(diagnostics[0].message, /unique/);
    const nested = lint('file:///ws/p.md', `${VALID}milestones:\n  - id: m\n    title: M\n    id: n\n---\n`);
    assert.deepEqual(summary(nested), ['frontmatter-syntax 7:4']);
  });

  it('anchors and aliases work: values are read through the alias, positions are those of the value', () => {
    const text = [
      '---',
      'program: p',
      'title: P',
      'owner: &lead "@maria"',
      'defaults: &ms',
      '  owner: "@li"',
      '  team: core',
      'teams:',
      '  - id: core',
      '    owner: *lead',
      'milestones:',
      '  - id: a',
      '    title: A',
      '    <<: *ms',
      '  - id: b',
      '    title: B',
      '    owner: *lead',
      '    team: ghost',
      '---',
      '',
    ].join('\n');
    const brief = parseBrief('file:///ws/p.md', text);
    assert.deepEqual(brief.schemaProblems, []);
    assert.equal(brief.teams[0].owner?.value, '@maria');
    assert.equal(brief.milestones[1].owner?.value, '@maria');
    const diagnostics = lint('file:///ws/p.md', text, { people: ['@li'] });
    // owner-unknown for `@maria` points at the anchored value, wherever it is used from.
    assert.ok(diagnostics.filter((d) => d.rule === 'owner-unknown').every((d) => d.range.start.line === 3 && d.range.start.character === 13));
    assert.deepEqual(summary(diagnostics.filter((d) => d.rule === 'team-undeclared')), ['team-undeclared 17:10']);
  });

  it('an alias to an undefined anchor is frontmatter-syntax', () => {
    const diagnostics = lint('file:///ws/p.md', '---\nprogram: p\ntitle: P\nowner: *nobody\n---\n');
    assert.deepEqual([...new Set(rules(diagnostics))], ['frontmatter-syntax']);
    assert.match(diagnostics[0].message, /nobody|alias/i);
  });

  it('an alias bomb (billion laughs) gives one clear error quickly, without hanging or crashing', () => {
    for (const key of ['lol', 'milestones', 'teams']) {
      const levels = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(',')}]`);
      const text = `${VALID}${levels.join('\n')}\n${key}: *l9\n---\n# Body\n`;
      const diagnostics = lint('file:///ws/p.md', text);
      assert.equal(diagnostics.length, 1, summary(diagnostics).join(', '));
      assert.ok(['frontmatter-syntax', 'schema'].includes(diagnostics[0].rule));
      assert.match(diagnostics[0].message, /alias|resource|too/i);
    }
  });

  it('an alias bomb that nests mappings (not lists) is caught too', () => {
    const levels = ['a0: &a0 {x: lol, y: lol, z: lol}'];
    for (let i = 1; i < 12; i++) levels.push(`a${i}: &a${i} {x: *a${i - 1}, y: *a${i - 1}, z: *a${i - 1}, w: *a${i - 1}}`);
    const diagnostics = lint('file:///ws/p.md', `${VALID}${levels.join('\n')}\n---\n`);
    assert.deepEqual(rules(diagnostics), ['frontmatter-syntax']);
  });

  it('YAML nested 10,000 levels deep (flow and block) is a clear frontmatter-syntax error, not a crash', () => {
    const cases = [
      `${VALID}x: ${'['.repeat(10000)}${']'.repeat(10000)}\n---\n`,
      `${VALID}milestones: ${'['.repeat(10000)}${']'.repeat(10000)}\n---\n`,
      `${VALID}x: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n---\n`,
      `${VALID}x:\n${'- '.repeat(10000)}deep\n---\n`,
    ];
    for (const text of cases) {
      const diagnostics = lint('file:///ws/p.md', text);
      assert.deepEqual(rules(diagnostics), ['frontmatter-syntax']);
      assert.match(diagnostics[0].message, /nested too deeply/);
    }
  });

  it('moderately deep YAML (a few hundred levels) parses; a bad value in a known key is schema', () => {
    assert.deepEqual(lint('file:///ws/p.md', `${VALID}extra: ${'['.repeat(300)}${']'.repeat(300)}\n---\n`), []);
    const diagnostics = lint('file:///ws/p.md', `${VALID}milestones: ${'['.repeat(300)}${']'.repeat(300)}\n---\n`);
    assert.deepEqual(summary(diagnostics), ['schema 4:13']);
    assert.match(diagnostics[0].message, /`milestones\[0\]` is a list; expected a mapping/);
  });

  it('odd but valid YAML: comments, quotes, block scalars, flow mappings, document markers inside', () => {
    const text = [
      '---',
      '# a comment first',
      "program: 'p'",
      'title: >-',
      '  A folded',
      '  title',
      'owner: "@x" # trailing comment',
      'summary: |',
      '  ---',
      '  not a fence: indented',
      'milestones: [{id: m, title: M, owner: "@x", due: 2026-04-01}]',
      '---',
      '',
    ].join('\n');
    const brief = parseBrief('file:///ws/p.md', text);
    assert.deepEqual(brief.syntaxErrors, []);
    assert.equal(brief.title?.value, 'A folded title');
    assert.equal(brief.milestones[0].due?.value, '2026-04-01');
    assert.deepEqual(lint('file:///ws/p.md', text), []);
  });

  it('YAML values of surprising types are schema problems, not crashes', () => {
    const text = `---\nprogram: 42\ntitle: [a, b]\nowner: {handle: "@x"}\nstatus: true\nstart: 2026-01-01T10:00:00Z\nmilestones: {id: m}\nrisks: ~\nteams:\n  - ~\n  - 7\n  - [x]\n---\n`;
    const diagnostics = lint('file:///ws/p.brief.md', text);
    assert.ok(diagnostics.length >= 7, summary(diagnostics).join(', '));
    assert.deepEqual([...new Set(rules(diagnostics))], ['schema']);
  });
});

describe('bad input: line endings and BOM', () => {
  const fixtures = ruleFixtures();

  it('CRLF line endings give the same diagnostics at the same positions (characters not shifted by \\r)', () => {
    for (const { name, text, config } of fixtures) {
      const fileName = path.basename(name);
      const lf = lint(`file:///ws/${fileName}`, text, config);
      const crlf = lint(`file:///ws/${fileName}`, text.replace(/\n/g, '\r\n'), config);
      assert.deepEqual(crlf.map((d) => [d.rule, d.range, d.message]), lf.map((d) => [d.rule, d.range, d.message]), name);
    }
  });

  it('lone CR line endings (old Mac) count as line breaks too', () => {
    const text = `${VALID}milestones:\n  - id: m\n    title: M\n---\n# Body\n`;
    const lf = lint('file:///ws/p.md', text);
    const cr = lint('file:///ws/p.md', text.replace(/\n/g, '\r'));
    assert.deepEqual(summary(lf), ['owner-missing 5:2']);
    assert.deepEqual(cr.map((d) => [d.rule, d.range]), lf.map((d) => [d.rule, d.range]));
  });

  it('mixed line endings keep every position inside its line', () => {
    const text = `---\r\nprogram: p\ntitle: P\r\nowner: nobody\rmilestones:\n  - id: m\r\n    title: M\n---\r\n# Body\r- [ ] task\n`;
    const diagnostics = lint('file:///ws/p.md', text, { rules: { 'checklist-unowned': 'warning' } });
    assert.ok(diagnostics.length > 0);
  });

  it('a byte order mark is invisible: positions are as if it were absent', () => {
    for (const { name, text, config } of fixtures) {
      const fileName = path.basename(name);
      const plain = lint(`file:///ws/${fileName}`, text, config);
      const withBom = lint(`file:///ws/${fileName}`, `\uFEFF${text}`, config);
      assert.deepEqual(withBom.map((d) => [d.rule, d.range, d.message]), plain.map((d) => [d.rule, d.range, d.message]), name);
    }
  });

  it('BOM and CRLF together, across a workspace with cross-file rules', () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'workspaces', 'cycle-milestones', 'programs');
    const run = (transform: (text: string) => string) => {
      const workspace = new BriefWorkspace();
      const texts = new Map<string, string>();
      for (const file of fs.readdirSync(dir)) {
        const text = transform(fs.readFileSync(path.join(dir, file), 'utf8'));
        texts.set(`file:///ws/${file}`, text);
        workspace.setText(`file:///ws/${file}`, text);
      }
      const diagnostics = [...lintWorkspace(workspace, { config: mergeConfig({ today: TODAY }) }).values()].flat();
      assertSane(diagnostics, (uri) => texts.get(uri));
      return diagnostics.map((d) => [d.uri, d.rule, d.range, d.message, d.related]);
    };
    const plain = run((t) => t);
    assert.equal(plain.length, 3);
    assert.deepEqual(run((t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`), plain);
  });

  it('an offset inside a CRLF line break maps to the end of its line', () => {
    const index = new LineIndex('ab\r\ncd\r\n');
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 }, 'between \\r and \\n');
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(8), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 2, character: 0 });
  });

  it('a BOM in the middle of the file is just a character', () => {
    assert.deepEqual(lint('file:///ws/p.md', `${VALID}---\n\uFEFF# Body\n`), []);
  });
});

describe('bad input: binary and unusual characters', () => {
  it('random bytes decoded as UTF-8 (NULs included) never throw', () => {
    const next = random(20260301);
    for (let round = 0; round < 200; round++) {
      const length = Math.floor(next() * 2000);
      const bytes = Buffer.alloc(length);
      for (let i = 0; i < length; i++) bytes[i] = next() < 0.1 ? 0 : Math.floor(next() * 256);
      const binary = bytes.toString('utf8');
      lint('file:///ws/blob.md', binary);
      lint('file:///ws/blob.brief.md', binary);
      // Binary garbage inside the frontmatter and inside the body of a real brief.
      lint('file:///ws/p.md', `${VALID}junk: "${binary.replace(/["\\]/g, '')}"\n---\n`);
      lint('file:///ws/p.md', `${VALID}${binary}\n---\n`);
      lint('file:///ws/p.md', `${VALID}---\n${binary}\n## Dependencies\n- [[${binary.slice(0, 20)}]]\n`);
    }
  });

  it('a binary file that happens to look like a brief is linted, not crashed on', () => {
    const text = `---\nprogram: p\u0000x\ntitle: \u0000\u0001\u0002\nowner: "@x"\n---\n\u0000\u0000# \u0000\n- [ ] \u0000 @x\n`;
    const diagnostics = lint('file:///ws/p.md', text);
    assert.ok(diagnostics.every((d) => ['frontmatter-syntax', 'schema'].includes(d.rule)), summary(diagnostics).join(', '));
  });

  it('lone surrogates, emoji and combining marks keep positions in UTF-16 code units', () => {
    const text = `---\nprogram: p\ntitle: "\uD800 bad \uDC00 surrogates 😀"\nowner: "@x"\nmilestones:\n  - id: m\n    title: "é́ 🏳️‍🌈"\n    owner: "@x"\n    team: 😀\n---\n# 😀 \uD83D\n- [ ] 😀😀 task\n`;
    const diagnostics = lint('file:///ws/p.md', text, { rules: { 'checklist-unowned': 'warning' } });
    const team = diagnostics.find((d) => d.rule === 'schema');
    assert.deepEqual(team && plainRange(team.range), { start: { line: 8, character: 10 }, end: { line: 8, character: 12 } }, 'the emoji is two code units');
    const item = diagnostics.find((d) => d.rule === 'checklist-unowned');
    assert.deepEqual(item && plainRange(item.range), { start: { line: 11, character: 0 }, end: { line: 11, character: 15 } });
  });

  it('a single very long line', () => {
    const long = 'word '.repeat(200_000);
    assert.deepEqual(lint('file:///ws/p.md', `${VALID}summary: ${long}\n---\n${long}\n- [ ] ${long}@x\n`), []);
  });
});

describe('bad input: deep Markdown nesting', () => {
  it('10,000 nested lists on one line do not crash (or hang) the parser', () => {
    const diagnostics = lint('file:///ws/p.md', `${VALID}---\n# Deep\n${'- '.repeat(10000)}[ ] deep task\n- [ ] shallow task\n`, { rules: { 'checklist-unowned': 'warning' } });
    // The absurdly nested line is not read as a task, and the brief says so; the ordinary one still is.
    assert.deepEqual(summary(diagnostics), ['body-skipped 6:0', 'checklist-unowned 7:0']);
  });

  it('10,000 nested block quotes and ordered lists do not crash the parser', () => {
    for (const prefix of ['>'.repeat(10000), '1. '.repeat(10000), '> - '.repeat(5000)]) {
      const diagnostics = lint('file:///ws/p.md', `${VALID}---\n${prefix} deep [[ghost]]\n`);
      assert.deepEqual(summary(diagnostics), ['body-skipped 5:0']);
      assert.match(diagnostics[0].message, /^Line 6 was not read/);
    }
  });

  it('10,000 lists nested by indentation, one level per line (the fast path or remark, either way)', () => {
    const depth = 10000;
    const lines: string[] = [];
    for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(2 * i)}- [ ] level ${i} @x`);
    const text = `${VALID}---\n# Deep\n${lines.join('\n')}\n`;
    const diagnostics = lint('file:///ws/p.md', text, { rules: { 'checklist-unowned': 'warning' } });
    // Lines indented 100 columns or more are not read (on the fast path as on the slow one), and the brief says so once.
    assert.deepEqual(summary(diagnostics), ['body-skipped 56:100']);
  });

  it('the body walker copes with a syntax tree nested 100,000 levels deep', () => {
    const depth = 100_000;
    const text = `# H\n`;
    const position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } };
    let inner: any = { type: 'text', value: 'deep', position };
    for (let i = 0; i < depth; i++) inner = { type: 'emphasis', children: [inner], position };
    let quote: any = { type: 'paragraph', children: [{ type: 'text', value: 'x', position }], position };
    for (let i = 0; i < depth; i++) quote = { type: 'blockquote', children: [quote], position };
    const tree = { type: 'root', children: [{ type: 'heading', depth: 1, children: [inner], position }, quote] } as Root;
    const reading = readBody(tree, new LineIndex(text), 0);
    assert.deepEqual(reading.headings.map((h) => h.text), ['deep']);
  });
});

describe('bad input: a 5 MB brief', () => {
  it('is linted completely, with exactly the diagnostics it was built to have', function () {
    this.timeout(60_000);
    const milestones: string[] = [];
    const count = 2000;
    for (let i = 0; i < count; i++) {
      const overdue = i % 500 === 0; // 4 of them: due before TODAY and not done
      milestones.push([
        `  - id: m${i}`,
        `    title: Milestone ${i}`,
        `    owner: "@x"`,
        `    due: ${overdue ? '2026-01-15' : '2026-06-01'}`,
        `    status: ${overdue ? 'in-progress' : 'not-started'}`,
        // The overdue ones depend on nothing, so that no schedule-conflict arises with their predecessor.
        ...(i > 0 && !overdue ? [`    depends_on: [m${i - 1}${i % 3 === 0 ? ', other#ga' : ''}]`] : []),
      ].join('\n'));
    }
    const head = `---\nprogram: big\ntitle: Big\nowner: "@x"\ntarget: 2026-12-31\ndepends_on: [other]\nmilestones:\n${milestones.join('\n')}\n---\n# Big\n\n## Dependencies\n- [[other]] and [[other#ga]]\n\n## Work\n`;
    const section = (n: number) => `\n### Part ${n}\n\nSome prose about part ${n}, with \`code\` and a [[other]] mention. `.padEnd(400, 'lorem ipsum ') + `\n\n- [ ] Task ${n} @x due:2026-05-01\n- [x] Done ${n} @y\n  - [ ] Sub-task ${n} 📅 2026-05-02 @z\n`;
    const parts: string[] = [head];
    let size = head.length;
    let sections = 0;
    while (size < 5 * 1024 * 1024) {
      const part = section(sections++);
      parts.push(part);
      size += part.length;
    }
    const text = parts.join('');
    assert.ok(text.length >= 5 * 1024 * 1024);

    const workspace = new BriefWorkspace();
    const other = '---\nprogram: other\ntitle: Other\nowner: "@x"\nmilestones:\n  - id: ga\n    title: GA\n    owner: "@x"\n    due: 2026-03-15\n---\n';
    workspace.setText('file:///ws/other.md', other);
    const brief = workspace.setText('file:///ws/big.md', text);
    assert.equal(brief.milestones.length, count);
    assert.equal(brief.checklist.length, sections * 3);
    assert.equal(brief.checklist.filter((item) => item.depth === 1).length, sections);
    const diagnostics = lintWorkspace(workspace, { config: mergeConfig({ today: TODAY }) }).get('file:///ws/big.md')!;
    assertSane(diagnostics, (uri) => (uri === 'file:///ws/big.md' ? text : uri === 'file:///ws/other.md' ? other : undefined));
    assert.deepEqual(rules(diagnostics), ['milestone-overdue', 'milestone-overdue', 'milestone-overdue', 'milestone-overdue']);
    assert.deepEqual(diagnostics.map((d) => d.message.match(/`(m\d+)`/)?.[1]), ['m0', 'm500', 'm1000', 'm1500']);
  });
});

describe('bad input: fixture files', () => {
  // Files in test/fixtures/bad-input: each must lint without throwing and with sane ranges,
  // as .md and as .brief.md.
  const files = fs.existsSync(BAD_INPUT_DIR) ? fs.readdirSync(BAD_INPUT_DIR).filter((f) => !f.endsWith('.json')).sort() : [];
  it('there are bad-input fixtures', () => {
    assert.ok(files.length > 0);
  });
  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(BAD_INPUT_DIR, file)).toString('utf8');
      const expectedFile = path.join(BAD_INPUT_DIR, `${file.replace(/\.[^.]+$/, '')}.expected.json`);
      const diagnostics = lint(`file:///ws/${file.replace(/(\.brief)?\.[^.]+$/, '')}.brief.md`, text);
      if (fs.existsSync(expectedFile)) {
        assert.deepEqual(summary(diagnostics), JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as string[]);
      }
    });
  }
});
