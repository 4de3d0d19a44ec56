/**
 * Mermaid, configured for the panel: `securityLevel: 'strict'` (labels are sanitised with
 * DOMPurify, `click` callbacks are disabled), errors thrown instead of drawn as a bomb icon
 * with "Syntax error", the edge and text limits the host also enforces, and the theme.
 * This is the only module that imports Mermaid; it is bundled into media/dist/diagram.js and
 * never loaded by the extension host.
 */
import mermaid from 'mermaid';
import type { DiagramLimits } from '../core/views/diagramProtocol';
import { mermaidTheme, type Palette } from './theme';

let counter = 0;

/** Configuration keys a `%%{init}%%` directive may never change (Mermaid's own list, plus the look). */
const SECURE_KEYS = ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges', 'theme', 'themeCSS', 'themeVariables', 'flowchart', 'htmlLabels', 'fontFamily'];

export async function renderSvg(source: string, limits: DiagramLimits, palette: Palette): Promise<string> {
  const theme = mermaidTheme(palette);
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    maxEdges: limits.maxEdges,
    maxTextSize: limits.maxTextSize,
    secure: SECURE_KEYS,
    theme: theme.theme,
    themeVariables: theme.themeVariables,
    themeCSS: theme.themeCSS,
    fontFamily: palette.fontFamily,
    flowchart: { useMaxWidth: false, htmlLabels: true },
  });
  // A new id per render: Mermaid scopes the SVG's styles and marker ids under it.
  const { svg } = await mermaid.render(`pb-diagram-${++counter}`, source);
  return svg;
}

/** Whether Mermaid refused the diagram for its size (rather than for its syntax). */
export function isSizeError(message: string): boolean {
  return /edge limit|maximum text size|too (many|large)/i.test(message);
}
