/**
 * The language server's schedule requests and the command its code lenses name
 * (docs/language-server.md, docs/schedule.md). Types and names only, no runtime dependency: the
 * server, the VS Code client and the tests share this file. The JSON is the CLI's
 * (`brief schedule --format json`, `brief impact --format json`: v2 spec sections 3.1 and 3.2),
 * plus each node's location so that a client can link to it.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ImpactJson, ImpactJsonChange, ScheduleJson, ScheduleJsonNode } from '../core';

/** `programBriefs/schedule`: every schedule node of the workspace (or of one brief). */
export const SCHEDULE_REQUEST = 'programBriefs/schedule';

export interface ScheduleParams {
  /** Only the nodes declared in this document; default every node of the workspace. */
  uri?: string;
}

export interface Located {
  /** The brief that declares the node. */
  uri: string;
  /** The milestone's `id:` value, or the program's `program:` value. */
  range: Range;
}

export interface ScheduleResponse extends ScheduleJson {
  nodes: (ScheduleJsonNode & Located)[];
}

/** `programBriefs/impact`: what moves if `ref` (a milestone `program#id` or a program) moves by `days`. Changes no file. */
export const IMPACT_REQUEST = 'programBriefs/impact';

export interface ImpactParams {
  ref: string;
  /** Whole days; negative pulls the work in. */
  days: number;
}

export interface ImpactResponse extends ImpactJson {
  changes: (ImpactJsonChange & Located)[];
  /** The message for the owners ("Copy as Markdown"), workspace text escaped. */
  markdown: string;
}

/** The largest move a what-if accepts, either way (as `brief impact --days`: five digits). */
export const MAX_IMPACT_DAYS = 99_999;

/**
 * The command of the "What If This Slips…" code lens, with one argument: the milestone
 * (`program#id`) or program the user wants to move. The client asks for the days and sends
 * `programBriefs/impact`.
 */
export const WHAT_IF_COMMAND = 'programBriefs.whatIf';

/** `ImpactParams` if `value` is well formed, else why not (the server answers InvalidParams with it). */
export function parseImpactParams(value: unknown): ImpactParams | string {
  if (typeof value !== 'object' || value === null) return 'expected { ref, days }';
  const { ref, days } = value as Record<string, unknown>;
  if (typeof ref !== 'string' || ref.length === 0 || ref.length > 400) return '`ref` must be a milestone (program#milestone) or a program id';
  if (typeof days !== 'number' || !Number.isInteger(days) || Math.abs(days) > MAX_IMPACT_DAYS) return `\`days\` must be a whole number of days between -${MAX_IMPACT_DAYS} and ${MAX_IMPACT_DAYS}`;
  return { ref, days };
}
