/**
 * Generators of the worst cases for the body and frontmatter readers (issue 9, findings 2 and 3):
 * inputs on which a backtracking regular expression, a quadratic loop of ours or a quadratic
 * construct of micromark used to take seconds to minutes (the times in the comments are those
 * measured before the fix). Each is a complete brief. Used by parseBounded.test.ts (each must parse
 * quickly, in a child process so a regression fails instead of hanging) and by the benchmark.
 */

const FRONTMATTER = '---\nprogram: p\ntitle: P\nowner: "@x"\n---\n';

export interface WorstCase {
  name: string;
  text: string;
  /** Whether the slow path (`{ fast: false }`, remark for everything) is run on it too. */
  slow: boolean;
  /** What becomes of the body: read, not read (`body-skipped`), or read but for some blanked lines. */
  body?: 'read' | 'skipped' | 'blanked';
}

const brief = (body: string) => FRONTMATTER + body;
/** `unit` repeated to about `bytes` characters. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));

export function worstCases(): WorstCase[] {
  const cases: WorstCase[] = [
    // Finding 2: 50 × `> ` then `x` never finished (exponential backtracking in the nesting guard).
    { name: 'nesting guard: 50 × "> " then x (the 142-byte brief)', text: `${FRONTMATTER}# Deep\n\n${'> '.repeat(50)}x\n`, slow: true, body: 'blanked' },
    { name: 'nesting guard: 10,000 × "- " on one line', text: brief(`${'- '.repeat(10000)}[ ] deep\n`), slow: true, body: 'blanked' },
    // Finding 3: micromark's quadratic inline constructs, 32-100 KB in one paragraph.
    { name: '20 KB of *', text: brief(fill('*', 20_000)), slow: true, body: 'skipped' },
    { name: '100 KB of "a* "', text: brief(fill('a* ', 100_000)), slow: true, body: 'skipped' },
    { name: '64 KB of "*a"', text: brief(fill('*a', 64_000)), slow: true },
    { name: '64 KB of "_a "', text: brief(fill('_a ', 64_000)), slow: true },
    { name: '64 KB of "~a"', text: brief(fill('~a', 64_000)), slow: true },
    { name: '32 KB of [', text: brief(fill('[', 32_000)), slow: true },
    { name: '64 KB of "]("', text: brief(fill('](', 64_000)), slow: true },
    { name: '64 KB of "[a]("', text: brief(fill('[a](', 64_000)), slow: true },
    { name: '64 KB of "[a]"', text: brief(fill('[a]', 64_000)), slow: true, body: 'skipped' },
    { name: '64 KB of nested [[[[ … ]]]]', text: brief(`${'[a'.repeat(16_000)}${']'.repeat(16_000)}`), slow: true },
    { name: '64 KB of "![a]("', text: brief(fill('![a](', 64_000)), slow: true },
    { name: '64 KB of "<a@b"', text: brief(fill('<a@b', 64_000)), slow: true },
    { name: '64 KB of "<a b=\\""', text: brief(fill('<a b="', 64_000)), slow: true },
    { name: '64 KB of [[', text: brief(fill('[[', 64_000)), slow: true },
    { name: '64 KB of backslashes', text: brief(fill('\\', 64_000)), slow: true },
    { name: '64 KB of "a* " lines (one paragraph)', text: brief(fill('a* \n', 64_000)), slow: true },
    { name: 'a heading of 32 KB of "a* "', text: brief(`# ${fill('a* ', 32_000)}\n`), slow: true },
    { name: 'a table of 8,000 rows', text: brief(`|a|b|\n|-|-|\n${'|a|b|\n'.repeat(8000)}`), slow: true, body: 'skipped' },
    { name: 'a table row of 8,000 columns', text: brief(`${'|a'.repeat(8000)}\n${'|-'.repeat(8000)}\n`), slow: true },
    { name: '2,000 paragraphs of 1,000 "*a"', text: brief(fill(`${'*a'.repeat(1000)}\n\n`, 4_000_000)), slow: false, body: 'skipped' },
    // Finding 3: ours. Wikilinks × inline code spans (2 MB → 86 s): the fast path reads it.
    { name: '2 MB of code spans and wikilinks', text: brief(fill('`c` [[p]] `c` [[p]] `c` [[p]]\n\n', 2_000_000)), slow: false, body: 'read' },
    { name: '200 KB of code spans and wikilinks', text: brief(fill('`c` [[p]] `c` [[p]] `c` [[p]]\n\n', 200_000)), slow: true, body: 'read' },
    { name: '20,000 Dependencies headings with wikilinks', text: brief(fill('## Dependencies\n[[p]]\n', 500_000)), slow: false, body: 'read' },
    { name: '20,000 tasks under 20,000 headings', text: brief(fill('## H\n- [ ] t @x\n', 400_000)), slow: false, body: 'read' },
  ];
  // 20,000 milestones in one brief took 30 s.
  const milestones: string[] = [];
  for (let i = 0; i < 20_000; i++) milestones.push(`  - id: m${i}\n    title: M ${i}\n    owner: "@x"\n    due: 2026-06-01\n    depends_on: [m${Math.max(0, i - 1)}]`);
  cases.push({ name: '20,000 milestones', text: `---\nprogram: p\ntitle: P\nowner: "@x"\nmilestones:\n${milestones.join('\n')}\n---\n`, slow: false });
  const duplicates = milestones.map((m) => m.replace(/id: m\d+/, 'id: same'));
  cases.push({ name: '20,000 milestones with one id', text: `---\nprogram: p\ntitle: P\nowner: "@x"\nmilestones:\n${duplicates.join('\n')}\n---\n`, slow: false });
  return cases;
}
