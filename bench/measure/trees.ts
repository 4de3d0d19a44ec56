/**
 * Time to first render of the two tree views on the generated workspace: the pure core functions
 * the extension's providers call (no VS Code), on a BriefWorkspace holding every brief.
 *
 * - root: what VS Code asks for when the view opens (`getChildren()` of the root);
 * - root + first level: the root and the children of every root node, as if the user expanded
 *   all of them (far more than a real first render, which expands nothing).
 *
 * Cold is the first build in the process (JIT not warm yet); warm is the median of `runs` more.
 * The workspace is indexed once first, as the extension does on activation.
 *
 * Standalone: `npx tsx bench/measure/trees.ts [folder]` prints the rows as JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BriefWorkspace } from '../../src/core';
import { folderConfig, markdownFilesIn } from './folder';
import { checklistEntries, checklistHeadings, checklistPrograms, type ChecklistViewOptions } from '../../src/core/views/checklistTree';
import { programNodes, programSections, programsRoot, type ProgramsGrouping } from '../../src/core/views/programsTree';
import type { Measurement, Row } from './types';
import { median } from './util';

const WARM_RUNS = 15;

/** Indexes a folder the way the extension does (every .md, by file URI). */
export function loadWorkspace(folder: string): { workspace: BriefWorkspace; today: string; indexMs: number } {
  // Without a configured `today`, the current UTC date, as in the extension.
  const today = folderConfig(folder).today ?? new Date().toISOString().slice(0, 10);
  const workspace = new BriefWorkspace();
  const started = performance.now();
  for (const file of markdownFilesIn(folder)) workspace.setText(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  workspace.briefs();
  return { workspace, today, indexMs: performance.now() - started };
}

export interface TreeTimings {
  briefs: number;
  checklistGroups: number;
  checklistItems: number;
  /** name → [cold, ...warm] in ms. */
  samples: Record<string, number[]>;
}

/** Builds each tree level `1 + runs` times; returns every sample. */
export function timeTrees(workspace: BriefWorkspace, today: string, runs = WARM_RUNS): TreeTimings {
  const briefs = workspace.briefs();
  const options: ChecklistViewOptions = { filter: {}, today };
  const filtered: ChecklistViewOptions = { filter: { openOnly: true, mine: '@maria', dueWithinDays: 14 }, today };
  const cases: Record<string, () => unknown> = {
    'checklist.root': () => checklistPrograms(briefs, options),
    'checklist.firstLevel': () => {
      for (const group of checklistPrograms(briefs, options)) checklistHeadings(workspace.get(group.uri)!, options);
    },
    'checklist.filteredFirstLevel': () => {
      for (const group of checklistPrograms(briefs, filtered)) checklistHeadings(workspace.get(group.uri)!, filtered);
    },
    'checklist.expandHeading': () => {
      const brief = briefs[Math.floor(briefs.length / 2)];
      for (const heading of checklistHeadings(brief, options)) checklistEntries(brief, heading.heading?.line, options);
    },
    'programs.root': () => programsRoot(briefs, 'program'),
    'programs.firstLevel': () => {
      for (const node of programsRoot(briefs, 'program')) if (node.kind === 'program') programSections(node.brief, node.id, today);
    },
    ...Object.fromEntries((['status', 'owner', 'team'] as ProgramsGrouping[]).map((grouping) => [`programs.${grouping}.firstLevel`, () => {
      for (const group of programsRoot(briefs, grouping)) if (group.kind === 'group') programNodes(group.briefs, group.id);
    }])),
  };
  const samples: Record<string, number[]> = {};
  for (let run = 0; run <= runs; run++) {
    for (const [name, build] of Object.entries(cases)) {
      const started = performance.now();
      build();
      (samples[name] ??= []).push(performance.now() - started);
    }
  }
  const groups = checklistPrograms(briefs, options);
  return {
    briefs: briefs.length,
    checklistGroups: groups.length,
    checklistItems: groups.reduce((sum, g) => sum + g.progress.total, 0),
    samples,
  };
}

function rows(timings: TreeTimings, indexMs: number): Row[] {
  const s = timings.samples;
  const cold = (name: string) => s[name][0];
  const warm = (name: string) => median(s[name].slice(1));
  const n = timings.briefs.toLocaleString('en-US');
  return [
    { id: 'trees.checklist.root.cold', label: `Checklist root, cold (${n} programs, ${timings.checklistItems.toLocaleString('en-US')} items)`, value: cold('checklist.root'), unit: 'ms', target: { max: 100 } },
    { id: 'trees.checklist.root', label: 'Checklist root, warm p50', value: warm('checklist.root'), unit: 'ms', target: { max: 50 } },
    { id: 'trees.checklist.firstLevel', label: 'Checklist root + headings of every program, p50', value: warm('checklist.firstLevel'), unit: 'ms', target: { max: 250 } },
    { id: 'trees.checklist.filteredFirstLevel', label: 'the same, filtered (open, mine, due within 14 d), p50', value: warm('checklist.filteredFirstLevel'), unit: 'ms' },
    { id: 'trees.checklist.expand', label: 'expand one program: every heading\'s items, p50', value: warm('checklist.expandHeading'), unit: 'ms' },
    { id: 'trees.programs.root.cold', label: `Programs root, cold (${n} programs)`, value: cold('programs.root'), unit: 'ms', target: { max: 100 } },
    { id: 'trees.programs.root', label: 'Programs root, warm p50', value: warm('programs.root'), unit: 'ms', target: { max: 50 } },
    { id: 'trees.programs.firstLevel', label: 'Programs root + sections of every program, p50', value: warm('programs.firstLevel'), unit: 'ms', target: { max: 250 } },
    { id: 'trees.programs.status', label: 'grouped by status: groups + their programs, p50', value: warm('programs.status.firstLevel'), unit: 'ms' },
    { id: 'trees.programs.owner', label: 'grouped by owner: groups + their programs, p50', value: warm('programs.owner.firstLevel'), unit: 'ms' },
    { id: 'trees.programs.team', label: 'grouped by team: groups + their programs, p50', value: warm('programs.team.firstLevel'), unit: 'ms', note: `workspace indexed in ${Math.round(indexMs)} ms first` },
  ];
}

export const treeRender: Measurement = {
  id: 'trees',
  title: 'Tree views: time to build the Checklist and Programs trees (core, in-process)',
  async run(context) {
    const { workspace, today, indexMs } = loadWorkspace(context.workspaceDir);
    const timings = timeTrees(workspace, today);
    context.log(`  ${timings.briefs} briefs, ${timings.checklistGroups} checklist groups, ${timings.checklistItems} items`);
    return rows(timings, indexMs);
  },
};

if (require.main === module) {
  const folder = process.argv[2] ?? join(__dirname, '..', '.workspace');
  const { workspace, today, indexMs } = loadWorkspace(folder);
  console.log(JSON.stringify(rows(timeTrees(workspace, today), indexMs), null, 2));
}
