/**
 * The panel's toolbar (scope, focus, depth, direction, critical path, zoom, copy, export) and
 * the legend. It only reports what the user picked; main.ts decides what to do with it.
 */
import { MAX_DEPTH, type DiagramDirection, type DiagramNode, type DiagramOptions, type DiagramScope } from '../core/views/diagramProtocol';
import { button, h, select } from './dom';
import { DISPLAY_STATUSES, STATUS_LABELS } from '../core/model/status';
import { ARROW_MEANING, STATUS_SYMBOLS, AT_RISK_BADGE } from '../core/render/mermaid';

export interface ToolbarActions {
  setOptions(patch: Partial<DiagramOptions>): void;
  pickFocus(): void;
  selectNode(nodeId: string | undefined): void;
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  copySource(): void;
  exportSvg(): void;
}

const SCOPES: { value: DiagramScope; label: string }[] = [
  { value: 'brief', label: 'This program + neighbours' },
  { value: 'workspace', label: 'All programs' },
];

const DIRECTIONS: { value: DiagramDirection; label: string }[] = [
  { value: 'LR', label: 'Left to right' },
  { value: 'TB', label: 'Top to bottom' },
  { value: 'RL', label: 'Right to left' },
  { value: 'BT', label: 'Bottom to top' },
];

/** The words for each status come from the core (src/core/model/status.ts), as every view's do. */
export { STATUS_LABELS } from '../core/model/status';

export class Toolbar {
  readonly element: HTMLElement;
  readonly legend: HTMLElement;
  private readonly scope: HTMLSelectElement;
  private readonly depth: HTMLInputElement;
  private readonly direction: HTMLSelectElement;
  private readonly focusButton: HTMLButtonElement;
  private readonly path: HTMLSelectElement;
  private readonly sourceButtons: HTMLButtonElement[];

  constructor(actions: ToolbarActions) {
    const scope = select('Show', SCOPES, (value) => actions.setOptions({ scope: value }));
    const direction = select('Direction', DIRECTIONS, (value) => actions.setOptions({ direction: value }));
    this.scope = scope.element;
    this.direction = direction.element;
    this.depth = h('input', { class: 'pb-input', attrs: { type: 'number', min: '0', max: String(MAX_DEPTH), step: '1', 'aria-label': 'Depth: dependency steps shown up and downstream' } });
    this.depth.addEventListener('change', () => {
      const value = Number(this.depth.value);
      if (Number.isFinite(value)) actions.setOptions({ depth: Math.min(MAX_DEPTH, Math.max(0, Math.round(value))) });
    });
    this.focusButton = button('Focus…', 'Focus the diagram on another program', () => actions.pickFocus());
    this.path = h('select', { class: 'pb-select', attrs: { 'aria-label': 'Highlight the critical path of' } });
    this.path.addEventListener('change', () => actions.selectNode(this.path.value || undefined));
    const copy = button('Copy Mermaid', 'Copy the Mermaid source of the diagram', () => actions.copySource());
    const exportSvg = button('Export SVG…', 'Save the diagram as an SVG file', () => actions.exportSvg());
    this.sourceButtons = [copy, exportSvg];

    this.element = h('div', { class: 'pb-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Diagram' } },
      h('div', { class: 'pb-group' }, scope.wrapper, this.focusButton,
        h('label', { class: 'pb-field' }, h('span', { class: 'pb-field-label', text: 'Depth' }), this.depth),
        direction.wrapper),
      h('div', { class: 'pb-group' }, h('label', { class: 'pb-field' }, h('span', { class: 'pb-field-label', text: 'Critical path' }), this.path)),
      h('div', { class: 'pb-group' },
        button('−', 'Zoom out (-)', () => actions.zoomOut(), 'pb-button pb-icon'),
        button('Fit', 'Fit the diagram to the panel (0)', () => actions.fit()),
        button('+', 'Zoom in (+)', () => actions.zoomIn(), 'pb-button pb-icon')),
      h('div', { class: 'pb-group' }, copy, exportSvg),
    );

    const hint = `${ARROW_MEANING} Click a node to open its brief; pick a node under Critical path to trace it. Drag to pan, wheel to zoom.`;
    this.legend = h('div', { class: 'pb-legend', attrs: { 'aria-label': `Legend. ${hint}` } },
      // The same symbol and word as on the nodes, in the nodes' colour.
      ...DISPLAY_STATUSES.map((status) =>
        h('span', { class: 'pb-legend-item', attrs: { 'data-status': status } },
          h('span', { class: `pb-swatch pb-swatch-${status}`, attrs: { 'aria-hidden': 'true' }, text: STATUS_SYMBOLS[status] }), STATUS_LABELS[status])),
      // Schedule risk: the node's outline is dashed and thick, and it says so in words (mermaid.ts).
      h('span', { class: 'pb-legend-item' }, h('span', { class: 'pb-swatch pb-swatch-risk', attrs: { 'aria-hidden': 'true' }, text: AT_RISK_BADGE.slice(0, 1) }), AT_RISK_BADGE.slice(2)),
      h('span', { class: 'pb-legend-item' }, h('span', { class: 'pb-line pb-line-cycle', attrs: { 'aria-hidden': 'true' } }), 'Cycle'),
      h('span', { class: 'pb-legend-item' }, h('span', { class: 'pb-line pb-line-conflict', attrs: { 'aria-hidden': 'true' } }), 'Schedule conflict'),
      h('span', { class: 'pb-legend-item' }, h('span', { class: 'pb-line pb-line-critical', attrs: { 'aria-hidden': 'true' } }), 'Critical path'),
      h('span', { class: 'pb-legend-item pb-legend-arrow' }, h('span', { class: 'pb-arrow', attrs: { 'aria-hidden': 'true' }, text: 'A \u2192 B' }), 'A depends on B'),
    );
  }

  showOptions(options: DiagramOptions, focus: string | undefined): void {
    this.scope.value = options.scope;
    this.depth.value = String(options.depth);
    this.depth.disabled = options.scope === 'workspace';
    this.direction.value = options.direction;
    this.focusButton.textContent = options.scope === 'brief' && focus ? `Focus: ${focus}…` : 'Focus…';
  }

  /** The nodes one can trace a critical path from (the ones with a date). */
  showNodes(nodes: readonly DiagramNode[] | undefined, selected: string | undefined): void {
    this.path.replaceChildren(h('option', { text: nodes ? '(none)' : '—', attrs: { value: '' } }));
    for (const node of nodes ?? []) {
      if (node.missing) continue;
      this.path.append(h('option', { text: node.kind === 'milestone' ? `${node.label} (${node.id})` : node.label, attrs: { value: node.id } }));
    }
    this.path.disabled = !nodes || nodes.length === 0;
    this.showSelection(selected);
    for (const b of this.sourceButtons) b.disabled = !nodes;
  }

  showSelection(nodeId: string | undefined): void {
    this.path.value = nodeId ?? '';
    if (this.path.value !== (nodeId ?? '')) this.path.value = '';
  }
}
