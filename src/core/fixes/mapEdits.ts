/** Adding or setting a key in a YAML mapping of a brief's frontmatter, block or flow style. */
import { isMap, isPair, isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { FrontmatterText, type Fix } from './edits';

export type YamlPath = (string | number)[];

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item): item is Pair => isPair(item) && isScalar(item.key) && item.key.value === key);
}

/** The mapping at `path` (the root for `[]`), if there is one. */
export function mapAt(fm: FrontmatterText, path: YamlPath): YAMLMap | undefined {
  const node = path.length === 0 ? fm.doc.contents : fm.doc.getIn(path, true);
  return isMap(node) ? (node as YAMLMap) : undefined;
}

/**
 * Sets `key: value` (value already in YAML syntax) in a mapping: replaces an empty value, or
 * adds the pair after the pair named by the first of `after` that exists (else after the last).
 * Undefined when the key already has a non-empty value or the mapping is not where expected.
 */
export function setKey(fm: FrontmatterText, map: YAMLMap, key: string, value: string, after: readonly string[] = []): Fix | undefined {
  const existing = pairOf(map, key);
  if (existing) {
    const node = existing.value as YamlNode | null;
    if (node && !(isScalar(node) && (node.value === null || node.value === ''))) return undefined;
    if (node?.range && isScalar(node) && node.value === '') return fm.replace(fm.abs(node.range[0]), fm.abs(node.range[1]), value);
    // `key:` with nothing after it: write after the colon (keeping a comment that follows).
    const keyNode = existing.key as YamlNode;
    if (!keyNode.range) return undefined;
    const colon = fm.text.indexOf(':', fm.abs(keyNode.range[1]));
    if (colon < 0) return undefined;
    const lineEnd = fm.lines.lineEndOffset(fm.lines.positionAt(colon).line);
    const rest = fm.text.slice(colon + 1, lineEnd);
    const blank = rest.length - rest.trimStart().length;
    return rest.trim() === '' ? fm.replace(colon + 1, lineEnd, ` ${value}`) : fm.replace(colon + 1, colon + 1 + blank, ` ${value} `);
  }
  return addPair(fm, map, `${key}: ${value}`, after);
}

/** Adds a new `key: value` text as a pair of a mapping (block or flow). */
export function addPair(fm: FrontmatterText, map: YAMLMap, pairText: string, after: readonly string[] = []): Fix | undefined {
  const pairs = map.items.filter(isPair);
  if (pairs.length === 0 || !map.range) return undefined;
  if (map.flow) {
    const last = pairs[pairs.length - 1];
    const end = (last.value as YamlNode | null)?.range?.[1] ?? (last.key as YamlNode).range?.[1];
    return end === undefined ? undefined : fm.insertAt(fm.abs(end), `, ${pairText}`);
  }
  const anchor = after.map((key) => pairOf(map, key)).find((pair) => pair !== undefined) ?? pairs[pairs.length - 1];
  const firstKey = pairs[0].key as YamlNode;
  const anchorEnd = (anchor.value as YamlNode | null)?.range?.[1] ?? (anchor.key as YamlNode).range?.[1];
  if (!firstKey.range || anchorEnd === undefined) return undefined;
  const keyStart = fm.abs(firstKey.range[0]);
  const column = fm.lines.positionAt(keyStart).character;
  const insertAt = Math.min(fm.contentEnd, fm.nextLineStart(fm.lastContentBefore(fm.abs(anchorEnd))));
  return fm.insertAtLineStart(insertAt, `${' '.repeat(column)}${pairText}${fm.eol}`);
}
