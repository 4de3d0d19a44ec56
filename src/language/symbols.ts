/**
 * What a position in a brief names (a program or a milestone, declared or referenced), where
 * that is defined and where it is referenced. Pure (no vscode import): unit-testable, and the
 * same answers serve hover, go to definition and find references.
 */
import { type Brief, type BriefWorkspace, comparePositions, dependencyEntries, type Position, type Range } from '../core';

export interface Target {
  program: string;
  milestone?: string;
}

export interface SymbolAt {
  target: Target;
  /** The part of the text that names it (the program part or the milestone part of `a#b`). */
  range: Range;
  declaration: boolean;
}

export interface Place {
  uri: string;
  range: Range;
}

export function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/**
 * Splits a written reference `program#milestone` at its range into the program part and the
 * milestone part; the position decides which one is meant.
 */
function partAt(written: string, range: Range, target: Target, position: Position): SymbolAt {
  const hash = written.indexOf('#');
  // A one-line value; quoted values (`"a#b"`) start one character later.
  const quoted = range.end.character - range.start.character === written.length + 2 ? 1 : 0;
  if (hash < 0 || range.start.line !== range.end.line) {
    return { target, range, declaration: false };
  }
  const hashChar = range.start.character + quoted + hash;
  const line = range.start.line;
  if (position.character <= hashChar) {
    return { target: { program: target.program }, range: { start: { line, character: range.start.character + quoted }, end: { line, character: hashChar } }, declaration: false };
  }
  return { target, range: { start: { line, character: hashChar + 1 }, end: { line, character: range.end.character - quoted } }, declaration: false };
}

export function symbolAt(workspace: BriefWorkspace, brief: Brief, position: Position): SymbolAt | undefined {
  const self = brief.program?.value;
  if (brief.program && contains(brief.program.range, position)) {
    return { target: { program: brief.program.value }, range: brief.program.range, declaration: true };
  }
  for (const milestone of brief.milestones) {
    if (self && milestone.id && contains(milestone.id.range, position)) {
      return { target: { program: self, milestone: milestone.id.value }, range: milestone.id.range, declaration: true };
    }
  }
  for (const { entry } of dependencyEntries(brief)) {
    if (!contains(entry.range, position)) continue;
    const program = entry.program || self;
    if (!program) return undefined;
    const target = { program, milestone: entry.milestone };
    // A bare id naming a milestone of this brief: the whole value is the milestone.
    if (entry.milestone !== undefined && !entry.written.includes('#')) return { target, range: entry.range, declaration: false };
    return partAt(entry.written, entry.range, target, position);
  }
  for (const reference of brief.bodyReferences) {
    if (!contains(reference.range, position)) continue;
    if (reference.kind === 'wikilink' && reference.program) {
      const written = reference.milestone !== undefined ? `${reference.program}#${reference.milestone}` : reference.program;
      return partAt(written, reference.range, { program: reference.program, milestone: reference.milestone }, position);
    }
    const linked = reference.target ? workspace.briefAtLink(brief.uri, reference.target) : undefined;
    if (linked?.program) return { target: { program: linked.program.value }, range: reference.range, declaration: false };
  }
  return undefined;
}

/** Where a program (its `program:` value) or a milestone (its `id:` value) is defined. */
export function definitionOf(workspace: BriefWorkspace, target: Target): (Place & { brief: Brief }) | undefined {
  if (target.milestone !== undefined) {
    const found = workspace.milestone(target.program, target.milestone);
    return found?.milestone.id && { uri: found.brief.uri, range: found.milestone.id.range, brief: found.brief };
  }
  const brief = workspace.program(target.program);
  return brief?.program && { uri: brief.uri, range: brief.program.range, brief };
}

/**
 * Every place that references a program or a milestone: `depends_on` entries (top-level and
 * milestone level), `[[wikilinks]]`, and for a program also Markdown links to its file. A
 * reference to `a#b` counts as a reference to program `a` too (its program part).
 */
export function referencesTo(workspace: BriefWorkspace, target: Target): Place[] {
  const places: Place[] = [];
  const candidates = new Set<Brief>(workspace.dependentsOf(target.program));
  for (const brief of workspace.briefsOf(target.program)) candidates.add(brief);
  const definition = workspace.program(target.program);
  const matches = (program: string, milestone: string | undefined) =>
    program === target.program && (target.milestone === undefined || milestone === target.milestone);
  const push = (uri: string, written: string, range: Range, program: string, milestone: string | undefined) => {
    if (!matches(program, milestone)) return;
    if (written.includes('#') && range.start.line === range.end.line) {
      const part = partAt(written, range, { program, milestone }, target.milestone === undefined ? range.start : range.end);
      places.push({ uri, range: part.range });
    } else {
      places.push({ uri, range });
    }
  };
  for (const brief of workspace.briefs()) {
    if (candidates.has(brief)) {
      for (const { entry } of dependencyEntries(brief)) {
        // A bare milestone id of the same brief names the milestone, not (in writing) the program.
        if (target.milestone === undefined && entry.milestone !== undefined && !entry.written.includes('#')) continue;
        push(brief.uri, entry.written, entry.range, entry.program || (brief.program?.value ?? ''), entry.milestone);
      }
    }
    for (const reference of brief.bodyReferences) {
      if (reference.kind === 'wikilink') {
        if (!reference.program || !candidates.has(brief)) continue;
        const written = reference.milestone !== undefined ? `${reference.program}#${reference.milestone}` : reference.program;
        push(brief.uri, written, reference.range, reference.program, reference.milestone);
      } else if (target.milestone === undefined && definition && reference.target) {
        if (workspace.briefAtLink(brief.uri, reference.target) === definition) places.push({ uri: brief.uri, range: reference.range });
      }
    }
  }
  return places;
}
