/** The public surface of the core: what the extension, the CLI and the tests import. */
export * from './range';
export * from './model';
export * from './schema';
export * from './config';
export * from './checklist';
export * from './graph';
export { parseBrief, isBriefFileName, mayBeBrief, withoutBom } from './parseBrief';
export { BriefWorkspace } from './workspace';
export { lintBrief, lintWorkspace, briefsAffectedBy, type Diagnostic, type LintOptions } from './lint';
export { keepScheduleIncremental } from './rules/scheduleFacts';
export { RULES, RULE_IDS, type Rule, type RuleContext, type Report, type RelatedLocation } from './rules';
