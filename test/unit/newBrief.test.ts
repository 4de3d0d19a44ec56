/**
 * "New Program Brief", the pure part (src/core/fixes/newBrief.ts): the snippet template, with every
 * placeholder at its default, is a brief the schema accepts, with one example milestone, risk and
 * decision; interpolated ids and titles are escaped for snippet syntax; the folders offered are
 * ranked by how many briefs they hold.
 */
import assert from 'node:assert/strict';
import { BriefWorkspace, lintBrief, mergeConfig, type Diagnostic } from '../../src/core';
import { briefFolders, briefsDirectlyIn, escapeSnippet, newBriefSnippet, resolveSnippet } from '../../src/core/fixes/newBrief';
import { parseBrief } from '../../src/core/parse/parseBrief';
import { ID_PATTERN } from '../../src/core/model/schema';
import { prng } from '../support/prng';

const TODAY = '2026-03-01';

function lint(text: string): Diagnostic[] {
  const workspace = new BriefWorkspace();
  const brief = workspace.setText('file:///w/brief.md', text);
  return lintBrief(workspace, brief, { config: mergeConfig({ today: TODAY }) });
}

describe('newBrief: the template snippet', () => {
  it('resolves to a brief with one milestone, risk and decision that lints clean once it has an owner', () => {
    const text = resolveSnippet(newBriefSnippet({ program: 'ledger-v3', title: 'Ledger v3', owner: '@maria', today: TODAY }));
    const brief = parseBrief('file:///w/ledger-v3.md', text);
    assert.deepEqual(brief.syntaxErrors, []);
    assert.deepEqual(brief.schemaProblems, []);
    assert.equal(brief.program?.value, 'ledger-v3');
    assert.equal(brief.title?.value, 'Ledger v3');
    assert.equal(brief.owner?.value, '@maria');
    assert.deepEqual(brief.milestones.map((m) => [m.id?.value, m.owner?.value, m.due?.value]), [['first-milestone', '@maria', '2026-03-31']]);
    assert.deepEqual(brief.risks.map((r) => [r.id?.value, r.owner?.value]), [['example-risk', '@maria']]);
    assert.deepEqual(brief.decisions.map((d) => [d.id?.value, d.owner?.value]), [['example-decision', '@maria']]);
    for (const section of ['Scope', 'Milestones', 'Dependencies', 'Risks', 'Stakeholders', 'Decisions', 'Checklist']) {
      assert.match(text, new RegExp(`^## ${section}$`, 'm'));
    }
    assert.deepEqual(lint(text), []);
  });

  it('without an owner, every owner is one empty tab stop in quotes: owner-missing only, no schema error', () => {
    const snippet = newBriefSnippet({ program: 'ledger-v3', title: 'Ledger v3', today: TODAY });
    assert.match(snippet, /^owner: "\$\{2\}"$/m);
    assert.equal(snippet.match(/^ {4}owner: "\$2"$/gm)?.length, 3, 'the milestone, risk and decision owners mirror it');
    const text = resolveSnippet(snippet);
    assert.deepEqual(parseBrief('file:///w/x.md', text).schemaProblems, []);
    assert.deepEqual(lint(text).map((d) => d.rule), ['owner-missing', 'owner-missing', 'owner-missing', 'owner-missing']);
  });

  it('has tab stops in order, a choice of the schema\'s values for each status, and $0 last', () => {
    const snippet = newBriefSnippet({ program: 'x', title: 'X', today: TODAY });
    const stops = [...snippet.matchAll(/\$\{(\d+)[:|}]/g)].map((m) => Number(m[1]));
    assert.deepEqual(stops, stops.map((_, i) => i + 1), 'each tab stop once, numbered in document order');
    assert.ok(stops.length >= 15, `${stops.length} tab stops`);
    // Text tab stops sit inside the quotes: typing replaces the text and keeps the YAML quoted.
    assert.match(snippet, /^title: "\$\{1:X\}"$/m);
    assert.match(snippet, /^ {4}title: "\$\{\d+:First milestone\}"$/m);
    assert.match(newBriefSnippet({ program: 'x', title: 'X', owner: '@maria', today: TODAY }), /^owner: "\$\{2:@maria\}"$/m);
    assert.match(snippet, /^status: \$\{\d+\|proposed,not-started,on-track,at-risk,off-track,blocked,done,cancelled\|\}$/m);
    assert.match(snippet, /^ {4}likelihood: \$\{\d+\|low,medium,high\|\}$/m);
    assert.match(snippet, /\$0\n$/);
  });

  it('writes ids that YAML would read as numbers quoted, so they stay strings', () => {
    for (const id of ['2026', '0x1f', '1e3', '0o17']) {
      const text = resolveSnippet(newBriefSnippet({ program: id, title: `T ${id}`, owner: '@m', today: TODAY }));
      assert.match(text, new RegExp(`^program: "${id}"$`, 'm'));
      const brief = parseBrief(`file:///w/${id}.md`, text);
      assert.equal(brief.program?.value, id);
      assert.deepEqual(brief.schemaProblems, [], id);
    }
  });

  it('escapes $, } and \\ in titles and handles, so they come out as typed', () => {
    assert.equal(escapeSnippet('a$1 ${2:x} \\ }'), 'a\\$1 \\${2:x\\} \\\\ \\}');
    const title = 'Cost $5 } \\ ${1:oops} $0 "quoted"';
    const snippet = newBriefSnippet({ program: 'cost', title, owner: '@org/a.b', today: TODAY });
    const text = resolveSnippet(snippet);
    const brief = parseBrief('file:///w/cost.md', text);
    assert.deepEqual(brief.schemaProblems, []);
    assert.equal(brief.title?.value, title);
    assert.equal(brief.owner?.value, '@org/a.b');
    assert.match(text, /^# Cost \$5 \} \\ \$\{1:oops\} \$0 "quoted"$/m);
    // The title's own `${1:oops}` is text, not a second tab stop 1.
    assert.equal(snippet.match(/(?<!\\)\$\{1:/g)?.length, 1);
  });

  it('seeded property: any title and any valid id read back as written', () => {
    const random = prng(20261201);
    const alphabet = 'ab $}{\\:"\'#-|,0123456789\n\té';
    const ids = 'abcdefxyz0123456789-';
    for (let run = 0; run < 300; run++) {
      const title = Array.from({ length: 1 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('').replace(/\n/g, ' ').trim() || 'T';
      let id = Array.from({ length: 1 + Math.floor(random() * 8) }, () => ids[Math.floor(random() * ids.length)]).join('');
      if (!ID_PATTERN.test(id)) id = `a${id}`;
      const text = resolveSnippet(newBriefSnippet({ program: id, title, owner: '@m', today: TODAY }));
      const brief = parseBrief(`file:///w/${run}.md`, text);
      assert.deepEqual(brief.syntaxErrors, [], JSON.stringify({ id, title }));
      assert.deepEqual(brief.schemaProblems, [], JSON.stringify({ id, title }));
      assert.equal(brief.program?.value, id);
      assert.equal(brief.title?.value, title);
    }
  });
});

describe('newBrief: where to create it', () => {
  it('ranks the folders holding briefs by count, without the roots', () => {
    const uris = [
      'file:///ws/a.md', 'file:///ws/b.md', 'file:///ws/c.md', 'file:///ws/d.md',
      'file:///ws/programs/p1.md', 'file:///ws/programs/p2.md', 'file:///ws/programs/p3.md',
      'file:///ws/teams/x/t1.md', 'file:///ws/archive/old.md', 'file:///other/z.md',
      'file:///ws2/docs/one.md',
    ];
    assert.deepEqual(briefFolders(uris, ['file:///ws', 'file:///ws2/']), [
      { uri: 'file:///ws/programs', count: 3 },
      { uri: 'file:///ws/archive', count: 1 },
      { uri: 'file:///ws/teams/x', count: 1 },
      { uri: 'file:///ws2/docs', count: 1 },
    ]);
    assert.deepEqual(briefFolders(['file:///ws/a.md'], ['file:///ws']), []);
    assert.deepEqual(briefFolders(['file:///wsx/a/b.md'], ['file:///ws']), [], 'a sibling folder with the same prefix is outside');
    assert.equal(briefsDirectlyIn(uris, 'file:///ws/'), 4);
    assert.equal(briefsDirectlyIn(uris, 'file:///ws/programs'), 3);
  });
});
