/**
 * Property tests (fast-check): workspaces of generated briefs, built from realistic brief pieces and
 * then mutated (lines deleted, duplicated, swapped; hostile characters inserted; truncated), are
 * linted without throwing, and every diagnostic points inside its file:
 * 0 <= line < lineCount, 0 <= character <= length of that line, start <= end — related locations too.
 * And linting after an edit gives what linting the edited workspace from scratch gives.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeConfig, type BriefsConfig } from '../../src/core/workspace/config';
import { lintWorkspace, type Diagnostic } from '../../src/core/rules/lint';
import { parseBrief } from '../../src/core/parse/parseBrief';
import type { Range } from '../../src/core/model/range';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { OWNED_KINDS, ownerCounts, ownersOf, type BriefOwnerCounts } from '../../src/core/report/owners';
import type { Brief } from '../../src/core/model/model';

// ---------------------------------------------------------------------------------------------
// Realistic pieces of a brief

const PROGRAMS = ['payments-v2', 'identity-sso', 'billing-core', 'data-platform', 'mobile'];
const MILESTONES = ['design', 'build', 'beta', 'ga', 'cutover'];
const TEAMS = ['payments', 'ledger', 'sre', 'web'];
/** Mostly valid handles; some that fail the schema; rarely one that breaks the YAML (a plain `@`). */
const HANDLE = fc.oneof(
  { arbitrary: fc.constantFrom('"@maria"', '"@li"', '"@org/team"', '"@dev.patel"', "'@li'"), weight: 40 },
  { arbitrary: fc.constantFrom('maria', '""', '"@"', '~', '"@a b"'), weight: 6 },
  { arbitrary: fc.constant('@bare'), weight: 1 },
);
const DATES = ['2026-01-15', '2026-03-01', '2026-04-30', '2026-06-30', '2026-12-31', '2027-02-28', '2026-02-30', '"2026-05-01"', 'next week', '2026-13-01', '20260101'];
const PROGRAM_STATUSES = ['proposed', 'not-started', 'on-track', 'at-risk', 'off-track', 'blocked', 'done', 'cancelled', 'finished'];
const MILESTONE_STATUSES = ['not-started', 'in-progress', 'at-risk', 'blocked', 'done', 'cancelled', 'shipped'];
const LEVELS = ['low', 'medium', 'high', 'extreme'];
/** Mostly plain text; some YAML that is valid but surprising; rarely YAML that breaks the frontmatter. */
const PLAIN_TEXTS = ['Design approved', 'Production cutover', 'Move card payments to the new ledger', '"Quoted: with colon"', "'single # not a comment'", 'Émigré naïve 😀'];
const ODD_TEXTS = ['[flow, list]', '{a: b}', 'true', '42', '', '&anchor value', '"@maria"'];
const BREAKING_TEXTS = ['>-', '|', '*alias', 'a: b: c', '"unclosed'];
const TEXT = fc.oneof(
  { arbitrary: fc.constantFrom(...PLAIN_TEXTS), weight: 60 },
  { arbitrary: fc.constantFrom(...ODD_TEXTS), weight: 8 },
  { arbitrary: fc.constantFrom(...BREAKING_TEXTS), weight: 1 },
);

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
/** Present two times in three. */
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 3) => fc.option(arb, { nil: undefined, freq });

/** A reference as written in `depends_on`: a program, a milestone of a program, or a bare milestone id. */
const reference = fc.oneof(
  pick(PROGRAMS),
  fc.tuple(pick(PROGRAMS), pick(MILESTONES)).map(([p, m]) => `${p}#${m}`),
  pick(MILESTONES),
  pick(['Not An Id', 'ghost#', '#ga', 'UPPER']),
);

const dependsOnBlock = (indent: string) => fc.oneof(
  fc.array(reference, { maxLength: 3 }).map((refs) => [`${indent}depends_on: [${refs.join(', ')}]`]),
  fc.array(fc.tuple(reference, fc.boolean()), { minLength: 1, maxLength: 3 }).map((refs) => [
    `${indent}depends_on:`,
    ...refs.flatMap(([ref, withReason]) => (withReason ? [`${indent}  - ref: ${ref}`, `${indent}    reason: needs it`] : [`${indent}  - ${ref}`])),
  ]),
);

const line = (key: string, value: fc.Arbitrary<string>, indent = '', freq = 3) => maybe(value, freq).map((v) => (v === undefined ? [] : [`${indent}${key}: ${v}`]));

const milestone = fc.tuple(maybe(pick(MILESTONES)), line('title', TEXT, '    '), line('owner', HANDLE, '    '),
  line('team', pick([...TEAMS, 'Bad Team']), '    '), line('due', pick(DATES), '    '), line('status', pick(MILESTONE_STATUSES), '    '), maybe(dependsOnBlock('    ')))
  .map(([id, ...rest]) => {
    const body = rest.flatMap((part) => part ?? []);
    const first = id === undefined ? body.shift()?.trimStart() ?? 'title: untitled' : `id: ${id}`;
    return [`  - ${first}`, ...body];
  });

const team = fc.tuple(pick(TEAMS), line('owner', HANDLE, '    '), line('role', pick(['lead', 'contributor', 'boss']), '    '))
  .map(([id, owner, role]) => [`  - id: ${id}`, ...owner, ...role]);

const risk = fc.tuple(pick(['vendor', 'outage', 'churn']), line('title', TEXT, '    '), line('owner', HANDLE, '    '),
  line('likelihood', pick(LEVELS), '    '), line('impact', pick(LEVELS), '    '), line('mitigation', TEXT, '    '), line('status', pick(['open', 'closed', 'mitigated', 'gone']), '    '))
  .map(([id, ...rest]) => [`  - id: ${id}`, ...rest.flat()]);

const decision = fc.tuple(pick(['stack', 'vendor']), line('title', TEXT, '    '), line('owner', HANDLE, '    '), line('date', pick(DATES), '    '))
  .map(([id, ...rest]) => [`  - id: ${id}`, ...rest.flat()]);

const list = (key: string, item: fc.Arbitrary<string[]>) => maybe(fc.array(item, { maxLength: 4 })).map((items) => (items === undefined ? [] : items.length === 0 ? [`${key}: []`] : [`${key}:`, ...items.flat()]));

const frontmatter = fc.tuple(
  line('program', pick([...PROGRAMS, ...PROGRAMS, 'Bad_Id']), '', 12), line('title', TEXT, '', 8), line('owner', HANDLE, '', 6), line('status', pick(PROGRAM_STATUSES)),
  line('summary', TEXT), line('start', pick(DATES)), line('target', pick(DATES)),
  list('teams', team), list('stakeholders', fc.tuple(HANDLE, pick(['approver', 'informed'])).map(([who, role]) => [`  - who: ${who}`, `    role: ${role}`])),
  maybe(dependsOnBlock('')), list('milestones', milestone), list('risks', risk), list('decisions', decision),
  line('x-custom', TEXT),
).chain((parts) => fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length })).map((parts) => parts.flatMap((part) => part ?? []));

const wikilink = fc.oneof(pick(PROGRAMS), reference, fc.tuple(pick(PROGRAMS), pick(['shown', 'the API'])).map(([p, s]) => `${p}|${s}`)).map((r) => `[[${r}]]`);
const mdLink = fc.tuple(pick(['payments-v2.md', '../programs/billing-core.md#ga', './identity-sso.brief.md', 'notes.md', 'https://x.org/a.md', '#local']), pick(['link', 'the brief']))
  .map(([target, text]) => `[${text}](${target})`);
const inline = fc.oneof(pick(['Some prose.', 'Needs', 'and', '`code [[not-a-link]]`', '**bold**', '_em_', '@maria', '@li', 'due:2026-03-01', '📅 2026-04-01', 'due:2026-02-30', '😀', '<b>html</b>']), wikilink, mdLink);
const sentence = fc.array(inline, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const heading = fc.tuple(fc.integer({ min: 1, max: 4 }), pick(['Dependencies', 'Depends on', 'Upstream', 'Blocked by:', 'Scope', 'Checklist', 'Risks', 'Dependencies and more']))
  .map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);
const task = fc.tuple(pick(['', '  ', '    ', '\t']), pick(['-', '*', '+', '1.']), pick(['[ ]', '[x]', '[X]', '[]', '[-]']), sentence)
  .map(([indent, marker, box, text]) => `${indent}${marker} ${box} ${text}`);
const bodyBlock = fc.oneof(
  { arbitrary: heading.map((h) => [h]), weight: 3 },
  { arbitrary: sentence.map((s) => [s]), weight: 3 },
  { arbitrary: fc.array(task, { minLength: 1, maxLength: 4 }), weight: 4 },
  { arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((s) => `- ${s}`)), weight: 2 },
  { arbitrary: sentence.map((s) => ['```', s, '```']), weight: 1 },
  { arbitrary: sentence.map((s) => [`> ${s}`]), weight: 1 },
  { arbitrary: fc.constant(['---']), weight: 1 },
  { arbitrary: fc.constant(['| a | b |', '|---|---|', '| [[mobile]] | - [ ] x |']), weight: 1 },
);
const body = fc.array(bodyBlock, { maxLength: 10 }).map((blocks) => blocks.flatMap((block) => ['', ...block]));

const brief = fc.tuple(frontmatter, body, fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 })).map(([fm, b, fenced]) => [...(fenced ? ['---', ...fm, '---'] : fm), ...b, ''].join('\n'));

// ---------------------------------------------------------------------------------------------
// Mutations

const HOSTILE = ['---', '--- ', '\t', '#', '# ', '[[', ']]', '[[payments-v2]]', '- [ ] ', '- [x] ', '\n', '\r', '\r\n', '\n---\n', ':', ': ', '"', "'", '&a ', '*a',
  '{', '}', '[', ']', '|', '>', '@', '@maria', '\u0000', '\uFEFF', '😀', '\uD800', '\uDC00', '\uD83D', 'é', '\u200B', '\u2028', '\\', '`', '```', '<!--', '-->', '  ', '    '];

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(pick(HOSTILE), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let current = text;
  for (const m of mutations) {
    const lines = current.split('\n');
    switch (m.kind) {
      case 'delete':
        lines.splice(m.at % lines.length, 1);
        current = lines.join('\n');
        break;
      case 'duplicate': {
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i]);
        current = lines.join('\n');
        break;
      }
      case 'swap': {
        const i = m.at % lines.length;
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        current = lines.join('\n');
        break;
      }
      case 'insert': {
        const i = m.at % (current.length + 1);
        current = current.slice(0, i) + m.text + current.slice(i);
        break;
      }
      case 'truncate':
        // Rarely truncate hard: keep at least half, most of the time.
        current = current.slice(0, Math.max(m.at % (current.length + 1), current.length >> 1));
        break;
    }
  }
  return current;
}

const mutatedBrief = fc.tuple(brief, fc.array(mutation, { maxLength: 4 }), fc.boolean()).map(([text, mutations, crlf]) => {
  const mutated = mutate(text, mutations);
  return crlf ? mutated.replace(/\r?\n/g, '\r\n') : mutated;
});

const FILE_NAMES = ['programs/payments-v2.md', 'programs/identity-sso.brief.md', 'programs/billing-core.md', 'team/data-platform.md', 'notes.md', 'programs/mobile.brief.md'];
const files = fc.uniqueArray(pick(FILE_NAMES), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(...names.map((name) => mutatedBrief.map((text) => [`file:///ws/${name}`, text] as const))));

const config = fc.record({
  today: pick(['2026-03-01', '2026-07-01']),
  people: maybe(fc.constant<string[]>(['@maria', '@li'])),
  checklist: fc.boolean(),
}).map(({ today, people, checklist }): BriefsConfig => mergeConfig({ today, people, rules: checklist ? { 'checklist-unowned': 'info' } : {} }));

// ---------------------------------------------------------------------------------------------
// Checks

function assertInside(range: Range, text: string, what: string): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const { start, end } = range;
  for (const p of [start, end]) {
    if (!(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length)) assert.fail(`${what}: line ${p.line} outside 0..${lines.length - 1}`);
    if (!(Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length)) {
      assert.fail(`${what}: character ${p.character} outside line ${p.line} of length ${lines[p.line].length}: ${JSON.stringify(lines[p.line])}`);
    }
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) assert.fail(`${what}: start ${JSON.stringify(start)} after end ${JSON.stringify(end)}`);
}

function checkDiagnostics(result: Map<string, Diagnostic[]>, texts: Map<string, string>): void {
  for (const [uri, diagnostics] of result) {
    const text = texts.get(uri);
    assert.ok(text !== undefined, `diagnostics for a file that is not in the workspace: ${uri}`);
    for (const d of diagnostics) {
      assert.equal(d.uri, uri);
      assert.ok(d.rule.length > 0 && d.message.length > 0, 'a diagnostic has a rule and a message');
      assert.ok(['error', 'warning', 'info'].includes(d.severity), `severity ${d.severity}`);
      assertInside(d.range, text, `${d.rule} in ${uri} (${d.message})`);
      for (const related of d.related ?? []) {
        const relatedText = texts.get(related.uri);
        assert.ok(relatedText !== undefined, `related location in a file that is not in the workspace: ${related.uri}`);
        assertInside(related.range, relatedText, `related of ${d.rule} in ${related.uri}`);
      }
    }
  }
}

function lintAll(entries: readonly (readonly [string, string])[], cfg: BriefsConfig): { result: Map<string, Diagnostic[]>; texts: Map<string, string> } {
  const workspace = new BriefWorkspace();
  const texts = new Map<string, string>();
  for (const [uri, text] of entries) {
    workspace.setText(uri, text);
    texts.set(uri, text);
  }
  const result = lintWorkspace(workspace, { config: cfg });
  workspace.graph();
  workspace.cycles();
  return { result, texts };
}

const comparable = (result: Map<string, Diagnostic[]>) => [...result.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('property: generated and mutated briefs', function () {
  this.timeout(60_000);

  it('the generators produce briefs that are mostly valid before mutation (sanity check of the test itself)', () => {
    const samples = fc.sample(brief, { numRuns: 200, seed: 42 });
    const parsed = samples.map((text) => parseBrief('file:///ws/p.md', text));
    const briefs = parsed.filter((b) => b.isBrief && b.syntaxErrors.length === 0);
    assert.ok(briefs.length > 100, `${briefs.length} of 200 samples are briefs that parse`);
    assert.ok(briefs.some((b) => b.milestones.length > 1 && b.milestones.some((m) => m.dependsOn.length > 0)));
    assert.ok(parsed.some((b) => b.checklist.length > 0));
    assert.ok(parsed.some((b) => b.bodyReferences.some((r) => r.inDependenciesSection)));
  });

  it('linting a workspace never throws and every range lies inside its file (1000 workspaces)', () => {
    fc.assert(fc.property(files, config, (entries, cfg) => {
      const { result, texts } = lintAll(entries, cfg);
      checkDiagnostics(result, texts);
    }), { numRuns: 1000 });
  });

  it('linting after edits equals linting the edited workspace from scratch (250 edit sequences)', () => {
    const edits = fc.tuple(files, fc.array(fc.tuple(pick(FILE_NAMES), fc.oneof(mutatedBrief, fc.constant(null))), { minLength: 1, maxLength: 3 }));
    fc.assert(fc.property(edits, config, ([initial, changes], cfg) => {
      const workspace = new BriefWorkspace();
      const current = new Map<string, string>();
      for (const [uri, text] of initial) {
        workspace.setText(uri, text);
        current.set(uri, text);
      }
      lintWorkspace(workspace, { config: cfg });
      for (const [name, text] of changes) {
        const uri = `file:///ws/${name}`;
        if (text === null) {
          workspace.delete(uri);
          current.delete(uri);
        } else {
          workspace.setText(uri, text);
          current.set(uri, text);
        }
        lintWorkspace(workspace, { config: cfg });
      }
      const incremental = lintWorkspace(workspace, { config: cfg });
      const fresh = lintAll([...current.entries()], cfg);
      checkDiagnostics(incremental, current);
      assert.deepEqual(comparable(incremental), comparable(fresh.result));
    }), { numRuns: 250 });
  });

  it('ownerCounts counts exactly what ownersOf lists, and its per-brief cache after edits gives what counting afresh gives (300 edit sequences, seeded)', () => {
    /** ownersOf's entries, counted. */
    const listed = (briefs: readonly Brief[]) => ownersOf(briefs).map((entry) => ({
      owner: entry.owner,
      ...Object.fromEntries(OWNED_KINDS.map((kind) => [kind, { open: entry[kind].filter((i) => i.open).length, closed: entry[kind].filter((i) => !i.open).length }])),
    }));
    const edits = fc.tuple(files, fc.array(fc.tuple(pick(FILE_NAMES), fc.oneof(mutatedBrief, fc.constant(null))), { minLength: 1, maxLength: 3 }));
    fc.assert(fc.property(edits, ([initial, changes]) => {
      const workspace = new BriefWorkspace();
      for (const [uri, text] of initial) workspace.setText(uri, text);
      const cache = new WeakMap<Brief, BriefOwnerCounts>();
      assert.deepEqual(ownerCounts(workspace.briefs(), cache), listed(workspace.briefs()));
      for (const [name, text] of changes) {
        if (text === null) workspace.delete(`file:///ws/${name}`);
        else workspace.setText(`file:///ws/${name}`, text);
        assert.deepEqual(ownerCounts(workspace.briefs(), cache), listed(workspace.briefs()));
      }
    }), { numRuns: 300, seed: 20261202 });
  });

  it('arbitrary strings of brief-like fragments never throw (1750 files)', () => {
    const fragment = fc.oneof(pick(HOSTILE), pick(['program: p', 'title: T', 'owner: "@x"', 'milestones:', '  - id: m', '    depends_on: [p#m]', '## Dependencies', '- [ ] task @x', '[[p]]']), fc.string({ maxLength: 5 }));
    const text = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, pick(['file:///ws/a.md', 'file:///ws/a.brief.md']), config, (t, uri, cfg) => {
      const { result, texts } = lintAll([[uri, t], ['file:///ws/p.md', '---\nprogram: p\ntitle: P\nowner: "@x"\nmilestones:\n  - id: m\n    title: M\n    owner: "@x"\n    depends_on: [a#m]\n---\n']], cfg);
      checkDiagnostics(result, texts);
    }), { numRuns: 1750 });
  });
});
