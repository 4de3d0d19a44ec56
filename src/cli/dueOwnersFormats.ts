/**
 * `brief due` (v2 spec section 3.3) and `brief owners` (3.5), as text and JSON. JSON carries
 * `"version": 1`; missing values are `null`; `line` is 0-based; text shows `file:line` 1-based.
 * Workspace text goes through `printable` (one line, no controls, no CI commands).
 */
import { addDays, type DueItem, OWNED_KINDS, type OwnedItem, type OwnedKind, type OwnerEntry, plural } from '../core';
import { neutraliseCommands, printable } from './safeText';

export const DUE_FORMATS = ['text', 'json'] as const;
export type DueFormat = (typeof DUE_FORMATS)[number];
export const OWNERS_FORMATS = ['text', 'json'] as const;
export type OwnersFormat = (typeof OWNERS_FORMATS)[number];

export interface DueView {
  items: DueItem[];
  today: string;
  within: number;
  owner?: string;
  fileOf(uri: string): string;
}

export function dueJson(view: DueView): unknown {
  return {
    version: 1,
    today: view.today,
    within: view.within,
    until: addDays(view.today, view.within),
    owner: view.owner ?? null,
    items: view.items.map((item) => ({
      kind: item.kind,
      ...(item.id !== undefined && { id: item.id }),
      text: item.text,
      owner: item.owner ?? null,
      due: item.due,
      overdue: item.overdue,
      program: item.program ?? null,
      file: view.fileOf(item.uri),
      line: item.line,
    })),
  };
}

export function dueText(view: DueView): string {
  const until = addDays(view.today, view.within);
  const whose = view.owner ? ` for ${printable(view.owner)}` : '';
  if (view.items.length === 0) return `Nothing open is due by ${until}${whose} (today ${view.today}, within ${plural(view.within, 'day')}).\n`;
  const overdue = view.items.filter((item) => item.overdue).length;
  const lines = [`Due by ${until}${whose} (today ${view.today}, within ${plural(view.within, 'day')}): ${plural(view.items.length, 'item')}, ${overdue} overdue`];
  for (const item of view.items) {
    const what = item.kind === 'milestone' ? `milestone  ${item.id ?? ''}  ${item.text}` : `checklist  ${item.text}`;
    lines.push(`  ${item.due}  ${item.overdue ? 'overdue' : '       '}  ${printable(what)}  ${printable(item.owner ?? '(no owner)')}  ${printable(view.fileOf(item.uri))}:${item.line + 1}`);
  }
  return neutraliseCommands(`${lines.join('\n')}\n`);
}

export interface OwnersView {
  entries: OwnerEntry[];
  owner?: string;
  fileOf(uri: string): string;
}

export function ownersJson(view: OwnersView): unknown {
  const item = (entry: OwnedItem) => ({
    id: entry.id ?? null,
    text: entry.text,
    program: entry.program ?? null,
    status: entry.status ?? null,
    open: entry.open,
    due: entry.due ?? null,
    file: view.fileOf(entry.uri),
    line: entry.line,
  });
  return {
    version: 1,
    owners: view.entries.map((entry) => ({
      owner: entry.owner,
      ...Object.fromEntries(OWNED_KINDS.map((kind) => [kind, entry[kind].map(item)])),
    })),
  };
}

const KIND_NOUNS: Record<OwnedKind, string> = { programs: 'program', teams: 'team', milestones: 'milestone', risks: 'risk', decisions: 'decision', checklist: 'checklist item' };

export function ownersText(view: OwnersView): string {
  if (view.entries.length === 0) return view.owner ? `${printable(view.owner)} owns nothing here.\n` : 'No owners found.\n';
  const lines: string[] = [];
  for (const entry of view.entries) {
    const counts = OWNED_KINDS.filter((kind) => entry[kind].length > 0).map((kind) => {
      const open = entry[kind].filter((item) => item.open).length;
      return `${plural(entry[kind].length, KIND_NOUNS[kind])} (${open} open)`;
    });
    lines.push(`${printable(entry.owner)}  ${counts.join(', ')}`);
    for (const kind of OWNED_KINDS) {
      if (entry[kind].length === 0) continue;
      lines.push(`  ${kind}`);
      for (const item of entry[kind]) {
        const parts = [item.open ? 'open  ' : 'closed', ...(item.id !== undefined ? [item.id] : []), ...(item.text !== item.id ? [item.text] : [])];
        if (item.status) parts.push(item.status);
        if (item.due) parts.push(`due ${item.due}`);
        lines.push(`    ${printable(parts.join('  '))}  ${printable(view.fileOf(item.uri))}:${item.line + 1}`);
      }
    }
    lines.push('');
  }
  return neutraliseCommands(`${lines.join('\n')}`);
}
