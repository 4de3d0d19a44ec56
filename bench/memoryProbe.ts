/**
 * Where a workspace's memory goes (docs/benchmark.md, "Memory per brief"): loads a folder the
 * way the editor's index does (whole briefs) or, with `--kept`, the way `brief lint` does (what
 * keepForLint keeps), lints it, and prints the live heap per brief after each step (after a full
 * collection) and the process's high-water mark.
 *
 *   node --expose-gc --import tsx bench/memoryProbe.ts FOLDER [--kept]
 */
import { loadWorkspace } from '../src/host/workspaceFiles';
import { keepForLint, lintWorkspace } from '../src/core/rules/lint';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

async function main(folder: string, kept: boolean): Promise<void> {
  gc!();
  const base = process.memoryUsage().heapUsed;
  const loaded = await loadWorkspace({ cwd: folder, paths: ['.'], ...(kept && { keep: (workspace, brief, config) => keepForLint(workspace, brief, { config }), keepTexts: false }) });
  gc!();
  const afterLoad = process.memoryUsage().heapUsed;
  const briefs = [...loaded.workspace.briefs()].length;
  const result = lintWorkspace(loaded.workspace, { config: loaded.config });
  gc!();
  const afterLint = process.memoryUsage();
  const perBrief = (bytes: number) => `${(bytes / briefs / 1024).toFixed(1)} KB`;
  console.log(`${briefs} briefs (${result.size} linted, ${kept ? 'as brief lint keeps them' : 'whole'}): live heap per brief ${perBrief(afterLoad - base)} once loaded, ${perBrief(afterLint.heapUsed - afterLoad)} more once linted; `
    + `RSS ${(afterLint.rss / 1048576).toFixed(0)} MB at the end, high-water mark ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '.', process.argv.includes('--kept')).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
