/**
 * The custom part of the Program Briefs language server's protocol: what the VS Code
 * extension's views, diagram, status bar and commands ask the server for (they are no LSP
 * feature), and what the server tells them. One file, imported by the server (src/server) and
 * by the client (src/extension), so both sides agree on names and shapes. Pure: method names
 * and types only. docs/language-server.md lists them.
 */
import type { Health, ProgramRowFacts } from '../core';
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
