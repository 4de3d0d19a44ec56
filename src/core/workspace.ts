/**
 * The workspace model: every brief of a workspace, indexed for cross-file questions. Updated
 * one file at a time (`setText`, `delete`); derived indexes are rebuilt lazily after a change,
 * so re-linting one brief after an edit parses only that brief.
 */
import { buildGraph, findCycles, nodeId, type Cycle, type DependencyGraph, type GraphEdge } from './graph';
import type { Brief, Milestone } from './model';
import { parseBrief } from './parseBrief';

interface DerivedIndexes {
  briefs: Brief[];
  byProgram: Map<string, Brief[]>;
  /** Program id → the briefs whose `depends_on` or body names it. */
  dependents: Map<string, Set<Brief>>;
  graph?: DependencyGraph;
  cycles?: Map<GraphEdge, Cycle>;
}

export class BriefWorkspace {
  private readonly files = new Map<string, Brief>();
  private derived: DerivedIndexes | undefined;
  private changeCount = 0;

  /** Increases with every change; lets hosts cache what they derive. */
  get version(): number {
    return this.changeCount;
  }

  /** Parses and stores a file; returns the existing model when the text has not changed. */
  setText(uri: string, text: string): Brief {
    const existing = this.files.get(uri);
    if (existing && (existing.text === text || existing.text === text.replace(/^\uFEFF/, ''))) return existing;
    const brief = parseBrief(uri, text);
    this.setBrief(brief);
    return brief;
  }

  /** Stores an already parsed brief (e.g. parsed in a worker). */
  setBrief(brief: Brief): void {
    this.files.set(brief.uri, brief);
    this.changed();
  }

  delete(uri: string): boolean {
    const had = this.files.delete(uri);
    if (had) this.changed();
    return had;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  /** Any file that was added, brief or not. */
  get(uri: string): Brief | undefined {
    return this.files.get(uri);
  }

  /** The briefs (files that are briefs), in a stable order: by uri. */
  briefs(): readonly Brief[] {
    return this.index().briefs;
  }

  /** Every brief that declares this program id (more than one is an `id-duplicate`). */
  briefsOf(program: string): readonly Brief[] {
    return this.index().byProgram.get(program) ?? [];
  }

  /** The brief that defines a program: the first, in uri order, when several claim the id. */
  program(program: string): Brief | undefined {
    return this.index().byProgram.get(program)?.[0];
  }

  milestone(program: string, milestone: string): { brief: Brief; milestone: Milestone } | undefined {
    const brief = this.program(program);
    const found = brief?.milestones.find((m) => m.id?.value === milestone);
    return brief && found && { brief, milestone: found };
  }

  /** Whether a reference names something that exists. */
  defines(program: string, milestone?: string): boolean {
    return milestone === undefined ? this.program(program) !== undefined : this.milestone(program, milestone) !== undefined;
  }

  /** The brief a Markdown link in `fromUri` points to (`../team/payments.md#cutover`). */
  briefAtLink(fromUri: string, target: string): Brief | undefined {
    const path = target.split('#')[0];
    let resolved: string;
    try {
      resolved = new URL(path, fromUri).href;
    } catch {
      return undefined;
    }
    const direct = this.files.get(resolved);
    if (direct?.isBrief) return direct;
    const decoded = safeDecode(resolved);
    return this.index().briefs.find((brief) => brief.uri === resolved || safeDecode(brief.uri) === decoded);
  }

  /** Briefs that depend on or mention a program: those whose diagnostics may change with it. */
  dependentsOf(program: string): ReadonlySet<Brief> {
    return this.index().dependents.get(program) ?? new Set();
  }

  graph(): DependencyGraph {
    const index = this.index();
    index.graph ??= buildGraph(index.briefs);
    return index.graph;
  }

  /** For every `depends_on` edge on a cycle, a shortest cycle through it. */
  cycles(): Map<GraphEdge, Cycle> {
    const index = this.index();
    index.cycles ??= findCycles(this.graph());
    return index.cycles;
  }

  private changed(): void {
    this.changeCount++;
    this.derived = undefined;
  }

  private index(): DerivedIndexes {
    if (this.derived) return this.derived;
    const briefs = [...this.files.values()].filter((brief) => brief.isBrief).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const byProgram = new Map<string, Brief[]>();
    const dependents = new Map<string, Set<Brief>>();
    const addDependent = (program: string, brief: Brief) => {
      let set = dependents.get(program);
      if (!set) dependents.set(program, (set = new Set()));
      set.add(brief);
    };
    for (const brief of briefs) {
      const id = brief.program?.value;
      if (id) {
        const list = byProgram.get(id);
        if (list) list.push(brief);
        else byProgram.set(id, [brief]);
      }
      for (const entry of brief.dependsOn) addDependent(entry.program, brief);
      for (const milestone of brief.milestones) for (const entry of milestone.dependsOn) addDependent(entry.program, brief);
      for (const reference of brief.bodyReferences) if (reference.program) addDependent(reference.program, brief);
    }
    this.derived = { briefs, byProgram, dependents };
    return this.derived;
  }
}

export { nodeId };

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
