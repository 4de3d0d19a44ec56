/**
 * The workspace model: every brief of a workspace, indexed for cross-file questions. Updated
 * one file at a time (`setText`, `delete`). The indexes the rules use on every lint (briefs by
 * program id, who mentions a program) are kept up to date on each change, at the cost of the
 * changed brief only; the dependency graph is built lazily when asked for; and the cycles are
 * recomputed over the whole workspace only when an edit changes the graph's structure (a
 * `depends_on` entry, a milestone id, a program id, a brief appearing or going), so re-linting
 * one brief after an edit parses only that brief and touches little else.
 */
import { buildGraph, findCycles, nodeId, type Cycle, type DependencyGraph, type GraphEdge } from './graph';
import { CycleFinder, graphPart, type GraphPart } from './graphIndex';
import type { Brief, Milestone } from '../model/model';
import { parseBrief, withoutBom } from '../parse/parseBrief';
import { compareText } from '../model/text';

/** At least this many of the last changes are remembered by `programsChangedSince`. */
const CHANGE_LOG_SIZE = 1024;

export class BriefWorkspace {
  private readonly files = new Map<string, Brief>();
  private changeCount = 0;

  /** Uris of the briefs (files that are briefs), sorted. */
  private readonly briefUris: string[] = [];
  /** `briefs()` for the current version. */
  private briefList: Brief[] | undefined;
  /** Program id → the briefs that declare it, in uri order. */
  private readonly byProgram = new Map<string, Brief[]>();
  /** Program id → uri → the brief whose `depends_on` or body names it. */
  private readonly mentions = new Map<string, Map<string, Brief>>();

  private readonly parts = new WeakMap<Brief, GraphPart>();
  private readonly cycleFinder = new CycleFinder();
  /** Nodes on a cycle, while no change has altered the graph's structure; else undefined. */
  private cyclicNodes: Set<string> | undefined;
  private graphCache: { version: number; graph: DependencyGraph } | undefined;
  /** The cycles, and the files their edges are in. */
  private cyclesCache: { version: number; cycles: Map<GraphEdge, Cycle>; uris: Set<string> } | undefined;
  /** Per change (its version), the program ids of the file before and after it: see programsChangedSince. */
  private readonly changeLog: { version: number; programs: string[] }[] = [];

  /** Increases with every change; lets hosts cache what they derive. */
  get version(): number {
    return this.changeCount;
  }

  /**
   * The program ids declared, before or after, by the files changed since `version`: the only
   * programs whose defining brief can differ from then. Undefined when `version` is older than
   * the last CHANGE_LOG_SIZE changes (or not one of this workspace's): then look at every brief.
   * Lets an index kept edit by edit (the schedule) skip the 2,000 briefs an edit did not touch.
   */
  programsChangedSince(version: number): Set<string> | undefined {
    if (version > this.changeCount || version < 0) return undefined;
    if (version < this.changeCount && (this.changeLog.length === 0 || this.changeLog[0].version > version + 1)) return undefined;
    const programs = new Set<string>();
    for (const entry of this.changeLog) {
      if (entry.version <= version) continue;
      for (const program of entry.programs) programs.add(program);
    }
    return programs;
  }

  /** Parses and stores a file; returns the existing model when the text has not changed. */
  setText(uri: string, text: string): Brief {
    const existing = this.files.get(uri);
    if (existing && (existing.text === text || existing.text === withoutBom(text))) return existing;
    const brief = parseBrief(uri, text);
    this.setBrief(brief);
    return brief;
  }

  /** Stores an already parsed brief (e.g. parsed in a worker). */
  setBrief(brief: Brief): void {
    const old = this.files.get(brief.uri);
    if (old) this.unindex(old);
    this.files.set(brief.uri, brief);
    this.index(brief);
    const sameShape = (old ? this.part(old).shape : '') === this.part(brief).shape;
    if (!sameShape) this.cyclicNodes = undefined;
    // The cycles stay exactly as they are when the graph keeps its shape and none of their edges is in this file.
    const cycles = sameShape && this.cyclesCache?.version === this.changeCount && !this.cyclesCache.uris.has(brief.uri) ? this.cyclesCache : undefined;
    this.changed(old, brief);
    if (cycles) cycles.version = this.changeCount;
  }

  delete(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    this.unindex(old);
    this.files.delete(uri);
    if (this.part(old).shape !== '') this.cyclicNodes = undefined;
    this.changed(old);
    return true;
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
    this.briefList ??= this.briefUris.map((uri) => this.files.get(uri)!);
    return this.briefList;
  }

  /** Every brief that declares this program id (more than one is an `id-duplicate`). */
  briefsOf(program: string): readonly Brief[] {
    return this.byProgram.get(program) ?? [];
  }

  /** The brief that defines a program: the first, in uri order, when several claim the id. */
  program(program: string): Brief | undefined {
    return this.byProgram.get(program)?.[0];
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
    return this.briefs().find((brief) => brief.uri === resolved || safeDecode(brief.uri) === decoded);
  }

  /** Briefs that depend on or mention a program: those whose diagnostics may change with it. */
  dependentsOf(program: string): ReadonlySet<Brief> {
    const byUri = this.mentions.get(program);
    if (!byUri) return new Set();
    return new Set([...byUri.keys()].sort(compareText).map((uri) => byUri.get(uri)!));
  }

  graph(): DependencyGraph {
    if (this.graphCache?.version !== this.changeCount) {
      const graph = buildGraph(this.briefs());
      this.graphCache = { version: this.changeCount, graph };
      // Cycles found before the graph was built hold edges of a partial graph: find them again on
      // this one, so that `cycles()` keys are `graph().edges` (views look edges up by identity).
      if (this.cyclesCache?.version === this.changeCount && this.cyclesCache.cycles.size > 0 && this.cyclicNodes) {
        this.cyclesCache = { ...this.cyclesCache, cycles: findCycles(restrict(graph, this.cyclicNodes)) };
      }
    }
    return this.graphCache.graph;
  }

  /**
   * For every `depends_on` edge on a cycle, a shortest cycle through it. Its keys are edges of
   * `graph()` (the same objects) once `graph()` has been called for the current version.
   */
  cycles(): Map<GraphEdge, Cycle> {
    if (this.cyclesCache?.version === this.changeCount) return this.cyclesCache.cycles;
    this.cyclicNodes ??= this.cycleFinder.cyclicNodes([...this.byProgram.values()].map((briefs) => this.part(briefs[0])));
    const cyclic = this.cyclicNodes;
    let cycles: Map<GraphEdge, Cycle>;
    if (cyclic.size === 0) {
      cycles = new Map();
    } else {
      // findCycles over the part of the graph made of those nodes finds exactly the cycles of the
      // whole graph (each strongly connected component is there entire, edges in the same order).
      const programs = new Set([...cyclic].map((id) => id.split('#')[0]));
      const graph = this.graphCache?.version === this.changeCount
        ? this.graphCache.graph
        : buildGraph([...programs].map((program) => this.program(program)!).sort((a, b) => compareText(a.uri, b.uri)));
      cycles = findCycles(restrict(graph, cyclic));
    }
    const uris = new Set<string>();
    for (const cycle of cycles.values()) for (const edge of cycle.edges) uris.add(edge.uri);
    this.cyclesCache = { version: this.changeCount, cycles, uris };
    return cycles;
  }

  private part(brief: Brief): GraphPart {
    let part = this.parts.get(brief);
    if (!part) this.parts.set(brief, (part = graphPart(brief)));
    return part;
  }

  private changed(...files: (Brief | undefined)[]): void {
    this.changeCount++;
    this.briefList = undefined;
    const programs: string[] = [];
    for (const file of files) if (file?.program) programs.push(file.program.value);
    this.changeLog.push({ version: this.changeCount, programs });
    if (this.changeLog.length > 2 * CHANGE_LOG_SIZE) this.changeLog.splice(0, CHANGE_LOG_SIZE);
  }

  /** Adds a brief to the indexes (files that are not briefs are in none). */
  private index(brief: Brief): void {
    if (!brief.isBrief) return;
    const uri = brief.uri;
    this.briefUris.splice(insertionPoint(this.briefUris, uri), 0, uri);
    const id = brief.program?.value;
    if (id) {
      const list = this.byProgram.get(id);
      // A new list, not an insertion: lists handed out by `briefsOf` stay as they were.
      const at = list ? insertionPoint(list.map((b) => b.uri), uri) : 0;
      this.byProgram.set(id, list ? [...list.slice(0, at), brief, ...list.slice(at)] : [brief]);
    }
    for (const program of mentionedPrograms(brief)) {
      let byUri = this.mentions.get(program);
      if (!byUri) this.mentions.set(program, (byUri = new Map()));
      byUri.set(uri, brief);
    }
  }

  private unindex(brief: Brief): void {
    if (!brief.isBrief) return;
    const uri = brief.uri;
    const at = insertionPoint(this.briefUris, uri);
    if (this.briefUris[at] === uri) this.briefUris.splice(at, 1);
    const id = brief.program?.value;
    const list = id ? this.byProgram.get(id) : undefined;
    if (id && list) {
      const remaining = list.filter((other) => other !== brief);
      if (remaining.length > 0) this.byProgram.set(id, remaining);
      else this.byProgram.delete(id);
    }
    for (const program of mentionedPrograms(brief)) {
      const byUri = this.mentions.get(program);
      byUri?.delete(uri);
      if (byUri?.size === 0) this.mentions.delete(program);
    }
  }
}

export { nodeId };

/** The programs a brief names in `depends_on` (top level or milestones) or in its body. */
function mentionedPrograms(brief: Brief): Set<string> {
  const programs = new Set<string>();
  for (const entry of brief.dependsOn) programs.add(entry.program);
  for (const milestone of brief.milestones) for (const entry of milestone.dependsOn) programs.add(entry.program);
  for (const reference of brief.bodyReferences) if (reference.program) programs.add(reference.program);
  return programs;
}


/** Where `uri` is, or would go, in a sorted list. */
function insertionPoint(sorted: readonly string[], uri: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < uri) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The graph made of `keep` nodes and the edges between them, in the same order. */
function restrict(graph: DependencyGraph, keep: ReadonlySet<string>): DependencyGraph {
  const nodes = new Map([...graph.nodes].filter(([id]) => keep.has(id)));
  const edges = graph.edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to));
  const outgoing = new Map<string, GraphEdge[]>();
  const incoming = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    (outgoing.get(edge.from) ?? outgoing.set(edge.from, []).get(edge.from)!).push(edge);
    (incoming.get(edge.to) ?? incoming.set(edge.to, []).get(edge.to)!).push(edge);
  }
  return { nodes, edges, outgoing, incoming };
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
