/**
 * Completion in briefs: frontmatter keys at every level and enum values (status, likelihood,
 * impact, role), both read from the frontmatter schema (src/core/schemaCompletion.ts); program
 * and milestone references in `depends_on` and `[[wikilinks]]`, team ids in a milestone's
 * `team:`, and owner handles.
 */
import * as vscode from 'vscode';
import type { Brief, BriefWorkspace } from '../../core';
import { knownHandles } from '../../core/fixes';
import { schemaKeysFor, schemaValuesAt, type SchemaKey } from '../../core/schemaCompletion';
import type { BriefIndex } from '../briefIndex';
import { escapeMarkdown as escape, markdownCodeSpan, safeMarkdown } from '../plainText';
import { bodyPlaceAt, frontmatterKeyPlaceAt, frontmatterPlaceAt, type CompletionPlace, type KeyPlace } from './yamlContext';

export const COMPLETION_TRIGGERS = ['[', '#', '@', ' ', '"'];

/** Above this many milestones in the workspace, `program#milestone` items are offered only after a `#`. */
const MAX_EAGER_MILESTONES = 3000;

export class BriefCompletionProvider implements vscode.CompletionItemProvider {
  private handles: { version: number; list: string[] } | undefined;

  constructor(private readonly index: BriefIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const brief = this.index.briefOf(document);
    const keyPlace = keyPlaceAt(document, position);
    if (keyPlace) {
      const keys = schemaKeysFor(keyPlace);
      if (keys.length > 0) return keyItems(keys, new vscode.Range(position.line, keyPlace.start, position.line, position.character + tokenAfter(document, position).length));
    }
    const place = placeAt(document, position);
    if (!place) return undefined;
    const range = replaceRange(document, position, place);
    if (place.kind === 'wikilink') return this.references(brief, place.prefix, range, false);
    if (place.kind === 'handle') return this.handleItems(range, false);
    const parent = place.path.join('.');
    if ((place.key === 'depends_on' && place.inSequence && (parent === '' || parent === 'milestones'))
      || (place.key === 'ref' && (parent === 'depends_on' || parent === 'milestones.depends_on'))) {
      return this.references(brief, place.prefix, range, parent.startsWith('milestones'));
    }
    if (place.inSequence) return undefined;
    if ((place.key === 'owner' && ['', 'teams', 'milestones', 'risks', 'decisions'].includes(parent)) || (place.key === 'who' && parent === 'stakeholders')) {
      return this.handleItems(range, place.quote === undefined);
    }
    if (place.key === 'team' && parent === 'milestones') {
      return (brief?.teams ?? []).flatMap((team) => (team.id ? [item(team.id.value, vscode.CompletionItemKind.EnumMember, range, team.owner ? `owner ${team.owner.value}` : undefined)] : []));
    }
    const values = schemaValuesAt(place.path, place.key);
    return values?.map((value, i) => {
      const completion = item(value, vscode.CompletionItemKind.EnumMember, range);
      completion.sortText = String(i).padStart(2, '0');
      return completion;
    });
  }

  private handleItems(range: vscode.Range, quote: boolean): vscode.CompletionItem[] {
    const workspace = this.index.workspace;
    if (this.handles?.version !== workspace.version) this.handles = { version: workspace.version, list: knownHandles(workspace, this.index.config) };
    return this.handles.list.map((handle, i) => {
      const completion = item(handle, vscode.CompletionItemKind.User, range);
      completion.insertText = quote ? JSON.stringify(handle) : handle;
      completion.filterText = handle;
      completion.sortText = String(i).padStart(5, '0');
      return completion;
    });
  }

  private references(brief: Brief | undefined, prefix: string, range: vscode.Range, milestoneLevel: boolean): vscode.CompletionItem[] {
    const workspace = this.index.workspace;
    const self = brief?.program?.value;
    const items: vscode.CompletionItem[] = [];
    // In a milestone's depends_on, a bare id is a milestone of this brief first.
    if (milestoneLevel && brief) {
      for (const milestone of brief.milestones) {
        if (!milestone.id) continue;
        const completion = item(milestone.id.value, vscode.CompletionItemKind.Event, range, milestone.title?.value);
        completion.detail = 'milestone of this brief';
        completion.sortText = `0${milestone.id.value}`;
        items.push(completion);
      }
    }
    const hash = prefix.indexOf('#');
    const eager = hash < 0 && milestoneCount(workspace) <= MAX_EAGER_MILESTONES;
    for (const other of workspace.briefs()) {
      const program = other.program?.value;
      // Not the brief itself (its own milestones are offered by bare id above), nor a duplicate id.
      if (!program || program === self || workspace.program(program) !== other) continue;
      if (hash < 0) {
        const completion = item(program, vscode.CompletionItemKind.Module, range, other.title?.value);
        completion.documentation = describeProgram(other);
        completion.sortText = `1${program}`;
        items.push(completion);
      }
      if (!(eager || prefix.slice(0, hash) === program)) continue;
      for (const milestone of other.milestones) {
        if (!milestone.id) continue;
        const id = `${program}#${milestone.id.value}`;
        const completion = item(id, vscode.CompletionItemKind.Event, range, milestone.title?.value);
        completion.documentation = describeMilestone(other, milestone.id.value);
        completion.sortText = `2${id}`;
        items.push(completion);
      }
    }
    return items;
  }
}

/** `key: ` (then the values, for an enum), or `key:` and a first list item. */
function keyItems(keys: readonly SchemaKey[], range: vscode.Range): vscode.CompletionItem[] {
  return keys.map((key, i) => {
    const completion = item(key.key, vscode.CompletionItemKind.Property, range, key.required ? 'required' : undefined);
    completion.detail = key.shape === 'enum' ? key.values!.join(' | ') : undefined;
    completion.insertText = new vscode.SnippetString().appendText(key.key).appendText(
      key.shape === 'objectList' || key.shape === 'list' ? ':\n  - ' : key.shape === 'object' ? ':\n  ' : ': ',
    ).appendTabstop(0);
    if (key.shape === 'enum') completion.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
    // Required keys first, then the schema's order (the order of the spec's example).
    completion.sortText = `${key.required ? 0 : 1}${String(i).padStart(3, '0')}`;
    return completion;
  });
}

function item(label: string, kind: vscode.CompletionItemKind, range: vscode.Range, description?: string): vscode.CompletionItem {
  const completion = new vscode.CompletionItem(description ? { label, description } : label, kind);
  completion.range = range;
  return completion;
}

function milestoneCount(workspace: BriefWorkspace): number {
  let count = 0;
  for (const brief of workspace.briefs()) count += brief.milestones.length;
  return count;
}

export function describeProgram(brief: Brief): vscode.MarkdownString {
  const lines = [`**${escape(brief.title?.value ?? brief.program?.value ?? '')}** ${markdownCodeSpan(brief.program?.value ?? '')}`, ''];
  const facts = [
    ['Owner', brief.owner?.value], ['Status', brief.status?.value], ['Target', brief.target?.value],
  ].filter(([, value]) => value).map(([name, value]) => `${name}: ${escape(value!)}`);
  if (facts.length > 0) lines.push(facts.join(' · '));
  if (brief.summary) lines.push('', escape(brief.summary));
  return safeMarkdown(lines.join('\n'));
}

export function describeMilestone(brief: Brief, id: string): vscode.MarkdownString {
  const milestone = brief.milestones.find((m) => m.id?.value === id);
  const lines = [`**${escape(milestone?.title?.value ?? id)}** ${markdownCodeSpan(`${brief.program?.value ?? ''}#${id}`)}`, ''];
  const facts = [
    ['Owner', milestone?.owner?.value], ['Status', milestone?.status?.value], ['Due', milestone?.due?.value], ['Team', milestone?.team?.value],
  ].filter(([, value]) => value).map(([name, value]) => `${name}: ${escape(value!)}`);
  if (facts.length > 0) lines.push(facts.join(' · '));
  lines.push('', `Milestone of ${escape(brief.title?.value ?? brief.program?.value ?? '')}`);
  return safeMarkdown(lines.join('\n'));
}


/** The completion place at a position: in the frontmatter by YAML structure, in the body by the line's text. */
function placeAt(document: vscode.TextDocument, position: vscode.Position): CompletionPlace | undefined {
  const lineText = document.lineAt(position.line).text;
  const fence = frontmatterLines(document);
  if (fence && position.line > fence.start && position.line < fence.end) {
    const lines: string[] = [];
    for (let line = fence.start + 1; line <= position.line; line++) lines.push(document.lineAt(line).text);
    return frontmatterPlaceAt(lines, lines.length - 1, position.character);
  }
  if (fence && position.line <= fence.end) return undefined;
  return bodyPlaceAt(lineText.slice(0, position.character));
}

/** The frontmatter key typed at a position, if a key is typed there. */
function keyPlaceAt(document: vscode.TextDocument, position: vscode.Position): KeyPlace | undefined {
  const fence = frontmatterLines(document);
  if (!fence || position.line <= fence.start || position.line >= fence.end) return undefined;
  const lines: string[] = [];
  for (let line = fence.start + 1; line < fence.end; line++) lines.push(document.lineAt(line).text);
  return frontmatterKeyPlaceAt(lines, position.line - fence.start - 1, position.character);
}

function tokenAfter(document: vscode.TextDocument, position: vscode.Position): string {
  return /^[A-Za-z0-9#@._/-]*/.exec(document.lineAt(position.line).text.slice(position.character))![0];
}

/** Lines of the opening and closing `---` (the closing one past the end while it is not typed yet). */
function frontmatterLines(document: vscode.TextDocument): { start: number; end: number } | undefined {
  if (document.lineCount === 0 || !/^---[ \t]*$/.test(document.lineAt(0).text)) return undefined;
  for (let line = 1; line < document.lineCount; line++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(document.lineAt(line).text)) return { start: 0, end: line };
  }
  return { start: 0, end: document.lineCount };
}

/** From the start of the value typed so far to the end of the token under the cursor. */
function replaceRange(document: vscode.TextDocument, position: vscode.Position, place: CompletionPlace): vscode.Range {
  return new vscode.Range(position.line, place.start, position.line, position.character + tokenAfter(document, position).length);
}
