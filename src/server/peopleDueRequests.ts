/**
 * The answers to `programBriefs/owners` and `programBriefs/due` (src/server/protocol.ts), the
 * People and Due views' requests: the core's `brief owners` and `brief due` computations
 * (src/core/report/owners.ts, src/core/report/due.ts) over the server's workspace, so the views
 * and the CLI list the same things in the same order. Items carry their uri and 0-based line.
 */
import { DEFAULT_DUE_WITHIN, dueItems, HANDLE_PATTERN, ownersOf } from '../core';
import type { DueParams, DueResult, OwnersParams, OwnersResult, OwnersWireEntry } from './protocol';
import type { ViewModelSource } from './viewRequests';

/** A uri as the user reads it (relative to its folder): how files sort, as in the CLI. */
export type FileOf = (uri: string) => string;

const validHandle = (value: unknown): string | undefined => (typeof value === 'string' && HANDLE_PATTERN.test(value.trim()) ? value.trim() : undefined);

export function ownersResult(source: ViewModelSource, params: OwnersParams | undefined, fileOf: FileOf): OwnersResult {
  const briefs = source.workspace.briefs();
  const me = validHandle(params?.me);
  const entries: OwnersWireEntry[] = ownersOf(briefs, { fileOf });
  if (me !== undefined) {
    const at = entries.findIndex((entry) => entry.owner === me);
    const mine: OwnersWireEntry = at >= 0 ? entries.splice(at, 1)[0] : { owner: me, programs: [], teams: [], milestones: [], risks: [], decisions: [], checklist: [] };
    entries.unshift({ ...mine, me: true });
  }
  return { owners: entries, briefs: briefs.length, today: source.today };
}

export function dueResult(source: ViewModelSource, params: DueParams | undefined, fileOf: FileOf): DueResult {
  const briefs = source.workspace.briefs();
  const asked = params?.within;
  const within = typeof asked === 'number' && Number.isInteger(asked) && asked >= 0 ? asked : DEFAULT_DUE_WITHIN;
  const owner = validHandle(params?.owner);
  const items = dueItems(briefs, { today: source.today, within, ...(owner !== undefined && { owner }), fileOf });
  return { items, within, briefs: briefs.length, today: source.today };
}
