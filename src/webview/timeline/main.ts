/**
 * The Timeline webview (docs/extension.md, "Timeline"): draws the model the extension posts
 * (./protocol.ts) as SVG with our own code (./scale.ts; docs/extension.md says why no library):
 * a group per program (or team, or owner), a row per milestone, bars from start to due, the
 * forecast past the due hatched, targets, today, month and quarter ticks, and the dependency
 * arrows, red where lint reports the edge. Every piece of workspace text goes in with
 * `textContent` or `setAttribute` on attributes that are no URL; nothing is parsed as HTML.
 *
 * Interaction: a click on a bar opens its milestone; hover or focus shows its dates; dragging a
 * bar's end (or its own start) asks the extension to change `due` (or `start`), which checks the
 * file first; arrow keys move between bars and groups, Enter opens, Shift+←/→ moves a due by a
 * day. Zoom, grouping, filters and collapsed groups are kept in the webview's state.
 */
import { STATUS_LABELS } from '../../core/model/status';
import { STATUS_SYMBOLS } from '../../core/render/mermaid';
import { statusStrokes, type ThemeKind } from '../palette';
import { type DateField, type HostToTimeline, TIMELINE_IDS, type TimelineBarWire, type TimelineBaseline, type TimelineModelWire, type TimelineRowWire, type TimelineToHost } from './protocol';
import { dateOf, dayOf, PX_PER_DAY, ticks, timeScale, type TimeScale, type Zoom } from './scale';

interface VsCodeApi {
  postMessage(message: TimelineToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The label column's width: up to 280 px, less in a narrow panel (set per drawing). */
let LABEL_WIDTH = 280;
const ROW = 24;
const GROUP_ROW = 26;
const BAR = 14;
const AXIS = 40;
const PAD_DAYS = 14;

type Grouping = 'program' | 'team' | 'owner';
type StatusFilter = 'all' | 'open' | 'late' | 'at-risk' | 'done';

interface ViewState {
  zoom: Zoom;
  group: Grouping;
  status: StatusFilter;
  owner: string;
  team: string;
  text: string;
  collapsed: string[];
}

const saved = (vscode.getState() ?? {}) as Partial<ViewState>;
const state: ViewState = {
  zoom: (['weeks', 'months', 'quarters', 'fit'] as const).includes(saved.zoom as Zoom) ? saved.zoom! : 'months',
  group: (['program', 'team', 'owner'] as const).includes(saved.group as Grouping) ? saved.group! : 'program',
  status: (['all', 'open', 'late', 'at-risk', 'done'] as const).includes(saved.status as StatusFilter) ? saved.status! : 'all',
  owner: typeof saved.owner === 'string' ? saved.owner : '',
  team: typeof saved.team === 'string' ? saved.team : '',
  text: typeof saved.text === 'string' ? saved.text : '',
  collapsed: Array.isArray(saved.collapsed) ? saved.collapsed.filter((k): k is string => typeof k === 'string') : [],
};
const persist = () => vscode.setState(state);

let model: TimelineModelWire | undefined;
let baseline: TimelineBaseline | undefined;
let seq = 0;
let scale: TimeScale | undefined;
/** The bar or group that has the keyboard focus (roving tabindex), by key. */
let focusKey: string | undefined;
/** The zoom the view was last scrolled to today for. */
let scrolledFor: Zoom | undefined;
const bars = new Map<string, TimelineBarWire>();

// ---- DOM helpers: attributes and text only -----------------------------------------------------

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function html<K extends keyof HTMLElementTagNameMap>(name: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function shorten(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ');
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

// ---- Theme: the status colours of src/webview/palette.ts, per theme kind ---------------------

function themeKind(): ThemeKind {
  const list = document.body.classList;
  if (list.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (list.contains('vscode-high-contrast')) return 'high-contrast';
  if (list.contains('vscode-dark')) return 'dark';
  return 'light';
}

function applyTheme(): void {
  const strokes = statusStrokes(themeKind());
  const root = document.documentElement.style;
  for (const [status, colour] of Object.entries(strokes)) root.setProperty(`--pb-${status}`, colour);
  root.setProperty('--pb-red', strokes.overdue);
  root.setProperty('--pb-late', strokes['off-track']);
}
applyTheme();
new MutationObserver(applyTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// ---- The page ------------------------------------------------------------------------------------

const app = document.getElementById(TIMELINE_IDS.app)!;
const tooltip = html('div', { id: TIMELINE_IDS.tooltip, class: 'pb-tooltip', role: 'tooltip' });
tooltip.hidden = true;
const scroller = html('div', { class: 'pb-scroll' });
const axisHost = html('div', { id: TIMELINE_IDS.axis, class: 'pb-axis' });
const chartHost = html('div', { id: TIMELINE_IDS.chart, class: 'pb-chart' });
const summary = html('span', { class: 'pb-summary', role: 'status', 'aria-live': 'polite' });
scroller.append(axisHost, chartHost);

function choice<T extends string>(label: string, name: string, options: readonly [T, string][], value: T, onChange: (value: T) => void): HTMLLabelElement {
  const wrapper = html('label', {}, `${label} `);
  const select = html('select', { name });
  for (const [optionValue, optionLabel] of options) {
    const option = html('option', { value: optionValue }, optionLabel);
    option.selected = optionValue === value;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value as T));
  wrapper.append(select);
  return wrapper;
}

const ownerSelect = html('select', { name: 'owner' });
const teamSelect = html('select', { name: 'team' });

function toolbar(): HTMLElement {
  const bar = html('div', { class: 'pb-toolbar', role: 'toolbar', 'aria-label': 'Timeline' });
  bar.append(
    choice('Zoom', 'zoom', [['weeks', 'Weeks'], ['months', 'Months'], ['quarters', 'Quarters'], ['fit', 'Fit']], state.zoom, (zoom) => { state.zoom = zoom; persist(); render(); }),
    choice('Group by', 'group', [['program', 'Program'], ['team', 'Team'], ['owner', 'Owner']], state.group, (group) => { state.group = group; persist(); render(); }),
    choice('Status', 'status', [['all', 'All'], ['open', 'Open'], ['late', 'Late (overdue or slipping)'], ['at-risk', 'At risk'], ['done', 'Done']], state.status, (status) => { state.status = status; persist(); render(); }),
  );
  const ownerLabel = html('label', {}, 'Owner ');
  ownerLabel.append(ownerSelect);
  ownerSelect.addEventListener('change', () => { state.owner = ownerSelect.value; persist(); render(); });
  const teamLabel = html('label', {}, 'Team ');
  teamLabel.append(teamSelect);
  teamSelect.addEventListener('change', () => { state.team = teamSelect.value; persist(); render(); });
  const textLabel = html('label', {}, 'Filter ');
  const text = html('input', { type: 'search', name: 'text', placeholder: 'title, id, owner' });
  text.value = state.text;
  let timer: ReturnType<typeof setTimeout> | undefined;
  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.text = text.value; persist(); render(); }, 150);
  });
  textLabel.append(text);
  const compare = html('button', { type: 'button', name: 'compare', title: 'Draw the dates of a git revision or date as ghost bars' }, 'Compare with…');
  compare.addEventListener('click', () => vscode.postMessage({ type: 'compare' }));
  const exportButton = html('button', { type: 'button', name: 'exportSvg', title: 'Save the timeline as an SVG file, with a legend and the date' }, 'Export SVG');
  exportButton.addEventListener('click', () => exportSvg());
  bar.append(ownerLabel, teamLabel, textLabel, compare, exportButton, summary);
  return bar;
}

function fillOptions(select: HTMLSelectElement, values: string[], current: string, none: string): void {
  select.replaceChildren();
  const all = html('option', { value: '' }, none);
  select.append(all);
  for (const value of values) {
    const option = html('option', { value }, value);
    option.selected = value === current;
    select.append(option);
  }
  if (!values.includes(current)) select.value = '';
}

// ---- What is shown: grouping and filters ---------------------------------------------------------

interface Group {
  key: string;
  label: string;
  row?: TimelineRowWire;
  bars: TimelineBarWire[];
  undated: TimelineRowWire['undated'];
}

function matches(bar: TimelineBarWire, row: TimelineRowWire): boolean {
  const late = bar.overdue || bar.forecast !== undefined;
  switch (state.status) {
    case 'open': if (bar.done || bar.cancelled) return false; break;
    case 'late': if (!late) return false; break;
    case 'at-risk': if (!(bar.atRisk || bar.scheduleRisk)) return false; break;
    case 'done': if (!bar.done) return false; break;
  }
  if (state.owner && (bar.owner ?? row.owner) !== state.owner) return false;
  if (state.team && !(bar.team === state.team || (bar.team === undefined && row.teams.includes(state.team)))) return false;
  if (state.text) {
    const needle = state.text.toLowerCase();
    const haystack = [bar.title, bar.milestone ?? '', bar.program, row.title ?? '', bar.owner ?? '', row.owner ?? ''].join('\n').toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

function groups(current: TimelineModelWire): Group[] {
  const filtering = state.status !== 'all' || state.owner !== '' || state.team !== '' || state.text !== '';
  if (state.group === 'program') {
    return current.rows
      .map((row) => ({ key: `program:${row.program}`, label: row.title ? `${row.title} (${row.program})` : row.program, row, bars: row.bars.filter((bar) => matches(bar, row)), undated: filtering ? [] : row.undated }))
      .filter((group) => !filtering || group.bars.length > 0);
  }
  const byKey = new Map<string, Group>();
  for (const row of current.rows) {
    for (const bar of row.bars) {
      if (!matches(bar, row)) continue;
      const keys = state.group === 'owner' ? [bar.owner ?? row.owner ?? '(no owner)'] : bar.team ? [bar.team] : row.teams.length > 0 ? row.teams : ['(no team)'];
      for (const key of keys) {
        let group = byKey.get(key);
        if (!group) byKey.set(key, (group = { key: `${state.group}:${key}`, label: key, bars: [], undated: [] }));
        group.bars.push(bar);
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label));
}

// ---- Drawing -----------------------------------------------------------------------------------------

function pxPerDay(first: number, last: number, viewWidth: number): number {
  if (state.zoom !== 'fit') return PX_PER_DAY[state.zoom];
  const available = Math.max(200, viewWidth - LABEL_WIDTH - 24);
  return Math.max(0.05, available / (last - first + 1));
}

function describe(bar: TimelineBarWire): string {
  const parts = [`${bar.title}`, `program ${bar.program}`];
  parts.push(bar.start === bar.due ? `due ${bar.due}` : `${bar.start} to ${bar.due}`);
  if (bar.forecast) parts.push(`forecast ${bar.forecast}, ${bar.slip ?? 0} days late`);
  parts.push(STATUS_LABELS[bar.display]);
  if (bar.atRisk && bar.display !== 'at-risk' && bar.display !== 'blocked') parts.push('at risk');
  if (bar.scheduleRisk) parts.push('at risk from upstream');
  if (bar.owner) parts.push(`owner ${bar.owner}`);
  return parts.join(', ');
}

function glyphs(bar: TimelineBarWire): string {
  const marks = [STATUS_SYMBOLS[bar.display]];
  if ((bar.atRisk || bar.scheduleRisk) && bar.display !== 'at-risk') marks.push(STATUS_SYMBOLS['at-risk']);
  if (bar.forecast) marks.push(`+${bar.slip}d`);
  return marks.join(' ');
}

interface Placed {
  group: Group;
  y: number;
  bars: { bar: TimelineBarWire; y: number }[];
  undatedY: number[];
}

/** Where everything goes (all rows, drawn or not): computed on each change, cheap. */
interface Layout {
  current: TimelineModelWire;
  s: TimeScale;
  first: number;
  last: number;
  width: number;
  height: number;
  placed: Placed[];
  /** Group headers and bars, top to bottom: what the arrow keys move through. */
  order: { key: string; y: number }[];
  centre: Map<string, number>;
  barCount: number;
  arrowCount: number;
  collapsed: Set<string>;
}

let layout: Layout | undefined;
/** The model `bars` and the owner and team choices were made from. */
let indexed: TimelineModelWire | undefined;
/** The rows drawn: only those near the visible part (docs/benchmark.md, "Timeline"), so 2,000 bars scroll and zoom smoothly. */
let drawn: { top: number; bottom: number } | undefined;
const BAND = 300;

/** The rows' vertical layout, and the counts: the same for every zoom, so kept until the model, grouping, filters or collapsed groups change. */
interface RowLayout {
  placed: Placed[];
  order: { key: string; y: number }[];
  centre: Map<string, number>;
  height: number;
  arrowCount: number;
  barCount: number;
  collapsed: Set<string>;
}

let rowLayoutMemo: { current: TimelineModelWire; key: string; rows: RowLayout } | undefined;

function rowLayout(current: TimelineModelWire): RowLayout {
  const key = JSON.stringify([state.group, state.status, state.owner, state.team, state.text, state.collapsed]);
  if (rowLayoutMemo?.current === current && rowLayoutMemo.key === key) return rowLayoutMemo.rows;
  const shown = groups(current);
  const collapsed = new Set(state.collapsed);

  // Rows, top to bottom: where each group header and bar goes.
  let y = 0;
  const placed: Placed[] = [];
  const order: { key: string; y: number }[] = [];
  const centre = new Map<string, number>();
  for (const group of shown) {
    const entry: Placed = { group, y, bars: [], undatedY: [] };
    order.push({ key: group.key, y });
    y += GROUP_ROW;
    if (!collapsed.has(group.key)) {
      for (const bar of group.bars) {
        entry.bars.push({ bar, y });
        order.push({ key: bar.key, y });
        if (!centre.has(bar.key)) centre.set(bar.key, y + ROW / 2);
        y += ROW;
      }
      for (let i = 0; i < group.undated.length; i++) {
        entry.undatedY.push(y);
        y += ROW;
      }
    }
    placed.push(entry);
  }
  const height = Math.max(y, ROW) + 8;
  const arrowCount = current.arrows.filter((arrow) => centre.has(arrow.from) && centre.has(arrow.to)).length;
  const barCount = placed.reduce((n, entry) => n + entry.bars.length, 0);
  const rows: RowLayout = { placed, order, centre, height, arrowCount, barCount, collapsed };
  rowLayoutMemo = { current, key, rows };
  return rows;
}

function render(): void {
  const current = model;
  if (!current) return;
  const began = performance.now();
  // Every size and scroll position is read here, before anything is written, so a zoom step
  // forces no layout of its own until the scroll below (docs/benchmark.md, "Timeline").
  const view = readView();
  LABEL_WIDTH = Math.round(Math.max(160, Math.min(280, view.width * 0.3 || 280)));
  // What depends on the model only (not on zoom, grouping or filters): once per model.
  if (indexed !== current) {
    indexed = current;
    bars.clear();
    for (const row of current.rows) for (const bar of row.bars) bars.set(bar.key, bar);
    const owners = [...new Set(current.rows.flatMap((row) => [row.owner, ...row.bars.map((bar) => bar.owner)]).filter((o): o is string => o !== undefined))].sort();
    const teams = [...new Set(current.rows.flatMap((row) => [...row.teams, ...row.bars.map((bar) => bar.team)]).filter((t): t is string => t !== undefined))].sort();
    fillOptions(ownerSelect, owners, state.owner, 'Anyone');
    fillOptions(teamSelect, teams, state.team, 'Any team');
  }

  let first = dayOf(current.from) - PAD_DAYS;
  let last = dayOf(current.to) + PAD_DAYS;
  if (baseline) {
    for (const dates of Object.values(baseline.bars)) {
      first = Math.min(first, dayOf(dates.start) - PAD_DAYS);
      last = Math.max(last, dayOf(dates.due) + PAD_DAYS);
    }
  }
  const s = (scale = timeScale(first, last, pxPerDay(first, last, view.width), LABEL_WIDTH));
  // Room after the last date for the labels drawn right of it (targets, glyphs).
  const width = Math.ceil(s.width + 180);
  const rows = rowLayout(current);
  const { placed, order, centre, height, arrowCount, barCount, collapsed } = rows;
  layout = { current, s, first, last, width, height, placed, order, centre, barCount, arrowCount, collapsed };

  // The first drawing (and a new zoom) is scrolled to a few weeks before today, not the earliest date.
  const todayX = s.x(current.today);
  let scrollLeft = Math.min(view.scrollLeft, Math.max(0, width - view.width));
  const rescroll = scrolledFor !== state.zoom;
  if (rescroll) {
    scrolledFor = state.zoom;
    scrollLeft = Math.min(Math.max(0, todayX - LABEL_WIDTH - 28 * s.pxPerDay), Math.max(0, width - view.width));
  }

  // The axis: month and quarter (and week) ticks, today.
  const axisParts: AxisPart[] = [];
  // Week lines (a hundred or more at the weeks zoom) are one path: a zoom step builds fewer elements.
  let weekLines = '';
  for (const tick of ticks(first, last, s.pxPerDay)) {
    const x = s.xOfDay(tick.day);
    if (tick.kind === 'week') weekLines += `M${x},30V${AXIS}`;
    else axisParts.push({ name: 'line', attributes: { class: `pb-grid-${tick.kind}`, x1: x, x2: x, y1: 14, y2: AXIS } });
    if (tick.label) axisParts.push({ name: 'text', attributes: { class: `pb-tick-label pb-tick-${tick.kind}`, x: x + 3, y: tick.kind === 'week' ? 36 : 24, 'data-day': dateOf(tick.day) }, text: tick.label });
  }
  if (weekLines) axisParts.push({ name: 'path', attributes: { class: 'pb-grid-week', d: weekLines } });
  axisParts.push({ name: 'line', attributes: { class: 'pb-today', x1: todayX, x2: todayX, y1: 0, y2: AXIS } });
  axisParts.push({ name: 'text', attributes: { class: 'pb-today-label', x: todayX + 4, y: 11 }, text: `Today ${current.today}` });
  drawAxis({ width, height: AXIS, role: 'img', 'aria-label': `Time axis from ${dateOf(first)} to ${dateOf(last)}, today ${current.today}` }, axisParts);

  // The rows near the visible part (the band depends on the vertical scroll only). A zoom over
  // the same rows keeps the band's elements and moves them; anything else draws it anew.
  const band = bandFor(view);
  if (drawnBand && drawnBand.rows === rows && drawnBand.baseline === baseline && drawnBand.top === band.top && drawnBand.bottom === band.bottom) moveBand(drawnBand, scrollLeft);
  else drawBand(false, { ...view, scrollLeft });
  if (rescroll) scroller.scrollLeft = scrollLeft;
  const text = `${barCount} of ${current.bars} milestones${baseline ? ` · compared with ${baseline.label}` : ''}`;
  if (summary.textContent !== text) summary.textContent = text;
  if (app.dataset.state !== 'ready') app.dataset.state = 'ready';
  vscode.postMessage({ type: 'rendered', seq, bars: barCount, arrows: arrowCount, ms: Math.round(performance.now() - began) });
}

/** One element of the axis: what `svg` would make. */
interface AxisPart {
  name: 'line' | 'text' | 'path';
  attributes: Record<string, string | number>;
  text?: string;
}

/**
 * Draws the axis into the one axis SVG, reusing the elements already there (an element of the
 * same kind at the same place gets the new attributes and text): a zoom step then makes few
 * elements and the browser restyles few (docs/benchmark.md, "Timeline"). What is left is the
 * same as making it anew.
 */
function drawAxis(attributes: Record<string, string | number>, parts: readonly AxisPart[]): void {
  let axis = axisHost.firstElementChild;
  if (!(axis instanceof SVGSVGElement)) {
    axis = svg('svg');
    axisHost.replaceChildren(axis);
  }
  setAttributes(axis, attributes);
  const existing = axis.children;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const element = existing[i];
    if (element && sameKind(element, part)) {
      setAttributes(element, part.attributes);
      if (part.text !== undefined && element.textContent !== part.text) element.textContent = part.text;
      continue;
    }
    const made = svg(part.name, part.attributes, part.text);
    if (element) element.replaceWith(made);
    else axis.append(made);
  }
  while (existing.length > parts.length) existing[existing.length - 1].remove();
}

/** Whether an element is of the part's kind: its tag and exactly the part's attribute names. */
function sameKind(element: Element, part: AxisPart): boolean {
  if (element.tagName !== part.name || element.attributes.length !== Object.keys(part.attributes).length) return false;
  for (const attribute of element.attributes) if (!Object.hasOwn(part.attributes, attribute.name)) return false;
  return true;
}

/** Sets what differs (an attribute written with its old value still costs the browser work). */
function setAttributes(element: Element, attributes: Record<string, string | number>): void {
  for (const [key, value] of Object.entries(attributes)) {
    const text = String(value);
    if (element.getAttribute(key) !== text) element.setAttribute(key, text);
  }
}

/** The scroller's size and scroll position, read in one go (before any write of a drawing). */
interface View {
  width: number;
  height: number;
  scrollTop: number;
  scrollLeft: number;
}

function readView(): View {
  return { width: scroller.clientWidth, height: scroller.clientHeight, scrollTop: scroller.scrollTop, scrollLeft: scroller.scrollLeft };
}

function bandFor(view: View, all = false): { top: number; bottom: number } {
  if (all && layout) return { top: 0, bottom: layout.height };
  return { top: Math.max(0, view.scrollTop - BAND), bottom: view.scrollTop + view.height + BAND };
}

/** A drawn bar's parts that move with the scale. */
interface BarParts {
  bar: TimelineBarWire;
  y: number;
  ghost?: SVGRectElement;
  forecast?: SVGRectElement;
  plan?: SVGRectElement;
  marker?: SVGPathElement;
  ring: SVGRectElement;
  glyph: SVGTextElement;
  startHandle?: SVGRectElement;
  dueHandle: SVGRectElement;
}

/** A drawn group header's parts that move with the scale (its width and the program's target). */
interface HeaderParts {
  group: Group;
  y: number;
  background: SVGRectElement;
  ring: SVGRectElement;
  late?: SVGRectElement;
  forecast?: SVGPathElement;
  target?: SVGPathElement;
  label?: SVGTextElement;
}

/** What drawBand drew, kept so that a zoom step moves it (moveBand) instead of building it again. */
interface DrawnBand {
  rows: RowLayout;
  baseline: TimelineBaseline | undefined;
  top: number;
  bottom: number;
  chart: SVGSVGElement;
  grid: SVGGElement;
  today: SVGLineElement;
  column: SVGGElement;
  headers: HeaderParts[];
  bars: BarParts[];
  arrows: (ThroughArrow & { path: SVGPathElement })[];
  /** The arrows that only pass through the band, one path per colour. */
  through: { path: SVGPathElement; arrows: ThroughArrow[] }[];
}

interface ThroughArrow {
  from: TimelineBarWire;
  to: TimelineBarWire;
  fromY: number;
  toY: number;
}

function throughPath(list: readonly ThroughArrow[], s: TimeScale): string {
  let d = '';
  for (const arrow of list) d += arrowPath(arrow.from, arrow.to, arrow.fromY, arrow.toY, s);
  return d;
}
let drawnBand: DrawnBand | undefined;

function gridLines(grid: SVGGElement, s: TimeScale, first: number, last: number, top: number, bottom: number): void {
  // Month and quarter lines one by one (their dates are read back by the tests); week lines as one path.
  const lines: SVGElement[] = [];
  let weekLines = '';
  for (const tick of ticks(first, last, s.pxPerDay)) {
    const x = s.xOfDay(tick.day);
    if (tick.kind === 'week') weekLines += `M${x},${top}V${bottom}`;
    else lines.push(svg('line', { class: `pb-grid-${tick.kind}`, x1: x, x2: x, y1: top, y2: bottom, 'data-day': dateOf(tick.day) }));
  }
  if (weekLines) lines.push(svg('path', { class: 'pb-grid-week', d: weekLines }));
  grid.replaceChildren(...lines);
}

function arrowPath(from: TimelineBarWire, to: TimelineBarWire, fromY: number, toY: number, s: TimeScale): string {
  const x1 = s.x(from.due);
  const x2 = s.x(to.start);
  return x2 - 8 > x1 ? `M${x1},${fromY} H${x1 + 8} V${toY} H${x2}` : `M${x1},${fromY} H${x1 + 8} V${(fromY + toY) / 2} H${x2 - 8} V${toY} H${x2}`;
}

/** A zoom step over the same rows: the same elements, at the new scale (their x and width only). */
function moveBand(band: DrawnBand, scrollLeft: number): void {
  const L = layout!;
  const { s, width, height, current } = L;
  band.chart.setAttribute('width', String(width));
  gridLines(band.grid, s, L.first, L.last, band.top, Math.min(band.bottom, height));
  for (const header of band.headers) placeHeader(header, s, width);
  for (const parts of band.bars) placeBar(parts, s);
  for (const arrow of band.arrows) arrow.path.setAttribute('d', arrowPath(arrow.from, arrow.to, arrow.fromY, arrow.toY, s));
  for (const through of band.through) through.path.setAttribute('d', throughPath(through.arrows, s));
  const todayX = String(s.x(current.today));
  band.today.setAttribute('x1', todayX);
  band.today.setAttribute('x2', todayX);
  band.column.setAttribute('transform', `translate(${scrollLeft},0)`);
}

/** Draws the rows between `top` and `bottom` (default: around the visible part) into a chart of the layout's full size. */
function drawBand(all = false, view: View = readView()): void {
  const L = layout;
  if (!L) return;
  const { current, s, width, height, placed, centre, collapsed } = L;
  const { top, bottom } = bandFor(view, all);
  const headerParts: HeaderParts[] = [];
  const barParts: BarParts[] = [];
  const arrowParts: DrawnBand['arrows'] = [];
  const within = (y: number, h: number) => y + h >= top && y <= bottom;
  const hadFocus = chartHost.contains(document.activeElement);

  const chart = svg('svg', { width, height, role: 'group', 'aria-label': `Timeline of ${placed.length} ${state.group === 'program' ? 'programs' : 'groups'}` });
  const defs = svg('defs');
  const hatch = svg('pattern', { id: 'pb-hatch', patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' });
  hatch.append(svg('rect', { class: 'pb-hatch-line', x: 0, y: 0, width: 2.5, height: 6 }));
  defs.append(hatch);
  for (const red of [false, true]) {
    const marker = svg('marker', { id: red ? 'pb-head-red' : 'pb-head', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: red ? 'pb-arrow-head-red' : 'pb-arrow-head' }));
    defs.append(marker);
  }
  chart.append(defs);

  const grid = svg('g', { class: 'pb-grid', 'aria-hidden': 'true' });
  gridLines(grid, s, L.first, L.last, top, Math.min(bottom, height));
  chart.append(grid);

  // Group headers, bars and labels of the rows in the band.
  const labels = svg('g', { class: 'pb-labels' });
  // The label column: drawn last, moved with the horizontal scroll so it stays in view.
  const column = svg('g', { class: 'pb-label-column' });
  column.append(svg('rect', { class: 'pb-label-bg', x: 0, y: top, width: LABEL_WIDTH, height: Math.min(bottom, height) - top }));
  for (const { group, y: gy, bars: rows, undatedY } of placed) {
    const open = !collapsed.has(group.key);
    if (within(gy, GROUP_ROW)) {
      const header = svg('g', {
        class: 'pb-group', tabindex: -1, role: 'button', 'data-group': group.key, 'aria-expanded': String(open),
        'aria-label': `${group.label}: ${group.bars.length} milestones${group.row?.target ? `, target ${group.row.target}` : ''}${group.row?.targetForecast ? `, forecast ${group.row.targetForecast}` : ''}. ${open ? 'Expanded' : 'Collapsed'}`,
      });
      const parts: HeaderParts = {
        group, y: gy,
        background: svg('rect', { class: 'pb-group-bg', x: 0, y: gy, height: GROUP_ROW }),
        ring: svg('rect', { class: 'pb-focus-ring', x: 1, y: gy + 1, height: GROUP_ROW - 2 }),
      };
      header.append(parts.background, parts.ring);
      column.append(svg('rect', { class: 'pb-group-bg', x: 0, y: gy, width: LABEL_WIDTH, height: GROUP_ROW }));
      column.append(svg('text', { class: 'pb-group-label', x: 6, y: gy + 17, 'data-label-for-group': group.key, 'aria-hidden': 'true' }, `${open ? '▾' : '▸'} ${shorten(group.label, Math.floor((LABEL_WIDTH - 20) / 7.2))}`));
      const row = group.row;
      if (row?.target) {
        if (row.targetForecast) {
          parts.late = svg('rect', { class: 'pb-target-late', y: gy + 9, height: 8 });
          parts.forecast = svg('path', { class: 'pb-target pb-target-forecast', 'data-date': row.targetForecast });
          header.append(parts.late, parts.forecast);
        }
        parts.target = svg('path', { class: 'pb-target', 'data-date': row.target });
        parts.label = svg('text', { class: 'pb-tick-label', y: gy + 17 }, row.targetForecast ? `target ${row.target}, forecast ${row.targetForecast}` : `target ${row.target}`);
        header.append(parts.target, parts.label);
      }
      placeHeader(parts, s, width);
      headerParts.push(parts);
      labels.append(header);
    }
    if (!open) continue;
    for (const { bar, y: by } of rows) {
      if (!within(by, ROW)) continue;
      labels.append(barElement(bar, by, s, barParts));
      column.append(barLabel(bar, by));
    }
    group.undated.forEach((milestone, i) => {
      if (within(undatedY[i], ROW)) column.append(svg('text', { class: 'pb-undated', x: 20, y: undatedY[i] + 16 }, `${shorten(milestone.title, Math.floor((LABEL_WIDTH - 110) / 7))} (no due date)`));
    });
  }

  // Arrows, under the bars, that cross the band: from the dependency's end to the dependent's start.
  const arrows = svg('g', { class: 'pb-arrows' });
  // An end is in the band when its bar's row is drawn (as `within` decides for the bars).
  const rowInBand = (y: number) => within(y, ROW);
  const throughPlain: ThroughArrow[] = [];
  const throughRed: ThroughArrow[] = [];
  for (const arrow of current.arrows) {
    const fromY = centre.get(arrow.from);
    const toY = centre.get(arrow.to);
    const from = bars.get(arrow.from);
    const to = bars.get(arrow.to);
    if (fromY === undefined || toY === undefined || !from || !to) continue;
    // Not across the band at all (by the rows' extent, so an arrow into a drawn bar is drawn).
    if (Math.max(fromY, toY) + ROW / 2 < top || Math.min(fromY, toY) - ROW / 2 > bottom) continue;
    const red = arrow.conflict || arrow.drivesSlip;
    // Neither end in the band: only a line passes through it (its head is off the band). These
    // share one path per colour, which a zoom step moves with one attribute (docs/benchmark.md,
    // "Timeline"); each gets its own labelled path once the band reaches one of its ends.
    if (!rowInBand(fromY - ROW / 2) && !rowInBand(toY - ROW / 2)) {
      (red ? throughRed : throughPlain).push({ from, to, fromY, toY });
      continue;
    }
    const d = arrowPath(from, to, fromY, toY, s);
    const why = arrow.conflict ? 'schedule conflict' : arrow.drivesSlip ? 'drives a slip' : 'dependency';
    const path = svg('path', {
      class: `pb-arrow${red ? ' pb-arrow-red' : ''}`, d, 'marker-end': red ? 'url(#pb-head-red)' : 'url(#pb-head)',
      'data-from': arrow.from, 'data-to': arrow.to, 'data-kind': arrow.conflict ? 'conflict' : arrow.drivesSlip ? 'slip' : 'plain',
      role: 'img', 'aria-label': `${from.title} to ${to.title}: ${why}`,
    });
    arrows.append(path);
    arrowParts.push({ path, from, to, fromY, toY });
  }
  const through: DrawnBand['through'] = [];
  for (const [list, red] of [[throughPlain, false], [throughRed, true]] as const) {
    if (list.length === 0) continue;
    const path = svg('path', { class: `pb-arrow-through${red ? ' pb-arrow-through-red' : ''}`, d: throughPath(list, s), 'aria-hidden': 'true', 'data-count': list.length });
    arrows.prepend(path);
    through.push({ path, arrows: list });
  }

  const todayX = s.x(current.today);
  const today = svg('line', { class: 'pb-today', x1: todayX, x2: todayX, y1: top, y2: Math.min(bottom, height), 'data-date': current.today });
  column.setAttribute('transform', `translate(${view.scrollLeft},0)`);
  labelColumn = column;
  chart.append(arrows, labels, today, column);
  chartHost.replaceChildren(chart);
  drawn = { top, bottom };
  // The whole chart (an export) is not kept: the next drawing is the band again.
  drawnBand = all ? undefined : { rows: rowLayout(current), baseline, top, bottom, chart, grid, today, column, headers: headerParts, bars: barParts, arrows: arrowParts, through };

  // One item is in the tab order (roving tabindex): the focused one when drawn, else the first drawn.
  const focusables = [...chart.querySelectorAll<SVGGElement>('.pb-group, .pb-bar')];
  const target = focusables.find((element) => keyOf(element) === focusKey) ?? focusables[0];
  if (target) {
    target.setAttribute('tabindex', '0');
    if (hadFocus && keyOf(target) === focusKey) target.focus({ preventScroll: true });
  }
}

/** Redraws the band when the scroll comes near its edge (once per frame at most). */
let bandFrame = 0;
function followScroll(): void {
  if (!drawn || !layout || bandFrame) return;
  const viewTop = scroller.scrollTop;
  const viewBottom = viewTop + scroller.clientHeight;
  const needTop = drawn.top > 0 && viewTop - BAND / 3 < drawn.top;
  const needBottom = drawn.bottom < layout.height && viewBottom + BAND / 3 > drawn.bottom;
  if (!needTop && !needBottom) return;
  bandFrame = requestAnimationFrame(() => {
    bandFrame = 0;
    drawBand();
  });
}

function diamond(x: number, y: number, r: number): string {
  return `M${x},${y - r} L${x + r},${y} L${x},${y + r} L${x - r},${y} z`;
}

/** A bar's title in the label column (which stays at the left while the chart scrolls). */
function barLabel(bar: TimelineBarWire, y: number): SVGTextElement {
  return svg('text', { class: `pb-label${bar.cancelled ? ' pb-label-cancelled' : ''}`, x: 20, y: y + 16, 'data-label-for': bar.key, 'aria-hidden': 'true' }, shorten(bar.title, Math.floor((LABEL_WIDTH - 24) / 7)));
}

function barElement(bar: TimelineBarWire, y: number, s: TimeScale, drawnParts: BarParts[]): SVGGElement {
  const classes = ['pb-bar', `pb-s-${bar.display}`];
  if (bar.done) classes.push('pb-done');
  if (bar.cancelled) classes.push('pb-cancelled');
  if (bar.overdue) classes.push('pb-overdue');
  if (bar.atRisk) classes.push('pb-atrisk');
  if (bar.scheduleRisk) classes.push('pb-schedrisk');
  const g = svg('g', {
    class: classes.join(' '), tabindex: -1, role: 'button', 'data-key': bar.key, ...(bar.node && { 'data-node': bar.node }), 'data-start': bar.start, 'data-due': bar.due,
    ...(bar.forecast && { 'data-forecast': bar.forecast }), 'aria-label': describe(bar),
  });
  // The status colour, through the CSSOM (allowed by the page's policy, unlike a style attribute).
  g.style.setProperty('--pb-color', `var(--pb-${bar.display})`);
  const top = y + (ROW - BAR) / 2;
  const parts: BarParts = {
    bar, y,
    ring: svg('rect', { class: 'pb-focus-ring', y: top - 3, height: BAR + 6 }),
    glyph: svg('text', { class: 'pb-glyph', y: y + 16, 'aria-hidden': 'true' }, glyphs(bar)),
    dueHandle: svg('rect', { class: 'pb-handle pb-handle-due', y: top, width: 6, height: BAR, 'data-field': 'due' }),
  };
  const ghost = baseline?.bars[bar.key];
  if (ghost) g.append((parts.ghost = svg('rect', { class: 'pb-ghost', y: top - 3, height: BAR + 6, 'data-start': ghost.start, 'data-due': ghost.due })));
  if (bar.forecast) g.append((parts.forecast = svg('rect', { class: 'pb-forecast', y: top + 2, height: BAR - 4 })));
  // A bar or a diamond: the dates decide, not the scale.
  if (dayOf(bar.due) > dayOf(bar.start)) g.append((parts.plan = svg('rect', { class: 'pb-plan', y: top, height: BAR, rx: 2 })));
  else g.append((parts.marker = svg('path', { class: 'pb-marker' })));
  g.append(parts.ring, parts.glyph);
  if (bar.startAt) g.append((parts.startHandle = svg('rect', { class: 'pb-handle pb-handle-start', y: top, width: 6, height: BAR, 'data-field': 'start' })));
  g.append(parts.dueHandle);
  placeBar(parts, s);
  drawnParts.push(parts);
  return g;
}

/** Where a bar's parts go at a scale: the x attributes and widths, nothing else. */
function placeBar(parts: BarParts, s: TimeScale): void {
  const { bar } = parts;
  const x1 = s.x(bar.start);
  const x2 = s.x(bar.due);
  const top = parts.y + (ROW - BAR) / 2;
  const ghost = baseline?.bars[bar.key];
  if (parts.ghost && ghost) {
    const gx1 = s.x(ghost.start);
    setAll(parts.ghost, 'x', gx1, 'width', Math.max(2, s.x(ghost.due) - gx1));
  }
  const fx = bar.forecast ? s.x(bar.forecast) : x2;
  if (parts.forecast) setAll(parts.forecast, 'x', x2, 'width', Math.max(1, fx - x2));
  if (parts.plan) setAll(parts.plan, 'x', x1, 'width', x2 - x1);
  if (parts.marker) parts.marker.setAttribute('d', diamond(x2, top + BAR / 2, BAR / 2));
  setAll(parts.ring, 'x', Math.min(x1, x2) - 3, 'width', Math.abs(x2 - x1) + 6);
  parts.glyph.setAttribute('x', String(fx + 8));
  parts.startHandle?.setAttribute('x', String(x1 - 4));
  parts.dueHandle.setAttribute('x', String(x2 - 2));
}

/** Where a group header's parts go at a scale and chart width. */
function placeHeader(parts: HeaderParts, s: TimeScale, width: number): void {
  parts.background.setAttribute('width', String(width));
  parts.ring.setAttribute('width', String(width - 2));
  const row = parts.group.row;
  if (!row?.target) return;
  const gy = parts.y;
  const tx = s.x(row.target);
  if (row.targetForecast && parts.late && parts.forecast) {
    const fx = s.x(row.targetForecast);
    setAll(parts.late, 'x', tx, 'width', Math.max(1, fx - tx));
    parts.forecast.setAttribute('d', diamond(fx, gy + 13, 6));
  }
  parts.target?.setAttribute('d', diamond(tx, gy + 13, 7));
  parts.label?.setAttribute('x', String((row.targetForecast ? Math.max(tx, s.x(row.targetForecast)) : tx) + 10));
}

function setAll(element: Element, a: string, av: number, b: string, bv: number): void {
  element.setAttribute(a, String(av));
  element.setAttribute(b, String(bv));
}

function keyOf(element: Element): string | undefined {
  return element.getAttribute('data-key') ?? element.getAttribute('data-group') ?? undefined;
}

// ---- Tooltip ---------------------------------------------------------------------------------------

function showTooltip(bar: TimelineBarWire, x: number, y: number): void {
  const lines: [string, string][] = [['pb-tip-title', bar.title]];
  lines.push(['', `${bar.program}${bar.milestone ? `#${bar.milestone}` : ''} · ${STATUS_LABELS[bar.display]}`]);
  if (bar.owner) lines.push(['', `Owner: ${bar.owner}`]);
  lines.push(['', `Planned: ${bar.start === bar.due ? bar.due : `${bar.start} → ${bar.due}`}`]);
  lines.push(['', bar.forecast ? `Forecast: ${bar.forecast} (${bar.slip} days late)` : 'Forecast: on its due date']);
  if (bar.slack !== undefined) lines.push(['', `Slack: ${bar.slack} days`]);
  const ghost = baseline?.bars[bar.key];
  if (ghost) lines.push(['', `${baseline!.label}: ${ghost.start === ghost.due ? ghost.due : `${ghost.start} → ${ghost.due}`}`]);
  tooltip.replaceChildren(...lines.map(([cls, text]) => html('div', cls ? { class: cls } : {}, text)));
  tooltip.hidden = false;
  const left = Math.min(x + 12, window.innerWidth - tooltip.offsetWidth - 8);
  const top = y + 16 + tooltip.offsetHeight > window.innerHeight ? y - tooltip.offsetHeight - 8 : y + 16;
  tooltip.style.left = `${Math.max(4, left)}px`;
  tooltip.style.top = `${Math.max(4, top)}px`;
}

function hideTooltip(): void {
  tooltip.hidden = true;
}

function barOf(target: EventTarget | null): { element: SVGGElement; bar: TimelineBarWire } | undefined {
  const element = (target as Element | null)?.closest?.('.pb-bar') as SVGGElement | null;
  const key = element?.getAttribute('data-key');
  const bar = key ? bars.get(key) : undefined;
  return element && bar ? { element, bar } : undefined;
}

chartHost.addEventListener('pointerover', (event) => {
  const found = barOf(event.target);
  if (found && !drag) showTooltip(found.bar, event.clientX, event.clientY);
});
chartHost.addEventListener('pointermove', (event) => {
  const found = barOf(event.target);
  if (found && !drag) showTooltip(found.bar, event.clientX, event.clientY);
});
chartHost.addEventListener('pointerout', (event) => {
  if (!drag && !barOf(event.relatedTarget)) hideTooltip();
});
let labelColumn: SVGGElement | undefined;
scroller.addEventListener('scroll', () => {
  hideTooltip();
  labelColumn?.setAttribute('transform', `translate(${scroller.scrollLeft},0)`);
  followScroll();
}, { passive: true });

// ---- Click, drag, keyboard ------------------------------------------------------------------------

interface Drag {
  bar: TimelineBarWire;
  field: DateField;
  element: SVGGElement;
  startX: number;
  day: number;
  moved: boolean;
}
let drag: Drag | undefined;
/** A pointerup that ended a drag is no click. */
let suppressClick = false;

chartHost.addEventListener('pointerdown', (event) => {
  const handle = (event.target as Element).closest?.('.pb-handle');
  const found = barOf(event.target);
  if (!handle || !found || event.button !== 0) return;
  const field = handle.getAttribute('data-field') === 'start' ? 'start' : 'due';
  drag = { bar: found.bar, field, element: found.element, startX: event.clientX, day: dayOf(field === 'start' ? found.bar.start : found.bar.due), moved: false };
  (handle as Element).setPointerCapture(event.pointerId);
  found.element.classList.add('pb-dragging');
  event.preventDefault();
});

chartHost.addEventListener('pointermove', (event) => {
  if (!drag || !scale) return;
  const days = Math.round((event.clientX - drag.startX) / scale.pxPerDay);
  if (days !== 0) drag.moved = true;
  const day = dragDay(drag, days);
  const plan = drag.element.querySelector('.pb-plan, .pb-marker');
  const x1 = drag.field === 'start' ? scale.xOfDay(day) : scale.x(drag.bar.start);
  const x2 = drag.field === 'due' ? scale.xOfDay(day) : scale.x(drag.bar.due);
  if (plan?.tagName === 'rect') {
    plan.setAttribute('x', String(Math.min(x1, x2)));
    plan.setAttribute('width', String(Math.max(0, x2 - x1)));
  }
  tooltip.replaceChildren(html('div', { class: 'pb-tip-title' }, drag.bar.title), html('div', {}, `${drag.field === 'due' ? 'Due' : 'Start'}: ${drag.field === 'due' ? drag.bar.due : drag.bar.start} → ${dateOf(day)}`));
  tooltip.hidden = false;
  tooltip.style.left = `${event.clientX + 12}px`;
  tooltip.style.top = `${event.clientY + 16}px`;
});

/** The day a drag is on: a due never before the bar's own start, a start never after its due. */
function dragDay(current: Drag, days: number): number {
  const day = current.day + days;
  if (current.field === 'due' && current.bar.startAt) return Math.max(day, dayOf(current.bar.startAt.value));
  if (current.field === 'start') return Math.min(day, dayOf(current.bar.due));
  return day;
}

function endDrag(event: PointerEvent, cancel: boolean): void {
  const current = drag;
  if (!current || !scale) return;
  drag = undefined;
  current.element.classList.remove('pb-dragging');
  hideTooltip();
  if (!current.moved) return;
  suppressClick = true;
  const day = dragDay(current, Math.round((event.clientX - current.startX) / scale.pxPerDay));
  const from = current.field === 'due' ? current.bar.due : current.bar.startAt!.value;
  if (cancel || dateOf(day) === from) {
    render();
    return;
  }
  vscode.postMessage({ type: 'setDate', key: current.bar.key, field: current.field, from, to: dateOf(day) });
}
chartHost.addEventListener('pointerup', (event) => endDrag(event, false));
chartHost.addEventListener('pointercancel', (event) => endDrag(event, true));

chartHost.addEventListener('click', (event) => {
  if (suppressClick) {
    suppressClick = false;
    return;
  }
  const target = event.target as Element;
  const header = target.closest?.('.pb-group');
  const groupKey = header?.getAttribute('data-group') ?? target.getAttribute?.('data-label-for-group');
  if (groupKey) {
    toggleGroup(groupKey);
    return;
  }
  const labelled = target.getAttribute?.('data-label-for');
  if (labelled && bars.has(labelled)) {
    focusKey = labelled;
    vscode.postMessage({ type: 'open', key: labelled });
    return;
  }
  const found = barOf(event.target);
  if (found) {
    focusKey = found.bar.key;
    vscode.postMessage({ type: 'open', key: found.bar.key });
  }
});

function toggleGroup(key: string, open?: boolean): void {
  const collapsed = new Set(state.collapsed);
  const isOpen = !collapsed.has(key);
  if (open === isOpen) return;
  if (isOpen) collapsed.add(key);
  else collapsed.delete(key);
  state.collapsed = [...collapsed];
  focusKey = key;
  persist();
  render();
  focusItem(key);
}

function focusItem(key: string | undefined): void {
  if (key === undefined) return;
  focusKey = key;
  // Into view first (the row may not be drawn yet): the scroller moves, not the page.
  const at = layout?.order.find((item) => item.key === key);
  if (at) {
    const viewTop = scroller.scrollTop;
    const visible = scroller.clientHeight - AXIS;
    if (at.y < viewTop + ROW || at.y + ROW > viewTop + visible) scroller.scrollTop = Math.max(0, at.y - visible / 3);
    if (!drawn || at.y < drawn.top || at.y + ROW > drawn.bottom) drawBand();
  }
  const items = [...chartHost.querySelectorAll<SVGGElement>('.pb-group, .pb-bar')];
  const item = items.find((element) => keyOf(element) === key);
  if (!item) return;
  for (const other of items) if (other !== item && other.getAttribute('tabindex') === '0') other.setAttribute('tabindex', '-1');
  item.setAttribute('tabindex', '0');
  item.focus({ preventScroll: true });
  const bar = bars.get(key);
  if (bar && scale) {
    const x = scale.x(bar.start);
    if (x < scroller.scrollLeft + LABEL_WIDTH || x > scroller.scrollLeft + scroller.clientWidth - 40) scroller.scrollLeft = Math.max(0, x - LABEL_WIDTH - 40);
    const itemBox = item.getBoundingClientRect();
    showTooltip(bar, itemBox.left + Math.min(itemBox.width, 300), itemBox.top);
  } else hideTooltip();
}

chartHost.addEventListener('keydown', (event) => {
  const element = (event.target as Element).closest?.('.pb-group, .pb-bar');
  if (!element) return;
  const key = keyOf(element)!;
  // Through every row of the layout, drawn or not.
  const items = layout?.order ?? [];
  const at = items.findIndex((item) => item.key === key);
  const go = (index: number) => {
    const next = items[Math.max(0, Math.min(items.length - 1, index))];
    if (next) focusItem(next.key);
  };
  const isGroup = element.classList.contains('pb-group');
  const bar = bars.get(key);
  switch (event.key) {
    case 'ArrowDown': go(at + 1); break;
    case 'ArrowUp': go(at - 1); break;
    case 'Home': go(0); break;
    case 'End': go(items.length - 1); break;
    case 'ArrowLeft':
      if (isGroup) toggleGroup(key, false);
      else if (event.shiftKey && bar) moveDue(bar, -1);
      else return;
      break;
    case 'ArrowRight':
      if (isGroup) toggleGroup(key, true);
      else if (event.shiftKey && bar) moveDue(bar, 1);
      else return;
      break;
    case 'Enter':
    case ' ':
      if (isGroup) toggleGroup(key);
      else vscode.postMessage({ type: 'open', key });
      break;
    case 'Escape': hideTooltip(); break;
    default: return;
  }
  event.preventDefault();
});

function moveDue(bar: TimelineBarWire, days: number): void {
  const to = dateOf(dayOf(bar.due) + days);
  if (bar.startAt && to < bar.startAt.value) return;
  focusKey = bar.key;
  vscode.postMessage({ type: 'setDate', key: bar.key, field: 'due', from: bar.due, to });
}

// ---- Export: one SVG with the axis, the chart, a legend and the date ------------------------------

/** The computed colours as attributes, so the file looks as drawn without our stylesheet. */
function inlineStyles(source: Element, copy: Element): void {
  const computed = getComputedStyle(source);
  for (const property of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'fill-opacity', 'opacity', 'font-weight', 'font-style', 'text-decoration']) {
    const value = computed.getPropertyValue(property);
    if (value && value !== 'none' || property === 'fill') copy.setAttribute(property, value);
  }
  if (source.tagName === 'text') copy.setAttribute('font-family', 'sans-serif');
  if (source.tagName === 'text') copy.setAttribute('font-size', '12');
  const children = source.children;
  for (let i = 0; i < children.length; i++) inlineStyles(children[i], copy.children[i]);
}

function exportSvg(): void {
  // Every row, not only those near the visible part; drawn back as it was afterwards.
  drawBand(true);
  try {
    exportDrawn();
  } finally {
    drawBand();
  }
}

function exportDrawn(): void {
  const axis = axisHost.querySelector('svg');
  const chart = chartHost.querySelector('svg');
  if (!axis || !chart || !model) return;
  const width = Number(chart.getAttribute('width'));
  const chartHeight = Number(chart.getAttribute('height'));
  const legendItems: [string, string][] = [
    ['▬', 'Planned: start to due'], ['▨', 'Forecast past the due date (hatched)'], ['◆', 'A milestone with no start, or a program target'],
    [STATUS_SYMBOLS.done, 'Done'], [STATUS_SYMBOLS.cancelled, 'Cancelled'], [STATUS_SYMBOLS.overdue, 'Overdue'], [STATUS_SYMBOLS['at-risk'], 'At risk'],
    ['→', 'Depends on (grey); red: a schedule conflict, or drives a slip'], ['┆', `Today (${model.today})`],
  ];
  const title = 36;
  const legend = 24 + legendItems.length * 18;
  const total = svg('svg', { xmlns: SVG_NS, width, height: title + AXIS + chartHeight + legend, viewBox: `0 0 ${width} ${title + AXIS + chartHeight + legend}` });
  total.append(svg('rect', { x: 0, y: 0, width, height: title + AXIS + chartHeight + legend, fill: getComputedStyle(document.body).backgroundColor }));
  const heading = svg('text', { x: 8, y: 24, 'font-family': 'sans-serif', 'font-size': 16, 'font-weight': 700, fill: getComputedStyle(document.body).color }, `Program timeline on ${model.today}${baseline ? `, compared with ${baseline.label}` : ''}`);
  total.append(heading);
  for (const [source, offset] of [[axis, title], [chart, title + AXIS]] as const) {
    const copy = source.cloneNode(true) as SVGSVGElement;
    inlineStyles(source, copy);
    for (const element of copy.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
    for (const element of copy.querySelectorAll('[style]')) element.removeAttribute('style');
    const g = svg('g', { transform: `translate(0,${offset})` });
    g.append(...copy.childNodes);
    total.append(g);
  }
  const legendGroup = svg('g', { transform: `translate(8,${title + AXIS + chartHeight + 12})`, 'font-family': 'sans-serif', 'font-size': 12, fill: getComputedStyle(document.body).color });
  legendGroup.append(svg('text', { x: 0, y: 0, 'font-weight': 700 }, 'Legend'));
  legendItems.forEach(([symbol, text], i) => {
    legendGroup.append(svg('text', { x: 0, y: 18 + i * 18 }, symbol), svg('text', { x: 24, y: 18 + i * 18 }, text));
  });
  total.append(legendGroup);
  vscode.postMessage({ type: 'exportSvg', svg: new XMLSerializer().serializeToString(total) });
}

// ---- Messages ------------------------------------------------------------------------------------

function status(text: string): void {
  hideTooltip();
  const p = html('p', { class: 'pb-status', role: 'status', 'aria-live': 'polite' }, text);
  app.replaceChildren(p);
}

let built = false;
window.addEventListener('message', (event: MessageEvent<HostToTimeline>) => {
  const message = event.data;
  if (message?.type === 'model') {
    model = message.model;
    baseline = message.baseline;
    seq = message.seq;
    if (model.rows.length === 0) {
      built = false;
      status('There are no program briefs in this workspace yet.');
      app.dataset.state = 'empty';
      vscode.postMessage({ type: 'rendered', seq, bars: 0, arrows: 0, ms: 0 });
      return;
    }
    if (!built) {
      app.replaceChildren(toolbar(), scroller, tooltip);
      built = true;
    }
    render();
    if (focusKey && document.activeElement?.closest?.('.pb-chart')) focusItem(focusKey);
  } else if (message?.type === 'dateEdit' && !message.ok) {
    // Drawn back where the file says.
    render();
  }
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  if (state.zoom !== 'fit') return;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 100);
});

vscode.postMessage({ type: 'ready' });
