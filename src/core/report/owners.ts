/**
 * Who owns what (v2 spec section 3.5): for each handle, the programs, teams, milestones, risks,
 * decisions and checklist items it owns, open ones first. "Open" is ../model/status.ts's: a
 * program or milestone not done/cancelled, a risk not closed, a decision proposed, a checklist
 * item not ticked (a team is always open).
 */
import type { Brief } from '../model/model';
import { isChecklistItemOpen, isClosed, isDecisionOpen, isRiskClosed, milestoneFacts, programFacts } from '../model/status';
import { compareText } from '../model/text';

export const OWNED_KINDS = ['programs', 'teams', 'milestones', 'risks', 'decisions', 'checklist'] as const;
export type OwnedKind = (typeof OWNED_KINDS)[number];

export interface OwnedItem {
  /** `program`, `program#milestone`, `program#risk`, `program#decision`, a team's id. */
  id?: string;
  /** Its title (else its id), a checklist item's text. */
  text: string;
  program?: string;
  status?: string;
  open: boolean;
  /** A milestone's or checklist item's due date. */
  due?: string;
  uri: string;
  line: number;
}

export type OwnerEntry = { owner: string } & Record<OwnedKind, OwnedItem[]>;

export interface OwnersOptions {
  owner?: string;
  fileOf?(uri: string): string;
}

export function ownersOf(briefs: readonly Brief[], options: OwnersOptions = {}): OwnerEntry[] {
  const byOwner = new Map<string, OwnerEntry>();
  const add = (owner: string | undefined, kind: OwnedKind, item: OwnedItem) => {
    if (owner === undefined || (options.owner !== undefined && owner !== options.owner)) return;
    let entry = byOwner.get(owner);
    if (!entry) byOwner.set(owner, (entry = { owner, programs: [], teams: [], milestones: [], risks: [], decisions: [], checklist: [] }));
    entry[kind].push(item);
  };
  for (const brief of briefs) {
    const program = brief.program?.value;
    const p = program !== undefined ? { program } : {};
    const idOf = (id: string | undefined) => (id === undefined ? {} : { id: program !== undefined ? `${program}#${id}` : id });
    const line = (range: { start: { line: number } } | undefined) => range?.start.line ?? 0;
    if (program !== undefined) {
      const facts = programFacts(brief);
      add(brief.owner?.value, 'programs', {
        id: program, text: brief.title?.value ?? program, ...p, ...(facts.status !== undefined && !facts.statusRejected && { status: facts.status }),
        open: !isClosed(facts), uri: brief.uri, line: line(brief.program!.range),
      });
    }
    for (const team of brief.teams) {
      add(team.owner?.value, 'teams', { ...(team.id && { id: team.id.value }), text: team.title?.value ?? team.id?.value ?? '', ...p, open: true, uri: brief.uri, line: line(team.itemRange) });
    }
    for (const milestone of brief.milestones) {
      const facts = milestoneFacts(brief, milestone);
      add(milestone.owner?.value, 'milestones', {
        ...idOf(milestone.id?.value), text: milestone.title?.value ?? milestone.id?.value ?? '', ...p,
        ...(facts.status !== undefined && !facts.statusRejected && { status: facts.status }), open: !isClosed(facts),
        ...(facts.due !== undefined && !facts.dueRejected && { due: facts.due }), uri: brief.uri, line: line(milestone.itemRange),
      });
    }
    for (const risk of brief.risks) {
      add(risk.owner?.value, 'risks', {
        ...idOf(risk.id?.value), text: risk.title?.value ?? risk.id?.value ?? '', ...p, ...(risk.status && { status: risk.status.value }),
        open: !isRiskClosed(risk), uri: brief.uri, line: line(risk.itemRange),
      });
    }
    for (const decision of brief.decisions) {
      add(decision.owner?.value, 'decisions', {
        ...idOf(decision.id?.value), text: decision.title?.value ?? decision.id?.value ?? '', ...p, ...(decision.status && { status: decision.status.value }),
        open: isDecisionOpen(decision), uri: brief.uri, line: line(decision.itemRange),
      });
    }
    for (const item of brief.checklist) {
      // `open` tells open from done; the states it does not tell (in progress, cancelled) go in `status`.
      const status = item.state === 'in-progress' || item.state === 'cancelled' ? item.state : undefined;
      add(item.owner?.value, 'checklist', { text: item.text, ...p, ...(status && { status }), open: isChecklistItemOpen(item), ...(item.due && { due: item.due.value }), uri: brief.uri, line: item.line });
    }
  }
  const fileOf = options.fileOf ?? ((uri: string) => uri);
  const entries = [...byOwner.values()].sort((a, b) => compareText(a.owner, b.owner));
  for (const entry of entries) {
    for (const kind of OWNED_KINDS) entry[kind].sort((a, b) => Number(b.open) - Number(a.open) || compareText(fileOf(a.uri), fileOf(b.uri)) || a.line - b.line);
  }
  return entries;
}
