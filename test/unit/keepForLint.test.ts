/**
 * `brief lint` keeps less of each brief (keepForLint, src/core/rules/lint.ts): linting what it
 * kept must give exactly what linting whole briefs gives, on the repository's fixtures and on
 * generated workspaces with every rule firing, and a kept brief refuses other lint options.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace, type Content } from '../../bench/generate';
import { mergeConfig } from '../../src/core/workspace/config';
import { parseBrief } from '../../src/core/parse/parseBrief';
import { keepForLint, lintWorkspace } from '../../src/core/rules/lint';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { loadWorkspace } from '../../src/host/workspaceFiles';
import { assertLetsGoOfTexts } from './heldText';

const ROOT = path.join(__dirname, '..', '..');

/** Diagnostics as plain JSON, so the comparison is of what a user sees. */
function asJson(result: Map<string, unknown>): string {
  return JSON.stringify([...result].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * `heldTextBudget`: how much text the kept briefs may hold through slices (workspaceFiles.ts,
 * `HELD_TEXT_BUDGET`); the loader says per file whether it fits, and `keepForLint` copies the
 * strings of those that do not. 0 copies every brief's, a small one mixes both.
 */
async function bothWays(folder: string, heldTextBudget?: number): Promise<{ whole: string; kept: string; briefs: number; diagnostics: number; held: number; copied: number }> {
  const whole = await loadWorkspace({ cwd: folder, paths: ['.'] });
  let held = 0;
  let copied = 0;
  // As `brief lint` loads (src/cli/run.ts): kept briefs, each text let go once parsed.
  const kept = await loadWorkspace({
    cwd: folder, paths: ['.'], keepTexts: false, heldTextBudget,
    keep: (workspace, brief, config, mayHoldText) => {
      if (mayHoldText) held++;
      else copied++;
      return keepForLint(workspace, brief, { config }, mayHoldText);
    },
  });
  for (const brief of kept.workspace.briefs()) {
    assert.equal(kept.textOf(brief.uri), undefined, 'keepTexts: false keeps no text');
    assert.equal(brief.text, '', 'a kept brief holds no text');
    assert.ok(whole.textOf(brief.uri) !== undefined, 'a whole load keeps the texts');
  }
  const wholeResult = lintWorkspace(whole.workspace, { config: whole.config });
  const keptResult = lintWorkspace(kept.workspace, { config: kept.config });
  const diagnostics = [...wholeResult.values()].reduce((sum, list) => sum + list.length, 0);
  return { whole: asJson(wholeResult), kept: asJson(keptResult), briefs: whole.workspace.briefs().length, diagnostics, held, copied };
}

describe('keepForLint: what `brief lint` keeps of a brief', () => {
  for (const folder of ['examples', 'test/fixtures/rules', 'test/fixtures/bad-input', 'test/fixtures/checklist-states', 'test/fixtures/workspaces']) {
    it(`gives the same diagnostics as whole briefs: ${folder}`, async () => {
      const { whole, kept, briefs } = await bothWays(path.join(ROOT, folder));
      assert.ok(briefs > 0, `no briefs in ${folder}`);
      assert.equal(kept, whole);
    });
  }

  for (const content of ['synthetic', 'realistic'] as Content[]) {
    it(`gives the same diagnostics as whole briefs: 150 generated ${content} briefs`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `keep-for-lint-${content}-`));
      try {
        generateWorkspace({ count: 150, seed: 7, outDir: dir, content });
        const { whole, kept, diagnostics, held, copied } = await bothWays(dir);
        assert.ok(diagnostics > 50, `the generated workspace should give diagnostics (gave ${diagnostics})`);
        assert.equal(kept, whole);
        assert.deepEqual([held >= 150, copied], [true, 0], 'under the budget, no kept brief copies its strings');
        // Past the budget (here 200 KB: about 50 synthetic briefs, 20 realistic ones), each kept brief copies its strings: the same diagnostics.
        const mixed = await bothWays(dir, 200_000);
        assert.ok(mixed.held > 10 && mixed.copied > 50, `both kinds of kept brief (held ${mixed.held}, copied ${mixed.copied})`);
        assert.equal(mixed.kept, whole);
        const allCopied = await bothWays(dir, 0);
        assert.equal(allCopied.held, 0);
        assert.equal(allCopied.kept, whole);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('drops the checklist, headings and stakeholders, and keeps the rest', () => {
    const text = '---\nprogram: p\ntitle: P\nowner: "@o"\nstakeholders:\n  - who: "@s"\nmilestones:\n  - id: m\n    due: 2026-01-01\n---\n# Plan\n- [ ] Task @o\n';
    const workspace = new BriefWorkspace();
    const brief = parseBrief('file:///ws/p.md', text);
    assert.equal(brief.checklist.length, 1);
    const kept = keepForLint(workspace, brief, { config: mergeConfig() });
    assert.deepEqual([kept.checklist.length, kept.headings.length, kept.stakeholders.length], [0, 0, 0]);
    assert.equal(kept.milestones, brief.milestones);
    assert.equal(brief.checklist.length, 1, 'the parsed brief itself is left as it was');
  });

  it('holds no slice of a file\'s text unless told it may: 40 briefs of 250 KB each keep their models, not their texts', () => {
    const config = mergeConfig();
    assertLetsGoOfTexts((brief) => keepForLint(new BriefWorkspace(), brief, { config }));
  });

  it('a kept brief linted with other options is an error, not silently fewer diagnostics', () => {
    const workspace = new BriefWorkspace();
    const config = mergeConfig();
    const kept = keepForLint(workspace, parseBrief('file:///ws/p.md', '---\nprogram: p\n---\n- [ ] Task\n'), { config });
    workspace.setBrief(kept);
    assert.doesNotThrow(() => lintWorkspace(workspace, { config }));
    assert.throws(() => lintWorkspace(workspace, { config: mergeConfig({ rules: { 'checklist-unowned': 'error' } }) }), /kept for one lint/);
  });
});
