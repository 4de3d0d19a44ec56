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
export { portfolioHealth, programHealth, scheduleFacts, HEALTH_LABELS, type Health, type HealthReason, type HealthReasonKind, type ProgramHealth } from './report/health';
export { dueItems, DEFAULT_DUE_WITHIN, type DueItem } from './report/due';
export { ownersOf, OWNED_KINDS, type OwnedItem, type OwnerEntry } from './report/owners';
export { buildReport, DEFAULT_HORIZON, type Report as StatusReport, type ProgramReport } from './report/report';
export { changeSentence, diffWorkspaces, forecastChanges, type DiffChange, type ForecastChange } from './report/diff';
export { reportHtml } from './render/reportHtml';
export { reportMarkdown } from './render/reportMarkdown';
