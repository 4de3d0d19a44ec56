/**
 * Where the cursor is in a brief, for completion: which frontmatter key's value is being typed
 * (and under which list), or a `[[wikilink]]` / `@handle` in the body. Works line by line on
 * indentation, so it keeps working while the YAML is half typed and does not parse. Pure.
 */

export type CompletionPlace =
  | {
    kind: 'value';
    /** Enclosing keys from the root, list items skipped: `['milestones']` inside a milestone. */
    path: string[];
    /** The key whose value is typed; for an item of a list, the list's key. */
    key: string;
    /** True for an item of a list (`- x` or `[a, x`). */
    inSequence: boolean;
    /** Start character of the value typed so far (after an opening quote). */
    start: number;
    prefix: string;
    quote?: '"' | "'";
  }
  | { kind: 'wikilink'; start: number; prefix: string }
  | { kind: 'handle'; start: number; prefix: string };

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;

interface LineShape {
  /** Column of the first `-` of a list item line, if it is one. */
  dashColumn?: number;
  /** Column where the content after any `- ` markers starts. */
  contentColumn: number;
  key?: string;
  /** The key's value is empty (a nested block follows) or only a comment. */
  emptyValue: boolean;
}

function shapeOf(line: string): LineShape | undefined {
  const indent = /^[ \t]*/.exec(line)![0].length;
  const rest = line.slice(indent);
  if (rest === '' || rest.startsWith('#')) return undefined;
  const dashes = /^(?:-(?:[ \t]+|$))+/.exec(rest);
  const contentColumn = indent + (dashes ? dashes[0].length : 0);
  const content = line.slice(contentColumn);
  const key = KEY_LINE.exec(content);
  const value = key ? content.slice(key[0].length).trim() : '';
  return {
    dashColumn: dashes ? indent : undefined,
    contentColumn,
    key: key?.[1],
    emptyValue: key !== null && (value === '' || value.startsWith('#')),
  };
}

/** The keys enclosing the node that starts at `column` on line `lineIndex` (a list item when `isItem`). */
function ancestors(lines: readonly string[], lineIndex: number, column: number, isItem: boolean): string[] {
  const path: string[] = [];
  let c = column;
  let item = isItem;
  for (let j = lineIndex - 1; j >= 0 && (c > 0 || item); j--) {
    const shape = shapeOf(lines[j]);
    if (!shape) continue;
    if (shape.key !== undefined && (shape.contentColumn < c || (item && shape.contentColumn === c && shape.emptyValue && shape.dashColumn === undefined))) {
      path.unshift(shape.key);
      // The key may itself sit in a list item (`- depends_on:`): continue from its dash.
      c = shape.dashColumn ?? shape.contentColumn;
      item = shape.dashColumn !== undefined;
    } else if (shape.dashColumn !== undefined && shape.dashColumn < c) {
      c = shape.dashColumn;
      item = true;
    }
  }
  return path;
}

/**
 * @param lines the frontmatter's lines (between the fences), cursor line included
 * @param lineIndex the cursor's line within `lines`
 */
export function frontmatterPlaceAt(lines: readonly string[], lineIndex: number, character: number): CompletionPlace | undefined {
  const before = lines[lineIndex].slice(0, character);
  const indent = /^[ \t]*/.exec(before)![0].length;
  const dashes = /^(?:-(?:[ \t]+|$))+/.exec(before.slice(indent));
  if (dashes && !/[ \t]$/.test(dashes[0])) return undefined; // `-|`: not an item yet
  const contentColumn = indent + (dashes ? dashes[0].length : 0);
  const content = before.slice(contentColumn);
  const nodeColumn = dashes ? indent : contentColumn;
  const key = KEY_LINE.exec(content);
  if (key) {
    const path = ancestors(lines, lineIndex, nodeColumn, dashes !== null);
    const valueStart = contentColumn + key[0].length;
    const raw = before.slice(valueStart);
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trimStart();
    if (value.startsWith('[')) return flowItem(path, key[1], valueStart + lead, value);
    return valuePlace(path, key[1], false, valueStart + lead, value);
  }
  if (!dashes || /:/.test(content)) return undefined;
  // `- value` item of a list: its key is the nearest enclosing one.
  const path = ancestors(lines, lineIndex, indent, true);
  const listKey = path.pop();
  return listKey === undefined ? undefined : valuePlace(path, listKey, true, contentColumn, content);
}

function flowItem(path: string[], key: string, bracket: number, value: string): CompletionPlace | undefined {
  if (value.includes(']')) return undefined;
  const lastSeparator = Math.max(value.lastIndexOf(','), value.lastIndexOf('['));
  const item = value.slice(lastSeparator + 1);
  const lead = item.length - item.trimStart().length;
  return valuePlace(path, key, true, bracket + lastSeparator + 1 + lead, item.trimStart());
}

function valuePlace(path: string[], key: string, inSequence: boolean, start: number, value: string): CompletionPlace | undefined {
  if (value.startsWith('"') || value.startsWith("'")) {
    const quote = value[0] as '"' | "'";
    if (value.length > 1 && value.endsWith(quote)) return undefined; // closed: the cursor is after it
    return { kind: 'value', path, key, inSequence, start: start + 1, prefix: value.slice(1), quote };
  }
  // Values completed here are single tokens: after a blank, the value is done.
  if (/\S\s/.test(value)) return undefined;
  return { kind: 'value', path, key, inSequence, start, prefix: value };
}

/** A `[[wikilink` or an `@handle` being typed in the body, from the text of the line before the cursor. */
export function bodyPlaceAt(before: string): CompletionPlace | undefined {
  const open = before.lastIndexOf('[[');
  if (open >= 0 && !before.slice(open).includes(']]') && !before.slice(open).includes('|')) {
    const prefix = before.slice(open + 2);
    if (/^[a-z0-9#-]*$/.test(prefix)) return { kind: 'wikilink', start: open + 2, prefix };
  }
  const handle = /(?:^|[\s(])(@[A-Za-z0-9._/-]*)$/.exec(before);
  if (handle) return { kind: 'handle', start: before.length - handle[1].length, prefix: handle[1] };
  return undefined;
}

/** A frontmatter key being typed: where its mapping is, and which keys that mapping already has. */
export interface KeyPlace {
  /** Enclosing keys of the mapping from the root, list items skipped: `['milestones']` in a milestone. */
  path: string[];
  /** True when the key starts a new list item (`- |`). */
  startsItem: boolean;
  /** Start character of the key typed so far. */
  start: number;
  prefix: string;
  /** The keys the mapping already has (on other lines). */
  present: string[];
  /** True when the mapping is a list item's (its first line is `- key: ...`), for a key on a line of its own. */
  inItem: boolean;
}

const KEY_PREFIX = /^[A-Za-z_][\w-]*$/;

/**
 * Where a frontmatter key is being typed: a line that holds nothing but the start of a key (after
 * its indentation and any `- ` markers), or nothing at all.
 *
 * @param lines the frontmatter's lines (between the fences), cursor line included; lines after
 * the cursor are read for the keys the mapping already has
 */
export function frontmatterKeyPlaceAt(lines: readonly string[], lineIndex: number, character: number): KeyPlace | undefined {
  const line = lines[lineIndex];
  const before = line.slice(0, character);
  const indent = /^[ \t]*/.exec(before)![0].length;
  const dashes = /^(?:-(?:[ \t]+|$))+/.exec(before.slice(indent));
  if (dashes && !/[ \t]$/.test(dashes[0])) return undefined; // `-|`: not an item yet
  const column = indent + (dashes ? dashes[0].length : 0);
  const prefix = before.slice(column);
  if (prefix !== '' && !KEY_PREFIX.test(prefix)) return undefined;
  // Only the key's own token may follow the cursor on the line: not `key: value` (that key is written).
  if (!/^[\w-]*[ \t]*$/.test(line.slice(character))) return undefined;
  const startsItem = dashes !== null;
  const path = ancestors(lines, lineIndex, startsItem ? indent : column, startsItem);
  const { keys, inItem } = siblingKeys(lines, lineIndex, column, startsItem);
  return { path, startsItem, start: column, prefix, present: keys, inItem: startsItem || inItem };
}

/** The keys of the mapping whose keys sit at `column`, around line `lineIndex` (that line excluded). */
function siblingKeys(lines: readonly string[], lineIndex: number, column: number, startsItem: boolean): { keys: string[]; inItem: boolean } {
  const keys: string[] = [];
  let inItem = false;
  // Above: unless the line starts a new item, keys of the same mapping up to its first line (a
  // `- key:` whose content is at this column) or a line that closes it.
  if (!startsItem) {
    for (let j = lineIndex - 1; j >= 0; j--) {
      const shape = shapeOf(lines[j]);
      if (!shape) continue;
      if (shape.contentColumn < column) break;
      if (shape.contentColumn > column) continue;
      if (shape.key !== undefined && (shape.dashColumn === undefined || shape.dashColumn < column)) keys.push(shape.key);
      if (shape.dashColumn !== undefined) { // the first line of this item
        inItem = true;
        break;
      }
    }
  }
  // Below: keys at this column until a line that is left of it or starts another item.
  for (let j = lineIndex + 1; j < lines.length; j++) {
    const shape = shapeOf(lines[j]);
    if (!shape) continue;
    if (shape.dashColumn !== undefined && shape.dashColumn < column) break;
    if (shape.contentColumn < column) break;
    if (shape.contentColumn === column && shape.key !== undefined) keys.push(shape.key);
  }
  return { keys, inItem };
}
