/**
 * Connects Mermaid's SVG to the diagram's data: node groups get the node id, a tooltip, an
 * accessible name and keyboard focus; edge paths get classes for cycles, schedule conflicts
 * and the critical path. Mermaid names node groups `flowchart-<key>-<n>` and edge paths
 * `L_<start>_<end>_<n>` (start = the dependent, end = its dependency: an arrow from A to B
 * means A depends on B, see mermaid.ts); keys are `n0`, `n1`, … so neither can be confused with brief text.
 */
import type { DiagramEdge, DiagramNode, PathStep } from '../core/views/diagramProtocol';
import { STATUS_LABELS } from './toolbar';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Decorated {
  nodes: Map<string, SVGGElement>;
  edges: Map<string, SVGPathElement>;
}

export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

export function describeNode(node: DiagramNode): string {
  const parts = [node.label, node.kind === 'milestone' ? `milestone ${node.id}` : `program ${node.id}`, STATUS_LABELS[node.display]];
  if (node.owner) parts.push(`owner ${node.owner}`);
  if (node.due) parts.push(`${node.kind === 'program' ? 'target' : 'due'} ${node.due}`);
  if (node.forecast) parts.push(`forecast ${node.forecast}${node.slip ? `, ${node.slip} ${node.slip === 1 ? 'day' : 'days'} late` : ''}`);
  if (node.slack !== undefined && node.kind === 'milestone' && node.display !== 'done') parts.push(`slack ${node.slack}`);
  if (node.atRisk) parts.push('at risk from upstream');
  return parts.join(', ');
}

export function decorate(svg: SVGSVGElement, nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): Decorated {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const result: Decorated = { nodes: new Map(), edges: new Map() };
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', `Dependency diagram: ${nodes.length} nodes, ${edges.length} dependencies`);
  for (const group of svg.querySelectorAll<SVGGElement>('g.node')) {
    const key = /flowchart-(n\d+)-\d+$/.exec(group.id)?.[1];
    const node = key ? byKey.get(key) : undefined;
    if (!node) continue;
    group.classList.add('pb-node', `pb-${node.kind}`);
    // mermaid.ts colours statuses with classDefs, which Mermaid writes as inline styles; drop
    // the colours so the theme's (in the SVG's <style>, see theme.ts) apply. Dash patterns stay.
    for (const styled of group.querySelectorAll<SVGElement | HTMLElement>('[style]')) {
      for (const property of ['fill', 'stroke', 'color']) styled.style.removeProperty(property);
    }
    if (node.focus) group.classList.add('pb-focus');
    group.dataset.nodeId = node.id;
    group.setAttribute('tabindex', '0');
    group.setAttribute('role', 'button');
    const description = describeNode(node);
    group.setAttribute('aria-label', description);
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = description;
    group.prepend(title);
    result.nodes.set(node.id, group);
  }
  const edgeByKeys = new Map<string, DiagramEdge>();
  const idOfKey = new Map(nodes.map((node) => [node.key, node.id]));
  for (const edge of edges) edgeByKeys.set(edgeKey(edge.from, edge.to), edge);
  for (const path of svg.querySelectorAll<SVGPathElement>('path.flowchart-link')) {
    const match = /L_(n\d+)_(n\d+)_\d+$/.exec(path.id) ?? /L_(n\d+)_(n\d+)_\d+$/.exec(path.dataset.id ?? '');
    if (!match) continue;
    const dependent = idOfKey.get(match[1]);
    const dependency = idOfKey.get(match[2]);
    const edge = dependent && dependency ? edgeByKeys.get(edgeKey(dependent, dependency)) : undefined;
    if (!edge) continue;
    path.dataset.from = edge.from;
    path.dataset.to = edge.to;
    if (edge.inCycle) path.classList.add('pb-cycle');
    else if (edge.scheduleConflict) path.classList.add('pb-conflict');
    if (edge.dangling) path.classList.add('pb-dangling');
    result.edges.set(edgeKey(edge.from, edge.to), path);
  }
  return result;
}

/** Marks the selected node and its critical path; everything else is dimmed. An empty path clears it. */
export function highlight(svg: SVGSVGElement, decorated: Decorated, selected: string | undefined, path: readonly PathStep[]): void {
  for (const element of svg.querySelectorAll('.pb-critical, .pb-selected')) element.classList.remove('pb-critical', 'pb-selected');
  svg.classList.toggle('pb-has-selection', selected !== undefined && path.length > 0);
  if (selected === undefined) return;
  decorated.nodes.get(selected)?.classList.add('pb-selected');
  for (const step of path) decorated.nodes.get(step.id)?.classList.add('pb-critical');
  for (let i = 1; i < path.length; i++) decorated.edges.get(edgeKey(path[i - 1].id, path[i].id))?.classList.add('pb-critical');
}
