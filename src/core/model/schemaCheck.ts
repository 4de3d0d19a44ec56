/**
 * Whether frontmatter values pass `frontmatterSchema` (./schema.ts), checked by hand: the same
 * answer as `frontmatterSchema.safeParse(data).success` for the values the fast frontmatter
 * reader makes (plain objects, arrays, strings and null; ../parse/fastYaml.ts), without zod's
 * machinery, which was a fifth of reading a brief's frontmatter on that path
 * (docs/benchmark.md, "Brief lint: where the time goes").
 *
 * Only the yes-or-no answer: a brief that fails takes the `yaml` path, where zod itself reports
 * each problem with its message. test/unit/schemaCheck.test.ts checks this against zod on every
 * fixture and on generated values, valid and not, so the two cannot drift apart.
 */
import {
  DATE_PATTERN, DECISION_STATUSES, HANDLE_PATTERN, ID_PATTERN, isCalendarDate, LEVELS, MILESTONE_STATUSES,
  PROGRAM_STATUSES, REFERENCE_PATTERN, RISK_STATUSES, STAKEHOLDER_ROLES, TEAM_ROLES,
} from './schema';

type Fields = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText: Check = (value) => typeof value === 'string';
const isId: Check = (value) => typeof value === 'string' && ID_PATTERN.test(value);
const isHandle: Check = (value) => typeof value === 'string' && HANDLE_PATTERN.test(value);
const isDate: Check = (value) => typeof value === 'string' && DATE_PATTERN.test(value) && isCalendarDate(value);
const isReference: Check = (value) => typeof value === 'string' && REFERENCE_PATTERN.test(value);
const oneOf = (values: readonly string[]): Check => {
  const allowed = new Set<unknown>(values);
  return (value) => allowed.has(value);
};
/** `.optional()`: absent (undefined) or valid; null is a value, and not a valid one. */
const optional = (check: Check): Check => (value) => value === undefined || check(value);
/** `owner`: empty (null or '') is a missing owner, which the schema lets through (owner-missing reports it). */
const isOwner: Check = (value) => value === undefined || value === null || value === '' || isHandle(value);

/** A `.loose()` object: the keys named must pass; other keys may hold anything. */
const object = (shape: Record<string, Check>): Check => {
  const keys = Object.keys(shape);
  return (value) => {
    if (!isObject(value)) return false;
    for (const key of keys) if (!shape[key](value[key])) return false;
    return true;
  };
};
const listOf = (item: Check): Check => (value) => Array.isArray(value) && value.every(item);

const isDependency: Check = (value) => isReference(value) || object({ ref: isReference, reason: optional(isText) })(value);
const dependencies = optional(listOf(isDependency));

const isFrontmatter = object({
  program: isId,
  title: isText,
  owner: isOwner,
  status: optional(oneOf(PROGRAM_STATUSES)),
  summary: optional(isText),
  start: optional(isDate),
  target: optional(isDate),
  teams: optional(listOf(object({ id: isId, owner: isOwner, role: optional(oneOf(TEAM_ROLES)) }))),
  stakeholders: optional(listOf(object({ who: isHandle, role: optional(oneOf(STAKEHOLDER_ROLES)) }))),
  depends_on: dependencies,
  milestones: optional(listOf(object({
    id: isId,
    title: isText,
    owner: isOwner,
    team: optional(isId),
    start: optional(isDate),
    due: optional(isDate),
    status: optional(oneOf(MILESTONE_STATUSES)),
    depends_on: dependencies,
  }))),
  risks: optional(listOf(object({
    id: isId,
    title: isText,
    owner: isOwner,
    likelihood: optional(oneOf(LEVELS)),
    impact: optional(oneOf(LEVELS)),
    mitigation: optional(isText),
    status: optional(oneOf(RISK_STATUSES)),
  }))),
  decisions: optional(listOf(object({
    id: isId,
    title: isText,
    owner: isOwner,
    status: optional(oneOf(DECISION_STATUSES)),
    date: optional(isDate),
  }))),
});

/** `frontmatterSchema.safeParse(data).success`, for plain values (strings, null, arrays, plain objects). */
export function passesFrontmatterSchema(data: unknown): boolean {
  return isFrontmatter(data);
}
