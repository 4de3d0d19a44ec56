/** The diagram's status colours per kind of theme; no DOM here, so Node tests import it. */
import type { DisplayStatus } from '../core/model/status';

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/**
 * The colour of each status, per kind of theme. VS Code's own chart colours are too few for
 * twelve statuses, and two of them (orange and yellow) are nearly the same in the light theme,
 * so the diagram has its own: one hue per status that needs attention (green done, blue on
 * track, teal in progress, yellow at risk, orange off track, red overdue, magenta blocked,
 * violet proposed) and greys for the rest, each tuned for its background. The pairs a user must
 * tell apart differ by a CIE76 ΔE of at least 25 in every theme (test/unit/diagramTheme.test.ts).
 * The colour is never alone: every node also shows a symbol and a word ("▲ At risk").
 */
export const STATUS_STROKES: Readonly<Record<'light' | 'dark' | 'high-contrast', Readonly<Record<DisplayStatus, string>>>> = {
  light: {
    'done': '#1a7f37', 'on-track': '#0969da', 'in-progress': '#0a8a9f', 'at-risk': '#9a6700', 'off-track': '#bc4c00',
    'overdue': '#d1242f', 'blocked': '#bf3989', 'proposed': '#8250df',
    'not-started': '#57606a', 'no-status': '#8c959f', 'cancelled': '#8c959f', 'missing': '#57606a',
  },
  dark: {
    'done': '#3fb950', 'on-track': '#4493f8', 'in-progress': '#39c5cf', 'at-risk': '#d4b106', 'off-track': '#f0883e',
    'overdue': '#ff7b72', 'blocked': '#f778ba', 'proposed': '#bc8cff',
    'not-started': '#9198a1', 'no-status': '#6e7681', 'cancelled': '#6e7681', 'missing': '#9198a1',
  },
  'high-contrast': {
    'done': '#89d185', 'on-track': '#75beff', 'in-progress': '#40e0d0', 'at-risk': '#ffd700', 'off-track': '#ff9d3c',
    'overdue': '#ff6e6e', 'blocked': '#ff80c0', 'proposed': '#d7a1ff',
    'not-started': '#d0d0d0', 'no-status': '#a0a0a0', 'cancelled': '#a0a0a0', 'missing': '#d0d0d0',
  },
};

/** The stroke colours of a theme kind (high-contrast light uses the light ones). */
export function statusStrokes(kind: ThemeKind): Readonly<Record<DisplayStatus, string>> {
  return kind === 'high-contrast' ? STATUS_STROKES['high-contrast'] : kind === 'dark' ? STATUS_STROKES.dark : STATUS_STROKES.light;
}
