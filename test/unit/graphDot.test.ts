import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeDotString, toDot } from '../../src/core/render/dot';
import { buildGraphView } from '../../src/core/views/graphView';
import { graphOf } from './cli/briefs';

const TODAY = '2026-03-01';

/** A double-quoted DOT string: no raw quote, every backslash starts an escape. */
const DOT_STRING = /"(?:[^"\\\n]|\\.)*"/;
const ATTRIBUTE = new RegExp(`[a-z]+=(?:${DOT_STRING.source}|[\\w.]+)`);
const ATTRIBUTES = new RegExp(`\\[${ATTRIBUTE.source}(?:, ${ATTRIBUTE.source})*\\]`);

const STATEMENT = [
  /^digraph briefs \{$/,
  /^ {2}rankdir=(LR|RL|TB|BT);$/,
  new RegExp(`^ {2}(?:node|edge) ${ATTRIBUTES.source};$`),
  /^ {2}subgraph cluster_\d+ \{$/,
  new RegExp(`^ {4}label=${DOT_STRING.source};$`),
  /^ {4}(?:style|color)="[\w#,]+";$/,
  /^ {2}\}$/,
  new RegExp(`^ {2,4}n\\d+ ${ATTRIBUTES.source};$`),
  new RegExp(`^ {2}n\\d+ -> n\\d+(?: ${ATTRIBUTES.source})?;$`),
  /^\}$/,
];

function assertWellFormed(text: string): void {
  for (const line of text.trimEnd().split('\n')) assert.ok(STATEMENT.some((re) => re.test(line)), `unexpected line: ${line}`);
}

describe('dot: escapeDotString', () => {
  it('escapes quotes and backslashes; line breaks become spaces; control characters go', () => {
    assert.equal(escapeDotString('say "hi"'), 'say \\"hi\\"');
    assert.equal(escapeDotString('C:\\dir\\'), 'C:\\\\dir\\\\');
    assert.equal(escapeDotString('a\nb\r\nc\\nd'), 'a b c\\\\nd');
    assert.equal(escapeDotString('a\u0000\u001bb'), 'ab');
    assert.equal(escapeDotString('<b>x</b> & {y}'), '<b>x</b> & {y}');
  });

  it('for any text: a DOT string that cannot end early', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      assert.match(`"${escapeDotString(text)}"`, new RegExp(`^${DOT_STRING.source}$`));
    }), { numRuns: 500 });
  });
});

describe('dot: toDot', () => {
  const graph = () => graphOf(
    {
      program: 'platform', title: 'Platform', owner: '@pat', target: '2026-09-30',
      milestones: [
        { id: 'api', title: 'API "frozen"', owner: '@pat', due: '2026-02-01', status: 'done' },
        { id: 'launch', title: 'Launch\\', owner: '@pat', due: '2026-06-01', depends_on: ['api', 'security#audit', 'ghost'] },
      ],
    },
    { program: 'security', title: 'Security', owner: '@sec', milestones: [{ id: 'audit', title: 'Audit', owner: '@sec', due: '2026-06-15' }] },
  );

  it('draws clusters per program, ids n0…, arrows from dependent to dependency, coloured by status and labelled with it', () => {
    const text = toDot(buildGraphView(graph(), { today: TODAY }));
    assertWellFormed(text);
    assert.match(text, /subgraph cluster_0 \{\n {4}label="platform";/);
    assert.match(text, /n1 \[label="API \\"frozen\\"\\n@pat · 2026-02-01\\n\u2714 Done", style="rounded,filled", fillcolor="#dcfce7"/);
    assert.match(text, /n2 \[label="Launch\\\\\\n@pat · 2026-06-01\\n\u2013 No status"/, 'a trailing backslash is escaped, then our own \\n');
    // An arrow from A to B means A depends on B: launch (n2) depends on api (n1).
    assert.match(text, /n2 -> n1;/);
    assert.match(text, /n2 -> n4 \[color="#ea580c", penwidth=2, style=dashed\];/, 'schedule conflict');
    assert.match(text, /n5 \[label="ghost\\n\? Not defined".*style="rounded,filled,dashed"/);
    assert.match(text, /n2 -> n5 \[style=dashed\];/, 'dangling edge');
  });

  it('program level: no clusters; rankdir option', () => {
    const text = toDot(buildGraphView(graph(), { today: TODAY, level: 'program' }), { rankdir: 'TB' });
    assertWellFormed(text);
    assert.doesNotMatch(text, /cluster/);
    assert.match(text, /rankdir=TB;/);
  });

  it('no brief text breaks out of its string', () => {
    const title = 'x"; n0 -> n1 [label="pwn"]; "\\\n} digraph { <b>html</b>';
    const text = toDot(buildGraphView(graphOf({ program: 'evil', title, owner: '@e', milestones: [{ id: 'm', title, owner: '@e' }] }), { today: TODAY }), { maxTitleLength: 500 });
    assertWellFormed(text);
    assert.doesNotMatch(text, /^ {2}n\d+ -> /m, 'no edge statement was injected');
  });
});
