/**
 * The custom part of the Program Briefs language server's protocol: what the VS Code
 * extension's views, diagram, status bar and commands ask the server for (they are no LSP
 * feature), and what the server tells them. One file, imported by the server (src/server) and
 * by the client (src/extension), so both sides agree on names and shapes. Pure: method names
 * and types only. docs/language-server.md lists them.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Health, ProgramRowFacts, TimelineModel } from '../core';
import type { ChecklistEntry, ChecklistFilter, ChecklistHeadingGroup, ChecklistProgramGroup, DecisionNode, DiagramModel, DiagramOptions, DisplayStatus, MilestoneNode, PathStep, ProgramAttention, ProgramGroupNode, ProgramNode, ProgramSectionNode, ProgramsGrouping, RiskNode } from '../core';

/** `initializationOptions` a client may send in `initialize`. */
export interface BriefInitializationOptions {
  /**
   * A client command that opens the completion list again: given, a completed frontmatter key
   * with a fixed set of values (`status: `) asks for its values at once (VS Code:
   * `editor.action.triggerSuggest`).
   */
  retriggerCommand?: string;
  /**
   * The client watches the files itself and sends `workspace/didChangeWatchedFiles` for every
   * `.md` file, every briefs.config.json and folders created or deleted (VS Code: watchers made
   * at activation, so nothing changed before the server runs is missed). The server then
   * registers no watchers of its own.
   */
  clientWatchesFiles?: boolean;
  /**
   * An absolute folder where the server may keep its index cache (docs/language-server.md#the-index-cache):
   * the diagnostics of the whole workspace, published at once on the next start when no file,
   * setting or version changed. VS Code: the extension's storage for the workspace. Without
   * it, no cache.
   */
  cacheDirectory?: string;
  /**
   * The client takes `programBriefs/publishDiagnosticsBulk` (below): the first indexing's
   * diagnostics, many briefs to a message, instead of one `textDocument/publishDiagnostics` per
   * brief. VS Code's client handles each publish on a turn of its own, with a conversion and an
   * update of the Problems view each, which made 10,000 briefs take seconds after the server had
   * sent them (docs/language-server.md#diagnostics-in-bulk).
   */
  bulkDiagnostics?: boolean;
}

/**
 * Server → client, only to a client that set `bulkDiagnostics`: the diagnostics of many
 * documents, each as `textDocument/publishDiagnostics` would give them (an empty list clears a
 * document's). Used for the first indexing only, before any single publish: a client applies a
 * bulk message as it arrives, while single publishes may wait in its queue, so a bulk message
 * after them could be overtaken by an older one.
 */
export const PUBLISH_DIAGNOSTICS_BULK = 'programBriefs/publishDiagnosticsBulk';
export interface PublishDiagnosticsBulkParams {
  items: { uri: string; diagnostics: LspDiagnostic[] }[];
}

/**
 * Server → client, after the model changed and the diagnostics it affects were published: the
 * first indexing, a re-read, an edit, a file changed on disk. Views refresh on it.
 */
export const DID_CHANGE_MODEL = 'programBriefs/didChangeModel';
export interface DidChangeModelParams {
  /** The workspace model's version (grows with every change). */
  version: number;
  /** Every brief was (re)read and linted: the first indexing, a folder, config or settings change. */
  all: boolean;
  /** Uris whose brief changed or appeared, and uris that left. */
  changed: string[];
  removed: string[];
  /** How many briefs the workspace holds now. */
  briefs: number;
  /**
   * The summaries of the briefs among `changed` (with `all`: of every brief). A changed uri
   * without one is no brief (any more), so a client can keep a list of the briefs without
   * asking (`programBriefs/briefs` answers the same).
   */
  summaries: BriefSummary[];
}

/**
 * Server → client: files were left out on purpose (too large, binary, a link out of the workspace
 * folders, not a regular file). `notices` are plain text to show as they are (one per file newly
 * skipped, or one summary for a whole indexing): a client must not render them as Markdown.
 */
/**
 * `programBriefs/didPublishCachedDiagnostics`: the index cache's diagnostics of every brief were
 * published, before the indexing that checks them (sent only when the cache had them).
 */
export const DID_PUBLISH_CACHED = 'programBriefs/didPublishCachedDiagnostics';
export interface DidPublishCachedParams {
  /** How many briefs' diagnostics were published from the cache. */
  briefs: number;
}

export const DID_SKIP_FILES = 'programBriefs/didSkipFiles';
export interface DidSkipFilesParams {
  notices: string[];
  /** The files newly skipped, with why. */
  files: SkippedFile[];
}
export interface SkippedFile {
  uri: string;
  reason: string;
}

/** `programBriefs/skippedFiles`: every file left out on purpose now, with why. */
export const SKIPPED_FILES = 'programBriefs/skippedFiles';
export interface SkippedFilesResult {
  files: SkippedFile[];
}

/** `programBriefs/file`: what the server holds for one uri (its text when it is a brief, why it was skipped). */
export const FILE = 'programBriefs/file';
export interface FileParams {
  uri: string;
}
export interface FileResult {
  uri: string;
  /** The text the server lints (the editor's when open), for a brief. */
  text?: string;
  brief?: BriefSummary & { owner?: string; milestones: number; risks: number; decisions: number };
  skipped?: string;
}

/** `programBriefs/memory`: the server process's memory (`process.memoryUsage()`, bytes) and pid (benchmarks). */
export const MEMORY = 'programBriefs/memory';
export interface MemoryResult {
  pid: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** Client → server: read every folder again (VS Code's "Lint Workspace", "Refresh"); answers when the diagnostics are published. */
export const REINDEX = 'programBriefs/reindex';
export interface ReindexResult {
  briefs: number;
}

// --- Views: what the trees, the diagram, the status bar and the commands show ----------------
//
// Every request below answers from the server's model as it is when the request runs (after
// the first indexing). A request whose token is cancelled before it runs (a view asked again,
// the view closed) answers with the error `RequestCancelled` (-32800) and computes nothing.

/** One brief of the workspace, as lists and pickers need it. */
export interface BriefSummary {
  uri: string;
  program?: string;
  title?: string;
}

/** `programBriefs/briefs`: every brief of the workspace (pickers, "New Program Brief", the first run). */
export const BRIEFS = 'programBriefs/briefs';
export interface BriefsResult {
  briefs: BriefSummary[];
  /** The effective today (`today` of the config, else the UTC date): YYYY-MM-DD. */
  today: string;
}

/** `programBriefs/status`: the status bar's counts (errors come from the client's diagnostics). */
export const STATUS = 'programBriefs/status';
export interface StatusResult {
  briefs: number;
  programs: number;
  /** Milestones overdue on the effective today. */
  overdue: number;
  today: string;
}

/** `programBriefs/handles`: the handles the workspace uses, most used first (the owner picker). */
export const HANDLES = 'programBriefs/handles';
export interface HandlesParams {
  /** The brief the owner is set in: its folder's config (`people`) counts. */
  uri: string;
}

/** A checklist node as sent: an entry without the file text it was built from. */
export type ChecklistWireNode = ChecklistProgramGroup | ChecklistHeadingGroup | Omit<ChecklistEntry, 'source'>;

/** `programBriefs/checklist`: the children of a Checklist node (no parent: the programs). */
export const CHECKLIST = 'programBriefs/checklist';
export interface ChecklistParams {
  filter: ChecklistFilter;
  parent?: ChecklistWireNode;
}
export interface ChecklistResult {
  nodes: ChecklistWireNode[];
  /**
   * With items among `nodes`: the text of their brief they were built from (once, not per item).
   * Ticking an item finds it again in the current text by it (a line that moved is not ticked).
   */
  text?: string;
  /** Briefs in the workspace (an empty tree says "no briefs" or "no items"). */
  briefs: number;
  today: string;
}

/** A Programs node as sent: groups list their briefs by uri; programs carry what their item and tooltip show. */
export type ProgramsWireNode =
  | (Omit<ProgramGroupNode, 'briefs'> & { uris: string[]; display?: DisplayStatus })
  | (Omit<ProgramNode, 'brief'> & { display: DisplayStatus; attention: ProgramAttention; row: ProgramRowFacts & { health?: Health; reasons: string[] } })
  | Omit<ProgramSectionNode, 'brief'>
  | (MilestoneNode & { display?: DisplayStatus })
  | RiskNode
  | DecisionNode;

/** `programBriefs/programs`: the children of a Programs node (no parent: the top level of the grouping). */
export const PROGRAMS = 'programBriefs/programs';
export interface ProgramsParams {
  grouping: ProgramsGrouping;
  parent?: ProgramsWireNode;
}
export interface ProgramsResult {
  nodes: ProgramsWireNode[];
  briefs: number;
  today: string;
}

/** `programBriefs/diagram`: what the diagram panel draws for its options and focus. */
export const DIAGRAM = 'programBriefs/diagram';
export interface DiagramParams {
  options: DiagramOptions;
  focus?: string;
}
export type DiagramResult = DiagramModel;

/** `programBriefs/criticalPath`: the longest chain of dependencies into a diagram node. */
export const CRITICAL_PATH = 'programBriefs/criticalPath';
export interface CriticalPathParams {
  options: DiagramOptions;
  nodeId: string;
}
export type CriticalPathResult = PathStep[];

/** `programBriefs/graphNode`: where a diagram node is defined (null: nothing defines it). */
export const GRAPH_NODE = 'programBriefs/graphNode';
export interface GraphNodeParams {
  nodeId: string;
}
export type GraphNodeResult = { uri: string; line: number } | null;

/**
 * `programBriefs/timeline`: the Timeline view's model (src/core/views/timeline.ts): a row per
 * program with a bar per dated milestone, targets, forecasts and status flags as lint decides
 * them, and the schedule's edges between milestones as arrows (`conflict`, `drivesSlip`: exactly
 * the edges `schedule-conflict` and `schedule-slip` report). No params.
 */
export const TIMELINE = 'programBriefs/timeline';
export type TimelineResult = TimelineModel;

/**
 * `programBriefs/timelineBaseline`: the bars' dates at a git revision (a commit-ish, or
 * `YYYY-MM-DD`: the last commit on or before that day), for "Compare with…": the timeline of the
 * workspace read from git (as `programBriefs/changesSince` reads it), keyed as today's bars are
 * (`uri#index` of the same milestone id, found by program and milestone id). A problem the user
 * can fix is the error `InvalidParams` (-32602), as for `changesSince`.
 */
export const TIMELINE_BASELINE = 'programBriefs/timelineBaseline';
export interface TimelineBaselineParams {
  ref: string;
}
export interface TimelineBaselineResult {
  since: { ref: string; commit: string; date: string };
  /** Today's bar key → the start and due the same milestone had then. */
  bars: Record<string, { start: string; due: string }>;
}

// --- People and Due views (issue 13): the core's `brief owners` and `brief due` ---------------

import type { DueItem, OwnedItem, OwnedKind, OwnerCounts } from '../core';

/**
 * An owned item as `brief owners` lists it, plus what a view shows for it, decided by the core
 * (src/core/model/status.ts): a program's or milestone's `display` status, and `overdue` for a
 * milestone or checklist item.
 */
export type OwnedWireItem = OwnedItem & { display?: DisplayStatus; overdue?: true };
/** One handle and what it owns; `me` marks the client's own handle. */
export type OwnersWireEntry = { owner: string; me?: true } & Record<OwnedKind, OwnedWireItem[]>;

/**
 * `programBriefs/owners`: every handle with the programs, teams, milestones, risks, decisions
 * and checklist items it owns (src/core/report/owners.ts: open ones first in each kind), by
 * handle; the client's own handle (`me`, when it is a valid handle, compared ignoring case) first
 * and marked, listed even when it owns nothing.
 */
export const OWNERS = 'programBriefs/owners';
export interface OwnersParams {
  me?: string;
}
export interface OwnersResult {
  owners: OwnersWireEntry[];
  briefs: number;
  today: string;
}

/**
 * `programBriefs/ownersSummary`: what `programBriefs/owners` answers, counted: each handle with
 * how many items of each kind it owns, open and closed (src/core/report/owners.ts `ownerCounts`:
 * the same items and the same "open" as the lists), in the same order, the client's own handle
 * first and marked as there. The People view's top level; a person's items come from
 * `programBriefs/owned` when the person is expanded (at 10,000 briefs the whole `owners` answer
 * is tens of megabytes: docs/benchmark.md).
 */
export const OWNERS_SUMMARY = 'programBriefs/ownersSummary';
export interface OwnersSummaryParams {
  me?: string;
}
export type OwnersSummaryEntry = OwnerCounts & { me?: true };
export interface OwnersSummaryResult {
  owners: OwnersSummaryEntry[];
  briefs: number;
  today: string;
}

/**
 * `programBriefs/owned`: one handle's entry of `programBriefs/owners` (the handle exactly as the
 * summary spells it), items in the same order with the same `display` and `overdue`; no `entry`
 * when the handle owns nothing (or is not a handle).
 */
export const OWNED = 'programBriefs/owned';
export interface OwnedParams {
  owner: string;
}
export interface OwnedResult {
  entry?: OwnersWireEntry;
  today: string;
}

/**
 * `programBriefs/due`: every open milestone and open (or in-progress) checklist item due on or before today +
 * `within` days (src/core/report/due.ts: overdue first, then by date, then file and line).
 */
export const DUE = 'programBriefs/due';
export interface DueParams {
  /** Days after today; missing, negative or not a whole number: the default (14). */
  within?: number;
  /** Only what this handle owns. */
  owner?: string;
}
export interface DueResult {
  items: DueItem[];
  /** The window used, in days. */
  within: number;
  briefs: number;
  today: string;
}

// --- Reports (docs/extension.md "Status Report", "What Changed Since…") ----------------------

/**
 * `programBriefs/report`: the status report of the whole workspace (v2 spec section 3.4), made
 * once in the core (`buildReport`) and rendered by its two renderers: `html` is exactly what
 * `brief report --format html` writes (self-contained, every piece of workspace text escaped),
 * `markdown` what `--format markdown` writes. `programs` is the portfolio's health, for the
 * client's own use (tests, titles). The commit is that of the first folder's git repository.
 */
export const REPORT = 'programBriefs/report';
export interface ReportParams {
  /** Days ahead for "due within" (default 14, as the CLI). */
  horizon?: number;
  /**
   * `false`: do not run git (no commit line; the report says "outside git"). VS Code sends it
   * in Restricted Mode: a repository's own config can make git run programs.
   */
  git?: boolean;
}
export interface ReportResult {
  html: string;
  markdown: string;
  today: string;
  programs: { program: string; title?: string; health: string; uri: string; line: number }[];
}

/**
 * `programBriefs/gitRefs`: what "What Changed Since…" offers to pick: the branches (local and
 * remote), tags and recent commits of the first folder's git repository, newest first. Not a git
 * repository: the error `InvalidParams` (-32602) with a message that says so.
 */
export const GIT_REFS = 'programBriefs/gitRefs';
export interface GitRefsParams {
  /** How many recent commits (default 20, at most 200). */
  commits?: number;
}
export interface GitRefsResult {
  branches: string[];
  tags: string[];
  commits: { id: string; date: string; subject: string }[];
  shallow: boolean;
}

/**
 * `programBriefs/changesSince`: what changed in the plan between a git revision (a commit-ish,
 * or `YYYY-MM-DD`: the last commit on or before that day) and the server's model (open editors'
 * text included), as `brief diff --since` (v2 spec section 3.6). Every folder is read at REF
 * from git in one batch. A problem the user can fix (not a git repository, unknown revision,
 * shallow clone, no commit before the date) is the error `InvalidParams` (-32602) whose message
 * is the CLI's.
 */
export const CHANGES_SINCE = 'programBriefs/changesSince';
export interface ChangesSinceParams {
  ref: string;
}
export interface ChangeWire {
  program: string;
  /** The change kind of the spec (`milestone-due-moved`, ...). */
  kind: string;
  id?: string;
  /** The core's one-line sentence for it (plain text: escape it where it is rendered). */
  sentence: string;
  /**
   * For a milestone, risk or decision: what changed, the sentence's beginning
   * (`milestone payments-v2#cutover (Production cutover)`), so a narrow list can show the change first.
   */
  subject?: string;
  /** The file as shown (relative to its folder): the current one, the old one for what was removed. */
  file: string;
  /** Where to open it now (0-based line): absent for what left with its program. */
  location?: { uri: string; line: number };
}
export interface ChangesSinceResult {
  since: { ref: string; commit: string; date: string };
  changes: ChangeWire[];
}
