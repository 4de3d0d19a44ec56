/**
 * One arrow convention everywhere (docs/cli.md, "Which way arrows point"): an arrow from A to B
 * means A depends on B. The JSON edge (the spec's `{ from: A, to: B }`), the Mermaid and DOT
 * arrows, the edge the diagram panel decorates and the docs all agree.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { toDot } from '../../src/core/render/dot';
import { buildGraphView, toGraphJson } from '../../src/core/views/graphView';
import { ARROW_MEANING, toMermaid } from '../../src/core/render/mermaid';
import { graphOf } from './cli/briefs';

const ROOT = path.resolve(__dirname, '../..');
const TODAY = '2026-03-01';

describe('one arrow convention: an arrow from A to B means A depends on B', () => {
  // `app` depends on `lib`; nothing else.
  const graph = () => graphOf(
    { program: 'app', title: 'App', owner: '@a', depends_on: ['lib'] },
    { program: 'lib', title: 'Lib', owner: '@l' },
  );

  it('JSON, Mermaid and DOT draw the same edge the same way round', () => {
    const view = buildGraphView(graph(), { today: TODAY, level: 'program' });
    const app = view.nodes.findIndex((node) => node.id === 'app');
    const lib = view.nodes.findIndex((node) => node.id === 'lib');
    assert.deepEqual(toGraphJson(view, (uri) => uri).edges.map((edge) => [edge.from, edge.to]), [['app', 'lib']]);
    assert.match(toMermaid(view), new RegExp(`^ {2}n${app} --> n${lib}$`, 'm'));
    assert.doesNotMatch(toMermaid(view), new RegExp(`n${lib} --> n${app}`));
    assert.match(toDot(view), new RegExp(`^ {2}n${app} -> n${lib};$`, 'm'));
    assert.doesNotMatch(toDot(view), new RegExp(`n${lib} -> n${app}`));
  });

  it('the legend sentence and the docs say the same', () => {
    assert.equal(ARROW_MEANING, 'An arrow from A to B means A depends on B (B must be done first).');
    const cli = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
    assert.match(cli, /### Which way arrows point\n\n\*\*An arrow from A to B means "A depends on B"\*\*/);
    for (const file of ['docs/extension.md', 'examples/README.md']) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      assert.match(text, /cli\.md#which-way-arrows-point/, `${file} cites the one place`);
      assert.match(text, /arrow from A to B means A depends on B/, `${file} says the same`);
      assert.doesNotMatch(text, /from a dependency to what (depends on it|needs it)|upstream → downstream/i, `${file} says the opposite somewhere`);
    }
  });

  it('the example graph in examples/README.md matches `brief graph` (dependents point at their dependencies)', () => {
    const readme = readFileSync(path.join(ROOT, 'examples/README.md'), 'utf8');
    // billing-core's brief depends on data-platform: the README draws billing-core --> data-platform.
    assert.match(readme, /^ {2}billing-core --> data-platform$/m);
    assert.doesNotMatch(readme, /^ {2}data-platform --> billing-core$/m);
    assert.match(readFileSync(path.join(ROOT, 'examples/programs/billing-core.md'), 'utf8').split('\n---')[0], /data-platform/);
  });
});
