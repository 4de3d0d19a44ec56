/**
 * Follows the VS Code theme. VS Code marks the webview's body with `vscode-light`,
 * `vscode-dark`, `vscode-high-contrast` or `vscode-high-contrast-light` and exposes the
 * theme's colours as `--vscode-*` CSS variables. From those we pick Mermaid's base theme and
 * write `themeCSS`: Mermaid puts it in the SVG's own `<style>`, so an exported SVG keeps the
 * colours it was drawn with.
 */
import type { DisplayStatus } from '../core/views/graphView';
import { MERMAID_STATUS_CLASS, EDGE_COLORS, AT_RISK_CLASS } from '../core/render/mermaid';
import { statusStrokes } from './palette';

export { STATUS_STROKES, statusStrokes } from './palette';

import type { ThemeKind } from './palette';

export type { ThemeKind } from './palette';

export function themeKind(body: HTMLElement = document.body): ThemeKind {
  if (body.classList.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (body.classList.contains('vscode-high-contrast')) return 'high-contrast';
  if (body.classList.contains('vscode-dark')) return 'dark';
  return 'light';
}

export const isDarkTheme = (kind: ThemeKind) => kind === 'dark' || kind === 'high-contrast';
export const isHighContrast = (kind: ThemeKind) => kind === 'high-contrast' || kind === 'high-contrast-light';

export interface Palette {
  kind: ThemeKind;
  background: string;
  foreground: string;
  border: string;
  focus: string;
  fontFamily: string;
  status: Record<DisplayStatus, { fill: string; stroke: string }>;
  cycle: string;
  conflict: string;
  critical: string;
}

export function readPalette(body: HTMLElement = document.body): Palette {
  const kind = themeKind(body);
  const dark = isDarkTheme(kind);
  const style = getComputedStyle(body);
  const read = (name: string, fallback: string) => toRgb(style.getPropertyValue(name).trim()) ?? fallback;
  const background = read('--vscode-editor-background', dark ? '#1e1e1e' : '#ffffff');
  const foreground = read('--vscode-editor-foreground', dark ? '#d4d4d4' : '#1f1f1f');
  const status = {} as Palette['status'];
  const strokes = statusStrokes(kind);
  for (const key of Object.keys(strokes) as DisplayStatus[]) {
    const stroke = strokes[key];
    // High contrast: no tinted fills, the theme's background and a strong border carry it.
    status[key] = { stroke, fill: isHighContrast(kind) ? background : mix(stroke, background, dark ? 0.28 : 0.18) };
  }
  return {
    kind,
    background,
    foreground,
    border: read('--vscode-contrastBorder', read('--vscode-editorWidget-border', dark ? '#454545' : '#c8c8c8')),
    focus: read('--vscode-focusBorder', '#0078d4'),
    fontFamily: style.getPropertyValue('--vscode-font-family').trim() || 'system-ui, sans-serif',
    status,
    cycle: read('--vscode-charts-red', EDGE_COLORS.cycle),
    conflict: read('--vscode-charts-orange', EDGE_COLORS.conflict),
    critical: read('--vscode-charts-purple', EDGE_COLORS.critical),
  };
}

/**
 * CSS for inside the SVG (Mermaid scopes it under the diagram's id). The status classes are
 * written by mermaid.ts as `classDef`s with fixed light colours; these rules re-colour them
 * for the current theme. Highlight classes (`pb-*`) are set by the webview on nodes and edges.
 */
export function themeCss(p: Palette): string {
  const hc = isHighContrast(p.kind);
  // Descendants: Mermaid draws some shapes (stadiums) as paths inside a `g.label-container`.
  const shapes = (selector: string) => ['rect', 'path', 'polygon', 'circle', 'ellipse'].map((shape) => `${selector} ${shape}`).join(', ');
  const rules: string[] = [];
  for (const [status, className] of Object.entries(MERMAID_STATUS_CLASS) as [DisplayStatus, string][]) {
    const { fill, stroke } = p.status[status];
    rules.push(`${shapes(`.node.${className}`)} { fill: ${fill} !important; stroke: ${stroke} !important; stroke-width: ${hc ? 2 : 1.5}px !important; }`);
    rules.push(`.node.${className} .nodeLabel, .node.${className} span, .node.${className} p { color: ${p.foreground} !important; fill: ${p.foreground} !important; }`);
  }
  // At risk from the schedule: a thick dashed outline over the status colours (after them, so it wins).
  rules.push(`${shapes(`.node.${AT_RISK_CLASS}`)} { stroke-width: 3px !important; stroke-dasharray: 6 3 !important; }`);
  rules.push(
    `.cluster rect { fill: ${hc ? p.background : mix(p.foreground, p.background, 0.04)} !important; stroke: ${p.border} !important; }`,
    `.cluster .nodeLabel, .cluster span, .cluster-label span { color: ${p.foreground} !important; }`,
    `.flowchart-link { stroke: ${mix(p.foreground, p.background, 0.6)}; }`,
    `.marker, .arrowMarkerPath { fill: ${mix(p.foreground, p.background, 0.6)}; stroke: ${mix(p.foreground, p.background, 0.6)}; }`,
    `.flowchart-link.pb-conflict { stroke: ${p.conflict} !important; stroke-width: 3px !important; stroke-dasharray: 7 4 !important; }`,
    `.flowchart-link.pb-cycle { stroke: ${p.cycle} !important; stroke-width: 3px !important; stroke-dasharray: none !important; }`,
    `${shapes('.node.pb-focus')} { stroke-width: 3px !important; }`,
    `.node.pb-node { cursor: pointer; }`,
    `.node.pb-node:focus { outline: none; }`,
    `${shapes('.node.pb-node:focus-visible')} { stroke: ${p.focus} !important; stroke-width: 3px !important; }`,
    // The class is on the <svg> itself, which Mermaid's scoping selector (#id) names: hence `&`.
    `&.pb-has-selection .node:not(.pb-critical) { opacity: 0.4; }`,
    `&.pb-has-selection .flowchart-link:not(.pb-critical) { opacity: 0.25; }`,
    `${shapes('.node.pb-critical')} { stroke: ${p.critical} !important; stroke-width: 3px !important; }`,
    `${shapes('.node.pb-selected')} { stroke-width: 5px !important; }`,
    `.flowchart-link.pb-critical { stroke: ${p.critical} !important; stroke-width: 4px !important; opacity: 1; }`,
  );
  return rules.join('\n');
}

/** Mermaid settings that depend on the theme. */
export function mermaidTheme(p: Palette): { theme: 'default' | 'dark' | 'base'; themeVariables: Record<string, string | boolean>; themeCSS: string } {
  return {
    theme: isDarkTheme(p.kind) ? 'dark' : 'default',
    themeVariables: {
      darkMode: isDarkTheme(p.kind),
      background: p.background,
      fontFamily: p.fontFamily,
      primaryTextColor: p.foreground,
      lineColor: mix(p.foreground, p.background, 0.6),
    },
    themeCSS: themeCss(p),
  };
}

// --- colours -----------------------------------------------------------------------------

type Rgba = [number, number, number, number];

/** `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` → `rgba(…)`-parsable tuple; anything else → undefined. */
function parse(color: string): Rgba | undefined {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(color);
  if (hex) {
    let digits = hex[1];
    if (digits.length === 3 || digits.length === 4) digits = [...digits].map((d) => d + d).join('');
    if (digits.length !== 6 && digits.length !== 8) return undefined;
    const n = (i: number) => parseInt(digits.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), digits.length === 8 ? n(6) / 255 : 1];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(color);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
  }
  return undefined;
}

function format([r, g, b]: Rgba): string {
  const hex = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** An opaque `#rrggbb` (Mermaid's colour maths needs plain colours); translucent theme colours are laid over white. */
export function toRgb(color: string): string | undefined {
  const rgba = parse(color);
  if (!rgba) return undefined;
  const [r, g, b, a] = rgba;
  return format([r * a + 255 * (1 - a), g * a + 255 * (1 - a), b * a + 255 * (1 - a), 1]);
}

/** `amount` of `color` over `base`. */
export function mix(color: string, base: string, amount: number): string {
  const c = parse(color);
  const b = parse(base);
  if (!c || !b) return color;
  return format([0, 1, 2].map((i) => c[i] * amount + b[i] * (1 - amount)).concat(1) as Rgba);
}
