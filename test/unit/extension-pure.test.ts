/**
 * The extension's pure helpers (no vscode import): what a position names (symbols), where
 * completion applies (yamlContext), and where a config error points. The editor-facing
 * behaviour is tested in the real VS Code (test/vscode/suite).
 */
import assert from 'node:assert/strict';
import { BriefWorkspace } from '../../src/core';
import { configErrorRange } from '../../src/language/configErrorRange';
import { definitionOf, referencesTo, symbolAt } from '../../src/language/symbols';
import { bodyPlaceAt, frontmatterPlaceAt } from '../../src/language/yamlContext';

const brief = (yaml: string, body = '# Brief\n') => `---\n${yaml.trim()}\n---\n${body}`;

describe('extension: symbols', () => {
  const workspace = new BriefWorkspace();
  const pay = workspace.setText('file:///w/pay.md', brief(
    'program: pay\ntitle: Pay\nowner: "@m"\ndepends_on:\n  - "ledger#api"\nmilestones:\n  - id: design\n    title: D\n  - id: cutover\n    title: C\n    depends_on: [design, ledger]',
    '## Dependencies\n\n- [[ledger#api|the API]] and [ledger](ledger.md)\n',
  ));
  const ledger = workspace.setText('file:///w/ledger.md', brief('program: ledger\ntitle: Ledger\nowner: "@l"\nmilestones:\n  - id: api\n    title: API'));
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

  it('splits `program#milestone` into its parts, quoted or not', () => {
    const line = lineOf(pay.text, '"ledger#api"');
    assert.deepEqual(symbolAt(workspace, pay, { line, character: 6 })?.target, { program: 'ledger' });
    assert.deepEqual(symbolAt(workspace, pay, { line, character: 13 })?.target, { program: 'ledger', milestone: 'api' });
    const program = symbolAt(workspace, pay, { line, character: 6 })!;
    assert.deepEqual([program.range.start.character, program.range.end.character], [5, 11]);
  });

  it('a bare id in a milestone\'s depends_on is this brief\'s milestone when one has it', () => {
    const line = lineOf(pay.text, '[design, ledger]');
    assert.deepEqual(symbolAt(workspace, pay, { line, character: 18 })?.target, { program: 'pay', milestone: 'design' });
    assert.deepEqual(symbolAt(workspace, pay, { line, character: 26 })?.target, { program: 'ledger', milestone: undefined });
  });

  it('wikilinks and Markdown links to a brief name the program', () => {
    const line = lineOf(pay.text, '[[ledger#api');
    assert.deepEqual(symbolAt(workspace, pay, { line, character: 4 })?.target, { program: 'ledger' });
    assert.deepEqual(symbolAt(workspace, pay, { line, character: 11 })?.target, { program: 'ledger', milestone: 'api' });
    assert.deepEqual(symbolAt(workspace, pay, { line, character: 30 })?.target, { program: 'ledger' });
  });

  it('definition and references, declarations included', () => {
    assert.equal(definitionOf(workspace, { program: 'ledger', milestone: 'api' })?.uri, ledger.uri);
    assert.equal(definitionOf(workspace, { program: 'nowhere' }), undefined);
    const places = referencesTo(workspace, { program: 'ledger' });
    assert.equal(places.length, 4, JSON.stringify(places));
    assert.equal(referencesTo(workspace, { program: 'ledger', milestone: 'api' }).length, 2);
    assert.equal(referencesTo(workspace, { program: 'pay', milestone: 'design' }).length, 1);
    assert.equal(referencesTo(workspace, { program: 'pay' }).length, 0, 'a bare milestone id is not a reference to the program');
    const line = lineOf(ledger.text, 'program: ledger');
    assert.equal(symbolAt(workspace, ledger, { line, character: 10 })?.declaration, true);
  });
});

describe('extension: completion places', () => {
  const lines = [
    'program: pay',
    'status: on',
    'depends_on:',
    '  - ide',
    'milestones:',
    '  - id: m1',
    '    status: ',
    '    team: "pa',
    '    depends_on: [a, b',
    '    depends_on:',
    '    - ref: led',
    'risks:',
    '- id: r',
    '  likelihood: h',
    'stakeholders:',
    '  - who: "@',
    '  - role: ',
  ];
  const at = (line: number, character = lines[line].length) => frontmatterPlaceAt(lines, line, character);

  it('knows the key and the enclosing list', () => {
    assert.deepEqual(at(1), { kind: 'value', path: [], key: 'status', inSequence: false, start: 8, prefix: 'on' });
    assert.deepEqual(at(3), { kind: 'value', path: [], key: 'depends_on', inSequence: true, start: 4, prefix: 'ide' });
    assert.deepEqual(at(6), { kind: 'value', path: ['milestones'], key: 'status', inSequence: false, start: 12, prefix: '' });
    assert.deepEqual(at(7), { kind: 'value', path: ['milestones'], key: 'team', inSequence: false, start: 11, prefix: 'pa', quote: '"' });
    assert.deepEqual(at(8), { kind: 'value', path: ['milestones'], key: 'depends_on', inSequence: true, start: 20, prefix: 'b' });
    assert.deepEqual(at(10), { kind: 'value', path: ['milestones', 'depends_on'], key: 'ref', inSequence: false, start: 11, prefix: 'led' });
    assert.deepEqual(at(13), { kind: 'value', path: ['risks'], key: 'likelihood', inSequence: false, start: 14, prefix: 'h' });
    assert.deepEqual(at(15), { kind: 'value', path: ['stakeholders'], key: 'who', inSequence: false, start: 10, prefix: '@', quote: '"' });
    assert.deepEqual(at(16), { kind: 'value', path: ['stakeholders'], key: 'role', inSequence: false, start: 10, prefix: '' });
  });

  it('offers nothing inside a key, after a finished value, or right after a dash', () => {
    assert.equal(at(1, 3), undefined);
    assert.equal(frontmatterPlaceAt(['title: two words'], 0, 16), undefined);
    assert.equal(frontmatterPlaceAt(['depends_on:', '  -'], 1, 3), undefined);
  });

  it('finds a wikilink or a handle being typed in the body', () => {
    assert.deepEqual(bodyPlaceAt('See [[led'), { kind: 'wikilink', start: 6, prefix: 'led' });
    assert.deepEqual(bodyPlaceAt('See [[ledger#a'), { kind: 'wikilink', start: 6, prefix: 'ledger#a' });
    assert.equal(bodyPlaceAt('See [[ledger]] and'), undefined);
    assert.deepEqual(bodyPlaceAt('- [ ] Load test @ma'), { kind: 'handle', start: 16, prefix: '@ma' });
    assert.equal(bodyPlaceAt('mail x@y'), undefined);
  });
});

describe('extension: where a config error points', () => {
  const text = '{\n  "today": "2026-03-01",,\n  "rules": { "nope": "off" }\n}\n';
  it('at the JSON error position', () => {
    let message = '';
    try {
      JSON.parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    assert.equal(configErrorRange(text, message).start.line, 1);
  });
  it('at the key a validation error names, else line 1', () => {
    assert.deepEqual(configErrorRange(text, 'unknown rule `nope`; expected one of …').start, { line: 2, character: 13 });
    assert.equal(configErrorRange(text, 'something else').start.line, 0);
  });
});
