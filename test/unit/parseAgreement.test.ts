/**
 * Parser edge cases (issue 9, finding 8): the fast readers (./fastYaml, ./fastBody) and the slow
 * ones (`yaml`, remark) give the same Brief, and the same text always gives the same result, at
 * any stack depth. Plus the linear scanners that replaced backtracking regular expressions
 * (finding 2) agree with the patterns they replaced, on seeded random input.
 */
import * as assert from 'node:assert/strict';
import { nestingPrefixDepth } from '../../src/core/parse/bodyGuard';
import { itemLabel } from '../../src/core/views/checklistTree';
import type { Brief } from '../../src/core/model/model';
import { mayBeBrief, parseBrief } from '../../src/core/parse/parseBrief';
import { MAX_YAML_DEPTH } from '../../src/core/parse/yamlDepth';

const FRONTMATTER = '---\nprogram: p\ntitle: P\nowner: "@x"\n';

function both(uri: string, text: string): { fast: Brief; slow: Brief } {
  return { fast: parseBrief(uri, text), slow: parseBrief(uri, text, { fast: false }) };
}

function assertAgree(uri: string, text: string): Brief {
  const { fast, slow } = both(uri, text);
  assert.deepEqual(fast, slow, `fast and slow differ on ${JSON.stringify(text.slice(0, 80))}`);
  assert.deepEqual(parseBrief(uri, text), fast, 'the same text parsed twice');
  return fast;
}

/** Runs `f` with about `frames` frames of this function's stack already used. */
function atStackDepth<T>(frames: number, f: () => T): T {
  return frames <= 0 ? f() : atStackDepth(frames - 1, f);
}

/** How many frames of atStackDepth fit on the stack (a binary search; each probe overflows or not). */
function stackFrames(): number {
  const fits = (frames: number) => {
    try {
      atStackDepth(frames, () => 0);
      return true;
    } catch {
      return false; // RangeError: the stack is full
    }
  };
  let low = 0;
  let high = 1 << 22;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(next: () => number, atoms: string[], maxAtoms: number): string {
  let text = '';
  const count = Math.floor(next() * maxAtoms);
  for (let i = 0; i < count; i++) text += atoms[Math.floor(next() * atoms.length)];
  return text;
}

describe('parse: fast and slow readers agree on edge cases', () => {
  it('a second byte order mark is a character of line 1: no frontmatter, ranges unshifted, tasks kept', () => {
    const body = '# Heading\n- [ ] a task @x\n[[other]]\n';
    for (const uri of ['file:///ws/p.md', 'file:///ws/p.brief.md']) {
      const brief = assertAgree(uri, `\uFEFF\uFEFF${FRONTMATTER}---\n${body}`);
      assert.equal(brief.frontmatterRange, undefined, 'line 1 is "\\uFEFF---", not a fence');
    }
    const brief = assertAgree('file:///ws/p.brief.md', `\uFEFF\uFEFF${body}`);
    assert.deepEqual(brief.checklist.map((item) => [item.text, item.line, item.checkboxRange.start.character]), [['a task @x', 1, 3]]);
    assert.deepEqual(brief.headings, [], 'line 1 starts with a BOM: a paragraph, not a heading');
    assert.equal(brief.bodyReferences[0]?.range.start.line, 2);
    assert.equal(brief.bodyReferences[0]?.range.start.character, 2);
  });

  it('a YAML key over 1,024 characters is a syntax error on both paths', () => {
    const brief = assertAgree('file:///ws/p.md', `${FRONTMATTER}${'k'.repeat(1025)}: v\n---\n`);
    assert.match(brief.syntaxErrors[0]?.message ?? '', /1024/);
    assert.deepEqual(assertAgree('file:///ws/p.md', `${FRONTMATTER}${'k'.repeat(1024)}: v\n---\n`).syntaxErrors, []);
  });

  it(`block mappings nested deeper than ${MAX_YAML_DEPTH} levels are a syntax error on both paths; shallower ones are read`, () => {
    const nested = (levels: number) => {
      let yaml = 'x:\n';
      for (let i = 1; i < levels; i++) yaml += `${' '.repeat(i)}a${i}:\n`;
      return `${FRONTMATTER}${yaml}${' '.repeat(levels)}z: y\n---\n`;
    };
    for (const levels of [MAX_YAML_DEPTH + 10, 1000, 5000]) {
      const brief = assertAgree('file:///ws/p.md', nested(levels));
      assert.equal(brief.syntaxErrors.length, 1);
      assert.match(brief.syntaxErrors[0].message, /nested too deeply/);
    }
    assert.deepEqual(assertAgree('file:///ws/p.md', nested(MAX_YAML_DEPTH - 10)).syntaxErrors, []);
  });

  it('deeply nested YAML gives the same result at any stack depth (it used to depend on the stack left)', () => {
    const frames = stackFrames();
    const texts = [
      `${FRONTMATTER}x: ${'['.repeat(1000)}${']'.repeat(1000)}\n---\n`,
      `${FRONTMATTER}x: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}\n---\n`,
      `${FRONTMATTER}x: ${'['.repeat(MAX_YAML_DEPTH - 2)}${']'.repeat(MAX_YAML_DEPTH - 2)}\n---\n`,
      `${FRONTMATTER}x: ${'{a: '.repeat(MAX_YAML_DEPTH - 2)}1${'}'.repeat(MAX_YAML_DEPTH - 2)}\n---\n`,
      `${FRONTMATTER}x:\n${'- '.repeat(2000)}deep\n---\n`,
    ];
    for (const text of texts) {
      const top = parseBrief('file:///ws/p.md', text, { fast: false });
      for (const share of [0.3, 0.6, 0.8]) {
        const deep = atStackDepth(Math.floor(frames * share), () => parseBrief('file:///ws/p.md', text, { fast: false }));
        assert.deepEqual(deep, top, `at ${share * 100}% of the stack: ${text.slice(FRONTMATTER.length, FRONTMATTER.length + 20)}`);
        assert.deepEqual(atStackDepth(Math.floor(frames * share), () => parseBrief('file:///ws/p.md', text)), parseBrief('file:///ws/p.md', text));
      }
      assert.deepEqual(parseBrief('file:///ws/p.md', text), top, 'fast and slow');
    }
  });

  it('`-` alone on a line with `[ ] box` on the next is a checklist item, as it is a task to remark', () => {
    const brief = assertAgree('file:///ws/p.md', `${FRONTMATTER}---\n# H\n-\n  [ ] box @x\n1.\n   [x] done\n-\n\n  [ ] not a task\n`);
    assert.deepEqual(brief.checklist.map((item) => [item.text, item.state === 'done', item.line, item.checkboxRange.start.character, item.heading?.text]), [
      ['box @x', false, 7, 3, 'H'],
      ['done', true, 9, 4, 'H'],
    ]);
    assert.equal(brief.checklist[0].owner?.value, '@x');
  });

  it('YAML the library warns about (`title: {{ … }}`) prints nothing to stderr', () => {
    const emitWarning = process.emitWarning;
    const warn = console.warn;
    const printed: unknown[] = [];
    process.emitWarning = ((warning: unknown) => printed.push(warning)) as typeof process.emitWarning;
    console.warn = (...args: unknown[]) => printed.push(args);
    try {
      for (const yaml of ['title: {{ name }}\n', 'summary: {[a]: b}\n', 'x: {{a: 1}: 2}\n']) {
        const { fast, slow } = both('file:///ws/p.md', `---\nprogram: p\nowner: "@x"\n${yaml}---\n`);
        assert.deepEqual(fast, slow);
      }
    } finally {
      process.emitWarning = emitWarning;
      console.warn = warn;
    }
    assert.deepEqual(printed, []);
  });

  it('fast and slow agree on seeded random briefs made of the edge cases above', () => {
    const next = random(90_008);
    const atoms = ['\uFEFF', '---\n', '-\n', '  [ ] box\n', '- [ ] t @x\n', '# H\n', '[[p]]', '`c`', ' ', '\n', '> ', '- ', '*', '[', ']', 'a', '\r\n', '## Dependencies\n'];
    for (let round = 0; round < 300; round++) {
      const body = randomText(next, atoms, 30);
      const head = next() < 0.5 ? '\uFEFF' : '';
      assertAgree('file:///ws/p.brief.md', `${head}${FRONTMATTER}---\n${body}`);
      assertAgree('file:///ws/p.brief.md', `${head}${body}`);
    }
  });
});

describe('parse: linear scanners agree with the regular expressions they replaced', () => {
  it('mayBeBrief', () => {
    const reference = (text: string) => /^\uFEFF?---[ \t]*\r?\n[\s\S]*?^program[ \t]*:/m.test(text);
    const next = random(2);
    const atoms = ['---', '\n', '\r', '\r\n', ' ', '\t', 'program', ':', '\uFEFF', 'x', '\u2028', '-'];
    for (let round = 0; round < 20_000; round++) {
      const text = randomText(next, atoms, 14);
      assert.equal(mayBeBrief('a.md', text), reference(text), JSON.stringify(text));
    }
  });

  it('the nesting guard counts the prefix as the old pattern did', () => {
    // The old pattern with a small count, so that it finishes: a line nesting `n` deep matched `{n,}`.
    const reference = (text: string, n: number) => new RegExp(`^(?:[ \\t]|>[ \\t]?|[*+-][ \\t]+|\\d{1,9}[.)][ \\t]+){${n},}`).test(text);
    const next = random(3);
    const atoms = [' ', '\t', '>', '> ', '- ', '*', '+\t', '1. ', '12)', '1234567890. ', 'x', '-', '.'];
    for (let round = 0; round < 20_000; round++) {
      const text = randomText(next, atoms, 8);
      for (const n of [1, 2, 3, 5]) assert.equal(nestingPrefixDepth(text, 0, n) >= n, reference(text, n), `${JSON.stringify(text)} ${n}`);
    }
  });

  it('itemLabel', () => {
    const reference = (text: string) => text.replace(/\s*(?:due:|📅\s*)\d{4}-\d{2}-\d{2}/gu, '').replace(/\s+@[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)?$/, '').trim() || text;
    const next = random(4);
    const atoms = [' ', '\t', 'due:', '📅', '2026-01-01', '1', '-', '@', 'a', '/', '\n', '\u00a0', 'x y'];
    for (let round = 0; round < 20_000; round++) {
      const text = randomText(next, atoms, 12);
      assert.equal(itemLabel(text), reference(text), JSON.stringify(text));
    }
  });
});

describe('id-duplicate: related locations are capped', () => {
  it('12 milestones with one id: 12 diagnostics, each with the count and at most 10 related locations', async () => {
    const { lintBrief } = await import('../../src/core/rules/lint');
    const { mergeConfig } = await import('../../src/core/workspace/config');
    const { BriefWorkspace } = await import('../../src/core/workspace/workspace');
    const { MAX_RELATED } = await import('../../src/core/rules/id-duplicate');
    const milestones = Array.from({ length: 12 }, () => '  - id: same\n    title: M\n    owner: "@x"').join('\n');
    const workspace = new BriefWorkspace();
    const brief = workspace.setText('file:///ws/p.md', `${FRONTMATTER}milestones:\n${milestones}\n---\n`);
    const diagnostics = lintBrief(workspace, brief, { config: mergeConfig({ today: '2026-03-01' }) }).filter((d) => d.rule === 'id-duplicate');
    assert.equal(diagnostics.length, 12);
    assert.equal(MAX_RELATED, 10);
    for (const diagnostic of diagnostics) {
      assert.match(diagnostic.message, /^12 milestones of this brief have the id `same`/);
      assert.equal(diagnostic.related?.length, MAX_RELATED);
      assert.ok(diagnostic.related.every((r) => r.range.start.line !== diagnostic.range.start.line), 'never itself');
    }
  });
});
