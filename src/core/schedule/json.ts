/**
 * The schedule and a slip impact as JSON (v2 spec sections 3.1 and 3.2, docs/schedule.md):
 * what `brief schedule --format json` and `brief impact --format json` print, and what the
 * language server's `programBriefs/schedule` and `programBriefs/impact` requests answer (they add
 * locations, docs/language-server.md). `"version": 1`; missing values are `null`; `line` is
 * 0-based; `file` is whatever the host makes of a uri (relative to the current folder for the
 * CLI, to the workspace folder for the server).
 */
import { compareText } from '../model/text';
import { dateOfDay } from './days';
import type { ScheduleGraph, ScheduleNode, ScheduleNodeKind } from './nodes';
import type { ScheduleResult } from './forecast';
import type { Impact } from './impact';

export interface ScheduleView {
  graph: ScheduleGraph;
  result: ScheduleResult;
  today: string;
  /** A node's file as shown (relative to cwd). */
  fileOf(uri: string): string;
  /** Whether a node's brief is reported (single files, spec §3.7). */
  isReported(uri: string): boolean;
}

export interface ScheduleJsonNode {
  id: string;
  kind: ScheduleNodeKind;
  title: string | null;
  owner: string | null;
  status: string | null;
  planned: string | null;
  forecast: string | null;
  slip: number | null;
  slack: number | null;
  driver: string | null;
  onCycle: boolean;
  file: string;
  line: number;
}

export interface ScheduleJson {
  version: 1;
  today: string;
  nodes: ScheduleJsonNode[];
}

/** A day number as `YYYY-MM-DD`, `null` for none. */
export const jsonDay = (value: number | undefined): string | null => (value === undefined ? null : dateOfDay(value));

/** The nodes a view reports, sorted by id. */
export function reportedNodes(view: ScheduleView): ScheduleNode[] {
  return [...view.graph.values()].filter((node) => view.isReported(node.uri)).sort((a, b) => compareText(a.id, b.id));
}

export function scheduleJsonNode(node: ScheduleNode, result: ScheduleResult, fileOf: (uri: string) => string): ScheduleJsonNode {
  const own = result.get(node.id);
  return {
    id: node.id,
    kind: node.kind,
    title: node.title ?? null,
    owner: node.owner ?? null,
    status: node.status ?? null,
    planned: jsonDay(node.planned),
    forecast: jsonDay(own?.forecast),
    slip: own?.slip ?? null,
    slack: own?.slack ?? null,
    driver: own?.driver ?? null,
    onCycle: own?.onCycle ?? false,
    file: fileOf(node.uri),
    line: node.range.start.line,
  };
}

export function scheduleJson(view: ScheduleView): ScheduleJson {
  return { version: 1, today: view.today, nodes: reportedNodes(view).map((node) => scheduleJsonNode(node, view.result, view.fileOf)) };
}

export interface ImpactView {
  impact: Impact;
  graph: ScheduleGraph;
  fileOf(uri: string): string;
}

export interface ImpactJsonChange {
  id: string;
  kind: ScheduleNodeKind;
  owner: string | null;
  planned: string | null;
  before: string | null;
  after: string | null;
  days: number | null;
  late: boolean;
  via: string[];
  file: string;
  line: number;
}

export interface ImpactJson {
  version: 1;
  ref: string;
  days: number;
  changes: ImpactJsonChange[];
  programsLate: string[];
}

export function impactJson(view: ImpactView): ImpactJson {
  const { impact, graph } = view;
  return {
    version: 1,
    ref: impact.ref,
    days: impact.days,
    changes: impact.changes.map((change) => {
      const node = graph.get(change.id)!;
      return {
        id: change.id,
        kind: change.kind,
        owner: change.owner ?? null,
        planned: jsonDay(change.planned),
        before: jsonDay(change.before),
        after: jsonDay(change.after),
        days: change.days ?? null,
        late: change.late,
        via: change.via,
        file: view.fileOf(node.uri),
        line: node.range.start.line,
      };
    }),
    programsLate: impact.programsLate,
  };
}
