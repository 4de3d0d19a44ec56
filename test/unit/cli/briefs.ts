/** Inline briefs for graph, Mermaid and DOT tests. */
import type { DependencyGraph } from '../../../src/core/workspace/graph';
import { BriefWorkspace } from '../../../src/core/workspace/workspace';

/** A brief from a frontmatter object (YAML reads JSON, so no quoting worries). */
export function briefText(frontmatter: Record<string, unknown>): string {
  return `---\n${JSON.stringify(frontmatter, null, 2)}\n---\n# ${String(frontmatter.title ?? frontmatter.program)}\n`;
}

/** The dependency graph of briefs given by their frontmatter, each at `file:///ws/<program>.md`. */
export function graphOf(...frontmatters: Record<string, unknown>[]): DependencyGraph {
  const workspace = new BriefWorkspace();
  for (const fm of frontmatters) workspace.setText(`file:///ws/${String(fm.program)}.md`, briefText(fm));
  return workspace.graph();
}
