/**
 * Document and workspace symbols: a brief's program, its milestones, risks and decisions, and
 * its headings, as LSP symbols (an outline in any editor; "go to symbol in workspace" for
 * programs and milestones). Pure. Names are the ids and titles as written: plain text, which
 * LSP clients show as text.
 */
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { Brief, BriefWorkspace, FrontmatterItem } from '../core';

/** At most this many workspace symbols per request (a large workspace must not flood the client). */
export const WORKSPACE_SYMBOL_LIMIT = 500;

export function documentSymbols(brief: Brief): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (brief.isBrief && brief.program) {
    const range = brief.frontmatterRange ?? brief.program.range;
    const children = [
      ...group('Milestones', brief.milestones, SymbolKind.Event),
      ...group('Risks', brief.risks, SymbolKind.Object),
      ...group('Decisions', brief.decisions, SymbolKind.Boolean),
    ];
    symbols.push({
      name: brief.program.value,
      ...(brief.title && { detail: brief.title.value }),
      kind: SymbolKind.Module,
      range: cover(range, brief.program.range),
      selectionRange: brief.program.range,
      children,
    });
  }
  const lines = brief.headings.length > 0 ? brief.text.split('\n') : [];
  for (const heading of brief.headings) {
    const length = (lines[heading.line] ?? '').replace(/\r$/, '').length;
    const range: Range = { start: { line: heading.line, character: 0 }, end: { line: heading.line, character: length } };
    symbols.push({ name: heading.text || '(empty heading)', detail: '#'.repeat(heading.depth), kind: SymbolKind.String, range, selectionRange: range });
  }
  return symbols;
}

function group(name: string, items: readonly FrontmatterItem[], kind: SymbolKind): DocumentSymbol[] {
  const children = items.filter((item) => item.id).map((item) => {
    const selection = item.id!.range;
    return { name: item.id!.value, ...(item.title && { detail: item.title.value }), kind, range: cover(item.itemRange, selection), selectionRange: selection };
  });
  if (children.length === 0) return [];
  return [{ name, kind: SymbolKind.Namespace, range: children.reduce((range, child) => cover(range, child.range), children[0].range), selectionRange: children[0].selectionRange, children }];
}

/** The smallest range holding both (LSP wants `selectionRange` inside `range`). */
function cover(a: Range, b: Range): Range {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return { start: before(a.start, b.start) ? a.start : b.start, end: before(a.end, b.end) ? b.end : a.end };
}

/**
 * Programs and milestones whose id or title contains every character of `query` in order
 * (case-insensitive; the usual fuzzy match of "go to symbol"), programs first.
 */
export function workspaceSymbols(workspace: BriefWorkspace, query: string): SymbolInformation[] {
  const wanted = query.toLowerCase();
  const matches = (text: string | undefined) => text !== undefined && subsequence(wanted, text.toLowerCase());
  const programs: SymbolInformation[] = [];
  const milestones: SymbolInformation[] = [];
  for (const brief of workspace.briefs()) {
    const program = brief.program?.value;
    if (!program) continue;
    if (matches(program) || matches(brief.title?.value)) {
      programs.push({ name: program, kind: SymbolKind.Module, location: { uri: brief.uri, range: brief.program!.range }, ...(brief.title && { containerName: brief.title.value }) });
    }
    for (const milestone of brief.milestones) {
      if (!milestone.id || !(matches(milestone.id.value) || matches(milestone.title?.value) || matches(`${program}#${milestone.id.value}`))) continue;
      milestones.push({ name: `${program}#${milestone.id.value}`, kind: SymbolKind.Event, location: { uri: brief.uri, range: milestone.id.range }, ...(milestone.title && { containerName: milestone.title.value }) });
    }
  }
  return [...programs, ...milestones].slice(0, WORKSPACE_SYMBOL_LIMIT);
}

function subsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}
