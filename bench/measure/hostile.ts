/**
 * The hostile corpus (test/hostile/corpus.ts), timed: `brief lint --format json` over each case's
 * folder in a separate process (dist/cli.js, built by `npm run bench`). A row per case (target
 * 2 s each) and the whole corpus (target 30 s). The test suite checks the same runs for
 * correctness; this only times them.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_CASES, writeCase } from '../../test/hostile/corpus';
import { problemsOf, runCli } from '../../test/hostile/lintCase';
import type { Measurement, Row } from './types';

export const hostile: Measurement = {
  id: 'hostile',
  title: 'Hostile corpus: brief lint --format json per case (separate processes)',
  async run(context) {
    const cli = join(context.root, 'dist', 'cli.js');
    const root = join(context.buildDir, 'hostile');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const rows: Row[] = [];
    let total = 0;
    try {
      for (const hostileCase of HOSTILE_CASES) {
        const dir = join(root, hostileCase.name);
        writeCase(hostileCase, dir);
        const result = await runCli(cli, ['lint', '.', '--format', 'json', '--today', '2026-06-01'], dir);
        const problems = problemsOf(hostileCase, result);
        total += result.ms;
        rows.push({
          id: `hostile.${hostileCase.name}.ms`,
          label: hostileCase.name,
          value: result.ms,
          unit: 'ms',
          target: { max: 2000 },
          note: problems.length > 0 ? problems[0].slice(0, 120) : `exit ${result.code}`,
        });
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    rows.push({ id: 'hostile.total.ms', label: `whole corpus (${HOSTILE_CASES.length} cases)`, value: total, unit: 'ms', target: { max: 30_000 } });
    return rows;
  },
};
