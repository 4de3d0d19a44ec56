/** Every rule, in the order of the spec's table. */
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
]);

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export type { Rule, RuleContext, Report, RelatedLocation } from './rule';
