/** The text of a new brief: used by "New Program Brief" and to create a stub for an unknown program. */
import { yamlQuoted, yamlScalar } from './edits';

export interface BriefTemplate {
  program: string;
  title: string;
  /** A handle; without one the brief gets an empty `owner:`, which `owner-missing` flags. */
  owner?: string;
  /** Milestones to declare (e.g. the one another brief already depends on). */
  milestones?: string[];
  /** Why the brief exists, for a stub: shown in the summary. */
  summary?: string;
  eol?: string;
}

export function briefText(template: BriefTemplate): string {
  const owner = template.owner ? yamlQuoted(template.owner) : '';
  const milestones = template.milestones ?? [];
  const yaml = [
    `program: ${yamlScalar(template.program)}`,
    `title: ${yamlQuoted(template.title)}`,
    `owner: ${owner}`.trimEnd(),
    'status: proposed',
    ...(template.summary ? [`summary: ${yamlQuoted(template.summary)}`] : []),
    'depends_on: []',
    ...(milestones.length > 0
      ? ['milestones:', ...milestones.flatMap((id) => [`  - id: ${yamlScalar(id)}`, `    title: ${yamlQuoted(humanize(id))}`, `    owner: ${owner}`.trimEnd(), '    status: not-started'])]
      : ['milestones: []']),
    'risks: []',
  ];
  const body = briefBody({
    title: template.title,
    scope: 'What this program delivers, and what it explicitly does not.',
    decisions: 'Decisions taken, with their date and owner.',
    kickOff: `- [ ] Kick-off held${template.owner ? ` ${template.owner}` : ''}`,
  });
  const eol = template.eol ?? '\n';
  return ['---', ...yaml, '---', ...body].join(eol);
}

/** The parts of a new brief's body that differ between a stub and New Program Brief's snippet (already escaped for a snippet there). */
export interface BriefBodyParts {
  title: string;
  scope: string;
  decisions: string;
  kickOff: string;
}

/** The Markdown body of a new brief, one section per part of the format, as lines. */
export function briefBody(parts: BriefBodyParts): string[] {
  return [
    `# ${parts.title}`,
    '',
    '## Scope',
    '',
    parts.scope,
    '',
    '## Milestones',
    '',
    'The path to done; each milestone is declared under `milestones` above.',
    '',
    '## Dependencies',
    '',
    'Programs this one needs, as `[[program]]` or `[[program#milestone]]` (declare them in `depends_on`).',
    '',
    '## Risks',
    '',
    'What could go wrong, and the plan; each risk is declared under `risks` above.',
    '',
    '## Stakeholders',
    '',
    'Who approves, who is consulted, who is kept informed.',
    '',
    '## Decisions',
    '',
    parts.decisions,
    '',
    '## Checklist',
    '',
    parts.kickOff,
    '',
  ];
}

/** `ledger-api` → `Ledger api`: a readable placeholder title from an id. */
export function humanize(id: string): string {
  const words = id.replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
