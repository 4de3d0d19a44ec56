/**
 * Writes a deterministic synthetic workspace of program briefs for the benchmark.
 *
 *   tsx bench/generate.ts [--count 2000] [--seed 42] [--out bench/.workspace] [--notes 0] [--content synthetic|realistic]
 *
 * Every brief is built from a seeded PRNG, so the same count and seed always give byte-identical
 * files. Briefs look like real ones (see examples/programs): 3-4 KB, 5-12 milestones with owner,
 * team, due and status, `depends_on` to milestones of the same brief and of lower-numbered
 * programs (so the graph is acyclic apart from a few deliberate back edges), teams, stakeholders,
 * risks, decisions, and a body with Scope / Dependencies (wikilinks that match the declared
 * dependencies) / Risks / Checklist sections holding 10-30 GFM task items with @owners and due dates.
 * A small share of briefs carry the mistakes real workspaces have (overdue milestones, schedule
 * conflicts, an undeclared dependency, an unknown team, a high risk without mitigation...), so
 * every rule has something to do.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prng } from '../test/support/prng';
import { realisticBody } from './realisticBody';

export interface GenerateOptions {
  count: number;
  seed: number;
  outDir: string;
  /** Non-brief Markdown files (meeting notes) to add; the linter must skip them. */
  notes?: number;
  /**
   * `synthetic` (default): plain bodies. `realistic`: bodies shaped like real program documents
   * (links, tables, block quotes, callouts, HTML comments, ordered lists, code blocks, emphasis,
   * long sections), written by bench/realisticBody.ts around the same sections and checklist.
   */
  content?: Content;
}

export type Content = 'synthetic' | 'realistic';

export interface GeneratedWorkspace {
  outDir: string;
  files: string[];
  bytes: number;
  briefs: number;
  /** The `today` written to briefs.config.json. */
  today: string;
}

export const DEFAULT_COUNT = 2000;
export const DEFAULT_SEED = 42;
export const DEFAULT_OUT = resolve(__dirname, '.workspace');
/** Where `--content realistic` writes its workspace by default. */
export const DEFAULT_REALISTIC_OUT = resolve(__dirname, '.workspace-realistic');

export function defaultOutDir(content: Content): string {
  return content === 'realistic' ? DEFAULT_REALISTIC_OUT : DEFAULT_OUT;
}
export const TODAY = '2026-06-15';
/** What `manifest.json` records, so run.ts can tell whether the workspace on disk is current. */
export const GENERATOR_VERSION = 1;


export class Random {
  constructor(private readonly next: () => number) {}
  float(): number { return this.next(); }
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(list: readonly T[]): T { return list[Math.floor(this.next() * list.length)]; }
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

const AREAS = ['payments', 'platform', 'security', 'data', 'mobile', 'growth'] as const;
const AREA_WORDS: Record<(typeof AREAS)[number], string[]> = {
  payments: ['ledger', 'billing', 'checkout', 'payouts', 'refunds', 'invoicing', 'tax', 'fraud', 'card', 'wallet', 'fx', 'settlement'],
  platform: ['k8s', 'service-mesh', 'ci', 'build', 'observability', 'gateway', 'queue', 'cache', 'dns', 'runtime', 'config', 'deploy'],
  security: ['sso', 'iam', 'secrets', 'soc2', 'pentest', 'sbom', 'mfa', 'audit-log', 'kms', 'waf', 'dlp', 'zero-trust'],
  data: ['warehouse', 'lakehouse', 'etl', 'metrics', 'catalog', 'lineage', 'ml-features', 'reporting', 'cdc', 'gdpr-dsar', 'retention', 'search'],
  mobile: ['app', 'ios', 'android', 'push', 'offline', 'onboarding', 'deeplinks', 'widgets', 'accessibility', 'crash-reporting', 'sdk', 'design-system'],
  growth: ['pricing', 'trials', 'referrals', 'crm', 'email', 'experiments', 'localization', 'seo', 'partner-api', 'marketplace', 'loyalty', 'churn'],
};
const ID_SUFFIXES = ['v2', 'v3', 'migration', 'rewrite', 'ga', 'consolidation', 'phase-2', 'uplift', 'sunset', 'rollout', '2026', '2027'];
const FIRST_NAMES = ['maria', 'li', 'tomasz', 'ines', 'sofia', 'hiro', 'ana', 'yuki', 'ben', 'amara', 'carlos', 'chen', 'elif', 'felix', 'grace',
  'jonas', 'keiko', 'lena', 'marcus', 'nadia', 'omar', 'priya', 'ravi', 'rosa', 'sam', 'zoe', 'dev', 'ade', 'bruno', 'chloe', 'dmitri', 'eva',
  'farah', 'gus', 'hana', 'ivan', 'jade', 'kofi', 'lucas', 'mei', 'nils', 'olga', 'pablo', 'quinn', 'rita', 'sven', 'tara', 'umar', 'vera', 'wen'];
const LAST_INITIALS = ['', '', '.k', '.m', '.s', '.t', '.r', '.b'];
const TEAM_WORDS = ['core', 'infra', 'api', 'web', 'ios', 'android', 'qa', 'design', 'sre', 'data-eng', 'analytics', 'risk-eng', 'compliance',
  'legal', 'support', 'finance-eng', 'identity', 'edge', 'storage', 'ml', 'growth-eng', 'billing-eng', 'devex', 'security-eng', 'docs'];
const STAKEHOLDER_HANDLES = ['@cfo-office', '@ciso', '@cto', '@dpo', '@risk-committee', '@support-leads', '@external-auditor',
  '@fintech/analysts', '@fintech/eng-managers', '@fintech/marketing', '@legal/privacy', '@sales-ops', '@exec-staff'];
const MILESTONE_IDS = ['kickoff', 'design-approved', 'rfc-signed-off', 'prototype', 'api-frozen', 'schema-migrated', 'sandbox-ready', 'alpha',
  'security-review', 'load-test', 'beta', 'pilot', 'dogfood', 'rollout-10', 'rollout-50', 'ga', 'cutover', 'docs-published', 'legacy-off',
  'audit-passed', 'contract-signed', 'training-done', 'backfill-done', 'shadow-traffic', 'launch', 'retro'];
const MILESTONE_VERBS = ['Design approved for', 'Prototype of', 'API frozen for', 'Security review of', 'Load test of', 'Beta of', 'Pilot of',
  'Rollout of', 'General availability of', 'Cutover to', 'Documentation for', 'Decommissioning of', 'Audit evidence for', 'Migration of'];
const MILESTONE_STATUSES = ['not-started', 'in-progress', 'at-risk', 'blocked', 'done', 'cancelled'] as const;
const PROGRAM_STATUSES = ['proposed', 'not-started', 'on-track', 'at-risk', 'off-track', 'blocked', 'done'] as const;
const LEVELS = ['low', 'medium', 'high'] as const;
const RISK_STATUSES = ['open', 'mitigated', 'accepted', 'closed'] as const;
const DECISION_STATUSES = ['proposed', 'decided', 'superseded'] as const;
const RISK_TITLES = ['Vendor API ships late', 'Key engineer on leave during cutover', 'Latency above budget at peak', 'Migration backfill slower than planned',
  'Change freeze collides with rollout', 'Upstream contract changes late', 'Compliance sign-off delayed', 'Capacity shortfall in the new region',
  'Data quality issues in the source system', 'App store review rejects the flow', 'Budget cut in the next planning cycle'];
const MITIGATIONS = ['Keep the old path warm for 30 days with automatic fallback.', 'Pair a second engineer on every critical task.',
  'Run weekly load tests against production-sized data.', 'Stage the rollout by region and hold at 10% for a week.',
  'Agree the interface in an RFC and pin the version.', 'Book the review slot a month early.'];
const DECISION_TITLES = ['Build on the shared platform instead of a bespoke stack', 'Roll out region by region', 'Keep one vendor at launch',
  'Event-source the state changes', 'Drop support for the legacy client', 'Use feature flags for every step', 'Write the runbook before the cutover'];
const SCOPE_SENTENCES = ['This program replaces the legacy {w} stack with a service the whole company can build on.',
  'Every team that touches {w} moves to the new interface; the old one is switched off at the end.',
  'Out of scope: the reporting changes, which follow in a separate program next half.',
  'Success means no customer-visible incidents during the migration and a 30% cut in run cost.',
  'The work is split into a design phase, a staged rollout and a clean-up phase.',
  'We coordinate with the teams below; their milestones gate ours.',
  'The {w} team leads; contributors join for the phases that touch their systems.'];
const CHECKLIST_TEXTS = ['Kick-off held', 'RFC circulated for review', 'Architecture review signed off', 'Threat model updated', 'Runbook written',
  'Dashboards and alerts in place', 'Load test at 3x peak', 'Rollback rehearsed', 'Support briefed', 'Release notes drafted',
  'Data backfill verified', 'Privacy review done', 'Go/no-go meeting', 'Vendor contract countersigned', 'On-call rotation updated',
  'Legacy config removed', 'Post-launch retro', 'Capacity plan approved', 'Canary healthy for 48 hours', 'Docs reviewed by tech writing'];
const CHECKLIST_SECTIONS = ['Discovery', 'Build', 'Rollout', 'Clean-up'];

interface MilestoneModel {
  id: string;
  title: string;
  owner: string;
  team: string;
  due: string;
  status: string;
  dependsOn: string[];
}

export interface ProgramModel {
  index: number;
  id: string;
  area: string;
  title: string;
  owner: string;
  status: string;
  start: string;
  target: string;
  teams: { id: string; owner: string; role: string }[];
  stakeholders: { who: string; role: string }[];
  dependsOn: (string | { ref: string; reason: string })[];
  milestones: MilestoneModel[];
  risks: { id: string; title: string; owner: string; likelihood: string; impact: string; mitigation?: string; status: string }[];
  decisions: { id: string; title: string; owner: string; status: string; date: string }[];
  /** Programs named in the Dependencies section (declared deps, plus sometimes an undeclared one). */
  bodyLinks: string[];
  checklist: { checked: boolean; text: string; owner?: string; due?: string; depth: number; section: string }[];
}

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 6, 1);

function isoDate(days: number): string {
  return new Date(BASE + days * DAY).toISOString().slice(0, 10);
}

function dayOf(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - BASE) / DAY);
}

function buildModels(count: number, seed: number): ProgramModel[] {
  const r = new Random(prng(seed));
  const people = FIRST_NAMES.flatMap((first) => LAST_INITIALS.slice(0, 4).map((last) => `@${first}${last}`));
  const usedIds = new Set<string>();
  const models: ProgramModel[] = [];
  const todayDay = dayOf(TODAY);
  for (let index = 0; index < count; index++) {
    const area = AREAS[index % AREAS.length];
    const word = r.pick(AREA_WORDS[area]);
    let id = `${word}-${r.pick(ID_SUFFIXES)}`;
    for (let n = 2; usedIds.has(id); n++) id = `${word}-${r.pick(ID_SUFFIXES)}-${n}`;
    usedIds.add(id);
    const startDay = r.int(0, 540);
    const milestoneCount = r.int(5, 12);
    const teams = r.sample(TEAM_WORDS, r.int(2, 4)).map((team, i) => ({ id: team, owner: r.pick(people), role: i === 0 ? 'lead' : 'contributor' }));
    const owner = r.pick(people);
    const milestones: MilestoneModel[] = [];
    const usedMilestones = new Set<string>();
    let day = startDay;
    for (let m = 0; m < milestoneCount; m++) {
      let milestoneId = r.pick(MILESTONE_IDS);
      for (let n = 2; usedMilestones.has(milestoneId); n++) milestoneId = `${r.pick(MILESTONE_IDS)}-${n}`;
      usedMilestones.add(milestoneId);
      day += r.int(14, 45);
      const due = isoDate(day);
      // Past milestones are mostly done; a few are not (milestone-overdue).
      const status = day < todayDay ? (r.chance(0.9) ? 'done' : r.pick(['in-progress', 'at-risk', 'cancelled'])) : r.pick(MILESTONE_STATUSES.slice(0, 4));
      const dependsOn: string[] = [];
      if (m > 0 && r.chance(0.8)) dependsOn.push(milestones[m - 1].id);
      if (m > 1 && r.chance(0.25)) dependsOn.push(milestones[r.int(0, m - 2)].id);
      milestones.push({
        id: milestoneId,
        title: `${r.pick(MILESTONE_VERBS)} ${word.replace(/-/g, ' ')}`,
        owner: r.chance(0.01) ? '' : r.pick(people),
        team: r.chance(0.01) ? 'platform-team' : r.pick(teams).id,
        due,
        status,
        dependsOn,
      });
    }
    // Cross-program dependencies, on lower-numbered programs (acyclic), preferring milestones due earlier.
    const crossPrograms = new Set<string>();
    if (index > 0) {
      const crossCount = r.int(1, 4);
      for (let c = 0; c < crossCount; c++) {
        const upstream = models[index - 1 - Math.min(index - 1, Math.floor(r.float() ** 2 * Math.min(index, 400)))];
        const from = milestones[r.int(1, milestones.length - 1)];
        const candidates = upstream.milestones.filter((u) => r.chance(0.05) || u.due <= from.due);
        const target = candidates.length > 0 ? r.pick(candidates) : undefined;
        if (target && r.chance(0.85)) from.dependsOn.push(`${upstream.id}#${target.id}`);
        else if (!from.dependsOn.includes(upstream.id)) from.dependsOn.push(upstream.id);
        crossPrograms.add(upstream.id);
      }
    }
    const target = isoDate(day + r.int(0, 40) - (r.chance(0.02) ? 30 : 0));
    const dependsOn: ProgramModel['dependsOn'] = [];
    for (const program of crossPrograms) {
      if (r.chance(0.5)) dependsOn.push(r.chance(0.3) ? { ref: program, reason: `needs the ${program.replace(/-/g, ' ')} interface` } : program);
    }
    if (index > 5 && r.chance(0.003)) dependsOn.push(`retired-${word}`); // dependency-unknown
    const bodyLinks = [...crossPrograms];
    if (index > 1 && r.chance(0.03)) bodyLinks.push(models[r.int(0, index - 1)].id); // maybe dependency-undeclared
    const risks = Array.from({ length: r.int(1, 2) }, (_, i) => {
      const likelihood = r.pick(LEVELS);
      const impact = r.pick(LEVELS);
      return {
        id: `risk-${i + 1}`,
        title: r.pick(RISK_TITLES),
        owner: r.pick(people),
        likelihood,
        impact,
        mitigation: r.chance(0.92) ? r.pick(MITIGATIONS) : undefined,
        status: r.pick(RISK_STATUSES),
      };
    });
    const decisions = Array.from({ length: r.int(1, 2) }, (_, i) => ({
      id: `decision-${i + 1}`,
      title: r.pick(DECISION_TITLES),
      owner: r.pick(people),
      status: r.pick(DECISION_STATUSES),
      date: isoDate(startDay + r.int(0, 60)),
    }));
    const checklist: ProgramModel['checklist'] = [];
    const items = r.int(10, 30);
    for (let i = 0; i < items; i++) {
      const dueDay = startDay + Math.floor(((day - startDay) * (i + 1)) / items);
      checklist.push({
        checked: dueDay < todayDay && r.chance(0.85),
        text: r.pick(CHECKLIST_TEXTS),
        owner: r.chance(0.92) ? r.pick(people) : undefined,
        due: r.chance(0.75) ? isoDate(dueDay) : undefined,
        depth: i > 0 && r.chance(0.15) ? 1 : 0,
        section: CHECKLIST_SECTIONS[Math.min(CHECKLIST_SECTIONS.length - 1, Math.floor((i * CHECKLIST_SECTIONS.length) / items))],
      });
    }
    models.push({
      index, id, area,
      title: `${word.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())} ${id.slice(word.length + 1).replace(/-/g, ' ')}`.trim(),
      owner,
      status: r.pick(PROGRAM_STATUSES),
      start: isoDate(startDay),
      target,
      teams,
      stakeholders: r.sample(STAKEHOLDER_HANDLES, r.int(1, 3)).map((who) => ({ who, role: r.pick(['approver', 'consulted', 'informed']) })),
      dependsOn,
      milestones,
      risks,
      decisions,
      bodyLinks,
      checklist,
    });
  }
  // A few deliberate back edges (to higher-numbered programs), the kind of mistake that makes a
  // cycle: A's last milestone waits for B's last one while B's second-to-last waits for A's.
  for (let k = 0; k < Math.floor(count / 500); k++) {
    const a = models[r.int(0, Math.floor(count / 2))];
    const b = models[r.int(Math.floor(count / 2), count - 1)];
    const aLast = a.milestones[a.milestones.length - 1];
    const bLast = b.milestones[b.milestones.length - 1];
    aLast.dependsOn.push(`${b.id}#${bLast.id}`);
    b.milestones[b.milestones.length - 2].dependsOn.push(`${a.id}#${aLast.id}`);
    a.bodyLinks.push(b.id);
    if (!b.bodyLinks.includes(a.id)) b.bodyLinks.push(a.id);
  }
  return models;
}

function yamlString(value: string): string {
  return /^[A-Za-z0-9][\w .,/()%-]*$/.test(value) && !/: |#/.test(value) ? value : JSON.stringify(value);
}

function render(model: ProgramModel, content: Content, seed: number): string {
  const out: string[] = ['---'];
  out.push(`program: ${model.id}`, `title: ${yamlString(model.title)}`, `owner: "${model.owner}"`, `status: ${model.status}`);
  out.push(`summary: ${yamlString(`Deliver ${model.title.toLowerCase()} for the ${model.area} area.`)}`);
  out.push(`start: ${model.start}`, `target: ${model.target}`, 'teams:');
  for (const team of model.teams) out.push(`  - id: ${team.id}`, `    owner: "${team.owner}"`, `    role: ${team.role}`);
  out.push('stakeholders:');
  for (const s of model.stakeholders) out.push(`  - who: "${s.who}"`, `    role: ${s.role}`);
  if (model.dependsOn.length > 0) {
    out.push('depends_on:');
    for (const d of model.dependsOn) {
      if (typeof d === 'string') out.push(`  - ${d}`);
      else out.push(`  - ref: ${d.ref}`, `    reason: ${yamlString(d.reason)}`);
    }
  }
  out.push('milestones:');
  for (const m of model.milestones) {
    out.push(`  - id: ${m.id}`, `    title: ${yamlString(m.title)}`);
    if (m.owner) out.push(`    owner: "${m.owner}"`);
    out.push(`    team: ${m.team}`, `    due: ${m.due}`, `    status: ${m.status}`);
    if (m.dependsOn.length > 0) out.push(`    depends_on: [${m.dependsOn.join(', ')}]`);
  }
  out.push('risks:');
  for (const risk of model.risks) {
    out.push(`  - id: ${risk.id}`, `    title: ${yamlString(risk.title)}`, `    owner: "${risk.owner}"`, `    likelihood: ${risk.likelihood}`, `    impact: ${risk.impact}`);
    if (risk.mitigation) out.push(`    mitigation: ${yamlString(risk.mitigation)}`);
    out.push(`    status: ${risk.status}`);
  }
  out.push('decisions:');
  for (const d of model.decisions) out.push(`  - id: ${d.id}`, `    title: ${yamlString(d.title)}`, `    owner: "${d.owner}"`, `    status: ${d.status}`, `    date: ${d.date}`);
  if (content === 'realistic') {
    // Its own PRNG per brief, so the frontmatter (and the synthetic workspace) is unchanged.
    out.push('---', ...realisticBody(model, new Random(prng((seed * 7919 + model.index * 104_729) >>> 0))));
    return out.join('\n');
  }
  out.push('---', `# ${model.title}`, '', '## Scope', '');
  const word = model.id.split('-')[0];
  out.push(`${SCOPE_SENTENCES[model.index % SCOPE_SENTENCES.length].replace('{w}', word)} Owner: ${model.owner}.`, '');
  out.push('## Dependencies', '');
  if (model.bodyLinks.length === 0) out.push('None: this program only builds on what already exists.');
  for (const link of model.bodyLinks) {
    const milestone = model.milestones.flatMap((m) => m.dependsOn).find((d) => d.startsWith(`${link}#`));
    out.push(milestone ? `- [[${milestone}]]: we wait for this before \`${model.milestones[model.milestones.length - 1].id}\`.` : `- [[${link}]] provides an interface we build on.`);
  }
  out.push('', '## Risks', '');
  for (const risk of model.risks) out.push(`- ${risk.title} (${risk.likelihood} likelihood, ${risk.impact} impact).`);
  out.push('', '## Checklist');
  let section = '';
  for (const item of model.checklist) {
    if (item.section !== section) {
      section = item.section;
      out.push('', `### ${section}`, '');
    }
    const parts = [`${'  '.repeat(item.depth)}- [${item.checked ? 'x' : ' '}] ${item.text}`];
    if (item.owner) parts.push(item.owner);
    if (item.due) parts.push(`due:${item.due}`);
    out.push(parts.join(' '));
  }
  out.push('');
  return out.join('\n');
}

function renderNote(i: number, models: ProgramModel[]): string {
  const a = models[i % models.length];
  const b = models[(i * 7 + 3) % models.length];
  return `# Weekly sync ${i + 1}\n\nAttendees: ${a.owner}, ${b.owner}.\n\n- [[${a.id}]] is ${a.status}.\n- [[${b.id}]] is ${b.status}.\n\n## Actions\n\n- [ ] Follow up with ${a.owner} due:${a.target}\n`;
}

export function generateWorkspace(options: GenerateOptions): GeneratedWorkspace {
  const { count, seed, outDir } = options;
  const content = options.content ?? 'synthetic';
  const models = buildModels(count, seed);
  rmSync(outDir, { recursive: true, force: true });
  for (const area of AREAS) mkdirSync(join(outDir, area), { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (const model of models) {
    const file = join(outDir, model.area, `${model.id}.md`);
    const text = render(model, content, seed);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  const notes = options.notes ?? 0;
  if (notes > 0) mkdirSync(join(outDir, 'notes'), { recursive: true });
  for (let i = 0; i < notes; i++) {
    const file = join(outDir, 'notes', `sync-${String(i + 1).padStart(3, '0')}.md`);
    const text = renderNote(i, models);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  const people = [...new Set(models.flatMap((m) => [m.owner, ...m.teams.map((t) => t.owner), ...m.milestones.map((x) => x.owner)]))].filter(Boolean).sort();
  writeFileSync(join(outDir, 'briefs.config.json'), `${JSON.stringify({ today: TODAY, people: [...people, ...STAKEHOLDER_HANDLES] }, null, 2)}\n`);
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ generatorVersion: GENERATOR_VERSION, content, count, seed, notes, files: files.length, bytes }, null, 2)}\n`);
  return { outDir, files, bytes, briefs: count, today: TODAY };
}

export function parseContent(value: string | undefined): Content {
  if (value === 'synthetic' || value === 'realistic') return value;
  throw new Error(`--content takes synthetic or realistic, not ${value}`);
}

function parseArgs(argv: string[]): GenerateOptions {
  const options: GenerateOptions = { count: DEFAULT_COUNT, seed: DEFAULT_SEED, outDir: DEFAULT_OUT, notes: 0 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--count': options.count = Number(value); i++; break;
      case '--seed': options.seed = Number(value); i++; break;
      case '--out': options.outDir = resolve(value); i++; break;
      case '--notes': options.notes = Number(value); i++; break;
      case '--content': options.content = parseContent(value); if (!argv.includes('--out')) options.outDir = defaultOutDir(options.content); i++; break;
      default: throw new Error(`Unknown option ${argv[i]}; expected --count N, --seed N, --out DIR, --notes N, --content synthetic|realistic`);
    }
  }
  return options;
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const result = generateWorkspace(options);
  const ms = performance.now() - started;
  console.log(`Wrote ${result.files.length} files (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${(result.bytes / result.files.length / 1024).toFixed(1)} KB average) to ${result.outDir} in ${ms.toFixed(0)} ms`);
}
