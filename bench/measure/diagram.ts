/**
 * Time to render the dependency diagram, as the extension does it: the host builds the
 * model and Mermaid text in Node (src/core/views/diagramModel.ts), the webview draws it with the
 * bundled Mermaid in Chromium (src/webview/main.ts, built like `npm run build:webview`, on the
 * real page and Content Security Policy, test/unit/diagramPage.ts). Render time is what the
 * webview reports: Mermaid parse + layout + SVG, insertion and decoration.
 *
 * - the program-level graph ("All programs") of a 200-brief workspace (generated, same seed);
 * - the focused view (a hub program, depth 2) in the benchmark workspace (2,000 briefs);
 * - the program-level graph of the benchmark workspace: refused as too large, and how fast
 *   the host says so.
 *
 * Cold is the first run in the page; warm is the median of `runs` more. Needs Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium); without it the Chromium rows are skipped.
 *
 * Standalone: `npx tsx bench/measure/diagram.ts [benchmark-workspace] [--runs N]` prints the rows.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BriefWorkspace } from '../../src/core';
import { buildDiagramModel, DIAGRAM_LIMITS, type DiagramModel } from '../../src/core/views/diagramModel';
import type { DiagramMessage, DiagramOptions, WebviewToHost } from '../../src/core/views/diagramProtocol';
import { buildWebviewBundle, CHROMIUM, openDiagramPage, type DiagramPageHandle } from '../../test/unit/diagramPage';
import { DEFAULT_OUT, DEFAULT_SEED, generateWorkspace } from '../generate';
import { loadWorkspace } from './trees';
import type { Measurement, Row } from './types';
import { fmt, median } from './util';

const PROGRAMS: DiagramOptions = { scope: 'workspace', depth: 2, direction: 'LR' };
const FOCUSED: DiagramOptions = { scope: 'brief', depth: 2, direction: 'LR' };

interface Case {
  id: string;
  label: string;
  workspace: BriefWorkspace;
  today: string;
  options: DiagramOptions;
  focus?: string;
  /** Targets for the end-to-end time (text + render, warm). */
  target: number;
}

/** Builds the model `1 + runs` times; returns the last model and the samples (ms). */
function timeModel(c: Case, runs: number): { model: DiagramModel; samples: number[] } {
  const samples: number[] = [];
  let model: DiagramModel | undefined;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    model = buildDiagramModel(c.workspace.graph(), { options: c.options, focus: c.focus, today: c.today });
    samples.push(performance.now() - started);
  }
  return { model: model!, samples };
}

let seq = 0;

/** Sends a diagram to the webview and waits for its `rendered` report; returns the webview's time. */
async function timeRender(ui: DiagramPageHandle, message: Omit<DiagramMessage, 'seq'>): Promise<number> {
  const current = ++seq;
  await ui.send({ ...message, seq: current });
  const report = await ui.waitForPosted((m: WebviewToHost) => (m.type === 'rendered' || m.type === 'renderFailed') && m.seq === current, 600_000);
  if (report.type !== 'rendered') throw new Error(`the webview could not draw it: ${report.type === 'renderFailed' ? report.message : ''}`);
  return report.ms;
}

function toMessage(model: Extract<DiagramModel, { kind: 'diagram' }>, c: Case, source = model.source): Omit<DiagramMessage, 'seq'> {
  return {
    type: 'diagram', options: c.options, ...(c.focus && { focus: c.focus }), title: model.title, source,
    nodes: model.nodes, edges: model.edges, limits: DIAGRAM_LIMITS, resetView: true, today: model.today,
  };
}

/** The program with the most programs around it (declared dependencies + dependents): a busy focus. */
function hubProgram(workspace: BriefWorkspace): string {
  let best: { id: string; degree: number } | undefined;
  const graph = workspace.graph();
  for (const brief of workspace.briefs()) {
    const id = brief.program?.value;
    if (!id) continue;
    const degree = (graph.outgoing.get(id)?.length ?? 0) + workspace.dependentsOf(id).size;
    if (!best || degree > best.degree || (degree === best.degree && id < best.id)) best = { id, degree };
  }
  if (!best) throw new Error('no program in the workspace');
  return best.id;
}

export async function measureDiagram(options: { workspaceDir: string; scratchDir: string; runs: number; log(message: string): void }): Promise<Row[]> {
  const rows: Row[] = [];
  const { log, runs } = options;

  const small = generateWorkspace({ count: 200, seed: DEFAULT_SEED, outDir: join(options.scratchDir, 'diagram-200') });
  const programs200 = loadWorkspace(small.outDir);
  const large = loadWorkspace(options.workspaceDir);
  const hub = hubProgram(large.workspace);
  const cases: Case[] = [
    { id: 'diagram.programs200', label: 'all programs, 200 briefs', workspace: programs200.workspace, today: programs200.today, options: PROGRAMS, target: 5000 },
    { id: 'diagram.focus2000', label: `focused view (${hub}, depth 2), ${large.workspace.briefs().length} briefs`, workspace: large.workspace, today: large.today, options: FOCUSED, focus: hub, target: 1000 },
  ];

  // Text generation in Node (what the extension host does on every update).
  const models = new Map<string, Extract<DiagramModel, { kind: 'diagram' }>>();
  for (const c of cases) {
    const { model, samples } = timeModel(c, runs);
    if (model.kind !== 'diagram') throw new Error(`${c.id}: expected a diagram, got ${model.kind}`);
    models.set(c.id, model);
    rows.push(
      { id: `${c.id}.nodes`, label: `${c.label}: nodes / edges`, value: model.nodes.length, unit: 'count', note: `${model.edges.length} edges, ${fmt(model.source.length / 1000, 1)}k characters of Mermaid` },
      { id: `${c.id}.textMs`, label: `${c.label}: model + Mermaid text (Node), warm`, value: median(samples.slice(1)), unit: 'ms', note: `cold ${fmt(samples[0], 1)} ms` },
    );
  }
  const tooLarge = timeModel({ id: 'diagram.programs2000', label: '', workspace: large.workspace, today: large.today, options: PROGRAMS, target: 0 }, runs);
  rows.push({
    id: 'diagram.programs2000.answerMs', label: `all programs, ${large.workspace.briefs().length} briefs: host answers "too large"`, value: median(tooLarge.samples.slice(1)), unit: 'ms',
    note: tooLarge.model.kind === 'tooLarge' ? `${tooLarge.model.nodes} nodes, ${tooLarge.model.edges} edges > limits ${DIAGRAM_LIMITS.maxNodes}/${DIAGRAM_LIMITS.maxEdges}; focused view offered` : `unexpected: ${tooLarge.model.kind}`,
  });

  // Rendering in Chromium, through the real webview bundle and page.
  if (!existsSync(CHROMIUM)) {
    for (const c of cases) rows.push({ id: `${c.id}.totalMs`, label: `${c.label}: text + render, warm`, unit: 'ms', target: { max: c.target }, note: `no Chromium at ${CHROMIUM}` });
    return rows;
  }
  const bundle = await buildWebviewBundle();
  const ui = await openDiagramPage({ bundleFile: bundle.file, viewport: { width: 1400, height: 900 } });
  try {
    for (const c of cases) {
      const model = models.get(c.id)!;
      const samples: number[] = [];
      for (let i = 0; i <= runs; i++) samples.push(await timeRender(ui, toMessage(model, c)));
      const text = rows.find((r) => r.id === `${c.id}.textMs`)?.value ?? 0;
      log(`  ${c.id}: render cold ${fmt(samples[0], 0)} ms, warm ${samples.slice(1).map((s) => fmt(s, 0)).join(', ')} ms`);
      rows.push(
        { id: `${c.id}.renderMs`, label: `${c.label}: Mermaid render in Chromium, warm`, value: median(samples.slice(1)), unit: 'ms', note: `cold ${fmt(samples[0], 0)} ms` },
        { id: `${c.id}.totalMs`, label: `${c.label}: text + render, warm`, value: text + median(samples.slice(1)), unit: 'ms', target: { max: c.target } },
      );
    }
  } finally {
    await ui.close();
    bundle.dispose();
  }
  return rows;
}

export const diagram: Measurement = {
  id: 'diagram',
  title: 'Dependency diagram: Mermaid text in Node + rendering in headless Chromium',
  run: (context) => measureDiagram({ workspaceDir: context.workspaceDir, scratchDir: context.buildDir, runs: context.runs, log: context.log }),
};

if (require.main === module) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const folder = resolve(args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--runs') ?? DEFAULT_OUT);
  measureDiagram({ workspaceDir: folder, scratchDir: join(DEFAULT_OUT, '.build'), runs, log: (message) => console.error(message) })
    .then((rows) => console.log(JSON.stringify(rows, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
