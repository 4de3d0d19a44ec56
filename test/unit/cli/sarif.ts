/**
 * Checks of our SARIF logs. Two come from GitHub's side and are the ones that decide: the SARIF
 * 2.1.0 JSON schema (the copy the SARIF multitool ships, compiled with ajv) and the multitool's own
 * `validate --rule-kind "Sarif;Ghas"` (its GitHub Advanced Security rules are what code scanning's
 * upload checks). `sarifProblems` below spells out, besides, what GitHub's documentation asks of a
 * log (relative `%SRCROOT%` URIs, a region per location, ...): returns the problems found, an
 * empty list for a valid log.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const MULTITOOL_DIR = path.dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
/** The multitool: a self-contained .NET program (no .NET install needed) shipped in the npm package for this platform. */
export const MULTITOOL = path.join(MULTITOOL_DIR, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');

/**
 * The multitool's path, executable. The package's postinstall (`chmod u+x`) may not have run (npm
 * can hold install scripts back): then a copy in a temporary folder is made executable, so
 * node_modules is never changed in place.
 */
function multitoolExecutable(dir: string): string {
  try {
    fs.accessSync(MULTITOOL, fs.constants.X_OK);
    return MULTITOOL;
  } catch {
    const copy = path.join(dir, path.basename(MULTITOOL));
    fs.copyFileSync(MULTITOOL, copy);
    fs.chmodSync(copy, 0o755);
    return copy;
  }
}
/** The SARIF 2.1.0 JSON schema as the multitool ships it. */
export const SARIF_SCHEMA_FILE = path.join(MULTITOOL_DIR, 'sarif-2.1.0.json');

let validateSchema: ReturnType<Ajv2020['compile']> | undefined;

/** The schema's complaints about a log, as `path: message` lines (none for a valid log). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validateSchema) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validateSchema = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA_FILE, 'utf8')));
  }
  if (validateSchema(log)) return [];
  return (validateSchema.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
}

export interface MultitoolFinding {
  file: string;
  ruleId: string;
  level: string;
  message: string;
}

/**
 * Runs `Sarif.Multitool validate --rule-kind "Sarif;Ghas"` over the logs (name → log) and returns
 * every finding it makes, notes included (`--level Error;Warning;Note`).
 */
export function multitoolFindings(logs: Record<string, unknown>): MultitoolFinding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-sarif-'));
  try {
    const files = Object.entries(logs).map(([name, log]) => {
      const file = path.join(dir, `${name}.sarif`);
      fs.writeFileSync(file, JSON.stringify(log, null, 2));
      return file;
    });
    const output = path.join(dir, 'validation.out');
    execFileSync(multitoolExecutable(dir), ['validate', '--rule-kind', 'Sarif;Ghas', '--level', 'Error;Warning;Note', '--log', 'ForceOverwrite', '--output', output, ...files],
      { stdio: 'pipe', timeout: 120_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    const validation = JSON.parse(fs.readFileSync(output, 'utf8')) as { runs: { invocations?: { executionSuccessful?: boolean }[]; results?: { ruleId: string; level?: string; message: { text?: string }; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[] };
    const run = validation.runs[0]!;
    if (run.invocations?.[0]?.executionSuccessful !== true) throw new Error(`the multitool did not run to the end: ${JSON.stringify(run.invocations)}`);
    return (run.results ?? []).map((result) => ({
      file: path.basename(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? ''),
      ruleId: result.ruleId,
      level: result.level ?? 'warning',
      message: result.message.text ?? '',
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Json = Record<string, unknown>;

const LEVELS = ['none', 'note', 'warning', 'error'];
const LOG_KEYS = ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'];
const RUN_KEYS = ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations',
  'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage',
  'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations',
  'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'];
const DRIVER_KEYS = ['guid', 'name', 'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri',
  'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'language', 'globalMessageStrings', 'notifications', 'rules',
  'taxa', 'locations', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion',
  'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'];
const RULE_KEYS = ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings',
  'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'];
const RESULT_KEYS = ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount',
  'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState',
  'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'];
const LOCATION_KEYS = ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'];
const REGION_KEYS = ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message',
  'sourceLanguage', 'properties'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPositiveInt = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;
const isAbsoluteUri = (value: unknown) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value);

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const onlyKeys = (object: Json, allowed: string[], where: string) => {
    for (const key of Object.keys(object)) check(allowed.includes(key), `${where}: unknown property ${key}`);
  };
  const message = (value: unknown, where: string) => check(isObject(value) && typeof value.text === 'string' && value.text.length > 0, `${where}.message.text must be a non-empty string`);
  const location = (value: unknown, where: string) => {
    if (!isObject(value)) return check(false, `${where} must be an object`);
    onlyKeys(value, LOCATION_KEYS, where);
    const physical = value.physicalLocation;
    if (!isObject(physical)) return check(false, `${where}.physicalLocation must be an object`);
    const artifact = physical.artifactLocation;
    if (!isObject(artifact)) return check(false, `${where}.physicalLocation.artifactLocation must be an object`);
    const uri = artifact.uri;
    check(typeof uri === 'string' && uri.length > 0, `${where}: artifactLocation.uri must be a string`);
    if (typeof uri === 'string') {
      check(!/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.startsWith('/'), `${where}: uri ${uri} must be relative`);
      check(!uri.includes('\\'), `${where}: uri ${uri} must use /`);
      check(!/[\s#?]/.test(uri), `${where}: uri ${uri} must be percent-encoded`);
    }
    check(artifact.uriBaseId === '%SRCROOT%', `${where}: uriBaseId must be %SRCROOT%`);
    const region = physical.region;
    if (!isObject(region)) return check(false, `${where}.region must be an object`);
    onlyKeys(region, REGION_KEYS, `${where}.region`);
    check(isPositiveInt(region.startLine), `${where}: startLine must be an integer >= 1`);
    check(isPositiveInt(region.startColumn), `${where}: startColumn must be an integer >= 1`);
    check(isPositiveInt(region.endLine) && (region.endLine as number) >= (region.startLine as number), `${where}: endLine must be >= startLine`);
    check(isPositiveInt(region.endColumn), `${where}: endColumn must be an integer >= 1`);
    if (region.endLine === region.startLine) check((region.endColumn as number) >= (region.startColumn as number), `${where}: endColumn must be >= startColumn on one line`);
  };

  if (!isObject(log)) return ['the log must be an object'];
  onlyKeys(log, LOG_KEYS, 'log');
  check(log.version === '2.1.0', 'version must be "2.1.0"');
  check(isAbsoluteUri(log.$schema), '$schema must be an absolute URI');
  if (!Array.isArray(log.runs) || log.runs.length === 0) return [...problems, 'runs must be a non-empty array'];
  log.runs.forEach((run: unknown, r: number) => {
    if (!isObject(run)) return check(false, `runs[${r}] must be an object`);
    onlyKeys(run, RUN_KEYS, `runs[${r}]`);
    const driver = isObject(run.tool) ? run.tool.driver : undefined;
    if (!isObject(driver)) return check(false, `runs[${r}].tool.driver must be an object`);
    onlyKeys(driver, DRIVER_KEYS, 'driver');
    check(typeof driver.name === 'string' && driver.name.length > 0, 'driver.name must be a non-empty string');
    if (driver.informationUri !== undefined) check(isAbsoluteUri(driver.informationUri), 'driver.informationUri must be an absolute URI');
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    const ruleIds = new Set<string>();
    rules.forEach((rule: unknown, i: number) => {
      if (!isObject(rule)) return check(false, `rules[${i}] must be an object`);
      onlyKeys(rule, RULE_KEYS, `rules[${i}]`);
      check(typeof rule.id === 'string' && !ruleIds.has(rule.id), `rules[${i}].id must be a unique string`);
      ruleIds.add(rule.id as string);
      check(isObject(rule.shortDescription) && typeof rule.shortDescription.text === 'string', `rules[${i}].shortDescription.text must be a string`);
      if (rule.helpUri !== undefined) check(isAbsoluteUri(rule.helpUri), `rules[${i}].helpUri must be an absolute URI`);
      const config = rule.defaultConfiguration;
      if (config !== undefined) {
        check(isObject(config) && (config.level === undefined || LEVELS.includes(config.level as string)), `rules[${i}].defaultConfiguration.level must be one of ${LEVELS}`);
        check(isObject(config) && (config.enabled === undefined || typeof config.enabled === 'boolean'), `rules[${i}].defaultConfiguration.enabled must be a boolean`);
      }
    });
    check(Array.isArray(run.results), `runs[${r}].results must be an array`);
    const results = Array.isArray(run.results) ? run.results : [];
    results.forEach((result: unknown, i: number) => {
      const where = `results[${i}]`;
      if (!isObject(result)) return check(false, `${where} must be an object`);
      onlyKeys(result, RESULT_KEYS, where);
      message(result.message, where);
      check(typeof result.ruleId === 'string', `${where}.ruleId must be a string`);
      if (result.ruleIndex !== undefined) {
        check(Number.isInteger(result.ruleIndex) && isObject(rules[result.ruleIndex as number]) && (rules[result.ruleIndex as number] as Json).id === result.ruleId,
          `${where}.ruleIndex must point at the rule ${String(result.ruleId)}`);
      }
      if (result.level !== undefined) check(LEVELS.includes(result.level as string), `${where}.level must be one of ${LEVELS}`);
      check(Array.isArray(result.locations) && result.locations.length >= 1, `${where}.locations must hold a location (GitHub needs one)`);
      (Array.isArray(result.locations) ? result.locations : []).forEach((loc: unknown, j: number) => location(loc, `${where}.locations[${j}]`));
      if (result.relatedLocations !== undefined) {
        const ids = new Set<unknown>();
        check(Array.isArray(result.relatedLocations), `${where}.relatedLocations must be an array`);
        (result.relatedLocations as unknown[]).forEach((loc, j) => {
          location(loc, `${where}.relatedLocations[${j}]`);
          if (isObject(loc)) {
            message(loc.message, `${where}.relatedLocations[${j}]`);
            check(loc.id === undefined || (Number.isInteger(loc.id) && (loc.id as number) >= 0 && !ids.has(loc.id)), `${where}.relatedLocations[${j}].id must be a unique integer >= 0`);
            ids.add(loc.id);
          }
        });
      }
      if (result.partialFingerprints !== undefined) {
        check(isObject(result.partialFingerprints) && Object.values(result.partialFingerprints).every((v) => typeof v === 'string'), `${where}.partialFingerprints must map names to strings`);
      }
    });
  });
  return problems;
}
