/** Reads a brief's Markdown body: headings, references to other briefs, checklist items. */
import type { Root, RootContent, Nodes } from 'mdast';
import type { BodyReference, Heading } from '../model/model';
import { checklistItemAt, startsWithObsidianCheckbox, type ChecklistItem } from './checklist';
import { type LineIndex, range } from '../model/range';
import { ID_PATTERN } from '../model/schema';
import { exactly } from '../model/exactly';
import { intern } from '../model/intern';

export interface BodyReading {
  headings: Heading[];
  bodyReferences: BodyReference[];
  checklist: ChecklistItem[];
}

/** Heading texts (case-insensitive) that open the Dependencies section. */
const DEPENDENCY_HEADINGS = new Set(['dependencies', 'depends on', 'upstream', 'blocked by']);
const WIKILINK = /\[\[([^[\]|#\r\n]+)(?:#([^[\]|\r\n]+))?(?:\|[^[\]\r\n]*)?\]\]/g;

/**
 * What the body's Markdown structure contributes, before references and checklist items are
 * read from it: from a remark syntax tree (`collectFromTree`) or from the fast line scanner
 * (`scanBody` in ./fastBody), which must agree exactly.
 */
export interface BodyStructure {
  /** In document order. */
  headings: Heading[];
  /** Links to other briefs' files, in document order (offsets into the whole text). */
  links: { url: string; start: number; end: number }[];
  /** Code blocks, inline code and HTML: [start, end) offsets where wikilinks do not count. */
  excluded: [number, number][];
  /**
   * Task list items, in document order: the offset of the list item, its nesting depth, and the
   * index in `tasks` of the task item it is nested in (-1 for none).
   */
  tasks: TaskStructure[];
  /** HTML nodes that may be suppression comments (they mention `brief-`): their text and start offset. */
  comments: { html: string; start: number }[];
}

export interface TaskStructure {
  start: number;
  depth: number;
  parent: number;
}

export function readBody(tree: Root, lines: LineIndex, bodyStart: number): BodyReading {
  return finishBody(collectFromTree(tree, lines), lines, bodyStart);
}

export function collectFromTree(tree: Root, lines: LineIndex): BodyStructure {
  const headings: Heading[] = [];
  const links: { url: string; start: number; end: number }[] = [];
  const excluded: [number, number][] = [];
  const tasks: TaskStructure[] = [];
  const comments: { html: string; start: number }[] = [];

  /** Reads one node; returns the list depth of its children, or undefined not to descend. */
  const visit = (node: Nodes, listDepth: number, parentTask: number): number | undefined => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'yaml':
        return undefined;
      case 'heading':
        if (start !== undefined && end !== undefined) {
          const line = lines.positionAt(start).line;
          headings.push({ text: plainText(node).trim(), depth: node.depth, line, range: lines.rangeOf(start, end) });
        }
        break;
      case 'code':
      case 'inlineCode':
      case 'html':
        if (node.type === 'html' && start !== undefined && node.value.includes('brief-')) comments.push({ html: node.value, start });
        if (start !== undefined && end !== undefined) excluded.push([start, end]);
        return undefined;
      case 'link':
        if (start !== undefined && end !== undefined && isBriefLink(node.url)) links.push({ url: node.url, start, end });
        break;
      case 'listItem':
        if (start !== undefined && (typeof node.checked === 'boolean' || isObsidianTask(node, lines.text))) tasks.push({ start, depth: listDepth, parent: parentTask });
        return listDepth + 1;
    }
    return listDepth;
  };
  // Depth-first in document order with an explicit stack, not recursion: hostile Markdown can nest
  // thousands of levels deep, more than the call stack holds.
  const stack: [Nodes, number, number][] = [[tree, 0, -1]];
  while (stack.length > 0) {
    const [node, listDepth, parentTask] = stack.pop()!;
    const taskCount = tasks.length;
    const childDepth = visit(node, listDepth, parentTask);
    if (childDepth === undefined || !('children' in node)) continue;
    // The children of a task item are nested in it; other nodes pass their enclosing task on.
    const childParent = tasks.length > taskCount ? taskCount : parentTask;
    const children = node.children as RootContent[];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], childDepth, childParent]);
  }
  return { headings, links, excluded, tasks, comments };
}

/**
 * A list item GFM does not read as a task but Obsidian Tasks does: its first paragraph opens with
 * `[/]` (in progress) or `[-]` (cancelled), as `[ ]` would open a task (./checklist.ts). Read from
 * the source, as the fast scanner reads it, whatever remark made of the brackets.
 */
function isObsidianTask(node: Extract<Nodes, { type: 'listItem' }>, text: string): boolean {
  const first = node.children[0];
  const from = first?.type === 'paragraph' ? first.position?.start.offset : undefined;
  const to = first?.position?.end.offset;
  return from !== undefined && to !== undefined && text.charCodeAt(from) === 91 /* [ */ && startsWithObsidianCheckbox(text.slice(from, to));
}

/**
 * Disjoint, sorted [from, to) ranges covering the same offsets as `ranges` (which may overlap or
 * nest), answering "is this offset covered?" by binary search: n log n in all, where asking every
 * range in turn was quadratic (2 MB of wikilinks and code spans took 86 s).
 */
class RangeSet {
  private readonly merged: [number, number][] = [];

  constructor(ranges: readonly [number, number][]) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    for (const [from, to] of sorted) {
      const last = this.merged[this.merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else if (from < to) this.merged.push([from, to]);
    }
  }

  covers(offset: number): boolean {
    let low = 0;
    let high = this.merged.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.merged[mid][0] <= offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 && offset < this.merged[low - 1][1];
  }
}

/** References, Dependencies sections and checklist items, from the body's structure (n log n in its size). */
export function finishBody(structure: BodyStructure, lines: LineIndex, bodyStart: number): BodyReading {
  const { headings, links, excluded, tasks } = structure;
  const dependencySections = sectionsOf(headings, lines);

  const bodyReferences: BodyReference[] = [];
  const inDependencies = new RangeSet(dependencySections);
  for (const link of links) {
    bodyReferences.push({ kind: 'link', target: link.url, range: lines.rangeOf(link.start, link.end), inDependenciesSection: inDependencies.covers(link.start) });
  }
  const text = lines.text;
  const code = new RangeSet(excluded);
  WIKILINK.lastIndex = bodyStart;
  for (let match = WIKILINK.exec(text); match; match = WIKILINK.exec(text)) {
    const at = match.index;
    if (code.covers(at)) continue;
    const program = match[1].trim();
    const milestone = match[2]?.trim();
    if (!ID_PATTERN.test(program) || (milestone !== undefined && !ID_PATTERN.test(milestone))) continue;
    // The range covers the reference itself, without blanks around it: `[[ id | text ]]` points at `id`.
    const innerStart = at + 2 + (match[1].length - match[1].trimStart().length);
    const innerEnd = at + 2 + (match[2] !== undefined ? match[1].length + 1 + match[2].trimEnd().length : match[1].trimEnd().length);
    bodyReferences.push({ kind: 'wikilink', program: intern(program), milestone: milestone === undefined ? undefined : intern(milestone), range: lines.rangeOf(innerStart, innerEnd), inDependenciesSection: inDependencies.covers(at) });
  }

  const checklist: ChecklistItem[] = [];
  /** For each task, its index in `checklist`, or (when it is not an item) that of the item it is nested in. */
  const itemOf: number[] = [];
  for (const task of tasks) {
    const position = lines.positionAt(task.start);
    const item = checklistItemAt(lines.lineText(position.line), position.line, position.character, task.depth)
      ?? checkboxOnNextLine(lines, position.line, position.character, task.depth);
    const parent = task.parent >= 0 ? itemOf[task.parent] : -1;
    if (!item) {
      itemOf.push(parent);
      continue;
    }
    const heading = nearestHeadingAbove(headings, position.line);
    if (heading) item.heading = { text: heading.text, line: heading.line };
    if (parent >= 0) item.parent = parent;
    itemOf.push(checklist.length);
    checklist.push(item);
  }
  return { headings: exactly(headings), bodyReferences: exactly(bodyReferences), checklist: exactly(checklist) };
}

/**
 * A task whose list marker is alone on its line and whose checkbox opens the next one
 * (`-\n  [ ] box`): GFM reads it as a task, so the checklist does too. Its range starts at the
 * checkbox, the start of the line that holds the item's text.
 */
function checkboxOnNextLine(lines: LineIndex, line: number, markerChar: number, depth: number): ChecklistItem | undefined {
  const markerLine = lines.lineText(line);
  let markerEnd = markerChar;
  while (markerEnd < markerLine.length && markerLine.charCodeAt(markerEnd) >= 48 && markerLine.charCodeAt(markerEnd) <= 57) markerEnd++;
  markerEnd++; // the bullet, or the `.`/`)` of an ordered marker
  if (markerLine.slice(markerEnd).trim() !== '' || line + 1 >= lines.lineCount) return undefined;
  const next = lines.lineText(line + 1);
  const checkbox = next.length - next.trimStart().length;
  if (checkbox < 2 || next[checkbox] !== '[') return undefined;
  // checklistItemAt reads a marker then the checkbox: give it the line with a `- ` in the indentation.
  const item = checklistItemAt(`${next.slice(0, checkbox - 2)}- ${next.slice(checkbox)}`, line + 1, checkbox - 2, depth);
  if (item) item.range = range(item.range.start.line, checkbox, item.range.end.line, item.range.end.character);
  return item;
}

export function isBriefLink(url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return false;
  const path = url.split('#')[0].split('?')[0];
  return /\.md$/i.test(path);
}

/**
 * Offsets [from, to) of each Dependencies section: its heading up to the next heading of the same
 * or a higher level. The next such heading of every heading is found with one stack, from the end.
 */
function sectionsOf(headings: Heading[], lines: LineIndex): [number, number][] {
  const sections: [number, number][] = [];
  /** Indexes of later headings, each of a lower depth than the one below it on the stack. */
  const stack: number[] = [];
  for (let i = headings.length - 1; i >= 0; i--) {
    const heading = headings[i];
    while (stack.length > 0 && headings[stack[stack.length - 1]].depth > heading.depth) stack.pop();
    const next = stack.length > 0 ? headings[stack[stack.length - 1]] : undefined;
    stack.push(i);
    if (!DEPENDENCY_HEADINGS.has(heading.text.toLowerCase().replace(/\s+/g, ' ').replace(/:$/, ''))) continue;
    const from = lines.offsetAt(heading.range.start);
    const to = next ? lines.offsetAt(next.range.start) : lines.text.length;
    sections.push([from, to]);
  }
  return sections.reverse();
}

/** The last heading on a line before `line` (headings are in document order): a binary search. */
function nearestHeadingAbove(headings: Heading[], line: number): Heading | undefined {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (headings[mid].line < line) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? headings[low - 1] : undefined;
}

/** The text of a node and its descendants, in order (iterative, like the walk above). */
function plainText(root: Nodes): string {
  let text = '';
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('value' in node && typeof node.value === 'string') text += node.value;
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return text;
}
