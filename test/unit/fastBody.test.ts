/**
 * The fast body scanner (src/core/parse/fastBody.ts) must give exactly what remark gives, or give up:
 * `parseBrief(uri, text)` (fast path) and `parseBrief(uri, text, { fast: false })` (remark for
 * everything) must build the same model for any text. Checked on every Markdown file at hand
 * (fixtures, examples, docs, node_modules READMEs), on CommonMark-style cases (./fastBodyCases.ts),
 * on the benchmark's realistic bodies, and on generated Markdown full of the constructs the scanner
 * has to recognise or refuse.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseBrief } from '../../src/core/parse/parseBrief';
import { scanBody } from '../../src/core/parse/fastBody';
import { LineIndex } from '../../src/core/model/range';
import { generateWorkspace } from '../../bench/generate';
import { SCANNER_CASES } from './fastBodyCases';

const ROOT = path.join(__dirname, '..', '..');

function markdownFiles(dir: string, out: string[] = [], limit = 2000): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (out.length >= limit) break;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.git') markdownFiles(file, out, limit);
    else if (entry.isFile() && /\.md$/i.test(entry.name) && fs.statSync(file).size < 24_000) out.push(file);
  }
  return out;
}

/** Both ways of parsing agree; returns whether the fast scanner handled the body itself. */
function assertSameModel(uri: string, text: string): boolean {
  const fast = parseBrief(uri, text);
  const slow = parseBrief(uri, text, { fast: false });
  assert.deepStrictEqual(fast, slow, `fast and remark parses differ for:\n${text}`);
  const clean = text.replace(/^\uFEFF/, '');
  const closing = /^---[ \t]*\r?\n(?:.*\r?\n)*?---[ \t]*(?:\r?\n|$)/.exec(clean);
  const firstLine = closing ? closing[0].split(/\r?\n/).length - 1 : 0;
  return scanBody(new LineIndex(clean), firstLine) !== undefined;
}

describe('fastBody: the fast scanner agrees with remark', () => {
  it('on every Markdown file of the repository and its dependencies (read as briefs)', function () {
    this.timeout(120_000);
    const files = [
      ...markdownFiles(path.join(ROOT, 'test')),
      ...markdownFiles(path.join(ROOT, 'examples')),
      ...markdownFiles(path.join(ROOT, 'docs')),
      ...markdownFiles(path.join(ROOT, 'node_modules'), [], 150),
    ];
    assert.ok(files.length > 50, `expected Markdown files to compare, found ${files.length}`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assertSameModel(`file:///x/${path.basename(file)}`, text);
      // The same text as the body of a `*.brief.md` file, so that its body is always read.
      assertSameModel('file:///x/any.brief.md', text);
    }
  });

  it('on briefs in the shape the benchmark generates', () => {
    const brief = [
      '---', 'program: p', 'title: P', 'owner: "@a"', '---', '# P', '', '## Scope', '', 'Plain text, `code` and [[q]] and `[[r]]`.', '',
      '## Dependencies', '', '- [[q#m]]: we wait for this before `ga`.', '- [[r]] provides an interface.', '',
      '## Checklist', '', '### Build', '', '- [ ] Runbook written @ana due:2026-01-02', '  - [x] Nested @li', '- [X] Done', '',
      '- [/] In progress @li ⏫ 🛫 2026-01-01 📅 2026-01-03', '  - [-] Dropped ❌ 2026-01-04', '- [x] Shipped ✅ 2026-01-05', '',
    ].join('\n');
    assert.ok(assertSameModel('file:///x/p.md', brief), 'the fast scanner should handle a plain brief');
  });

  const word = fc.constantFrom('alpha', 'Beta', 'x', '2026', '@maria', 'due:2026-03-01', '📅 2026-04-01', '⏳ 2026-04-02', '🛫2026-04-03', '✅ 2026-04-04', '❌️ 2026-04-05', '⏫', '🔺', '⏬️', 'é', '😀', 'a_b', 'a*b*', 'www.example.com',
    'https://x.dev/a.md', 'me@example.com', '&amp;', '&#96;', '#', '##', '|', ':', '!', '~~s~~', '**b**');
  const inline = fc.constantFrom('`code`', '``a ` b``', '`', '```', '[[payments-v2]]', '[[ identity-sso#tokens-ga | SSO ]]', '[[x|y]]', '[[Bad Id]]',
    '`[[in-code]]`', '[link](other.md)', '[ref][r]', '[r]', '![img](a.md)', '<span>', '<http://a.b>', '\\`', '\\[', ']', '[', '](', '[^1]', '\t', ' ', '  ');
  const textLine = fc.array(fc.oneof(word, inline), { minLength: 0, maxLength: 6 }).map((parts) => parts.join(' '));
  const indent = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '     ', '      ', '        ');
  const marker = fc.constantFrom('-', '-', '*', '+', '1.', '2)', '-');
  const gap = fc.constantFrom(' ', ' ', '  ', '    ', '     ', '');
  const check = fc.constantFrom('[ ] ', '[x] ', '[X] ', '[ ]', '[]', '[x]  ', '[[w]] ', '', '', '[y] ', '[/] ', '[-] ', '[/]', '[-]  ', '[/]\t', '[~] ');
  const line = fc.oneof(
    { weight: 3, arbitrary: textLine },
    { weight: 4, arbitrary: fc.tuple(indent, marker, gap, check, textLine).map(([i, m, g, c, t]) => `${i}${m}${g}${c}${t}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###', '######', '#######', ' ##', '#'), fc.constantFrom(' ', '', '  '), textLine, fc.constantFrom('', ' #', '  ', ' ##'))
      .map(([h, s, t, e]) => `${h}${s}${t}${e}`) },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('```', '```js', '~~~', '````', ' ```', '``` `x`', '~~~ a`b', '---', '***', '- - -', '===', '> quote', '| a | b |',
      '|---|---|', '-|-', 'a | b', '<div>', '<!-- c -->', '[r]: /url', '[^1]: note', '    indented', '\tTab', '1. one', '-', '- ', '+', 'Dependencies') },
  );
  const frontmatter = fc.constantFrom('', '---\nprogram: p\ntitle: T\nowner: "@o"\n---\n', '---\n---\n', '---  \nprogram: q\n---   \n', '---\nprogram: [\n---\n');
  const eol = fc.constantFrom('\n', '\n', '\n', '\r\n');

  it('on generated Markdown (property: same model, fast path or not)', function () {
    this.timeout(120_000);
    let handled = 0;
    let runs = 0;
    fc.assert(
      fc.property(frontmatter, fc.array(line, { minLength: 0, maxLength: 14 }), eol, fc.boolean(), (front, body, newline, briefName) => {
        const text = (front + body.join('\n')).replace(/\n/g, newline);
        runs++;
        if (assertSameModel(briefName ? 'file:///x/a.brief.md' : 'file:///x/a.md', text)) handled++;
      }),
      { numRuns: Number(process.env.FAST_BODY_RUNS ?? 2500), seed: Number(process.env.FAST_BODY_SEED ?? 20261126) },
    );
    // The generator must exercise the fast path, not only the fallback.
    assert.ok(handled > runs * 0.05, `the fast scanner handled only ${handled} of ${runs} documents`);
    if (process.env.FAST_BODY_RUNS) console.log(`      fast path handled ${handled} of ${runs}`);
  });

  it('on generated nearly-plain bodies: nesting, lazy lines, code spans and fences (property)', function () {
    this.timeout(120_000);
    const piece = fc.constantFrom('a', 'Beta', '@li', 'due:2026-01-01', '📅 2026-01-02', '⏳2026-01-03', '✅ 2026-01-04', '🔼', '[/]', '[-]', '`x`', '``y ` z``', '` s `', '`  `', '`', '``', '[[w]]', '[[w#m|t]]', '[a]', ']', '[',
      '[ ]', '[x]', 'x#', '#', '-', '*', '+', '1.', '😀', 'www.a.b', '`c` www.d.e');
    const content = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
    const nearlyPlain = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.constantFrom('', '', ' ', '  ', '   ', '    ', '     ', '      ', '        '), fc.constantFrom('-', '*', '+'),
        fc.constantFrom(' ', ' ', '  ', '   ', '    ', '     '), fc.constantFrom('[ ] ', '[x] ', '[X] ', '', '', '[[a]] ', '[ ]  ', '[/] ', '[-] ', '[-]', '[?] '), content).map((parts) => parts.join('')) },
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom('', '', ' ', '  ', '    ', '      '), content).map((parts) => parts.join('')) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###'), fc.constantFrom(' ', '  '), content, fc.constantFrom('', ' ', '  ')).map((parts) => parts.join('')) },
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constantFrom('```', '````', '~~~', '```ts', '~~~ `q`', '  ```', 'inside `fence', '[[in-fence]]') },
    );
    let handled = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(nearlyPlain, { maxLength: 16 }), (body) => {
        runs++;
        if (assertSameModel('file:///x/p.md', `---\nprogram: p\n---\n${body.join('\n')}`)) handled++;
      }),
      { numRuns: Number(process.env.FAST_BODY_RUNS ?? 1500), seed: Number(process.env.FAST_BODY_SEED ?? 3) },
    );
    assert.ok(handled > runs * 0.1, `the fast scanner handled only ${handled} of ${runs} documents`);
    if (process.env.FAST_BODY_RUNS) console.log(`      fast path handled ${handled} of ${runs}`);
  });

  it('on generated plain bodies, which the fast path must handle', function () {
    this.timeout(60_000);
    const plainWord = fc.constantFrom('alpha', 'Beta', '2026', '@maria', 'due:2026-03-01', '📅 2026-03-02', '⏳ 2026-03-03', '🛫 2026-03-04', '✅ 2026-03-05', '❌ 2026-03-06', '🔺', '⏫', '🔼', '🔽', '⏬', '`code`', '` spaced `', '[[payments-v2]]', '[[x#y|z]]', 'é', '😀', 'a.', 'x#y');
    const plainText = fc.array(plainWord, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
    const plainLine = fc.oneof(
      plainText,
      fc.tuple(fc.constantFrom('', '', '  '), fc.constantFrom('- ', '* ', '+ '), fc.constantFrom('[ ] ', '[x] ', '[/] ', '[-] ', ''), plainText).map((parts) => parts.join('')),
      fc.tuple(fc.constantFrom('# ', '## ', '### '), plainText).map((parts) => parts.join('')),
      fc.constant(''),
    );
    let handled = 0;
    fc.assert(
      fc.property(fc.array(plainLine, { maxLength: 20 }), (body) => {
        if (assertSameModel('file:///x/p.md', `---\nprogram: p\n---\n${body.join('\n')}\n`)) handled++;
      }),
      { numRuns: 800, seed: 7 },
    );
    assert.ok(handled > 700, `the fast scanner handled only ${handled} of 800 plain bodies`);
  });

  it('on CommonMark- and GFM-style cases, as bodies and inside briefs; the common forms on the fast path', () => {
    const missed: string[] = [];
    for (const { body, fast } of SCANNER_CASES) {
      for (const eol of ['\n', '\r\n']) {
        const text = body.replace(/\n/g, eol);
        const handled = assertSameModel('file:///x/case.brief.md', text);
        assertSameModel('file:///x/p.md', `---\nprogram: p\n---\n${text}`.replace(/\n/g, eol));
        if (fast && eol === '\n' && !handled) missed.push(body);
      }
    }
    assert.deepEqual(missed, [], 'the fast scanner should read these itself');
  });

  it("on the benchmark's realistic bodies (bench/realisticBody.ts), most of them on the fast path", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastbody-realistic-'));
    try {
      const workspace = generateWorkspace({ count: 60, seed: 11, outDir: dir, content: 'realistic' });
      let handled = 0;
      for (const file of workspace.files) if (assertSameModel(`file:///x/${path.basename(file)}`, fs.readFileSync(file, 'utf8'))) handled++;
      assert.ok(handled >= workspace.files.length * 0.8, `the fast scanner read only ${handled} of ${workspace.files.length} realistic bodies`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on generated document-like Markdown: links, quotes, callouts, HTML, ordered lists, tables (property)', function () {
    this.timeout(180_000);
    const piece = fc.constantFrom('a', 'Beta', '@li', 'due:2026-01-01', '`x`', '`a|b`', '[[w]]', '[[w#m|t]]', '**b**', '*i*', '_u_', '~~s~~', '*', '_', '|', '(', ')', '"', "'",
      '[a](b.md)', '[a](b.md "t")', "[a](b.md 't')", '[a](b.md (t))', '[a](<b.md>)', '[a]( b.md )', '[a](b.md#x)', '[a](https://x.y/a.md)', '[a](b(c).md)', '[a](b.md',
      '[a] (b.md)', '[a][b]', '[a]', '[]()', '[a](#x)', '[a `]` b](c.md)', '[`a`](b.md)', '[a [b](c.md)](d.md)', '![i](x.png)', '![a [b](c.md)](d.png)', '[![i](x.png)](y.md)',
      '[^1]', '[^1](x.md)', '[a](b&amp;.md)', '[a](b\\.md)', '[a](b.md"t")', '](x.md)', '[a](b.md)[c](d.md)', '[a](./b.MD?q#f)', '[*a*](b.md)', '*[a*](b.md)', '[a](b|c.md)',
      '[a [b] c](d.md)', '[a', 'b]', '](', '<!-- c -->', '<!-- brief-disable-line owner-missing -->', '<!---->', '<!-- a -- b -->', '<!-->', '<!-- a --->', '<!--', '-->',
      '<br>', '<br/>', '<br />', '</span>', '<span class="x">', '<https://x.y/a>', '<a@b.c>', '<x:y>', '<http://a|b>', '<!-- | -->', '<', '>',
      'www.a.com', 'https://a.b/c', 'http://a.b/[x](y.md)', 'www.a.com/`x`', '(www.a.com)', 'x@y.com', '`x`https://a.b', '&amp;', '&', '\\*');
    const content = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '')).map(([parts, separator]) => parts.join(separator));
    const spaced = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
    const text = fc.oneof(content, spaced, spaced);
    const docLine = fc.oneof(
      { weight: 6, arbitrary: text },
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom('', '', ' ', '  ', '   ', '    ', '      '), fc.constantFrom('-', '*', '+', '1.', '2.', '1)', '3)', '10.', '0.'),
        fc.constantFrom(' ', ' ', '  ', '    ', '     '), fc.constantFrom('', '', '[ ] ', '[x] ', '**b** ', '[a](b.md) ', '[a] ', '> ', '# '), text).map((parts) => parts.join('')) },
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom('>', '> ', '>  ', ' > ', '>     ', '> > ', '>> ', '> [!NOTE]', '> [!TIP] ', '> - ', '> 1. ', '> # '), fc.oneof(text, fc.constant('')))
        .map((parts) => parts.join('')) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('| ', '|', ''), text, fc.constantFrom(' | ', '|'), text, fc.constantFrom(' |', '')).map((parts) => parts.join('')) },
      { weight: 1, arbitrary: fc.constantFrom('| --- | --- |', '|---|', '- | -', '| :-: |', '---', '***', '___', '--', '==', '[a]: /u', '[^1]: n', '[a]:', '1.', '-',
        '[^1]: - [ ] t', '[^n]: # h', '[^1]:', '[a]: - [ ] t') },
      { weight: 2, arbitrary: fc.constantFrom('<!-- c -->', '<!-- brief-disable-next-line owner-missing -->', '<!-- open', 'close -->', '<!-- a --> b', '  <!-- x -->',
        '<details>', '</details>', '<summary>s</summary>', '<div>', '<DIV class="x">', '<pre>', '<span>x</span>', '<br>', '<x-y>', '<!---->', '<!-->') },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###'), fc.constantFrom(' ', '  '), text).map((parts) => parts.join('')) },
      { weight: 1, arbitrary: fc.constantFrom('```', '```ts', '~~~', '  ```', 'Dependencies', '## Dependencies') },
      { weight: 3, arbitrary: fc.constant('') },
    );
    let handled = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(docLine, { maxLength: 14 }), eol, (body, newline) => {
        runs++;
        if (assertSameModel('file:///x/p.md', `---\nprogram: p\n---\n${body.join('\n')}`.replace(/\n/g, newline))) handled++;
      }),
      { numRuns: Number(process.env.FAST_BODY_RUNS ?? 3000), seed: Number(process.env.FAST_BODY_SEED ?? 15) },
    );
    assert.ok(handled > runs * 0.1, `the fast scanner handled only ${handled} of ${runs} documents`);
    if (process.env.FAST_BODY_RUNS) console.log(`      fast path handled ${handled} of ${runs}`);
  });

  it('on every combination of a context, a line (indented 0-4) and a following line: tables, definitions, quotes, lists', function () {
    this.timeout(300_000);
    // Exhaustive rather than random: what a line does to the lines around it (a delimiter row
    // turning a task's line into a table header, a footnote definition interrupting a paragraph,
    // an indented line after a table row) shows only in the next line's model.
    const contexts = ['para', '- a', '1. a', '> q', '- [ ] a', '  - [ ] a\n  b', '| h |', '| h |\n| - |'];
    const middles = ['| b |', '| - |', '| b |\n| - |', 'a | b', '-|-', '[^1]: x', '[a]: y', '**b**', '*b*', '_b_', '-x', '1.x', '2026.', '![i](x.png)', '[x](y.md)',
      '<!-- c -->', '<br>', '<https://a.b>', '<details>', 'www.a.b', '`c`', '> [!NOTE]', '>', '  > q', '[[w]]', '[ ]', '[x] y', '~~~~', '~~s~~', '#x', '1) a',
      '2. a', '10. a', '1. a', '+x', '= x', ':x', '!x'];
    const nexts = ['  - [ ] c', '- [ ] c', '    - [ ] c', '   - [ ] c', 'c', '  c', '2. [ ] c', '1. [ ] c', '| - |', '---'];
    let handled = 0;
    let runs = 0;
    for (const indent of ['', ' ', '  ', '   ', '    ']) {
      for (const context of contexts) {
        for (const middle of middles) {
          for (const next of nexts) {
            for (const gap of ['\n', '\n\n']) {
              runs++;
              if (assertSameModel('file:///x/c.brief.md', `${context}\n${indent}${middle.replace(/\n/g, `\n${indent}`)}${gap}${next}\n`)) handled++;
            }
          }
        }
      }
    }
    assert.ok(handled > runs * 0.4, `the fast scanner handled only ${handled} of ${runs} documents`);
  });
});
