/**
 * Bodies shaped like real program documents, for `--content realistic` (issue 15, item 1): the
 * synthetic bodies are plain, and real ones are not. Each body keeps the synthetic one's facts
 * (the Dependencies section's wikilinks, the risks, the checklist with owners and due dates, so
 * every rule has the same work) and wraps them in what design proposals, decision records and
 * docs pages hold: inline links (to other briefs' files, to anchors, to the web), tables, block
 * quotes and GitHub-style callouts, HTML comments (and now and then other HTML), ordered lists,
 * fenced code blocks, emphasis and bold list labels, footnotes, images and long prose sections.
 *
 * All text is made up here from small word lists; the PRNG is the caller's, so the same seed
 * always gives the same bytes. The shares of each construct are rough guesses at a docs-as-code
 * repository's, written down in docs/benchmark.md.
 */
import type { ProgramModel, Random } from './generate';

const NOUNS = ['service', 'pipeline', 'schema', 'rollout', 'interface', 'contract', 'dashboard', 'runbook', 'region', 'cluster', 'queue', 'budget',
  'migration', 'backfill', 'cutover', 'review', 'design', 'client', 'SDK', 'vendor', 'test plan', 'error budget', 'feature flag', 'on-call rotation'];
const VERBS = ['ships', 'moves', 'depends on', 'replaces', 'unblocks', 'needs', 'reuses', 'retires', 'extends', 'measures', 'gates', 'protects'];
const ADJECTIVES = ['legacy', 'shared', 'new', 'regional', 'staged', 'internal', 'public', 'critical', 'optional', 'temporary', 'stable', 'versioned'];
const CONNECTIVES = ['Because of that,', 'In practice,', 'For the first phase,', 'Until the cutover,', 'Once the pilot is green,', 'As agreed in review,',
  'To keep the risk small,', 'Where possible,', 'After the freeze,'];
const SECTION_TITLES = ['Background', 'Goals', 'Non-goals', 'Proposal', 'Design', 'Alternatives considered', 'Rollout plan', 'Testing', 'Security and privacy',
  'Observability', 'Open questions', 'Decision log', 'Communication plan', 'Appendix'];
const CALLOUTS = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'];
const LANGUAGES = ['yaml', 'sh', 'json', 'sql', 'ts', ''];
const WEB = ['https://example.com/rfcs/', 'https://wiki.example.org/teams/', 'https://status.example.net/', 'https://dashboards.example.com/d/'];

/** One sentence of made-up prose, with some inline Markdown now and then. */
function sentence(r: Random, model: ProgramModel, links: string[]): string {
  const words = [r.pick(ADJECTIVES), r.pick(NOUNS), r.pick(VERBS), 'the', r.pick(ADJECTIVES), r.pick(NOUNS)];
  const roll = r.float();
  if (roll < 0.12) words[1] = `**${words[1]}**`;
  else if (roll < 0.22) words[5] = `*${words[5]}*`;
  else if (roll < 0.32) words[5] = `\`${model.id}-${r.pick(['api', 'worker', 'db', 'cron'])}\``;
  else if (roll < 0.44) words[5] = `[${words[5]}](${r.pick(WEB)}${model.id}-${r.int(1, 99)})`;
  else if (roll < 0.48 && links.length > 0) words[5] = `[the ${words[5]}](${r.pick(links)})`;
  else if (roll < 0.52) words[5] = `[${words[5]}](#${r.pick(SECTION_TITLES).toLowerCase().replace(/ /g, '-')})`;
  else if (roll < 0.54) words[5] = `_${words[5]}_`;
  else if (roll < 0.56) words[5] = `~~${words[5]}~~`;
  else if (roll < 0.57) words[5] = `${words[5]}<br>`;
  else if (roll < 0.575) words[5] = `<${r.pick(WEB)}${model.id}>`;
  else if (roll < 0.58) words[5] = `${words[5]}[^${r.int(1, 3)}]`;
  const lead = r.chance(0.3) ? `${r.pick(CONNECTIVES)} the` : 'The';
  return `${lead} ${words.join(' ')}${r.chance(0.1) ? ` by ${model.milestones[r.int(0, model.milestones.length - 1)].due}` : ''}.`;
}

function paragraph(r: Random, model: ProgramModel, links: string[], min = 2, max = 6): string {
  return Array.from({ length: r.int(min, max) }, () => sentence(r, model, links)).join(' ');
}

function table(r: Random, model: ProgramModel): string[] {
  const rows = ['| Milestone | Owner | Due | Status |', '| --- | --- | :---: | --- |'];
  for (const milestone of model.milestones.slice(0, r.int(3, model.milestones.length))) {
    const status = r.chance(0.2) ? `**${milestone.status}**` : milestone.status;
    rows.push(`| \`${milestone.id}\` | ${milestone.owner || '_unassigned_'} | ${milestone.due} | ${status} |`);
  }
  return rows;
}

function codeBlock(r: Random, model: ProgramModel): string[] {
  const language = r.pick(LANGUAGES);
  const fence = r.chance(0.1) ? '~~~' : '```';
  const lines = language === 'yaml'
    ? ['rollout:', `  service: ${model.id}`, `  stages: [1, 10, 50, 100]`, '  hold: 48h', '# [[not-a-reference]] inside code']
    : language === 'sh'
      ? [`kubectl -n ${model.area} rollout status deploy/${model.id}`, `./scripts/backfill --since ${model.start} --dry-run`]
      : language === 'json'
        ? ['{', `  "program": "${model.id}",`, '  "owners": ["<team>", "*"],', '  "limits": { "qps": 1200 }', '}']
        : language === 'sql'
          ? [`SELECT count(*) FROM ${model.id.replace(/-/g, '_')}_events`, `WHERE created_at > '${model.start}';`]
          : ['const flag = await flags.get(`' + model.id + '`);', 'if (!flag.enabled) return legacyPath(request);'];
  return [`${fence}${language}`, ...lines, fence];
}

function orderedList(r: Random, model: ProgramModel, links: string[]): string[] {
  const out: string[] = [];
  const count = r.int(3, 6);
  const delimiter = r.chance(0.85) ? '.' : ')';
  for (let i = 1; i <= count; i++) {
    out.push(`${i}${delimiter} ${r.chance(0.3) ? `**${r.pick(NOUNS)}**: ` : ''}${sentence(r, model, links)}`);
    if (r.chance(0.2)) out.push(`   - ${sentence(r, model, links)}`);
  }
  return out;
}

function quote(r: Random, model: ProgramModel, links: string[]): string[] {
  if (r.chance(0.5)) {
    const out = [`> [!${r.pick(CALLOUTS)}]`, `> ${sentence(r, model, links)}`];
    if (r.chance(0.4)) out.push(`> ${sentence(r, model, links)}`);
    return out;
  }
  const out = [`> ${paragraph(r, model, links, 1, 3)}`];
  if (r.chance(0.3)) out.push('>', `> ${sentence(r, model, links)}`);
  if (r.chance(0.3)) out.push(`> — ${model.owner}`);
  return out;
}

function bulletList(r: Random, model: ProgramModel, links: string[]): string[] {
  const out: string[] = [];
  for (let i = r.int(2, 5); i > 0; i--) {
    const label = r.chance(0.45) ? `**${r.pick(NOUNS).replace(/^./, (c) => c.toUpperCase())}:** ` : '';
    out.push(`${r.chance(0.8) ? '-' : '*'} ${label}${sentence(r, model, links)}`);
    if (r.chance(0.15)) out.push(`  - ${sentence(r, model, links)}`);
  }
  return out;
}

/** A long prose section built from the blocks above. */
function section(r: Random, model: ProgramModel, title: string, links: string[]): string[] {
  const out = [`## ${title}`, ''];
  if (r.chance(0.15)) out.push(`<!-- ${r.pick(['TODO', 'Reviewer note', 'Draft'])}: ${sentence(r, model, [])} -->`, '');
  for (let block = r.int(2, 5); block > 0; block--) {
    const roll = r.float();
    if (roll < 0.45) out.push(paragraph(r, model, links));
    else if (roll < 0.6) out.push(...bulletList(r, model, links));
    else if (roll < 0.7) out.push(...orderedList(r, model, links));
    else if (roll < 0.8) out.push(...quote(r, model, links));
    else if (roll < 0.88) out.push(...codeBlock(r, model));
    else if (roll < 0.93) out.push(...table(r, model));
    else if (roll < 0.95) out.push(`### ${r.pick(['Details', 'Example', 'Numbers', 'Timeline'])}`);
    else if (roll < 0.97) out.push(`![${r.pick(NOUNS)} diagram](./img/${model.id}-${r.int(1, 4)}.png)`);
    else if (roll < 0.98) out.push('<details>', `<summary>${r.pick(NOUNS)}</summary>`, '', paragraph(r, model, links, 1, 2), '', '</details>');
    else out.push(`Line one of a paragraph ${r.pick(ADJECTIVES)}  `, `continues here with a ${r.pick(NOUNS)}.`);
    out.push('');
  }
  return out;
}

/** The body (the lines after the frontmatter's closing fence). */
export function realisticBody(model: ProgramModel, r: Random): string[] {
  // Links to Markdown files that are not briefs (the design doc, the runbook): read as links, never references.
  const links = [`../docs/${model.id}-design.md`, `../docs/runbooks/${model.id}.md#rollback`, './decisions/0001-record-architecture-decisions.md'];
  const out: string[] = [`# ${model.title}`, ''];
  if (r.chance(0.5)) out.push(`> **Status:** ${model.status} · **Owner:** ${model.owner} · **Target:** ${model.target}`, '');
  out.push(`*${model.title}* is run by ${model.owner}. ${paragraph(r, model, [], 2, 4)}`, '');
  out.push('## Scope', '', paragraph(r, model, [], 3, 7), '');
  out.push(...bulletList(r, model, []), '');
  const titles = r.sample(SECTION_TITLES, r.int(4, 8));
  for (const title of titles.slice(0, 2)) out.push(...section(r, model, title, links));
  out.push('## Dependencies', '');
  if (model.bodyLinks.length === 0) out.push('None: this program only builds on what already exists.');
  for (const link of model.bodyLinks) {
    const milestone = model.milestones.flatMap((m) => m.dependsOn).find((d) => d.startsWith(`${link}#`));
    const reason = r.chance(0.5) ? ` See *${r.pick(NOUNS)}* for details.` : '';
    out.push(milestone
      ? `- [[${milestone}]]: we wait for this before \`${model.milestones[model.milestones.length - 1].id}\`.${reason}`
      : `- [[${link}]] provides an interface we build on.${reason}`);
  }
  out.push('');
  if (r.chance(0.3)) out.push(...table(r, model), '');
  for (const title of titles.slice(2)) out.push(...section(r, model, title, links));
  out.push('## Risks', '');
  if (r.chance(0.5)) {
    out.push('| Risk | Likelihood | Impact |', '| --- | --- | --- |');
    for (const risk of model.risks) out.push(`| ${risk.title} | ${risk.likelihood} | ${risk.impact} |`);
  } else {
    for (const risk of model.risks) out.push(`1. **${risk.title}** (${risk.likelihood} likelihood, ${risk.impact} impact).`);
  }
  out.push('', '## Checklist');
  let current = '';
  for (const item of model.checklist) {
    if (item.section !== current) {
      current = item.section;
      out.push('', `### ${current}`, '');
      if (r.chance(0.2)) out.push(`<!-- ${current} items are reviewed weekly -->`, '');
    }
    const text = r.chance(0.15) ? `**${item.text}**` : r.chance(0.1) ? `${item.text} ([runbook](${r.pick(WEB)}${model.id}))` : item.text;
    const parts = [`${'  '.repeat(item.depth)}- [${item.checked ? 'x' : ' '}] ${text}`];
    if (item.owner) parts.push(item.owner);
    if (item.due) parts.push(`due:${item.due}`);
    out.push(parts.join(' '));
  }
  out.push('');
  if (r.chance(0.1)) out.push('[^1]: Figures from the last planning cycle.', '[^2]: Subject to the review.', '[^3]: Owner to confirm.', '');
  return out;
}
