/**
 * Reads a brief's YAML frontmatter into the model, keeping the position of every value.
 * Positions come from the `yaml` CST (offsets into the frontmatter), converted once here.
 */
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import type { Brief, Decision, DependencyEntry, FrontmatterItem, Milestone, Problem, Risk, Stakeholder, Team } from '../model/model';
import { intern } from '../model/intern';
import { LineIndex, type Located, located, type Range, rangeFrom } from '../model/range';
import { readSimpleYaml } from './fastYaml';
import { MAX_YAML_DEPTH, yamlNestingDepth } from './yamlDepth';
import { frontmatterSchema, REFERENCE_PATTERN } from '../model/schema';
import { passesFrontmatterSchema } from '../model/schemaCheck';
import { exactly } from '../model/exactly';

type Path = (string | number)[];

/** Limits that keep hostile YAML (alias bombs, deep nesting) from hanging or crashing the parser. */
const MAX_ALIAS_COUNT = 100;

export type FrontmatterFields = Pick<Brief,
  'program' | 'title' | 'owner' | 'status' | 'summary' | 'start' | 'target' | 'teams' | 'stakeholders'
  | 'dependsOn' | 'milestones' | 'risks' | 'decisions' | 'programKeyRange'> & { hasProgramKey: boolean };

export interface FrontmatterReading {
  syntaxErrors: Problem[];
  schemaProblems: Problem[];
  empty: boolean;
  /** Undefined when the YAML did not parse or is not a mapping. */
  fields?: FrontmatterFields;
}

/**
 * @param yamlText the text between the `---` fences
 * @param contentOffset where `yamlText` starts in the whole file
 * @param fast whether to try the fast reader first (false: always the `yaml` parser, for tests)
 */
export function readFrontmatter(yamlText: string, contentOffset: number, lines: LineIndex, openingFence: Range, fast = true): FrontmatterReading {
  const at = (start: number, end: number) => lines.rangeOf(contentOffset + start, contentOffset + end);
  // Fast path (./fastYaml.ts): frontmatter in the plain form most briefs use, and valid for the
  // schema, is read without the `yaml` parser. Anything else (including any schema problem, whose
  // position needs the full document) takes the path below. Valid for the schema is checked by
  // hand there (../model/schemaCheck.ts): the same answer as zod's, at a fraction of the cost.
  const simple = fast ? readSimpleYaml(yamlText) : undefined;
  if (simple && passesFrontmatterSchema(simple.data)) {
    const reader = new FrontmatterReader({ contents: simple.contents } as unknown as Document.Parsed, at, lines, contentOffset);
    return { syntaxErrors: [], schemaProblems: [], empty: false, fields: reader.readFields(simple.contents) };
  }
  // Checked before the `yaml` parser runs, so it says the same whatever the stack left
  // (./yamlDepth.ts). The fast reader takes only frontmatter nested far less deeply
  // (MAX_SIMPLE_DEPTH), so a text it took would pass this check: it need not run for it.
  if (yamlNestingDepth(yamlText) > MAX_YAML_DEPTH) {
    return {
      syntaxErrors: [{ message: `The frontmatter is not valid YAML: it is nested too deeply for the parser (deeper than ${MAX_YAML_DEPTH} levels); expected a flatter structure`, range: openingFence }],
      schemaProblems: [],
      empty: false,
    };
  }
  let doc: Document.Parsed;
  try {
    // A lone `\r` is a line break in YAML as in the editor, but not to the `yaml` parser; same length, same offsets.
    // `logLevel: 'error'`: the library's warnings (e.g. a mapping used as a key, `title: {{ x }}`) are
    // not printed to the process's stderr; they change nothing in what is read.
    doc = parseDocument(yamlText.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  } catch (error) {
    return { syntaxErrors: [{ message: `The frontmatter is not valid YAML: ${errorText(error)}`, range: openingFence }], schemaProblems: [], empty: false };
  }
  if (doc.errors.length > 0) {
    // Very deep nesting overflows the parser's stack, which it reports (often many times over): once, plainly.
    const tooDeep = doc.errors.find((error) => STACK_OVERFLOW.test(error.message));
    const syntaxErrors = (tooDeep ? [tooDeep] : doc.errors).map((error) => ({
      message: `The frontmatter is not valid YAML: ${errorText(error)}`,
      range: at(error.pos[0], Math.max(error.pos[0], error.pos[1])),
    }));
    // One error per line: later errors on a line are the parser's follow-ups (a tab, then "keys must be unique").
    const firstPerLine = syntaxErrors.filter((error, i) => i === 0 || syntaxErrors[i - 1].range.start.line !== error.range.start.line);
    return { syntaxErrors: firstPerLine, schemaProblems: [], empty: false };
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))
    || (isMap(contents) && contents.items.length === 0)) {
    return { syntaxErrors: [], schemaProblems: [], empty: true };
  }
  if (!isMap(contents)) {
    const [start, end] = contents.range ?? [0, 0];
    return {
      syntaxErrors: [],
      schemaProblems: [{ message: 'The frontmatter is not a mapping of keys to values; expected `program:`, `title:`, `owner:` and the other brief keys', range: at(start, end), data: { path: [] } }],
      empty: false,
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { syntaxErrors: [{ message: `The frontmatter is not valid YAML: ${errorText(error)}`, range: openingFence }], schemaProblems: [], empty: false };
  }
  const reader = new FrontmatterReader(doc, at, lines, contentOffset);
  const result = frontmatterSchema.safeParse(data);
  const issues = result.success ? [] : result.error.issues;
  const schemaProblems = issues.map((issue) => reader.problemFor(issue, data, openingFence));
  for (const issue of issues) reader.markBad(issue.path as Path);
  return { syntaxErrors: [], schemaProblems, empty: false, fields: reader.readFields(contents) };
}

class FrontmatterReader {
  private readonly badPaths = new Set<string>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly at: (start: number, end: number) => Range,
    private readonly lines: LineIndex,
    private readonly contentOffset: number,
  ) {}

  markBad(path: Path): void {
    this.badPaths.add(path.join('\u0000'));
  }

  private isBad(path: Path): boolean {
    if (this.badPaths.size === 0) return false;
    for (let length = 1; length <= path.length; length++) {
      if (this.badPaths.has(path.slice(0, length).join('\u0000'))) return true;
    }
    return false;
  }

  private resolve(node: unknown): YamlNode | undefined {
    let current = node;
    for (let hops = 0; isAlias(current) && hops < MAX_ALIAS_COUNT; hops++) {
      current = (current as Alias).resolve(this.doc);
    }
    return isAlias(current) ? undefined : (current as YamlNode | undefined);
  }

  private rangeOfNode(node: YamlNode | undefined): Range | undefined {
    if (!node?.range) return undefined;
    return this.at(node.range[0], node.range[1]);
  }

  private pairOf(map: YAMLMap, key: string | number): Pair | undefined {
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && item.key.value === key) return item;
    }
    return undefined;
  }

  /** The first line of a list item, from its `-` to the end of the line. */
  private itemRange(node: YamlNode): Range {
    const start = this.contentOffset + (node.range?.[0] ?? 0);
    const position = this.lines.positionAt(start);
    const lineText = this.lines.lineText(position.line);
    let dash = position.character;
    while (dash > 0 && lineText[dash - 1] !== '-') dash--;
    const markerChar = dash > 0 ? dash - 1 : position.character;
    const lineRange = this.lines.lineRange(position.line);
    return rangeFrom({ line: position.line, character: markerChar }, lineRange.end);
  }

  /** Where a schema issue points: the bad value, or for a missing key the key of its parent. */
  problemFor(issue: $ZodIssue, data: unknown, openingFence: Range): Problem {
    const path = issue.path as Path;
    let parentRange: Range = openingFence;
    let node: YamlNode | undefined = this.resolve(this.doc.contents);
    for (let i = 0; i < path.length && node; i++) {
      const segment = path[i];
      if (isMap(node)) {
        const pair = this.pairOf(node, segment);
        if (!pair) { node = undefined; break; }
        parentRange = this.rangeOfNode(this.resolve(pair.key) ?? undefined) ?? parentRange;
        node = this.resolve(pair.value);
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = this.resolve(node.items[segment]);
        if (item) parentRange = this.itemRange(item);
        node = item;
      } else {
        node = undefined;
      }
    }
    const value = valueAt(data, path);
    const label = pathLabel(path);
    const expected = expectedText(issue);
    if (value === undefined) {
      const key = String(path[path.length - 1]);
      const ownerLabel = path.length > 1 ? `\`${pathLabel(path.slice(0, -1))}\`` : 'The brief';
      const range = path.length === 1 ? this.topLevelAnchor(openingFence) : parentRange;
      return { message: `${ownerLabel} has no \`${key}\`; expected ${expected}`, range, data: { path } };
    }
    const range = this.rangeOfNode(node) ?? parentRange;
    const allowedValues = issue.code === 'invalid_value' ? issue.values.map(String) : undefined;
    return {
      message: `\`${label}\` is ${describeValue(value)}; expected ${expected}`,
      range,
      data: allowedValues ? { allowedValues, path } : { path },
    };
  }

  private topLevelAnchor(openingFence: Range): Range {
    const contents = this.resolve(this.doc.contents);
    if (isMap(contents)) {
      const pair = this.pairOf(contents, 'program');
      const key = pair && this.rangeOfNode(this.resolve(pair.key));
      if (key) return key;
    }
    return openingFence;
  }

  private string(map: YAMLMap, key: string, path: Path): Located<string> | undefined {
    if (this.badPaths.size > 0 && this.isBad([...path, key])) return undefined;
    const node = this.resolve(this.pairOf(map, key)?.value);
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') return undefined;
    const range = this.rangeOfNode(node);
    return range && located(intern(node.value), range);
  }

  private list(map: YAMLMap, key: string, path: Path): { node: YamlNode; path: Path }[] {
    if (this.badPaths.size > 0 && this.isBad([...path, key])) return [];
    const seq = this.resolve(this.pairOf(map, key)?.value);
    if (!isSeq(seq)) return [];
    return seq.items.map((item, index) => ({ node: this.resolve(item), path: [...path, key, index] }))
      .filter((entry): entry is { node: YamlNode; path: Path } => entry.node !== undefined && !this.isBad(entry.path));
  }

  /**
   * The list items of `key`. `build` writes each item as one object literal with every field
   * (no `{ ...item }` spread): V8 gives a spread-then-extended object a map of its own, which cost
   * about 5 KB per brief across a workspace's milestones, teams, risks and decisions
   * (docs/benchmark.md, "Memory per brief").
   */
  private items<T extends FrontmatterItem>(map: YAMLMap, key: string, build: (item: FrontmatterItem, node: YAMLMap, path: Path) => T): T[] {
    const result: T[] = [];
    for (const { node, path } of this.list(map, key, [])) {
      if (!isMap(node)) continue;
      const item: FrontmatterItem = {
        index: path[1] as number,
        id: this.string(node, 'id', path),
        title: this.string(node, 'title', path),
        owner: this.string(node, 'owner', path),
        itemRange: this.itemRange(node),
      };
      result.push(build(item, node, path));
    }
    return exactly(result);
  }

  private dependencies(map: YAMLMap, path: Path, resolveBare: (written: string) => { program: string; milestone?: string }): DependencyEntry[] {
    const entries: DependencyEntry[] = [];
    for (const { node, path: entryPath } of this.list(map, 'depends_on', path)) {
      let value: Located<string> | undefined;
      let reason: string | undefined;
      if (isScalar(node) && typeof node.value === 'string') {
        const range = this.rangeOfNode(node);
        value = range && located(node.value, range);
      } else if (isMap(node)) {
        value = this.string(node, 'ref', entryPath);
        reason = this.string(node, 'reason', entryPath)?.value;
      }
      if (!value || !REFERENCE_PATTERN.test(value.value)) continue;
      const [program, milestone] = value.value.split('#');
      const target = milestone !== undefined ? { program: intern(program), milestone: intern(milestone) } : resolveBare(intern(program));
      entries.push({ written: value.value, ...target, range: value.range, reason });
    }
    return exactly(entries);
  }

  readFields(root: YAMLMap): FrontmatterFields {
    const programPair = this.pairOf(root, 'program');
    const program = this.string(root, 'program', []);
    const milestoneIds = new Set<string>();
    const milestones = this.items<Milestone>(root, 'milestones', (item, node, path) => {
      if (item.id) milestoneIds.add(item.id.value);
      return {
        index: item.index, id: item.id, title: item.title, owner: item.owner, itemRange: item.itemRange,
        team: this.string(node, 'team', path), start: this.string(node, 'start', path), due: this.string(node, 'due', path), status: this.string(node, 'status', path), dependsOn: [],
      };
    });
    // A bare id in a milestone's depends_on is a milestone of this brief if it has one, else a program.
    const self = program?.value ?? '';
    const resolveInMilestone = (written: string) => (milestoneIds.has(written) ? { program: self, milestone: written } : { program: written });
    const milestoneAt = new Map(milestones.map((m) => [m.index, m]));
    for (const { node, path } of this.list(root, 'milestones', [])) {
      const milestone = milestoneAt.get(path[1] as number);
      if (milestone && isMap(node)) milestone.dependsOn = this.dependencies(node, path, resolveInMilestone);
    }
    const stakeholders: Stakeholder[] = [];
    for (const { node, path } of this.list(root, 'stakeholders', [])) {
      if (!isMap(node)) continue;
      stakeholders.push({ who: this.string(node, 'who', path), role: this.string(node, 'role', path)?.value, itemRange: this.itemRange(node) });
    }
    return {
      hasProgramKey: programPair !== undefined,
      programKeyRange: programPair && this.rangeOfNode(this.resolve(programPair.key)),
      program,
      title: this.string(root, 'title', []),
      owner: this.string(root, 'owner', []),
      status: this.string(root, 'status', []),
      summary: this.string(root, 'summary', [])?.value,
      start: this.string(root, 'start', []),
      target: this.string(root, 'target', []),
      teams: this.items<Team>(root, 'teams', (item, node, path) => ({
        index: item.index, id: item.id, title: item.title, owner: item.owner, itemRange: item.itemRange, role: this.string(node, 'role', path)?.value,
      })),
      stakeholders: exactly(stakeholders),
      dependsOn: this.dependencies(root, [], (written) => ({ program: written })),
      milestones,
      risks: this.items<Risk>(root, 'risks', (item, node, path) => ({
        index: item.index, id: item.id, title: item.title, owner: item.owner, itemRange: item.itemRange,
        likelihood: this.string(node, 'likelihood', path),
        impact: this.string(node, 'impact', path),
        mitigation: this.string(node, 'mitigation', path),
        status: this.string(node, 'status', path),
      })),
      decisions: this.items<Decision>(root, 'decisions', (item, node, path) => ({
        index: item.index, id: item.id, title: item.title, owner: item.owner, itemRange: item.itemRange,
        status: this.string(node, 'status', path),
        date: this.string(node, 'date', path),
      })),
    };
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function pathLabel(path: Path): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value);
  const text = shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
  return typeof value === 'string' ? text : `${typeof value} ${text}`;
}

function expectedText(issue: $ZodIssue): string {
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type' && !/^[a-z]/.test(issue.message)) return issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping of keys to values' : issue.expected;
  if (issue.code === 'invalid_union' && issue.message.startsWith('Invalid')) return 'a reference `program` or `program#milestone`';
  return issue.message;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

const STACK_OVERFLOW = /maximum call stack/i;

function errorText(error: unknown): string {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  return STACK_OVERFLOW.test(message) ? 'it is nested too deeply for the parser; expected a flatter structure' : message;
}
