/**
 * The hostile corpus: every input issue 9's attack used against Program Briefs (crafted config keys
 * and file names, pathological Markdown and YAML, huge cycles, special files, log injection), as
 * small generators rather than committed megabytes. `writeCorpus` lays each case out as its own
 * workspace folder; `hostile.test.ts` lints every one with the built CLI and `npm run bench`
 * (bench/measure/hostile.ts) times them. docs/security.md explains what each case attacks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One entry of a case's folder: text, bytes, or a special file. */
export type CorpusEntry =
  | string
  | Buffer
  | { kind: 'symlink'; target: string }
  | { kind: 'fifo' };

export interface HostileCase {
  /** The folder name, also the test's name. */
  name: string;
  /** What the case attacks (issue 9 finding number in brackets). */
  attack: string;
  /** Relative path → content; built on demand so megabyte cases cost nothing until written. */
  files: () => Record<string, CorpusEntry>;
  /** Exit codes a correct run may end with (default 0 or 1: lint ran). */
  exits?: number[];
  /** Largest acceptable output of any format, in bytes (default 4 MB): output must stay linear. */
  maxOutputBytes?: number;
}

const FRONT = (program: string, extra = '') => `---\nprogram: ${program}\ntitle: ${program} title\nowner: "@owner"\nstatus: on-track\n${extra}---\n`;

/** A plain, valid brief: each case's folder has one, so a case also shows others stay unaffected. */
const BYSTANDER = `${FRONT('bystander')}# Bystander\n\n## Checklist\n- [ ] Stays readable @owner\n`;

const brief = (program: string, body: string, extra = '') => `${FRONT(program, extra)}${body}`;

/** `count` briefs, each depending on the next, the last on the first: one cycle through every file. */
function cycleFiles(count: number): Record<string, CorpusEntry> {
  const files: Record<string, CorpusEntry> = {};
  const id = (i: number) => `p${String(i).padStart(5, '0')}`;
  for (let i = 0; i < count; i++) files[`cycle/${id(i)}.md`] = brief(id(i), '# Cycle\n', `depends_on:\n  - ${id((i + 1) % count)}\n`);
  return files;
}

function milestones(count: number): string {
  let yaml = 'milestones:\n';
  for (let i = 0; i < count; i++) yaml += `  - id: m${i}\n    title: Milestone ${i}\n    owner: "@owner"\n    due: 2030-01-01\n`;
  return yaml;
}

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) { be[i] = le[i + 1]; be[i + 1] = le[i]; }
  return be;
}

const COMMAND_LINK = '[Click to repair the configuration](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20%2Ftmp%2Fpwned%5Cn%22%7D)';
const IMAGE_LINK = '![x](http://203.0.113.7/pixel.png)';
const BIDI = '\u202Eevil\u202C';
const ESC = '\u001b[31mred\u001b[0m';

export const HOSTILE_CASES: HostileCase[] = [
  // Finding 1: workspace text that would be Markdown or a command link in a notification or hover.
  {
    name: 'config-key-command-link',
    attack: 'a briefs.config.json key that is a command: link [1]',
    files: () => ({ 'briefs.config.json': JSON.stringify({ [COMMAND_LINK]: true }), 'a.md': BYSTANDER }),
    exits: [2],
  },
  {
    name: 'config-rule-command-link',
    attack: 'a rule id in the config that is a command: link [1]',
    files: () => ({ 'briefs.config.json': JSON.stringify({ rules: { [COMMAND_LINK]: 'off' } }), 'a.md': BYSTANDER }),
    exits: [2],
  },
  {
    name: 'folder-named-like-image',
    attack: 'file and folder names that are Markdown images and links [1]',
    files: () => ({
      [`${IMAGE_LINK}/brief.md`]: brief('image-folder', '# Image\n'),
      [`${COMMAND_LINK.replace(/\//g, '%2F')}.md`]: brief('command-file', '# Command\n'),
      'a.md': BYSTANDER,
    }),
  },
  {
    name: 'brief-text-markup',
    attack: 'titles and checklist text with HTML, Mermaid directives and links [1]',
    files: () => ({
      'markup.md': brief('markup', `# <img src=x onerror=alert(1)>\n\n## Checklist\n- [ ] ${COMMAND_LINK} @owner\n- [ ] ${IMAGE_LINK} %%{init: {"securityLevel":"loose"}}%% click A call alert()\n`,
        `milestones:\n  - id: m1\n    title: "<script>alert(1)</script> ${COMMAND_LINK}"\n    owner: "@owner"\n    due: 2030-01-01\n`),
      'a.md': BYSTANDER,
    }),
  },
  // Finding 2: exponential backtracking.
  {
    name: 'nested-quotes-142-bytes',
    attack: "50 times '> ' then 'x': backtracked exponentially in the nesting guard [2]",
    files: () => ({ 'quote.md': brief('quote', `${'> '.repeat(50)}x\n`), 'a.md': BYSTANDER }),
  },
  {
    name: 'nested-mixed-containers',
    attack: 'mixed containers (quotes, lists, indentation) nested thousands deep on one line [2][3]',
    files: () => ({
      'mixed.md': brief('mixed', `${'> - 1. '.repeat(3000)}x\n${'>'.repeat(20000)}\n${' -'.repeat(10000)}\n`),
      'a.md': BYSTANDER,
    }),
  },
  // Finding 3: work per file.
  {
    name: 'wikilinks-times-code-spans',
    attack: 'many wikilinks and many inline code spans: quadratic exclusion check [3]',
    files: () => ({ 'wiki.md': brief('wiki', '[[bystander]] `code` '.repeat(90_000)), 'a.md': BYSTANDER }),
  },
  {
    name: 'asterisks-20kb',
    attack: '20 KB of * on one line [3]',
    files: () => ({ 'stars.md': brief('stars', `${'*'.repeat(20_000)}\n`), 'a.md': BYSTANDER }),
  },
  {
    name: 'emphasis-worst-case',
    attack: "micromark's emphasis worst cases: alternating delimiter runs [3]",
    files: () => ({
      'emphasis.md': brief('emphasis', `${'*a_'.repeat(20_000)}\n\n${'**a '.repeat(15_000)}\n\n${'_a*'.repeat(20_000)}\n`),
      'a.md': BYSTANDER,
    }),
  },
  {
    name: 'link-worst-case',
    attack: "micromark's link worst cases: unclosed brackets, link openers, autolinks [3]",
    files: () => ({
      'links.md': brief('links', `${'['.repeat(40_000)}\n\n${'[a]('.repeat(20_000)}\n\n${'[a](b '.repeat(15_000)}\n\n${'<a'.repeat(30_000)}\n\n${'![['.repeat(20_000)}\n`),
      'a.md': BYSTANDER,
    }),
  },
  {
    name: 'milestones-20000',
    attack: '20,000 milestones in one brief: quadratic frontmatter work [3]',
    files: () => ({ 'many.md': brief('many', '# Many\n', milestones(20_000)), 'a.md': BYSTANDER }),
    // The graph JSON lists every milestone (about 220 bytes each): 1 KB per milestone is linear.
    maxOutputBytes: 20_000 * 1024,
  },
  {
    name: 'brief-50mb',
    attack: 'a 50 MB brief: the CLI ran out of memory [3]',
    files: () => ({ 'huge.md': brief('huge', `${'Lorem ipsum dolor sit amet. '.repeat(64)}\n`.repeat(28_500)), 'a.md': BYSTANDER }),
  },
  {
    name: 'binary-brief',
    attack: 'a .md file with NUL bytes [3]',
    files: () => ({ 'binary.md': Buffer.concat([Buffer.from(FRONT('binary')), Buffer.alloc(4096, 0)]), 'a.md': BYSTANDER }),
  },
  // Finding 4: long cycles.
  {
    name: 'cycle-5000-files',
    attack: 'one dependency cycle through 5,000 files: quadratic messages and related locations [4]',
    files: () => ({ ...cycleFiles(5000), 'a.md': BYSTANDER }),
    // Linear: about 4 KB per edge (json) and 6 KB (sarif) with ten related locations; the old
    // output grew with the square of the cycle (339 MB for 1,000 files).
    maxOutputBytes: 5000 * 8 * 1024,
  },
  // Finding 6: CI log injection.
  {
    name: 'workflow-commands-in-text',
    attack: 'brief text and titles holding GitHub workflow commands [6]',
    files: () => ({
      'inject.md': brief('inject', `# ##[error]heading\n\n## Checklist\n- [ ] x\n::error file=a::checklist @owner\n- [ ] ##[stop-commands]token @owner\n`,
        `milestones:\n  - id: m1\n    title: "x\\n::error title=pwned::milestone\\n##[stop-commands]abc"\n    due: 2020-01-01\n`),
      'a.md': BYSTANDER,
    }),
  },
  {
    name: 'workflow-commands-in-file-names',
    attack: 'file names starting with ::error and holding ESC and bidi controls [6]',
    files: () => ({
      '::error file=x::pwned.md': brief('inject-name', '# Name\n', 'milestones:\n  - id: m1\n    title: T\n    due: 2020-01-01\n'),
      [`${BIDI}${ESC}.md`]: brief('bidi-name', `# ${BIDI} ${ESC}\n`, 'milestones:\n  - id: m1\n    title: T\n    due: 2020-01-01\n'),
      'a.md': BYSTANDER,
    }),
  },
  // Finding 7: special files and configuration.
  {
    name: 'fifo-in-workspace',
    attack: 'a FIFO named like a brief: reading it blocks forever [7]',
    files: () => ({ 'pipe.md': { kind: 'fifo' }, 'a.md': BYSTANDER }),
  },
  {
    name: 'symlinks-out-of-workspace',
    attack: 'links to a file and a folder outside the workspace, and to /dev/zero [7]',
    files: () => ({
      'outside-file.md': { kind: 'symlink', target: '/etc/passwd' },
      'outside-dir': { kind: 'symlink', target: '/etc' },
      'zero.md': { kind: 'symlink', target: '/dev/zero' },
      'a.md': BYSTANDER,
    }),
  },
  {
    name: 'config-proto-rules',
    attack: 'rules: {"__proto__": ...} in the config [7]',
    files: () => ({ 'briefs.config.json': '{"rules": {"__proto__": {"milestone-overdue": "off"}}}', 'a.md': BYSTANDER }),
    exits: [2],
  },
  {
    name: 'utf16-briefs',
    attack: 'UTF-16 LE and BE briefs with a byte order mark [7]',
    files: () => ({ 'le.md': utf16(brief('utf16-le', '# LE\n'), 'le'), 'be.md': utf16(brief('utf16-be', '# BE\n'), 'be'), 'a.md': BYSTANDER }),
  },
  // Finding 8: parser edge cases.
  {
    name: 'double-bom',
    attack: 'two byte order marks: shifted every remark range [8]',
    files: () => ({ 'bom.md': `\uFEFF\uFEFF${brief('bom', '# BOM\n\n## Checklist\n- [ ] One @owner\n- [x] Two @owner\n')}`, 'a.md': BYSTANDER }),
  },
  {
    name: 'yaml-long-key-and-deep-nesting',
    attack: 'a YAML key over 1,024 characters; block mappings and flow collections nested past the yaml limit [8]',
    files: () => {
      let block = '';
      for (let depth = 0; depth < 2000; depth++) block += `${' '.repeat(depth)}k${depth}:\n`;
      return {
        'long-key.md': brief('long-key', '# Key\n', `${'k'.repeat(2000)}: 1\n`),
        'deep-block.md': brief('deep-block', '# Block\n', `extra:\n${block.replace(/^/gm, '  ')}`),
        'deep-flow.md': brief('deep-flow', '# Flow\n', `extra: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
        'a.md': BYSTANDER,
      };
    },
  },
  {
    name: 'yaml-templates-and-aliases',
    attack: 'title: {{ ... }} (the yaml library warned on stderr) and an alias bomb [8]',
    files: () => ({
      'template.md': brief('template', '# T\n', 'description: {{ not yaml }}\n'),
      'aliases.md': `---\nprogram: aliases\ntitle: a\nowner: "@o"\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n# Aliases\n`,
      'a.md': BYSTANDER,
    }),
  },
  {
    name: 'task-after-empty-list-item',
    attack: "'-' then an indented '[ ] box' on the next line: a task to remark, not to the checklist [8]",
    files: () => ({ 'task.md': brief('task', '## Checklist\n-\n  [ ] box @owner\n'), 'a.md': BYSTANDER }),
  },
  {
    name: 'line-endings',
    attack: 'CRLF, lone CR and mixed line endings [8]',
    files: () => ({
      'crlf.md': brief('crlf', '# CRLF\n\n## Checklist\n- [ ] One @owner\n').replace(/\n/g, '\r\n'),
      'cr.md': brief('cr', '# CR\n\n- [ ] One @owner\n').replace(/\n/g, '\r'),
      'mixed.md': brief('mixed-endings', '# Mixed\r\n\r- [ ] One @owner\n- [x] Two\r\n'),
      'a.md': BYSTANDER,
    }),
  },
];

/** Writes one case into `dir` (created). Returns the paths written, relative to `dir`. */
export function writeCase(hostile: HostileCase, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [relative, entry] of Object.entries(hostile.files())) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) fs.writeFileSync(file, entry);
    else if (entry.kind === 'symlink') fs.symlinkSync(entry.target, file);
    else mkfifo(file);
    written.push(relative);
  }
  return written;
}

function mkfifo(file: string): void {
  // Node has no mkfifo; coreutils does.
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const result = spawnSync('mkfifo', [file]);
  if (result.status !== 0) throw new Error(`mkfifo ${file} failed: ${result.stderr}`);
}

/** Writes every case under `root`, one folder each. */
export function writeCorpus(root: string): { name: string; dir: string }[] {
  return HOSTILE_CASES.map((hostile) => {
    const dir = path.join(root, hostile.name);
    fs.rmSync(dir, { recursive: true, force: true });
    writeCase(hostile, dir);
    return { name: hostile.name, dir };
  });
}

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? 'test-results/hostile');
  for (const { dir } of writeCorpus(root)) console.log(dir);
}
