/**
 * The frontmatter schema (spec §1). `brief schema` prints the JSON Schema generated from it.
 *
 * `owner` is optional here on purpose: a missing owner is reported by `owner-missing`, never
 * also by `schema` (spec §2, "reported once, by the most specific rule").
 */
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const HANDLE_PATTERN = /^@[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)?$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const REFERENCE_PATTERN = /^[a-z0-9][a-z0-9-]*(#[a-z0-9][a-z0-9-]*)?$/;

export const PROGRAM_STATUSES = ['proposed', 'not-started', 'on-track', 'at-risk', 'off-track', 'blocked', 'done', 'cancelled'] as const;
export const MILESTONE_STATUSES = ['not-started', 'in-progress', 'at-risk', 'blocked', 'done', 'cancelled'] as const;
export const TEAM_ROLES = ['lead', 'contributor'] as const;
export const STAKEHOLDER_ROLES = ['approver', 'consulted', 'informed'] as const;
export const LEVELS = ['low', 'medium', 'high'] as const;
export const RISK_STATUSES = ['open', 'mitigated', 'accepted', 'closed'] as const;
export const DECISION_STATUSES = ['proposed', 'decided', 'superseded'] as const;

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  // By arithmetic, not through Date: every date of every brief is checked, and a Date and its
  // ISO text cost more than the rest of reading the value (docs/benchmark.md, "Memory per brief").
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const id = z.string({ error: 'an id such as `payments-v2` (lowercase letters, digits and dashes)' })
  .regex(ID_PATTERN, { error: 'an id such as `payments-v2` (lowercase letters, digits and dashes)' });
const text = z.string({ error: 'text' });
const handle = z.string({ error: 'a handle such as "@maria" or "@org/team"' })
  .regex(HANDLE_PATTERN, { error: 'a handle such as "@maria" or "@org/team" (quote it: @ cannot start a plain YAML value)' });
const date = z.string({ error: 'an ISO date (YYYY-MM-DD)' })
  // `abort`: a value that is not YYYY-MM-DD at all is one problem, not also "not a real date".
  .regex(DATE_PATTERN, { error: 'an ISO date (YYYY-MM-DD)', abort: true })
  .refine(isCalendarDate, { error: 'a real calendar date (YYYY-MM-DD)' });
const reference = z.string({ error: 'a reference `program` or `program#milestone`' })
  .regex(REFERENCE_PATTERN, { error: 'a reference `program` or `program#milestone`' });

/** An empty `owner:` is a missing owner, not a malformed one. */
const owner = z.preprocess((value) => (value === null || value === '' ? undefined : value), handle.optional());

const dependency = z.union(
  [reference, z.object({ ref: reference, reason: text.optional() }).loose()],
  { error: 'a reference `program` or `program#milestone`, or an object with `ref` and `reason`' },
);
const dependencies = z.array(dependency, { error: 'a list of references' });

export const teamSchema = z.object({ id, owner, role: z.enum(TEAM_ROLES).optional() }).loose();
export const stakeholderSchema = z.object({ who: handle, role: z.enum(STAKEHOLDER_ROLES).optional() }).loose();
export const milestoneSchema = z.object({
  id,
  title: text,
  owner,
  team: id.optional(),
  start: date.optional(),
  due: date.optional(),
  status: z.enum(MILESTONE_STATUSES).optional(),
  depends_on: dependencies.optional(),
}).loose();
export const riskSchema = z.object({
  id,
  title: text,
  owner,
  likelihood: z.enum(LEVELS).optional(),
  impact: z.enum(LEVELS).optional(),
  mitigation: text.optional(),
  status: z.enum(RISK_STATUSES).optional(),
}).loose();
export const decisionSchema = z.object({
  id,
  title: text,
  owner,
  status: z.enum(DECISION_STATUSES).optional(),
  date: date.optional(),
}).loose();

const listOf = <T extends z.ZodType>(item: T) => z.array(item, { error: 'a list' }).optional();

export const frontmatterSchema = z.object({
  program: id,
  title: text,
  owner,
  status: z.enum(PROGRAM_STATUSES).optional(),
  summary: text.optional(),
  start: date.optional(),
  target: date.optional(),
  teams: listOf(teamSchema),
  stakeholders: listOf(stakeholderSchema),
  depends_on: dependencies.optional(),
  milestones: listOf(milestoneSchema),
  risks: listOf(riskSchema),
  decisions: listOf(decisionSchema),
}).loose();

export type Frontmatter = z.infer<typeof frontmatterSchema>;

/** The JSON Schema of the frontmatter, for `brief schema` and editors' YAML tooling. */
export function frontmatterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(frontmatterSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://program-briefs.dev/schema/brief-frontmatter.json',
    title: 'Program brief frontmatter',
    description: 'The YAML frontmatter of a program brief (format v1).',
  };
}
