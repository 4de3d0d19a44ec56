/** Every rule, in the order of the spec's tables (v1, then v2's additions). */
import type { Rule } from './rule';
import { frontmatterMissing } from './frontmatter-missing';
import { frontmatterSyntax } from './frontmatter-syntax';
import { schema } from './schema';
import { ownerMissing } from './owner-missing';
import { ownerUnknown } from './owner-unknown';
import { dependencyUndeclared } from './dependency-undeclared';
import { dependencyUnknown } from './dependency-unknown';
import { dependencyCycle } from './dependency-cycle';
import { scheduleConflict } from './schedule-conflict';
import { milestoneOverdue } from './milestone-overdue';
import { riskUnmitigated } from './risk-unmitigated';
import { idDuplicate } from './id-duplicate';
import { teamUndeclared } from './team-undeclared';
import { statusInconsistent } from './status-inconsistent';
import { checklistUnowned } from './checklist-unowned';
import { bodySkipped } from './body-skipped';
import { scheduleSlip } from './schedule-slip';
import { statusOptimistic } from './status-optimistic';
import { suppressionInvalid } from './suppression-invalid';

export const RULES: readonly Rule[] = Object.freeze([
  frontmatterMissing,
  frontmatterSyntax,
  schema,
  ownerMissing,
  ownerUnknown,
  dependencyUndeclared,
  dependencyUnknown,
  dependencyCycle,
  scheduleConflict,
  milestoneOverdue,
  riskUnmitigated,
  idDuplicate,
  teamUndeclared,
  statusInconsistent,
  checklistUnowned,
  bodySkipped,
  // v2 (docs/schedule.md).
  scheduleSlip,
  statusOptimistic,
  suppressionInvalid,
]);

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export type { Rule, RuleContext, Report, RelatedLocation } from './rule';
export { SUPPRESSION_INVALID } from './suppress';
