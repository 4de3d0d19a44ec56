/**
 * Child process of parseBounded.test.ts: parses and lints each worst case (test/unit/worstCases.ts),
 * printing `start <i>` before and `done <i> <ms>` after each, so the parent can kill a hang and
 * name the case.
 */
import { mergeConfig } from '../../src/core/workspace/config';
import { lintBrief } from '../../src/core/rules/lint';
import { parseBrief } from '../../src/core/parse/parseBrief';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { worstCases } from './worstCases';

const only = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
const config = mergeConfig({ today: '2026-03-01' });
worstCases().forEach((worst, index) => {
  if (only !== undefined && index !== only) return;
  for (const fast of worst.slow ? [true, false] : [true]) {
    const label = `${index}${fast ? '' : ' slow'}`;
    process.stdout.write(`start ${label}\n`);
    const started = performance.now();
    let brief;
    if (fast) {
      const workspace = new BriefWorkspace();
      brief = workspace.setText('file:///ws/p.md', worst.text);
      lintBrief(workspace, brief, { config });
    } else {
      brief = parseBrief('file:///ws/p.md', worst.text, { fast: false });
    }
    const ms = Math.round(performance.now() - started);
    const body = !brief.bodySkipped ? 'read' : brief.bodySkipped.message.startsWith('The body was not read') ? 'skipped' : 'blanked';
    process.stdout.write(`done ${label} ${ms} ${body} ${brief.headings.length} ${brief.checklist.length} ${brief.bodyReferences.length}\n`);
  }
});
