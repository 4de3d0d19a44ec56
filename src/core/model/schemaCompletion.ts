/**
 * What the frontmatter schema allows at a place, for completion: the keys of a mapping and the
 * enum values of a key. Read from the JSON Schema that `brief schema` prints, which is generated
 * from the zod schema in ./schema, so completion, validation and editors' YAML tooling can never
 * disagree about a key or a value. Pure: plain data in, plain data out (an editor or a language
 * server turns it into completion items).
 */
import { frontmatterJsonSchema } from './schema';

/** A JSON Schema node, as much of it as completion reads. */
interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
}

/** How a key's value is written: decides what an editor inserts after `key:`. */
export type SchemaValueShape =
  /** One scalar (text, id, date, handle). */
  | 'scalar'
  /** One of `values`. */
  | 'enum'
  /** A list whose items are mappings (milestones, risks...), written as a block list. */
  | 'objectList'
  /** A list of scalars or of scalars-or-mappings (`depends_on`). */
  | 'list'
  /** A nested mapping. */
  | 'object';

export interface SchemaKey {
  key: string;
  required: boolean;
  shape: SchemaValueShape;
  /** The allowed values, for `enum`. */
  values?: string[];
}

let root: SchemaNode | undefined;

function schemaRoot(): SchemaNode {
  root ??= frontmatterJsonSchema() as SchemaNode;
  return root;
}

/** The mapping branches of a node: itself when it is an object, the object branches of an `anyOf`. */
function objectBranches(node: SchemaNode | undefined): SchemaNode[] {
  if (!node) return [];
  if (node.properties) return [node];
  return (node.anyOf ?? []).flatMap(objectBranches);
}

/** A key's value schema, seen through lists: the item schema of an array. */
function throughLists(node: SchemaNode): SchemaNode {
  let current = node;
  while (current.items) current = current.items;
  return current;
}

/**
 * The mapping schemas at a path of keys from the root, list items skipped (the same path the
 * completion context gives: `['milestones']` for a milestone, `['milestones', 'depends_on']` for
 * an object entry of a milestone's `depends_on`).
 */
function mappingsAt(path: readonly string[]): SchemaNode[] {
  let nodes = [schemaRoot()];
  for (const key of path) {
    nodes = nodes.flatMap((node) => {
      const child = node.properties && Object.prototype.hasOwnProperty.call(node.properties, key) ? node.properties[key] : undefined;
      return child ? objectBranches(throughLists(child)) : [];
    });
  }
  return nodes;
}

function stringValues(node: SchemaNode): string[] | undefined {
  if (!node.enum) return undefined;
  return node.enum.filter((value): value is string => typeof value === 'string');
}

function shapeOf(node: SchemaNode): { shape: SchemaValueShape; values?: string[] } {
  const values = stringValues(node);
  if (values) return { shape: 'enum', values };
  if (node.items) {
    const item = node.items;
    return { shape: item.properties && !item.anyOf ? 'objectList' : 'list' };
  }
  if (node.properties) return { shape: 'object' };
  return { shape: 'scalar' };
}

/**
 * The keys the schema defines for the mapping at `path`, in the schema's order (the order of the
 * spec's example), without those already `present` in that mapping. Empty for a path the schema
 * does not describe (a team's own keys are allowed but unknown).
 */
export function schemaKeysAt(path: readonly string[], present: Iterable<string> = []): SchemaKey[] {
  const taken = new Set(present);
  const keys: SchemaKey[] = [];
  const seen = new Set<string>();
  for (const mapping of mappingsAt(path)) {
    const required = new Set(mapping.required ?? []);
    for (const [key, node] of Object.entries(mapping.properties ?? {})) {
      if (taken.has(key) || seen.has(key)) continue;
      seen.add(key);
      keys.push({ key, required: required.has(key), ...shapeOf(node) });
    }
  }
  return keys;
}

/** The enum values the schema allows for `key` in the mapping at `path` (also for list items of `key`), or undefined. */
export function schemaValuesAt(path: readonly string[], key: string): string[] | undefined {
  for (const mapping of mappingsAt(path)) {
    const node = mapping.properties && Object.prototype.hasOwnProperty.call(mapping.properties, key) ? mapping.properties[key] : undefined;
    const values = node && stringValues(throughLists(node));
    if (values) return values;
  }
  return undefined;
}

/** Whether the items of the list `key` at `path` are always mappings (then `- ` starts a mapping: offer its keys). */
export function listOfMappings(path: readonly string[], key: string): boolean {
  return schemaKeysAt(path).some((k) => k.key === key && k.shape === 'objectList');
}

/** Where a key is typed, as the completion context reads it from the YAML's indentation. */
export interface KeyPosition {
  /** Enclosing keys of the mapping from the root, list items skipped. */
  path: readonly string[];
  /** The keys the mapping already has. */
  present: Iterable<string>;
  /** The key starts a new list item (`- |`). */
  startsItem: boolean;
  /** The mapping is a list item's (`- key:` then `  |`). */
  inItem: boolean;
}

/**
 * The keys to offer at a key position: the schema's keys of that mapping not yet present, when the
 * YAML there is the shape the schema expects (a milestone is a list item of `milestones`, not a
 * mapping under it; `- |` in `depends_on` starts a reference, not a mapping). Empty otherwise.
 */
export function schemaKeysFor(position: KeyPosition): SchemaKey[] {
  const { path } = position;
  if (path.length === 0) return position.startsItem || position.inItem ? [] : schemaKeysAt([], position.present);
  const parent = schemaKeysAt(path.slice(0, -1)).find((k) => k.key === path[path.length - 1]);
  if (!parent) return [];
  const fits = position.startsItem
    ? parent.shape === 'objectList'
    : position.inItem ? parent.shape === 'objectList' || parent.shape === 'list' : parent.shape === 'object';
  return fits ? schemaKeysAt(path, position.present) : [];
}
