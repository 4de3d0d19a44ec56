/** Appending an entry to a YAML list of a brief's frontmatter, creating the key when it is missing. */
import { isScalar, isSeq, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { FrontmatterText, type Fix } from './edits';
import { addPair, pairOf } from './mapEdits';

export interface SequenceEntry {
  /** The entry in flow style, e.g. `billing-core` or `{ id: mobile, owner: "@li" }`. */
  flow: string;
  /** The entry in block style, one string per line, without the `- ` marker or indentation. */
  block: string[];
}

/**
 * Appends `entry` to the list `key` of `map`. A missing or empty key becomes a block list;
 * when `beforeKeys` names an existing top-level key, a new key is inserted before it.
 */
export function appendToSequence(fm: FrontmatterText, map: YAMLMap, key: string, entry: SequenceEntry, beforeKeys: readonly string[] = []): Fix | undefined {
  const pair = pairOf(map, key);
  const keyColumn = columnOfMap(fm, map);
  if (keyColumn === undefined) return undefined;
  if (!pair) {
    const text = [`${key}:`, ...blockLines(entry, 2)].join(fm.eol);
    const before = beforeKeys.map((name) => pairOf(map, name)).find((p) => p !== undefined);
    const beforeKey = before?.key as YamlNode | undefined;
    if (!map.flow && beforeKey?.range) {
      const indent = ' '.repeat(keyColumn);
      return fm.insertAtLineStart(fm.abs(beforeKey.range[0]), text.split(fm.eol).map((line) => indent + line).join(fm.eol) + fm.eol);
    }
    if (map.flow) return addPair(fm, map, `${key}: [${entry.flow}]`);
    return addPair(fm, map, text.split(fm.eol).map((line, i) => (i === 0 ? line : ' '.repeat(keyColumn) + line)).join(fm.eol));
  }
  const value = pair.value as YamlNode | null;
  if (!value || (isScalar(value) && (value.value === null || value.value === ''))) {
    // `key:` with no value: turn it into a block list.
    const keyNode = pair.key as YamlNode;
    if (!keyNode.range) return undefined;
    const colon = fm.text.indexOf(':', fm.abs(keyNode.range[1]));
    if (colon < 0) return undefined;
    const end = value?.range ? fm.abs(value.range[1]) : colon + 1;
    const indent = ' '.repeat(keyColumn);
    const lines = blockLines(entry, 2).map((line) => indent + line);
    return fm.replace(colon + 1, end, fm.eol + lines.join(fm.eol));
  }
  if (!isSeq(value)) return undefined;
  const seq = value as YAMLSeq;
  const seqRange = seq.range;
  if (!seqRange) return undefined;
  if (seq.flow) {
    const items = seq.items as (YamlNode | null)[];
    const last = items[items.length - 1];
    if (last?.range) return fm.insertAt(fm.abs(last.range[1]), `, ${entry.flow}`);
    const open = fm.text.indexOf('[', fm.abs(seqRange[0]));
    return open < 0 ? undefined : fm.insertAt(open + 1, entry.flow);
  }
  const first = (seq.items as (YamlNode | null)[]).find((item) => item?.range);
  if (!first?.range) return undefined;
  // The column of the `-` of the first item: new items line up with it.
  const firstStart = fm.abs(first.range[0]);
  const dashColumn = fm.text.lastIndexOf('-', firstStart) - fm.lines.lineStartOffset(fm.lines.positionAt(firstStart).line);
  const insertAt = Math.min(fm.contentEnd, fm.nextLineStart(fm.lastContentBefore(fm.abs(seqRange[1]))));
  const lines = blockLines(entry, dashColumn).map((line) => line + fm.eol);
  return fm.insertAtLineStart(insertAt, lines.join(''));
}

function blockLines(entry: SequenceEntry, dashColumn: number): string[] {
  const indent = ' '.repeat(dashColumn);
  return entry.block.map((line, i) => (i === 0 ? `${indent}- ${line}` : `${indent}  ${line}`));
}

/** The column of a block mapping's keys. */
function columnOfMap(fm: FrontmatterText, map: YAMLMap): number | undefined {
  const first = map.items[0]?.key as YamlNode | undefined;
  if (!first?.range) return map.items.length === 0 ? 0 : undefined;
  return fm.lines.positionAt(fm.abs(first.range[0])).character;
}
