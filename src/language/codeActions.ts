/**
 * Quick fixes as LSP code actions: text edits (and, for a stub brief, a file creation), computed
 * by src/core/fixes on the text the diagnostic was linted from. An action is offered only for a
 * diagnostic the server itself finds now at that range (the client's copy is only a pointer),
 * and only while the fix's guards hold on the current text, so a fix never lands on text that
 * moved or changed. Pure: the host says which file names are free.
 */
import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { addDependencyFix, addMilestoneFix, addTeamFix, type Brief, type BriefsConfig, briefText, type BriefWorkspace, type Diagnostic, disableForFileFix, disableForLineFix, type Fix, guardsHold, humanize, knownHandles, LineIndex, type Range, replaceValueFix, setOwnerFix, setStatusFix, SUPPRESSION_INVALID } from '../core';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** How many known handles "Set owner to …" offers (most used first). */
export const OWNER_CHOICES = 5;

export interface CodeActionHost {
  workspace: BriefWorkspace;
  config: BriefsConfig;
  /** The diagnostics the server finds in `brief` now. */
  diagnosticsOf(brief: Brief): readonly Diagnostic[];
  /** A free uri for a new brief `<id>.md` beside `nearUri` (`<id>-2.md`… when taken), if any. */
  freeBriefUri(nearUri: string, id: string): string | undefined;
  /** Whether the client can apply a file creation in a workspace edit. */
  canCreateFiles: boolean;
  /** A uri as the user reads it (relative to its folder). */
  relativePath(uri: string): string;
}

export function codeActionsFor(host: CodeActionHost, brief: Brief, requested: readonly LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const current = host.diagnosticsOf(brief);
  for (const diagnostic of requested) {
    // The client's copy is only a pointer, and may be malformed: it must name one of ours.
    if (diagnostic?.source !== DIAGNOSTIC_SOURCE || !isRange(diagnostic.range)) continue;
    const found = current.find((d) => d.rule === String(diagnostic.code) && sameRange(d.range, diagnostic.range));
    if (found) actions.push(...actionsFor(host, brief, diagnostic, found));
  }
  return actions;
}

function actionsFor(host: CodeActionHost, brief: Brief, diagnostic: LspDiagnostic, found: Diagnostic): CodeAction[] {
  const editAction = (title: string, fix: Fix | undefined, preferred = false): CodeAction[] => {
    if (!fix || !guardsHold(brief.text, fix.guards)) return [];
    return [{ title, kind: 'quickfix', diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [brief.uri]: fix.edits.map(toTextEdit) } } }];
  };
  return [...ruleActions(host, brief, diagnostic, found, editAction), ...suppressionActions(brief, found, editAction)];
}

type EditAction = (title: string, fix: Fix | undefined, preferred?: boolean) => CodeAction[];

/**
 * "Disable `rule` for this line" / "for this file", after the rule's own fixes: a suppression
 * comment in the syntax of where the diagnostic is (docs/rules/README.md#suppressions). Not for
 * `suppression-invalid`, which no suppression hides.
 */
function suppressionActions(brief: Brief, found: Diagnostic, editAction: EditAction): CodeAction[] {
  if (found.rule === SUPPRESSION_INVALID) return [];
  const line = found.range.start.line;
  return [
    ...editAction(`Disable \`${found.rule}\` for this line`, disableForLineFix(brief, found.rule, line)),
    ...editAction(`Disable \`${found.rule}\` for this file`, disableForFileFix(brief, found.rule, line)),
  ];
}

function ruleActions(host: CodeActionHost, brief: Brief, diagnostic: LspDiagnostic, found: Diagnostic, editAction: EditAction): CodeAction[] {
  const data = found.data ?? {};
  switch (found.rule) {
    case 'owner-missing': {
      // No picker over LSP: one action per handle the workspace already uses.
      const path = data.path as (string | number)[] | undefined;
      if (!path) return [];
      return knownHandles(host.workspace, host.config).slice(0, OWNER_CHOICES)
        .flatMap((handle, i) => editAction(`Set owner to ${handle}`, setOwnerFix(brief.text, path, handle), i === 0));
    }
    case 'dependency-undeclared': {
      const program = data.program as string;
      return editAction(`Declare \`${program}\` in depends_on`, addDependencyFix(brief.text, program), true);
    }
    case 'team-undeclared': {
      const team = data.team as string;
      const milestone = brief.milestones.find((m) => m.team && sameRange(m.team.range, found.range));
      return editAction(`Add team \`${team}\` to teams`, addTeamFix(brief.text, team, milestone?.owner?.value ?? brief.owner?.value), true);
    }
    case 'dependency-unknown':
      return unknownDependencyActions(host, brief, diagnostic, data.program as string, data.milestone as string | undefined);
    case 'schema': {
      const allowed = data.allowedValues as string[] | undefined;
      if (!allowed) return [];
      const current = textAt(brief.text, found.range).replace(/^["']|["']$/g, '');
      const ranked = [...allowed].sort((a, b) => editDistance(current, a) - editDistance(current, b));
      return ranked.flatMap((value, i) => editAction(`Change to \`${value}\``, replaceValueFix(brief.text, found.range, value), i === 0 && editDistance(current, value) <= 3));
    }
    case 'status-optimistic': {
      const statuses = (data.statuses as string[] | undefined) ?? [];
      return statuses.flatMap((status, i) => editAction(`Set status to \`${status}\``, setStatusFix(brief.text, found.range, status), i === 0));
    }
    default:
      return [];
  }
}

function unknownDependencyActions(host: CodeActionHost, brief: Brief, diagnostic: LspDiagnostic, program: string, milestone: string | undefined): CodeAction[] {
  const target = host.workspace.program(program);
  if (target && milestone !== undefined) {
    // The program exists: declare the milestone in its brief (guarded against that file's text).
    const fix = addMilestoneFix(target.text, milestone);
    if (!fix || !guardsHold(target.text, fix.guards)) return [];
    return [{ title: `Add milestone \`${milestone}\` to \`${program}\``, kind: 'quickfix', diagnostics: [diagnostic], edit: { changes: { [target.uri]: fix.edits.map(toTextEdit) } } }];
  }
  if (target || !host.canCreateFiles) return [];
  const uri = host.freeBriefUri(brief.uri, program);
  if (!uri) return [];
  const text = briefText({
    program,
    title: humanize(program),
    milestones: milestone !== undefined ? [milestone] : [],
    summary: `Stub created because ${brief.program?.value ?? 'another program'} depends on it; fill in or replace.`,
    eol: brief.text.includes('\r\n') ? '\r\n' : '\n',
  });
  // Create (never over an existing file), then insert: one workspace edit, undoable as one.
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ],
  };
  return [{ title: `Create a stub brief for \`${program}\` (${host.relativePath(uri)})`, kind: 'quickfix', diagnostics: [diagnostic], edit }];
}

function toTextEdit(edit: { range: Range; newText: string }): TextEdit {
  return { range: edit.range, newText: edit.newText };
}

function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

function isRange(value: unknown): value is Range {
  const isPosition = (p: unknown) => typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return typeof value === 'object' && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Edit distance, to put the likeliest allowed value first. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
