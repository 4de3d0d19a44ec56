/**
 * The messages of the Timeline webview (docs/extension.md, "Timeline"): what the extension posts
 * (the model the language server built, src/core/views/timeline.ts, as plain data) and what the
 * webview asks for. Pure: imported by the webview bundle and by the extension, which validates
 * everything it receives with `parseTimelineMessage`. A webview names bars by their `key` only;
 * the extension finds the file and line in its own copy of the model, so a webview can never
 * make it open or write an arbitrary file.
 */

import type { DisplayStatus } from '../../core/model/status';
import type { TimelineArrow, TimelineBar, TimelineModel, TimelineRow } from '../../core/views/timeline';

export const TIMELINE_VIEW_TYPE = 'programBriefs.timeline';

/** Display statuses as the core decides them (src/core/model/status.ts). */
export type TimelineDisplay = DisplayStatus;

/** The core's model as sent, as plain data (src/core/views/timeline.ts): the same types. */
export type TimelineBarWire = TimelineBar;
export type TimelineRowWire = TimelineRow;
export type TimelineArrowWire = TimelineArrow;
export type TimelineModelWire = TimelineModel;

/** Baseline dates ("compare with…"): bar key → the start and due it had then. */
export interface TimelineBaseline {
  label: string;
  bars: Record<string, { start: string; due: string }>;
}

export type HostToTimeline =
  | { type: 'model'; seq: number; model: TimelineModelWire; baseline?: TimelineBaseline }
  /** The answer to a drag: written, or why not (the bar is drawn back where the file says). */
  | { type: 'dateEdit'; key: string; ok: boolean; message?: string };

export type DateField = 'due' | 'start';

export type TimelineToHost =
  | { type: 'ready' }
  | { type: 'open'; key: string }
  /** A bar's end (or start) was dragged: `from` is the date the webview showed, `to` the one dropped on. */
  | { type: 'setDate'; key: string; field: DateField; from: string; to: string }
  | { type: 'exportSvg'; svg: string }
  | { type: 'compare' }
  | { type: 'rendered'; seq: number; bars: number; arrows: number; ms: number };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_KEY = 4096;
/** An exported SVG of 2,000 bars is about 2 MB; anything far larger is no drawing of ours. */
const MAX_SVG = 32 * 1024 * 1024;

function isKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY;
}

/** A message as the extension accepts it, or undefined for anything else. */
export function parseTimelineMessage(value: unknown): TimelineToHost | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'compare':
      return { type: message.type };
    case 'open':
      return isKey(message.key) ? { type: 'open', key: message.key } : undefined;
    case 'setDate': {
      const { key, field, from, to } = message;
      if (!isKey(key) || (field !== 'due' && field !== 'start') || typeof from !== 'string' || typeof to !== 'string' || !DATE.test(from) || !DATE.test(to)) return undefined;
      return { type: 'setDate', key, field, from, to };
    }
    case 'exportSvg':
      return typeof message.svg === 'string' && message.svg.length <= MAX_SVG && message.svg.startsWith('<svg') ? { type: 'exportSvg', svg: message.svg } : undefined;
    case 'rendered': {
      const { seq, bars, arrows, ms } = message;
      return [seq, bars, arrows, ms].every((n) => typeof n === 'number' && Number.isFinite(n)) ? { type: 'rendered', seq: seq as number, bars: bars as number, arrows: arrows as number, ms: ms as number } : undefined;
    }
    default:
      return undefined;
  }
}

/** DOM ids and classes the UI checks and the page share. */
export const TIMELINE_IDS = { app: 'app', chart: 'pb-timeline-chart', axis: 'pb-timeline-axis', tooltip: 'pb-timeline-tooltip' } as const;
