/**
 * Who owns what (v2 spec section 3.5): for each handle, the programs, teams, milestones, risks,
 * decisions and checklist items it owns, open ones first. "Open" is ../model/status.ts's: a
 * program or milestone not done/cancelled, a risk not closed, a decision proposed, a checklist
 * item not ticked (a team is always open).
 */
import type { Brief } from '../model/model';
import { isChecklistItemOpen, isClosed, isDecisionOpen, isRiskClosed, milestoneFacts, programFacts } from '../model/status';
import { compareText } from '../model/text';
import { fileOfOnce } from './fileOfOnce';

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

/** What one handle owns of each kind, counted: open and closed (a summary of its `OwnerEntry`). */
export type OwnerCounts = { owner: string } & Record<OwnedKind, { open: number; closed: number }>;

/**
 * Every owned item of a brief, with its owner, kind and whether it is open, as `ownersOf` lists
 * it (the one place that decides what an item says and whether it is open). `wanted` is asked
 * for the owner first; `item` builds the listed item (counting needs only `open`).
 */
type AddOwned = (owner: string, kind: OwnedKind, open: boolean, item: () => OwnedItem) => void;

function forEachOwned(brief: Brief, wanted: (owner: string | undefined) => owner is string, add: AddOwned): void {
  const program = brief.program?.value;
  const p = program !== undefined ? { program } : {};
  const idOf = (id: string | undefined) => (id === undefined ? {} : { id: program !== undefined ? `${program}#${id}` : id });
  const line = (range: { start: { line: number } } | undefined) => range?.start.line ?? 0;
  const programOwner = brief.owner?.value;
  if (program !== undefined && wanted(programOwner)) {
    const facts = programFacts(brief);
    const open = !isClosed(facts);
    add(programOwner, 'programs', open, () => ({
      id: program, text: brief.title?.value ?? program, ...p, ...(facts.status !== undefined && !facts.statusRejected && { status: facts.status }),
      open, uri: brief.uri, line: line(brief.program!.range),
    }));
  }
  for (const team of brief.teams) {
    const owner = team.owner?.value;
    if (wanted(owner)) add(owner, 'teams', true, () => ({ ...(team.id && { id: team.id.value }), text: team.title?.value ?? team.id?.value ?? '', ...p, open: true, uri: brief.uri, line: line(team.itemRange) }));
  }
  for (const milestone of brief.milestones) {
    const owner = milestone.owner?.value;
    if (!wanted(owner)) continue;
    const facts = milestoneFacts(brief, milestone);
    const open = !isClosed(facts);
    add(owner, 'milestones', open, () => ({
      ...idOf(milestone.id?.value), text: milestone.title?.value ?? milestone.id?.value ?? '', ...p,
      ...(facts.status !== undefined && !facts.statusRejected && { status: facts.status }), open,
      ...(facts.due !== undefined && !facts.dueRejected && { due: facts.due }), uri: brief.uri, line: line(milestone.itemRange),
    }));
  }
  for (const risk of brief.risks) {
    const owner = risk.owner?.value;
    if (!wanted(owner)) continue;
    const open = !isRiskClosed(risk);
    add(owner, 'risks', open, () => ({
      ...idOf(risk.id?.value), text: risk.title?.value ?? risk.id?.value ?? '', ...p, ...(risk.status && { status: risk.status.value }),
      open, uri: brief.uri, line: line(risk.itemRange),
    }));
  }
  for (const decision of brief.decisions) {
    const owner = decision.owner?.value;
    if (!wanted(owner)) continue;
    const open = isDecisionOpen(decision);
    add(owner, 'decisions', open, () => ({
      ...idOf(decision.id?.value), text: decision.title?.value ?? decision.id?.value ?? '', ...p, ...(decision.status && { status: decision.status.value }),
      open, uri: brief.uri, line: line(decision.itemRange),
    }));
  }
  for (const item of brief.checklist) {
    const owner = item.owner?.value;
    if (!wanted(owner)) continue;
    const open = isChecklistItemOpen(item);
    // `open` tells open from done; the states it does not tell (in progress, cancelled) go in `status`.
    add(owner, 'checklist', open, () => {
      const status = item.state === 'in-progress' || item.state === 'cancelled' ? item.state : undefined;
      return { text: item.text, ...p, ...(status && { status }), open, ...(item.due && { due: item.due.value }), uri: brief.uri, line: item.line };
    });
  }
}

const wantedOwner = (only: string | undefined) => (owner: string | undefined): owner is string => owner !== undefined && (only === undefined || owner === only);

export function ownersOf(briefs: readonly Brief[], options: OwnersOptions = {}): OwnerEntry[] {
  const byOwner = new Map<string, OwnerEntry>();
  const wanted = wantedOwner(options.owner);
  const add: AddOwned = (owner, kind, _open, item) => {
    let entry = byOwner.get(owner);
    if (!entry) byOwner.set(owner, (entry = { owner, programs: [], teams: [], milestones: [], risks: [], decisions: [], checklist: [] }));
    entry[kind].push(item());
  };
  for (const brief of briefs) forEachOwned(brief, wanted, add);
  const fileOf = fileOfOnce(options.fileOf);
  const entries = [...byOwner.values()].sort((a, b) => compareText(a.owner, b.owner));
  for (const entry of entries) {
    for (const kind of OWNED_KINDS) entry[kind].sort((a, b) => Number(b.open) - Number(a.open) || compareText(fileOf(a.uri), fileOf(b.uri)) || a.line - b.line);
  }
  return entries;
}

/** One brief's share of `ownerCounts`: how many items of a kind an owner has open and closed there (none of the zeros). */
export type BriefOwnerCounts = readonly { owner: string; kind: OwnedKind; open: number; closed: number }[];

/**
 * `ownersOf`'s entries counted (the same items, the same "open"), in the same order of handles,
 * without building the lists: what the People view's top level shows (docs/language-server.md).
 * `perBrief` keeps each parsed brief's share (a brief is replaced, not changed, when edited), so
 * that counting again after an edit recounts only the edited brief.
 */
export function ownerCounts(briefs: readonly Brief[], perBrief?: WeakMap<Brief, BriefOwnerCounts>): OwnerCounts[] {
  const byOwner = new Map<string, OwnerCounts>();
  for (const brief of briefs) {
    let share = perBrief?.get(brief);
    if (!share) {
      share = briefOwnerCounts(brief);
      perBrief?.set(brief, share);
    }
    for (const { owner, kind, open, closed } of share) {
      let entry = byOwner.get(owner);
      if (!entry) byOwner.set(owner, (entry = { owner, ...zeroCounts() }));
      entry[kind].open += open;
      entry[kind].closed += closed;
    }
  }
  return [...byOwner.values()].sort((a, b) => compareText(a.owner, b.owner));
}

const zeroCounts = (): Record<OwnedKind, { open: number; closed: number }> => ({
  programs: { open: 0, closed: 0 }, teams: { open: 0, closed: 0 }, milestones: { open: 0, closed: 0 },
  risks: { open: 0, closed: 0 }, decisions: { open: 0, closed: 0 }, checklist: { open: 0, closed: 0 },
});

function briefOwnerCounts(brief: Brief): BriefOwnerCounts {
  const byKey = new Map<string, { owner: string; kind: OwnedKind; open: number; closed: number }>();
  forEachOwned(brief, wantedOwner(undefined), (owner, kind, open) => {
    const key = `${kind} ${owner}`;
    let counts = byKey.get(key);
    if (!counts) byKey.set(key, (counts = { owner, kind, open: 0, closed: 0 }));
    if (open) counts.open++;
    else counts.closed++;
  });
  return [...byKey.values()];
}
