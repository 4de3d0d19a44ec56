import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildGraphView } from '../../src/core/views/graphView';
import { escapeMermaidLabel, mermaidNodeId, toMermaid } from '../../src/core/render/mermaid';
import { graphOf } from './cli/briefs';

const TODAY = '2026-03-01';

/** Everything a safe label may hold: safe characters, entity codes, our own `<br/>`. */
const SAFE_LABEL = /^(?:[\p{L}\p{N} .,\-_@/'·]|#(?:\d+|quot|amp|lt|gt);|<br\/>)*$/u;

/** The only statements the renderer writes; any other line means brief text broke out. */
const STATEMENT = [
  /^flowchart (LR|RL|TB|TD|BT)$/,
  /^ {2}subgraph s\d+\["(?<label>[^"]*)"\]$/,
  /^ {2}end$/,
  /^ {2,4}n\d+(?:\[\["(?<label>[^"]*)"\]\]|\["(?<label2>[^"]*)"\])$/,
  /^ {2}n\d+ (?:-->|-\.->) n\d+$/,
  /^ {2}classDef (?:st[A-Za-z]+|focus) [a-z-]+:[#\w. -]+(?:,[a-z-]+:[#\w. -]+)*$/,
  /^ {2}class n\d+(?:,n\d+)* (?:st[A-Za-z]+|focus)$/,
  /^ {2}linkStyle \d+(?:,\d+)* [a-z-]+:[#\w. -]+(?:,[a-z-]+:[#\w. -]+)*$/,
];

function assertWellFormed(text: string): void {
  const lines = text.trimEnd().split('\n');
  for (const line of lines) {
    const match = STATEMENT.map((re) => re.exec(line)).find(Boolean);
    assert.ok(match, `unexpected line: ${line}`);
    const label = match.groups?.label ?? match.groups?.label2;
    if (label !== undefined) assert.match(label, SAFE_LABEL, `unsafe label in: ${line}`);
  }
}

/** What a browser shows for a label: Mermaid turns `#name;` / `#123;` into HTML entities. */
function decode(label: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return label.replace(/#(\w+);/g, (_, code: string) => (/^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : named[code]));
}

const HOSTILE = [
  'Evil "]) --> n0; click n0 call alert()',
  '%%{init: {"securityLevel": "loose", "theme": "dark"}}%%',
  '<img src=x onerror=alert(1)>',
  'click n0 call alert()',
  'a :::evil b | c ; d `tick` #x & [y] {z} (w)',
  'line one\nclick n1 href "javascript:alert(1)"\r\nend',
];

describe('mermaid: escapeMermaidLabel', () => {
  it('writes quotes, brackets, <, >, &, #, backticks and friends as entity codes', () => {
    assert.equal(escapeMermaidLabel('"x"'), '#quot;x#quot;');
    assert.equal(escapeMermaidLabel('<b> & #1'), '#lt;b#gt; #amp; #35;1');
    assert.equal(escapeMermaidLabel('[a](b){c}|d;e:f`g%h'), '#91;a#93;#40;b#41;#123;c#125;#124;d#59;e#58;f#96;g#37;h');
    assert.equal(escapeMermaidLabel('a-->b'), 'a--#gt;b');
  });

  it('keeps letters (any script), digits, spaces and plain punctuation readable', () => {
    assert.equal(escapeMermaidLabel("Zoë's rollout, phase 2 - @li/ops v1.2_x"), "Zoë's rollout, phase 2 - @li/ops v1.2_x");
    assert.equal(escapeMermaidLabel('支付平台'), '支付平台');
  });

  it('turns line breaks into spaces and drops other control characters', () => {
    assert.equal(escapeMermaidLabel('a\nb\r\nc\td\u2028e'), 'a b c d e');
    assert.equal(escapeMermaidLabel('a\u0000b\u001bc\u007f'), 'abc');
  });

  it('encodes astral characters by code point', () => {
    assert.equal(escapeMermaidLabel('📅'), '#128197;');
  });

  it('for any text: a safe label that shows the text as written', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      const label = escapeMermaidLabel(text);
      assert.match(label, SAFE_LABEL);
      const expected = text.replace(/\r\n|[\r\n\t\v\f\u2028\u2029]/g, ' ').replace(/\p{Cc}/gu, '');
      assert.equal(decode(label), expected);
    }), { numRuns: 500 });
  });
});

describe('mermaid: toMermaid', () => {
  const graph = () => graphOf(
    {
      program: 'platform', title: 'Platform', owner: '@pat', target: '2026-09-30',
      milestones: [
        { id: 'api', title: 'API frozen', owner: '@pat', due: '2026-02-01', status: 'done' },
        { id: 'launch', title: 'Launch', owner: '@pat', due: '2026-06-01', depends_on: ['api', 'security#audit', 'ghost#m'] },
      ],
    },
    {
      program: 'security', title: 'Security', owner: '@sec', status: 'blocked',
      milestones: [
        { id: 'audit', title: 'Audit', owner: '@sec', due: '2026-06-15', depends_on: ['loop'] },
        { id: 'loop', title: 'Loop', owner: '@sec', due: '2026-01-01', depends_on: ['audit'] },
      ],
    },
  );

  it('draws a flowchart with a subgraph per program, stable ids, status words, arrows from dependent to dependency', () => {
    const view = buildGraphView(graph(), { today: TODAY });
    const text = toMermaid(view);
    assertWellFormed(text);
    assert.deepEqual(view.nodes.map((n) => n.id), ['platform', 'platform#api', 'platform#launch', 'security', 'security#audit', 'security#loop', 'ghost#m']);
    assert.equal(text, [
      'flowchart LR',
      '  subgraph s0["platform"]',
      '    n0[["Platform<br/>@pat · 2026-09-30<br/>#8211; No status"]]',
      '    n1["API frozen<br/>@pat · 2026-02-01<br/>#10004; Done"]',
      '    n2["Launch<br/>@pat · 2026-06-01<br/>#8211; No status"]',
      '  end',
      '  subgraph s1["security"]',
      '    n3[["Security<br/>@sec<br/>#8856; Blocked"]]',
      '    n4["Audit<br/>@sec · 2026-06-15<br/>#8211; No status"]',
      '    n5["Loop<br/>@sec · 2026-01-01<br/>#9719; Overdue"]',
      '  end',
      '  subgraph s2["ghost"]',
      '    n6["ghost#35;m<br/>#63; Not defined"]',
      '  end',
      // platform#launch depends on platform#api: the arrow goes from launch (n2) to api (n1).
      '  n2 --> n1',
      '  n2 --> n4',
      '  n2 -.-> n6',
      '  n4 --> n5',
      '  n5 --> n4',
      '  classDef stNoStatus fill:#ffffff,stroke:#9ca3af,color:#374151',
      '  class n0,n2,n4 stNoStatus',
      '  classDef stDone fill:#dcfce7,stroke:#16a34a,color:#14532d',
      '  class n1 stDone',
      '  classDef stBlocked fill:#ffeff7,stroke:#bf3989,color:#772057',
      '  class n3 stBlocked',
      '  classDef stOverdue fill:#ffebe9,stroke:#d1242f,color:#82071e',
      '  class n5 stOverdue',
      '  classDef stMissing fill:#ffffff,stroke:#6b7280,color:#374151,stroke-dasharray:4 3',
      '  class n6 stMissing',
      '  linkStyle 1 stroke:#ea580c,stroke-width:3px,stroke-dasharray:6 4',
      '  linkStyle 3,4 stroke:#dc2626,stroke-width:3px',
      '',
    ].join('\n'));
  });

  it('link i is view.edges[i]: linkStyle marks cycles, schedule conflicts and the critical path', () => {
    const view = buildGraphView(graph(), { today: TODAY, focus: 'platform#launch', depth: 1 });
    const text = toMermaid(view);
    assertWellFormed(text);
    const styled = new Map<number, string>();
    for (const [, indexes, style] of text.matchAll(/linkStyle ([\d,]+) (.*)/g)) for (const i of indexes.split(',')) styled.set(Number(i), style);
    view.edges.forEach((edge, i) => {
      const style = styled.get(i);
      if (edge.inCycle) assert.match(style!, /stroke:#dc2626/);
      else if (edge.scheduleConflict) assert.match(style!, /stroke:#ea580c.*dasharray/);
      else if (edge.critical) assert.match(style!, /stroke:#7c3aed,stroke-width:4px/);
      else assert.equal(style, undefined);
    });
    assert.ok(view.edges.some((e) => e.critical));
    assert.match(text, /classDef focus stroke-width:3px\n {2}class n\d+ focus/);
  });

  it('has no subgraphs at program level, and takes a direction', () => {
    const text = toMermaid(buildGraphView(graph(), { today: TODAY, level: 'program' }), { direction: 'TB' });
    assertWellFormed(text);
    assert.match(text, /^flowchart TB\n/);
    assert.doesNotMatch(text, /subgraph/);
    assert.match(text, /n0 --> n1/, 'platform → security: platform depends on security');
  });

  it('no brief text breaks out: quotes, brackets, HTML, %%{init}%%, click, :::, ;, |, -->', () => {
    const milestones = HOSTILE.map((title, i) => ({ id: `m${i}`, title, owner: '@evil', due: '2026-12-01' }));
    const graphWithHostile = graphOf({ program: 'evil', title: HOSTILE.join(' '), owner: '@evil', milestones });
    for (const level of ['milestone', 'program'] as const) {
      const text = toMermaid(buildGraphView(graphWithHostile, { today: TODAY, level }), { maxTitleLength: 1000 });
      assertWellFormed(text);
      for (const raw of [...HOSTILE, '<img', 'onerror=alert(1)>', '%%{', '}%%', 'call alert()', ':::', '`', '|', 'Evil "', 'javascript:', '-->']) {
        assert.ok(!text.includes(raw), `${raw} appears raw in\n${text}`);
      }
      assert.ok(!/^\s*click\b/m.test(text), 'no click statement');
      assert.ok(!/^\s*%%/m.test(text), 'no directive or comment line');
      assert.equal(text.match(/-->/g)?.length ?? 0, 0, 'no edges here, so no arrow at all');
    }
    const text = toMermaid(buildGraphView(graphWithHostile, { today: TODAY }), { maxTitleLength: 1000 });
    const labels = [...text.matchAll(/\["([^"]*)"\]/g)].map((m) => decode(m[1]).replace(/<br\/>.*/, ''));
    assert.ok(labels.includes(HOSTILE[2]), 'the title still reads as written');
  });

  it('ids are n0, n1, … whatever the program ids are', () => {
    assert.equal(mermaidNodeId(7), 'n7');
    const text = toMermaid(buildGraphView(graphOf({ program: 'end', title: 'End', owner: '@e', milestones: [{ id: 'click', title: 'C', owner: '@e' }] }), { today: TODAY }));
    assertWellFormed(text);
    assert.match(text, /subgraph s0\["end"\]\n {4}n0\[\["End<br\/>@e<br\/>#8211; No status"\]\]\n {4}n1\["C<br\/>@e<br\/>#8211; No status"\]/);
  });

  it('cuts long titles on characters, with an ellipsis', () => {
    const text = toMermaid(buildGraphView(graphOf({ program: 'p', title: `${'x'.repeat(70)}😀`, owner: '@p' }), { today: TODAY }), { maxTitleLength: 10 });
    assert.match(text, /n0\[\["xxxxxxxxx#8230;<br\/>@p<br\/>#8211; No status"\]\]/);
  });
});
