/**
 * The parsed, validated model of one brief. Every value here passed the schema: a value that
 * failed it is left out (and reported by `schema`), so no other rule reasons about it.
 */
import type { Suppression } from './suppression';
import type { Located, Range } from './range';
import type { ChecklistItem } from '../parse/checklist';

export type Severity = 'error' | 'warning' | 'info';

/** A `program` or `program#milestone` reference, as written and as resolved in its brief. */
export interface Reference {
  /** The text as written, e.g. `identity-sso#tokens-ga` or `design-approved`. */
  written: string;
  /** The program it names (for a bare milestone id of the same brief, this brief's program). */
  program: string;
  milestone?: string;
  /** Where the reference value is written. */
  range: Range;
}

export interface DependencyEntry extends Reference {
  reason?: string;
}

/** What every list item in the frontmatter has: its place and its identity. */
export interface FrontmatterItem {
  index: number;
  id?: Located<string>;
  title?: Located<string>;
  owner?: Located<string>;
  /** The first line of the list item, from its `-`. */
  itemRange: Range;
}

export interface Team extends FrontmatterItem {
  role?: string;
}

export interface Stakeholder {
  who?: Located<string>;
  role?: string;
  itemRange: Range;
}

export interface Milestone extends FrontmatterItem {
  team?: Located<string>;
  /** When work on it starts (on or before `due`; a later one is a `schedule-conflict`). */
  start?: Located<string>;
  due?: Located<string>;
  status?: Located<string>;
  dependsOn: DependencyEntry[];
}

export interface Risk extends FrontmatterItem {
  likelihood?: Located<string>;
  impact?: Located<string>;
  mitigation?: Located<string>;
  status?: Located<string>;
}

export interface Decision extends FrontmatterItem {
  status?: Located<string>;
  date?: Located<string>;
}

export type BodyReferenceKind = 'wikilink' | 'link';

/** A reference in the Markdown body: a `[[wikilink]]` or a link to another brief's file. */
export interface BodyReference {
  kind: BodyReferenceKind;
  /** For a wikilink, the program (and milestone); for a link, resolved later from `target`. */
  program?: string;
  milestone?: string;
  /** For a link: the URL as written (relative path, optional `#fragment`). */
  target?: string;
  range: Range;
  inDependenciesSection: boolean;
}

export interface Heading {
  text: string;
  depth: number;
  line: number;
  range: Range;
}

export interface Problem {
  message: string;
  range: Range;
  /** Extra data for quick fixes, e.g. the allowed values of an enum. */
  data?: { allowedValues?: readonly string[]; path?: (string | number)[] };
}

export interface Brief {
  /** Opaque, unique name of the file given by the host (a URI in the editor, a path in the CLI). */
  uri: string;
  text: string;
  /** Whether the file is a brief at all (has `program` in its frontmatter, or is named `*.brief.md`). */
  isBrief: boolean;
  /** The `---` … `---` block, if the file has one. */
  frontmatterRange?: Range;
  /** True when the frontmatter exists but holds nothing. */
  frontmatterEmpty: boolean;
  syntaxErrors: Problem[];
  schemaProblems: Problem[];
  /** The `program:` key, where whole-brief problems point. */
  programKeyRange?: Range;
  program?: Located<string>;
  title?: Located<string>;
  owner?: Located<string>;
  status?: Located<string>;
  summary?: string;
  start?: Located<string>;
  target?: Located<string>;
  teams: Team[];
  stakeholders: Stakeholder[];
  dependsOn: DependencyEntry[];
  milestones: Milestone[];
  risks: Risk[];
  decisions: Decision[];
  headings: Heading[];
  bodyReferences: BodyReference[];
  checklist: ChecklistItem[];
  /**
   * Set when the body, or some lines of it, could not be read (too deeply nested, or too complex
   * to read within the limits of ./bodyGuard.ts): why, and where (rule `body-skipped`).
   */
  bodySkipped?: Problem;
  /** Range of line 1, where file-level problems point. */
  firstLineRange: Range;
  /** Suppression comments, in file order; absent when there are none. */
  suppressions?: Suppression[];
}

/** The programs a brief declares it depends on: top-level `depends_on` plus those named by milestones. */
export function declaredPrograms(brief: Brief): Set<string> {
  const programs = new Set<string>();
  for (const entry of brief.dependsOn) programs.add(entry.program);
  for (const milestone of brief.milestones) {
    for (const entry of milestone.dependsOn) programs.add(entry.program);
  }
  return programs;
}

/** Every `depends_on` entry of a brief, top-level first, with the milestone that declares it. */
export function* dependencyEntries(brief: Brief): Generator<{ entry: DependencyEntry; from?: Milestone }> {
  for (const entry of brief.dependsOn) yield { entry };
  for (const milestone of brief.milestones) {
    for (const entry of milestone.dependsOn) yield { entry, from: milestone };
  }
}
