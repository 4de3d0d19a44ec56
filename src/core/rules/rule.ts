/** What a lint rule is: one small file per rule, listed in `./index`. */
import type { BriefsConfig } from '../workspace/config';
import type { Brief, Severity } from '../model/model';
import type { Range } from '../model/range';
import type { BriefWorkspace } from '../workspace/workspace';

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

export interface Report {
  range: Range;
  message: string;
  related?: RelatedLocation[];
  /** Overrides the rule's default severity for this report when the config does not set one. */
  defaultSeverity?: Severity;
  /** Data for quick fixes (e.g. the missing id, the allowed values). */
  data?: Record<string, unknown>;
}

export interface RuleContext {
  brief: Brief;
  workspace: BriefWorkspace;
  config: BriefsConfig;
  /** YYYY-MM-DD. */
  today: string;
  /** The id of every rule there is (whether it runs or not), for rules that check ids written in a brief. */
  ruleIds: ReadonlySet<string>;
  report(report: Report): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity | 'off';
  /** One line, for docs and `--help`. */
  description: string;
  /** Whether the rule's result for a brief can change when another brief changes. */
  crossFile: boolean;
  check(context: RuleContext): void;
}
