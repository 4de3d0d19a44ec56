/**
 * Behaviour guard for optimisations of src/core: writes (or compares against) a snapshot of what
 * the core makes of a folder: every file's parsed model and every diagnostic, cross-file rules,
 * graph and cycles included. Run it before a change with `--write`, after it without.
 *
 *   tsx bench/golden.ts <folder> <snapshot.json> [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BriefWorkspace, lintWorkspace } from '../src/core';
import { folderConfig, markdownFilesIn } from './measure/folder';

export function snapshot(folder: string): Record<string, unknown> {
  const config = folderConfig(folder, { today: '2026-06-15' });
  const workspace = new BriefWorkspace();
  const files = markdownFilesIn(folder);
  for (const file of files) workspace.setText(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  const models: Record<string, unknown> = {};
  for (const file of files) {
    const { text: _text, ...model } = workspace.get(pathToFileURL(file).href)!;
    models[file] = model;
  }
  const diagnostics = Object.fromEntries(lintWorkspace(workspace, { config }));
  const graph = workspace.graph();
  const cycles = [...workspace.cycles()].map(([edge, cycle]) => ({ edge, cycle }));
  return JSON.parse(JSON.stringify({ models, diagnostics, graph: { nodes: [...graph.nodes.values()], edges: graph.edges }, cycles }));
}

if (require.main === module) {
  const [folder, file, flag] = process.argv.slice(2);
  const current = snapshot(folder);
  if (flag === '--write') {
    writeFileSync(file, JSON.stringify(current));
    console.log(`wrote ${file}`);
  } else {
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    const a = JSON.stringify(expected);
    const b = JSON.stringify(current);
    if (a === b) {
      console.log(`identical to ${file}`);
    } else {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      console.log(`DIFFERENT from ${file} at ${i}:\n  expected …${a.slice(Math.max(0, i - 200), i + 200)}\n  actual   …${b.slice(Math.max(0, i - 200), i + 200)}`);
      process.exitCode = 1;
    }
  }
}
