/**
 * The SVG the user exports: the drawn diagram plus a legend below it, so the file explains
 * itself away from the panel: the date the statuses were decided for (`today`), which way the
 * arrows point, and each status shown (symbol, word and colour) and edge mark. Everything is
 * written with attributes and `textContent` (no markup, no CSS from outside the SVG).
 */
import type { DisplayStatus } from '../core/views/graphView';
import { ARROW_MEANING, STATUS_SYMBOLS } from '../core/render/mermaid';
import { STATUS_LABELS } from '../core/model/status';
import type { Palette } from './theme';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ExportInfo {
  title: string;
  /** YYYY-MM-DD the diagram was drawn for. */
  today: string;
  /** The statuses of the drawn nodes (the legend lists these, in this order). */
  statuses: readonly DisplayStatus[];
  /** Whether the diagram has cycle / schedule-conflict edges. */
  cycles: boolean;
  conflicts: boolean;
  palette: Palette;
}

const FONT_SIZE = 12;
const LINE = 20;
const PAD = 16;

/** A copy of `svg` with the legend appended below the drawing (the viewBox grows to hold it). */
export function exportableSvg(svg: SVGSVGElement, info: ExportInfo): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('style', `background-color: ${info.palette.background}`);
  for (const element of copy.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');

  const box = viewBoxOf(svg);
  const width = Math.max(box.width, 560);
  const el = <K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] => {
    const element = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const legend = el('g', { class: 'pb-export-legend', 'font-family': info.palette.fontFamily, 'font-size': FONT_SIZE, fill: info.palette.foreground });
  const textAt = (x: number, y: number, text: string, extra: Record<string, string | number> = {}) => legend.append(el('text', { x, y, 'dominant-baseline': 'middle', ...extra }, text));

  let y = PAD + LINE / 2;
  textAt(0, y, `${info.title} · drawn for ${info.today}`, { 'font-weight': 600 });
  y += LINE;
  // The arrow, drawn as the diagram draws it, then what it means.
  const muted = info.palette.foreground;
  legend.append(el('path', { d: `M 0 ${y} L 30 ${y}`, stroke: muted, 'stroke-width': 1.5, fill: 'none' }));
  legend.append(el('path', { d: `M 30 ${y - 4} L 38 ${y} L 30 ${y + 4} Z`, fill: muted }));
  textAt(46, y, `A → B: ${ARROW_MEANING}`);
  y += LINE;

  // Items flow left to right and wrap at the drawing's width.
  let x = 0;
  const item = (draw: (x: number, y: number) => void, label: string) => {
    const itemWidth = 22 + label.length * FONT_SIZE * 0.62 + 14;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += LINE;
    }
    draw(x, y);
    textAt(x + 22, y, label);
    x += itemWidth;
  };
  for (const status of info.statuses) {
    const { fill, stroke } = info.palette.status[status];
    const dashed = status === 'cancelled' || status === 'missing';
    item((ix, iy) => legend.append(el('rect', { x: ix, y: iy - 7, width: 16, height: 14, rx: 2, fill, stroke, 'stroke-width': 2, ...(dashed && { 'stroke-dasharray': '3 2' }) })),
      `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[status]}`);
  }
  const line = (color: string, extra: Record<string, string | number> = {}) => (ix: number, iy: number) =>
    legend.append(el('path', { d: `M ${ix} ${iy} L ${ix + 16} ${iy}`, stroke: color, 'stroke-width': 3, fill: 'none', ...extra }));
  if (info.cycles) item(line(info.palette.cycle), 'Cycle');
  if (info.conflicts) item(line(info.palette.conflict, { 'stroke-dasharray': '4 3' }), 'Schedule conflict');
  y += LINE / 2 + PAD;

  legend.setAttribute('transform', `translate(${box.x + PAD}, ${box.y + box.height})`);
  copy.append(legend);
  const height = box.height + y;
  const totalWidth = Math.max(box.width, width + 2 * PAD);
  copy.setAttribute('viewBox', `${box.x} ${box.y} ${totalWidth} ${height}`);
  copy.setAttribute('width', String(totalWidth));
  copy.setAttribute('height', String(height));
  return copy;
}

function viewBoxOf(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
  const viewBox = svg.viewBox?.baseVal;
  if (viewBox && viewBox.width > 0 && viewBox.height > 0) return { x: viewBox.x, y: viewBox.y, width: viewBox.width, height: viewBox.height };
  const width = Number.parseFloat(svg.getAttribute('width') ?? '') || 800;
  const height = Number.parseFloat(svg.getAttribute('height') ?? '') || 600;
  return { x: 0, y: 0, width, height };
}
