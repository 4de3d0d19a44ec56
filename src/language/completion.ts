/**
 * Completion in briefs, as LSP data: frontmatter keys at every level and enum values (status,
 * likelihood, impact, role), both read from the frontmatter schema (src/core/model/schemaCompletion.ts);
 * program and milestone references in `depends_on` and `[[wikilinks]]`, team ids in a
 * milestone's `team:`, and owner handles. Pure: works on the document's lines and the workspace
 * model, so it keeps working while the YAML is half typed. The language server answers with it,
 * VS Code included (its extension is a client of the server). Documentation is
 * escaped Markdown.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { type Brief, type BriefWorkspace, escapeSnippet, type Position, type SchemaKey, schemaKeysFor, schemaValuesAt } from '../core';
import { milestoneMarkdown, programMarkdown } from './navigation';
import { bodyPlaceAt, frontmatterKeyPlaceAt, frontmatterPlaceAt, type CompletionPlace, type KeyPlace } from './yamlContext';

export const COMPLETION_TRIGGERS = ['[', '#', '@', ' ', '"'];

/** Above this many milestones in the workspace, `program#milestone` items are offered only after a `#`. */
const MAX_EAGER_MILESTONES = 3000;

export interface CompletionContext {
  workspace: BriefWorkspace;
  /** The handles the workspace uses, most used first (hosts cache it per workspace version). */
  handles(): readonly string[];
  /** The brief being edited, if it is one (its own milestones come first in a milestone's depends_on). */
  brief: Brief | undefined;
  /** The document's lines (without line ends). */
  lines: readonly string[];
  /**
   * A command that opens the suggestions again, run after an enum key is inserted so its values
   * show at once (VS Code's `editor.action.triggerSuggest`); none for clients without one.
   */
  retriggerCommand?: string;
}

export function completionsAt(context: CompletionContext, position: Position): CompletionItem[] | undefined {
  const { lines, brief } = context;
  if (position.line >= lines.length) return undefined;
  const line = lines[position.line];
  const keyPlace = keyPlaceAt(lines, position);
  if (keyPlace) {
    const keys = schemaKeysFor(keyPlace);
    const range = { start: { line: position.line, character: keyPlace.start }, end: { line: position.line, character: position.character + tokenAfter(line, position).length } };
    if (keys.length > 0) return keyItems(keys, range, context.retriggerCommand);
  }
  const place = placeAt(lines, position);
  if (!place) return undefined;
  const range = { start: { line: position.line, character: place.start }, end: { line: position.line, character: position.character + tokenAfter(line, position).length } };
  if (place.kind === 'wikilink') return references(context, place.prefix, range, false);
  if (place.kind === 'handle') return handleItems(context, range, false);
  const parent = place.path.join('.');
  if ((place.key === 'depends_on' && place.inSequence && (parent === '' || parent === 'milestones'))
    || (place.key === 'ref' && (parent === 'depends_on' || parent === 'milestones.depends_on'))) {
    return references(context, place.prefix, range, parent.startsWith('milestones'));
  }
  if (place.inSequence) return undefined;
  if ((place.key === 'owner' && ['', 'teams', 'milestones', 'risks', 'decisions'].includes(parent)) || (place.key === 'who' && parent === 'stakeholders')) {
    return handleItems(context, range, place.quote === undefined);
  }
  if (place.key === 'team' && parent === 'milestones') {
    return (brief?.teams ?? []).flatMap((team) => (team.id ? [item(team.id.value, CompletionItemKind.EnumMember, range, team.owner ? `owner ${team.owner.value}` : undefined)] : []));
  }
  return schemaValuesAt(place.path, place.key)?.map((value, i) => ({ ...item(value, CompletionItemKind.EnumMember, range), sortText: String(i).padStart(2, '0') }));
}

/** `key: ` (then the values, for an enum), or `key:` and a first list item, as a snippet ending where typing goes on. */
function keyItems(keys: readonly SchemaKey[], range: Range, retriggerCommand: string | undefined): CompletionItem[] {
  return keys.map((key, i) => {
    const after = key.shape === 'objectList' || key.shape === 'list' ? ':\n  - ' : key.shape === 'object' ? ':\n  ' : ': ';
    const completion: CompletionItem = {
      ...item(key.key, CompletionItemKind.Property, range, key.required ? 'required' : undefined),
      textEdit: { range, newText: `${escapeSnippet(key.key)}${after}$0` },
      insertTextFormat: InsertTextFormat.Snippet,
      // Required keys first, then the schema's order (the order of the spec's example).
      sortText: `${key.required ? 0 : 1}${String(i).padStart(3, '0')}`,
    };
    if (key.shape === 'enum') completion.detail = key.values!.join(' | ');
    if (key.shape === 'enum' && retriggerCommand) completion.command = { title: 'Suggest values', command: retriggerCommand };
    return completion;
  });
}

function handleItems(context: CompletionContext, range: Range, quote: boolean): CompletionItem[] {
  return context.handles().map((handle, i) => ({
    ...item(handle, CompletionItemKind.Reference, range),
    textEdit: { range, newText: quote ? JSON.stringify(handle) : handle },
    filterText: handle,
    sortText: String(i).padStart(5, '0'),
  }));
}

function references(context: CompletionContext, prefix: string, range: Range, milestoneLevel: boolean): CompletionItem[] {
  const { workspace, brief } = context;
  const self = brief?.program?.value;
  const items: CompletionItem[] = [];
  // In a milestone's depends_on, a bare id is a milestone of this brief first.
  if (milestoneLevel && brief) {
    for (const milestone of brief.milestones) {
      if (!milestone.id) continue;
      items.push({ ...item(milestone.id.value, CompletionItemKind.Event, range, milestone.title?.value), detail: 'milestone of this brief', sortText: `0${milestone.id.value}` });
    }
  }
  const hash = prefix.indexOf('#');
  const eager = hash < 0 && milestoneCount(workspace) <= MAX_EAGER_MILESTONES;
  for (const other of workspace.briefs()) {
    const program = other.program?.value;
    // Not the brief itself (its own milestones are offered by bare id above), nor a duplicate id.
    if (!program || program === self || workspace.program(program) !== other) continue;
    if (hash < 0) {
      items.push({ ...item(program, CompletionItemKind.Module, range, other.title?.value), documentation: { kind: 'markdown', value: programMarkdown(other) }, sortText: `1${program}` });
    }
    if (!(eager || prefix.slice(0, hash) === program)) continue;
    for (const milestone of other.milestones) {
      if (!milestone.id) continue;
      const id = `${program}#${milestone.id.value}`;
      items.push({ ...item(id, CompletionItemKind.Event, range, milestone.title?.value), documentation: { kind: 'markdown', value: milestoneMarkdown(other, milestone.id.value) }, sortText: `2${id}` });
    }
  }
  return items;
}

function item(label: string, kind: CompletionItemKind, range: Range, description?: string): CompletionItem {
  return { label, kind, textEdit: { range, newText: label }, ...(description && { labelDetails: { description } }) };
}

function milestoneCount(workspace: BriefWorkspace): number {
  let count = 0;
  for (const brief of workspace.briefs()) count += brief.milestones.length;
  return count;
}

/** The completion place at a position: in the frontmatter by YAML structure, in the body by the line's text. */
function placeAt(lines: readonly string[], position: Position): CompletionPlace | undefined {
  const fence = frontmatterLines(lines);
  if (fence && position.line > fence.start && position.line < fence.end) {
    return frontmatterPlaceAt(lines.slice(fence.start + 1, position.line + 1), position.line - fence.start - 1, position.character);
  }
  if (fence && position.line <= fence.end) return undefined;
  return bodyPlaceAt(lines[position.line].slice(0, position.character));
}

/** The frontmatter key typed at a position, if a key is typed there. */
function keyPlaceAt(lines: readonly string[], position: Position): KeyPlace | undefined {
  const fence = frontmatterLines(lines);
  if (!fence || position.line <= fence.start || position.line >= fence.end) return undefined;
  return frontmatterKeyPlaceAt(lines.slice(fence.start + 1, fence.end), position.line - fence.start - 1, position.character);
}

/** Lines of the opening and closing `---` (the closing one past the end while it is not typed yet). */
function frontmatterLines(lines: readonly string[]): { start: number; end: number } | undefined {
  if (lines.length === 0 || !/^(\uFEFF)?---[ \t]*$/.test(lines[0])) return undefined;
  for (let line = 1; line < lines.length; line++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[line])) return { start: 0, end: line };
  }
  return { start: 0, end: lines.length };
}

/** The rest of the token under the cursor (replaced along with what was typed). */
function tokenAfter(line: string, position: Position): string {
  return /^[A-Za-z0-9#@._/-]*/.exec(line.slice(position.character))![0];
}
