/**
 * Issue 9, finding 4: a dependency cycle through thousands of briefs. Each of its edges gets a
 * diagnostic; before, each carried the whole cycle (message and N-1 related locations): 1,000
 * files wrote 339 MB of JSON with 2.2 GB of memory, 5,000 aborted out of memory. Now the
 * message is abbreviated, related locations are capped, and output and memory are linear.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatStylish } from '../../../src/cli/lintFormats';
import { DEFAULT_CONFIG } from '../../../src/core/workspace/config';
import { buildGraph, CYCLE_RELATED_EDGES, CYCLE_SPELLED_NODES, findCycles } from '../../../src/core/workspace/graph';
import { spellCycle } from '../../../src/core/rules/dependency-cycle';
import { RULES } from '../../../src/core/rules';
import { BriefWorkspace } from '../../../src/core/workspace/workspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function ringBrief(i: number, n: number): string {
  return `---\nprogram: p${i}\ntitle: P ${i}\nowner: "@o"\ndepends_on: [p${(i + 1) % n}]\n---\n# P ${i}\n`;
}

function ringWorkspace(n: number): BriefWorkspace {
  const workspace = new BriefWorkspace();
  for (let i = 0; i < n; i++) workspace.setText(`file:///ws/p${String(i).padStart(5, '0')}.md`, ringBrief(i, n));
  return workspace;
}

describe('dependency-cycle: long cycles (issue 9, finding 4)', () => {
  it('spells short cycles whole and abbreviates long ones with the count left out', () => {
    assert.equal(spellCycle({ path: ['a'], length: 1 }), '`a` → `a`');
    assert.equal(spellCycle({ path: ['a', 'b', 'c'], length: 3 }), '`a` → `b` → `c` → `a`');
    assert.equal(spellCycle({ path: ['a', 'b', 'c', 'y', 'z'], length: 999 }), '`a` → `b` → `c` → … (994 more) … → `y` → `z` → `a`');
  });

  it('keeps a bounded part of each cycle: the first and last ids, the nearest edges, and the length', () => {
    const n = 1000;
    const graph = buildGraph(ringWorkspace(n).briefs());
    const cycles = findCycles(graph);
    assert.equal(cycles.size, n);
    for (const [edge, cycle] of cycles) {
      const i = Number(edge.from.slice(1));
      assert.equal(cycle.length, n);
      assert.deepEqual(cycle.path, [`p${i}`, `p${(i + 1) % n}`, `p${(i + 2) % n}`, `p${(i + n - 2) % n}`, `p${(i + n - 1) % n}`]);
      assert.equal(cycle.edges.length, 1 + CYCLE_RELATED_EDGES);
      assert.equal(cycle.edges[0], edge);
      // The five edges after it, then the five that lead back to it, in cycle order.
      const froms = cycle.edges.map((e) => Number(e.from.slice(1)));
      assert.deepEqual(froms, [0, 1, 2, 3, 4, 5, n - 5, n - 4, n - 3, n - 2, n - 1].map((k) => (i + k) % n));
    }
  });

  it('still reports every node of a short cycle and every edge of one up to the cap', () => {
    for (const n of [2, CYCLE_SPELLED_NODES, CYCLE_SPELLED_NODES + 1, CYCLE_RELATED_EDGES + 1, CYCLE_RELATED_EDGES + 2]) {
      const cycles = findCycles(buildGraph(ringWorkspace(n).briefs()));
      for (const cycle of cycles.values()) {
        assert.equal(cycle.length, n);
        assert.equal(cycle.path.length, n <= CYCLE_SPELLED_NODES ? n : 5, `path of a ${n}-cycle`);
        assert.equal(cycle.edges.length, Math.min(n, CYCLE_RELATED_EDGES + 1), `edges of a ${n}-cycle`);
        assert.equal(new Set(cycle.edges).size, cycle.edges.length);
      }
    }
  });

  it('the rule: one message per edge, abbreviated, at most 10 related locations', async () => {
    const { lintWorkspace } = await import('../../../src/core/rules/lint');
    const { DEFAULT_CONFIG } = await import('../../../src/core/workspace/config');
    const result = lintWorkspace(ringWorkspace(300), { config: DEFAULT_CONFIG });
    const diagnostics = [...result.values()].flat().filter((d) => d.rule === 'dependency-cycle');
    assert.equal(diagnostics.length, 300);
    const first = diagnostics.find((d) => d.uri.endsWith('p00000.md'))!;
    assert.equal(first.message, 'Dependency cycle of 300 edges: `p0` → `p1` → `p2` → … (295 more) … → `p298` → `p299` → `p0`; expected `depends_on` edges that never lead back to `p0`');
    assert.equal(first.related!.length, 10);
    assert.deepEqual(first.related!.map((r) => r.message.slice(0, 6)), ['`p1` d', '`p2` d', '`p3` d', '`p4` d', '`p5` d', '`p295`', '`p296`', '`p297`', '`p298`', '`p299`']);
  });
});

describe('cli: stylish output of a file with very many diagnostics', () => {
  it('300,000 diagnostics in one file: no RangeError (the column widths were Math.max(...rows))', () => {
    const diagnostics = Array.from({ length: 300_000 }, (_, i) => ({
      uri: 'file:///w/a.md', rule: 'schema', severity: 'error' as const, message: `m${i}`,
      range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } },
    }));
    const out = formatStylish({ briefs: 1, diagnostics, fileOf: () => 'a.md', config: DEFAULT_CONFIG, rules: RULES, toolVersion: '0' }, false);
    assert.match(out, /\n {2}300000:1 {2}error {2}m299999 {2}schema\n/);
  });
});

describe('cli: a 5,000-file cycle (node dist/cli.js)', function () {
  this.timeout(300_000);
  const n = 5000;
  let dir = '';

  before(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-long-cycle-'));
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `p${i}.md`), ringBrief(i, n));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'sarif'] as const) {
    it(`--format ${format}: exit 1, linear output, in a 400 MB heap, in reasonable time`, () => {
      const started = Date.now();
      // A small heap: output or memory quadratic in the cycle's length cannot fit (it used to need gigabytes).
      const result = spawnSync(process.execPath, ['--max-old-space-size=400', CLI, 'lint', '--format', format], {
        cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 120_000, env: { PATH: process.env.PATH ?? '' },
      });
      const seconds = (Date.now() - started) / 1000;
      assert.equal(result.status, 1, `exit code (stderr: ${result.stderr.slice(0, 500)})`);
      assert.equal(result.stderr, '');
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
      const bytes = Buffer.byteLength(result.stdout);
      // About 4 KB (json) and 6 KB (sarif) per edge: the message and 10 related locations, pretty-printed.
      assert.ok(bytes < n * (format === 'json' ? 5_000 : 8_000), `${bytes} bytes of ${format} for ${n} edges`);
      assert.ok(seconds < 90, `${seconds} s`);
      const output = JSON.parse(result.stdout);
      if (format === 'json') {
        assert.equal(output.diagnostics.length, n);
        for (const d of output.diagnostics) {
          assert.equal(d.rule, 'dependency-cycle');
          assert.ok(d.related.length <= 10);
          assert.ok(d.message.length < 300, d.message);
          assert.match(d.message, /^Dependency cycle of 5000 edges: `p\d+` → `p\d+` → `p\d+` → … \(4995 more\) … → `p\d+` → `p\d+` → `p\d+`;/);
        }
      } else {
        assert.equal(output.runs[0].results.length, n);
        assert.ok(output.runs[0].results.every((r: { relatedLocations: unknown[] }) => r.relatedLocations.length <= 10));
      }
    });
  }
});
