/** Hover, go to definition and find references for program and milestone ids, across briefs. */
import * as vscode from 'vscode';
import type { BriefIndex } from '../briefIndex';
import { fromVsPosition, toVsLocation, toVsRange } from '../convert';
import { escapeMarkdown, markdownCodeSpan, safeMarkdown } from '../plainText';
import { milestoneMarkdown, programMarkdown } from '../../language/navigation';
import { definitionOf, referencesTo, symbolAt, type SymbolAt } from '../../language/symbols';

export class BriefNavigationProvider implements vscode.HoverProvider, vscode.DefinitionProvider, vscode.ReferenceProvider {
  constructor(private readonly index: BriefIndex) {}

  private symbol(document: vscode.TextDocument, position: vscode.Position): SymbolAt | undefined {
    const brief = this.index.briefOf(document);
    return brief?.isBrief ? symbolAt(this.index.workspace, brief, fromVsPosition(position)) : undefined;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const symbol = this.symbol(document, position);
    if (!symbol || symbol.declaration) return undefined;
    const definition = definitionOf(this.index.workspace, symbol.target);
    const range = toVsRange(symbol.range);
    const written = symbol.target.milestone !== undefined ? `${symbol.target.program}#${symbol.target.milestone}` : symbol.target.program;
    if (!definition) {
      return new vscode.Hover(safeMarkdown(`No brief in the workspace defines ${markdownCodeSpan(written)}.`), range);
    }
    const content = safeMarkdown(symbol.target.milestone !== undefined ? milestoneMarkdown(definition.brief, symbol.target.milestone) : programMarkdown(definition.brief));
    // The path is the workspace's (a folder may be named like Markdown): text only.
    content.appendMarkdown(`\n\n${escapeMarkdown(vscode.workspace.asRelativePath(vscode.Uri.parse(definition.uri)))}`);
    return new vscode.Hover(content, range);
  }

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.DefinitionLink[] | undefined {
    const symbol = this.symbol(document, position);
    const definition = symbol && definitionOf(this.index.workspace, symbol.target);
    if (!symbol || !definition) return undefined;
    return [{ originSelectionRange: toVsRange(symbol.range), targetUri: vscode.Uri.parse(definition.uri), targetRange: toVsRange(definition.range) }];
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const symbol = this.symbol(document, position);
    if (!symbol) return undefined;
    const workspace = this.index.workspace;
    const places = referencesTo(workspace, symbol.target);
    if (context.includeDeclaration) {
      const definition = definitionOf(workspace, symbol.target);
      if (definition) places.unshift(definition);
    }
    return places.map((place) => toVsLocation(place.uri, place.range));
  }
}
