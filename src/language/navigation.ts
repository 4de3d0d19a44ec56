/**
 * Hover, go to definition and find references for program and milestone ids, across briefs, as
 * LSP data. Pure: the server (and through it every editor) answers with these. Workspace text in
 * a hover is escaped Markdown (docs/security.md): a title or a folder name is never a link.
 */
import type { Hover, Location, LocationLink } from 'vscode-languageserver-types';
import { type Brief, type BriefWorkspace, escapeMarkdown, markdownCodeSpan, type Position } from '../core';
import { scheduleMarkdown, scheduleNodeAt, type ScheduleFacts } from './schedule';
import { definitionOf, referencesTo, symbolAt } from './symbols';

/** A program's hover text: title, id, owner, status, target, summary. */
export function programMarkdown(brief: Brief): string {
  const lines = [`**${escapeMarkdown(brief.title?.value ?? brief.program?.value ?? '')}** ${markdownCodeSpan(brief.program?.value ?? '')}`, ''];
  const facts = factLine([['Owner', brief.owner?.value], ['Status', brief.status?.value], ['Target', brief.target?.value]]);
  if (facts) lines.push(facts);
  if (brief.summary) lines.push('', escapeMarkdown(brief.summary));
  return lines.join('\n');
}

/** A milestone's hover text: title, `program#id`, owner, status, due, team, and whose it is. */
export function milestoneMarkdown(brief: Brief, id: string): string {
  const milestone = brief.milestones.find((m) => m.id?.value === id);
  const lines = [`**${escapeMarkdown(milestone?.title?.value ?? id)}** ${markdownCodeSpan(`${brief.program?.value ?? ''}#${id}`)}`, ''];
  const facts = factLine([['Owner', milestone?.owner?.value], ['Status', milestone?.status?.value], ['Due', milestone?.due?.value], ['Team', milestone?.team?.value]]);
  if (facts) lines.push(facts);
  lines.push('', `Milestone of ${escapeMarkdown(brief.title?.value ?? brief.program?.value ?? '')}`);
  return lines.join('\n');
}

function factLine(pairs: [string, string | undefined][]): string {
  return pairs.filter(([, value]) => value).map(([name, value]) => `${name}: ${escapeMarkdown(value!)}`).join(' · ');
}

/**
 * The hover on a reference: what it names, and the file defining it, shown as `relativePath`
 * gives it (the host knows the workspace's folders). With the schedule (`schedule`), a
 * milestone or program also gets its schedule facts and driving chain ("explain this date",
 * docs/schedule.md), and so do a milestone's own `id` and `due` values.
 */
export function hoverAt(workspace: BriefWorkspace, brief: Brief, position: Position, relativePath: (uri: string) => string, schedule?: ScheduleFacts): Hover | undefined {
  const symbol = symbolAt(workspace, brief, position);
  const node = schedule ? scheduleNodeAt(workspace, brief, position) : undefined;
  const facts = schedule && node ? scheduleMarkdown(schedule, node.id) : undefined;
  if (node?.declaration) {
    // A milestone's own `id` or `due`: what it is and its schedule (a program's own line has its code lens).
    const hash = node.id.indexOf('#');
    if (hash < 0 || !facts) return undefined;
    return { contents: { kind: 'markdown', value: `${milestoneMarkdown(brief, node.id.slice(hash + 1))}\n\n${facts}` }, range: node.range };
  }
  if (!symbol || symbol.declaration) return undefined;
  const written = symbol.target.milestone !== undefined ? `${symbol.target.program}#${symbol.target.milestone}` : symbol.target.program;
  const definition = definitionOf(workspace, symbol.target);
  const value = !definition
    ? `No brief in the workspace defines ${markdownCodeSpan(written)}.`
    : `${symbol.target.milestone !== undefined ? milestoneMarkdown(definition.brief, symbol.target.milestone) : programMarkdown(definition.brief)}${facts ? `\n\n${facts}` : ''}\n\n${escapeMarkdown(relativePath(definition.uri))}`;
  return { contents: { kind: 'markdown', value }, range: symbol.range };
}

export function definitionAt(workspace: BriefWorkspace, brief: Brief, position: Position): LocationLink[] | undefined {
  const symbol = symbolAt(workspace, brief, position);
  const definition = symbol && definitionOf(workspace, symbol.target);
  if (!symbol || !definition) return undefined;
  return [{ originSelectionRange: symbol.range, targetUri: definition.uri, targetRange: definition.range, targetSelectionRange: definition.range }];
}

export function referencesAt(workspace: BriefWorkspace, brief: Brief, position: Position, includeDeclaration: boolean): Location[] | undefined {
  const symbol = symbolAt(workspace, brief, position);
  if (!symbol) return undefined;
  const places = referencesTo(workspace, symbol.target);
  if (includeDeclaration) {
    const definition = definitionOf(workspace, symbol.target);
    if (definition) places.unshift(definition);
  }
  return places.map((place) => ({ uri: place.uri, range: place.range }));
}
