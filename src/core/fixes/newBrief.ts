/**
 * "New Program Brief", the pure part: the template as a snippet with tab stops (the editor inserts
 * it and the user tabs through title, owner, status, dates and the example milestone, risk and
 * decision), the same text with every placeholder at its default (what is written to disk first),
 * and the folders to offer, the one most briefs live in first.
 */
import { yamlQuoted, yamlScalar } from './edits';
import { briefBody } from './template';
import { MILESTONE_STATUSES, PROGRAM_STATUSES, DECISION_STATUSES, LEVELS } from '../model/schema';
import { addDays } from '../model/status';

export interface NewBriefTemplate {
  program: string;
  title: string;
  /** A handle; without one every `owner: ""` is left empty (one tab stop, mirrored), which `owner-missing` flags. */
  owner?: string;
  /** YYYY-MM-DD: the start, the decision's date; the milestone is due 30 days later, the target 90. */
  today: string;
}

/** Escapes text for snippet syntax: `$`, `}` and `\` are literal after a backslash. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The brief as a snippet: tab stops 1..n through the frontmatter and the scope, `$0` at the checklist. */
export function newBriefSnippet(template: NewBriefTemplate): string {
  const e = escapeSnippet;
  let stop = 0;
  const next = () => ++stop;
  /** A double-quoted YAML string whose content is the tab stop: typing replaces the text, not the quotes. */
  const quoted = (text: string) => `"\${${next()}:${e(yamlQuoted(text).slice(1, -1))}}"`;
  const placeholder = (text: string) => `\${${next()}:${e(text)}}`;
  const choice = (values: readonly string[]) => `\${${next()}|${values.join(',')}|}`;
  const title = quoted(template.title);
  // One tab stop for every owner (the program's, then the milestone's, the risk's and the
  // decision's mirror it), inside quotes: `@` cannot start a plain YAML value. Left empty,
  // `owner: ""` is a missing owner (owner-missing), not a schema error.
  const ownerStop = next();
  const ownerDefault = template.owner ? `:${e(yamlQuoted(template.owner).slice(1, -1))}` : '';
  const ownerLine = `owner: "\${${ownerStop}${ownerDefault}}"`;
  const ownerMirror = `owner: "$${ownerStop}"`;
  const yaml = [
    `program: ${e(yamlScalar(template.program))}`,
    `title: ${title}`,
    ownerLine,
    `status: ${choice(PROGRAM_STATUSES)}`,
    `summary: ${quoted('One sentence: what this program delivers, and for whom.')}`,
    `start: ${placeholder(template.today)}`,
    `target: ${placeholder(addDays(template.today, 90))}`,
    'depends_on: []',
    'milestones:',
    `  - id: ${placeholder('first-milestone')}`,
    `    title: ${quoted('First milestone')}`,
    `    ${ownerMirror}`,
    `    due: ${placeholder(addDays(template.today, 30))}`,
    `    status: ${choice(MILESTONE_STATUSES)}`,
    'risks:',
    `  - id: ${placeholder('example-risk')}`,
    `    title: ${quoted('What could go wrong')}`,
    `    ${ownerMirror}`,
    `    likelihood: ${choice(LEVELS)}`,
    `    impact: ${choice(LEVELS)}`,
    `    mitigation: ${quoted('The plan if it happens')}`,
    '    status: open',
    'decisions:',
    `  - id: ${placeholder('example-decision')}`,
    `    title: ${quoted('What was decided, and why')}`,
    `    ${ownerMirror}`,
    `    status: ${choice(DECISION_STATUSES)}`,
    `    date: ${placeholder(template.today)}`,
  ];
  const body = briefBody({
    title: e(template.title),
    scope: placeholder('What this program delivers, and what it explicitly does not.'),
    decisions: 'Decisions taken, with their date and owner; each is declared under `decisions` above.',
    kickOff: `- [ ] Kick-off held${template.owner ? ` ${e(template.owner)}` : ''}$0`,
  });
  return ['---', ...yaml, '---', ...body].join('\n');
}

/**
 * The text a snippet inserts before the user changes anything: each placeholder at its default
 * (a choice at its first value), mirrors copying their placeholder, escapes resolved. Supports
 * the syntax `newBriefSnippet` writes (tab stops, placeholders, choices); throws on anything else.
 */
export function resolveSnippet(snippet: string): string {
  const defaults = new Map<number, string>();
  const parse = (from: number, closing: boolean): { text: string; end: number; mirrors: number[] } => {
    let text = '';
    const mirrors: number[] = [];
    let i = from;
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1])) {
        text += snippet[i + 1];
        i += 2;
      } else if (closing && c === '}') {
        return { text, end: i + 1, mirrors };
      } else if (c === '$') {
        const plain = /^\$(\d+)/.exec(snippet.slice(i, i + 12));
        const braced = /^\$\{(\d+)([:|}])/.exec(snippet.slice(i, i + 14));
        if (plain) {
          const index = Number(plain[1]);
          text += `\u0000${index}\u0000`;
          mirrors.push(index);
          i += plain[0].length;
        } else if (braced) {
          const index = Number(braced[1]);
          i += braced[0].length;
          let value = '';
          if (braced[2] === ':') {
            const inner = parse(i, true);
            value = inner.text;
            i = inner.end;
          } else if (braced[2] === '|') {
            const end = snippet.indexOf('|}', i);
            if (end < 0) throw new Error(`unclosed choice at ${i}`);
            value = snippet.slice(i, end).split(',')[0];
            i = end + 2;
          }
          if (!defaults.has(index) || (braced[2] !== '}' && defaults.get(index) === '')) defaults.set(index, value);
          text += `\u0000${index}\u0000`;
        } else {
          throw new Error(`unsupported snippet syntax at ${i}: ${snippet.slice(i, i + 10)}`);
        }
      } else {
        text += c;
        i++;
      }
    }
    if (closing) throw new Error('unclosed placeholder');
    return { text, end: i, mirrors };
  };
  const { text } = parse(0, false);
  // Placeholders hold no other placeholders here, so one round of substitution resolves every one.
  return text.replace(/\u0000(\d+)\u0000/g, (_, index: string) => defaults.get(Number(index)) ?? '');
}

export interface BriefFolder {
  /** The folder's uri (no trailing slash). */
  uri: string;
  /** How many briefs sit directly in it. */
  count: number;
}

/**
 * The folders inside the workspace roots that hold briefs, the one with the most briefs first
 * (ties by path). The roots themselves are left out: the host offers them after these.
 */
export function briefFolders(briefUris: Iterable<string>, rootUris: readonly string[]): BriefFolder[] {
  const roots = rootUris.map(withoutTrailingSlashes);
  const counts = new Map<string, number>();
  for (const uri of briefUris) {
    const folder = uri.slice(0, uri.lastIndexOf('/'));
    if (roots.includes(folder) || !roots.some((root) => folder.startsWith(`${root}/`))) continue;
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts].map(([uri, count]) => ({ uri, count })).sort((a, b) => b.count - a.count || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** How many of the briefs sit directly in the folder (not in its subfolders). */
export function briefsDirectlyIn(briefUris: Iterable<string>, folderUri: string): number {
  const folder = withoutTrailingSlashes(folderUri);
  let count = 0;
  for (const uri of briefUris) if (uri.slice(0, uri.lastIndexOf('/')) === folder) count++;
  return count;
}

function withoutTrailingSlashes(uri: string): string {
  let end = uri.length;
  while (end > 0 && uri[end - 1] === '/') end--;
  return uri.slice(0, end);
}
