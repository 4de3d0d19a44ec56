/**
 * The workspace model as the editor uses it: the core's BriefWorkspace, plus one cache that
 * matters while typing. Finding dependency cycles walks the whole graph (hundreds of ms on 2,000
 * briefs), yet most keystrokes (a title, a status, the body) cannot change a cycle. So the
 * cycles are kept across a change when the changed brief's part of the graph — its program id,
 * milestone ids and `depends_on` entries, with their ranges — is the same before and after.
 * Pure (no vscode import).
 */
import { BriefWorkspace, type Brief, type Cycle, type GraphEdge } from '../core';

export class LiveWorkspace extends BriefWorkspace {
  private cachedCycles: Map<GraphEdge, Cycle> | undefined;
  /** The version the cached cycles are valid for. */
  private cyclesVersion = -1;

  // setText parses and then calls setBrief: one place sees every change.
  override setBrief(brief: Brief): void {
    const signature = graphSignature(this.get(brief.uri));
    super.setBrief(brief);
    this.carryCycles(signature === graphSignature(brief));
  }

  override delete(uri: string): boolean {
    const gone = this.get(uri);
    const deleted = super.delete(uri);
    if (deleted) this.carryCycles(graphSignature(gone) === '');
    return deleted;
  }

  override cycles(): Map<GraphEdge, Cycle> {
    if (this.cachedCycles && this.cyclesVersion === this.version) return this.cachedCycles;
    this.cachedCycles = super.cycles();
    this.cyclesVersion = this.version;
    return this.cachedCycles;
  }

  /** After a change: the cached cycles stay valid only if the graph is unchanged. */
  private carryCycles(graphUnchanged: boolean): void {
    if (graphUnchanged && this.cachedCycles && this.cyclesVersion === this.version - 1) this.cyclesVersion = this.version;
    else this.cachedCycles = undefined;
  }
}

/**
 * Everything of one brief that the dependency graph's edges depend on. Empty for a file that
 * is not a brief (it adds nothing to the graph).
 */
export function graphSignature(brief: Brief | undefined): string {
  if (!brief?.isBrief) return '';
  const entry = (e: { written: string; program: string; milestone?: string; range: Brief['firstLineRange'] }) =>
    `${e.written}>${e.program}#${e.milestone ?? ''}@${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}`;
  return JSON.stringify([
    brief.uri,
    brief.program?.value ?? null,
    brief.dependsOn.map(entry),
    brief.milestones.map((m) => [m.id?.value ?? null, m.dependsOn.map(entry)]),
  ]);
}
