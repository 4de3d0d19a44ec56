/** `briefs.config.json` (spec §3): parsed and validated here; hosts read the file and merge overrides. */
import { z } from 'zod';
import { DATE_PATTERN, HANDLE_PATTERN, isCalendarDate } from '../model/schema';
import type { Severity } from '../model/model';
import { withoutBom } from '../model/text';

export type RuleSetting = Severity | 'off';

export interface BriefsConfig {
  include: string[];
  exclude: string[];
  rules: Record<string, RuleSetting>;
  /** Undefined when no people list is configured (then `owner-unknown` stays quiet). */
  people?: string[];
  /** YYYY-MM-DD; undefined means the current UTC date. */
  today?: string;
}

export const DEFAULT_CONFIG: BriefsConfig = Object.freeze({
  include: ['**/*.md'],
  exclude: ['**/node_modules/**'],
  rules: {},
});

const ruleSetting = z.enum(['error', 'warning', 'info', 'off'], { error: 'one of "error", "warning", "info", "off"' });

export const configSchema = z.object({
  $schema: z.string({ error: 'a string' }).optional(),
  include: z.array(z.string({ error: 'a glob pattern (a string)' }), { error: 'a list of glob patterns' }).optional(),
  exclude: z.array(z.string({ error: 'a glob pattern (a string)' }), { error: 'a list of glob patterns' }).optional(),
  rules: z.record(z.string(), ruleSetting, { error: 'an object of rule ids to "error" | "warning" | "info" | "off"' }).optional(),
  people: z.array(z.string({ error: 'a handle such as "@maria"' }).regex(HANDLE_PATTERN, { error: 'a handle such as "@maria"' }), { error: 'a list of handles' }).optional(),
  today: z.string({ error: 'a date YYYY-MM-DD' }).regex(DATE_PATTERN, { error: 'a date YYYY-MM-DD', abort: true }).refine(isCalendarDate, { error: 'a real calendar date YYYY-MM-DD' }).optional(),
}, { error: 'a JSON object such as { "rules": { "owner-missing": "error" } }' }).strict();

export type ConfigOverrides = z.infer<typeof configSchema>;

/** The JSON Schema of `briefs.config.json`, generated from `configSchema`, with the rule ids listed. */
export function configJsonSchema(knownRules: readonly string[]): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  const setting = { type: 'string', enum: ['error', 'warning', 'info', 'off'] };
  schema.properties.rules = {
    type: 'object',
    description: 'Severity per rule id.',
    properties: Object.fromEntries(knownRules.map((id) => [id, setting])),
    additionalProperties: false,
  };
  return { ...schema, title: 'Program Briefs configuration (briefs.config.json)' };
}

export class ConfigError extends Error {
  constructor(readonly source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the text of a config file. Throws `ConfigError` with a message naming the file and
 * the problem (a broken config is never ignored silently).
 */
export function parseConfig(text: string, source: string, knownRules: readonly string[]): ConfigOverrides {
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(text));
  } catch (error) {
    // V8's message quotes the start of the text (`Unexpected token 'r', "root:x:0:0:"... is not
    // valid JSON`): keep the reason, never the file's content.
    const reason = (error instanceof Error ? error.message : String(error)).split(', "')[0];
    throw new ConfigError(source, `not valid JSON (${reason})`);
  }
  return validateConfig(data, source, knownRules);
}

export function validateConfig(data: unknown, source: string, knownRules: readonly string[]): ConfigOverrides {
  // Rule ids are checked on the data as given, before the schema copies it: a copy made by
  // assignment drops keys such as `__proto__` (it sets the copy's prototype instead), which would
  // let `{"rules": {"__proto__": …}}` through silently. Own keys only; none is ever assigned.
  const rules = isPlainRecord(data) && Object.prototype.hasOwnProperty.call(data, 'rules') ? data.rules : undefined;
  if (isPlainRecord(rules)) {
    const known = new Set(knownRules);
    const unknown = Object.keys(rules).filter((id) => !known.has(id));
    if (unknown.length > 0) throw unknownRules(source, unknown, knownRules);
  }
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? String(segment) : `.${String(segment)}`)).join('');
    const where = path ? `\`${path}\`` : 'the file';
    const expected = issue.code === 'unrecognized_keys' ? `no key ${issue.keys.map((k) => `\`${k}\``).join(', ')} (allowed: include, exclude, rules, people, today)` : issue.message;
    throw new ConfigError(source, `${where} is invalid; expected ${expected}`);
  }
  const unknown = Object.keys(result.data.rules ?? {}).filter((id) => !knownRules.includes(id));
  if (unknown.length > 0) throw unknownRules(source, unknown, knownRules);
  return result.data;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownRules(source: string, unknown: string[], knownRules: readonly string[]): ConfigError {
  return new ConfigError(source, `unknown rule ${unknown.map((id) => `\`${id}\``).join(', ')}; expected one of ${knownRules.join(', ')}`);
}

/** Later layers win; `rules` merge key by key. */
export function mergeConfig(...layers: (ConfigOverrides | undefined)[]): BriefsConfig {
  const config: BriefsConfig = { ...DEFAULT_CONFIG, rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.include) config.include = layer.include;
    if (layer.exclude) config.exclude = layer.exclude;
    if (layer.rules) config.rules = { ...config.rules, ...layer.rules };
    if (layer.people) config.people = layer.people;
    if (layer.today) config.today = layer.today;
  }
  return config;
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The date the rules and views treat as today: the config's `today`, else the current UTC date (spec §2). */
export function effectiveToday(config: Pick<BriefsConfig, 'today'>): string {
  return config.today ?? todayUtc();
}
