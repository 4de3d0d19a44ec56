/** The public surface of the core: what the extension, the CLI and the tests import. */
export * from './model/range';
export * from './model/model';
export * from './model/schema';
export * from './workspace/config';
export * from './parse/checklist';
export * from './workspace/graph';
export { parseBrief, isBriefFileName, mayBeBrief, withoutBom } from './parse/parseBrief';
export { BriefWorkspace } from './workspace/workspace';
export { lintBrief, lintWorkspace, briefsAffectedBy, type Diagnostic, type LintOptions } from './rules/lint';
export { keepScheduleIncremental } from './rules/scheduleFacts';
export { RULES, RULE_IDS, type Rule, type RuleContext, type Report, type RelatedLocation } from './rules';
