/**
 * Status is never colour alone, and the colours can be told apart: every display status has
 * its own symbol and word (on the node, in the legend, in the exported SVG), and in each kind
 * of theme the statuses a user must tell apart have clearly different colours (CIE76 ΔE ≥ 25;
 * VS Code's light-theme orange and yellow, which Overdue and At risk used, differ by about 10).
 */
import * as assert from 'node:assert/strict';
import { DISPLAY_STATUSES, STATUS_LABELS } from '../../src/core/model/status';
import { STATUS_SYMBOLS, statusBadge } from '../../src/core/render/mermaid';
import { STATUS_STROKES, statusStrokes } from '../../src/webview/palette';

/** CIE L*a*b* of an sRGB `#rrggbb` (D65). */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047;
  const y = r * 0.2126 + g * 0.7152 + b * 0.0722;
  const z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: string, b: string) => {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

/** WCAG contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b2] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** The statuses that ask for attention or report progress: each must have a colour of its own. */
const SIGNALS = ['done', 'on-track', 'in-progress', 'at-risk', 'off-track', 'overdue', 'blocked', 'proposed'] as const;
const BACKGROUNDS = { light: '#ffffff', dark: '#1f1f1f', 'high-contrast': '#000000' } as const;

describe('diagram: status symbols, words and colours', () => {
  it('every display status has its own symbol and word', () => {
    const symbols = DISPLAY_STATUSES.map((status) => STATUS_SYMBOLS[status]);
    assert.equal(new Set(symbols).size, DISPLAY_STATUSES.length, symbols.join(' '));
    assert.equal(new Set(DISPLAY_STATUSES.map((status) => STATUS_LABELS[status])).size, DISPLAY_STATUSES.length);
    assert.equal(statusBadge('at-risk'), '▲ At risk');
    assert.equal(statusBadge('overdue'), '◷ Overdue');
  });

  for (const kind of ['light', 'dark', 'high-contrast'] as const) {
    it(`${kind}: the signal statuses differ by ΔE ≥ 25, and stand out from the background`, () => {
      const strokes = STATUS_STROKES[kind];
      const close: string[] = [];
      for (let i = 0; i < SIGNALS.length; i++) {
        for (let j = i + 1; j < SIGNALS.length; j++) {
          const d = deltaE(strokes[SIGNALS[i]], strokes[SIGNALS[j]]);
          if (d < 25) close.push(`${SIGNALS[i]}/${SIGNALS[j]} ΔE ${d.toFixed(1)}`);
        }
      }
      assert.deepEqual(close, []);
      for (const status of DISPLAY_STATUSES) {
        assert.ok(contrast(strokes[status], BACKGROUNDS[kind]) >= 3, `${status} on ${kind}: contrast ${contrast(strokes[status], BACKGROUNDS[kind]).toFixed(2)}`);
      }
    });
  }

  it('Overdue and At risk are far apart in the light theme (they were ΔE 9.5 with VS Code\'s orange and yellow)', () => {
    assert.ok(deltaE('#d18616', '#bf8803') < 12, 'the old pair, for reference');
    assert.ok(deltaE(statusStrokes('light').overdue, statusStrokes('light')['at-risk']) >= 40);
    assert.equal(statusStrokes('high-contrast-light'), STATUS_STROKES.light);
  });
});
