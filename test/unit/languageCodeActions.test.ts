/**
 * src/language/codeActions.ts (what `brief lsp` serves as quick fixes), without a server: the
 * `status-optimistic` fixes "Set status to `at-risk`" and "Set status to `off-track`", whose
 * edits, applied, clear the diagnostic.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { mergeConfig } from '../../src/core/workspace/config';
import { applyEdits, setStatusFix } from '../../src/core/fixes';
import { lintBrief } from '../../src/core/rules/lint';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { codeActionsFor, type CodeActionHost } from '../../src/language/codeActions';
import { toLspDiagnostic } from '../../src/language/diagnostics';

const DIR = path.join(__dirname, '..', 'fixtures', 'workspaces', 'schedule-chain', 'programs');
const config = mergeConfig({ today: '2026-03-01' });

function chainWorkspace(): BriefWorkspace {
  const workspace = new BriefWorkspace();
  for (const name of fs.readdirSync(DIR).sort()) workspace.setText(`file:///ws/programs/${name}`, fs.readFileSync(path.join(DIR, name), 'utf8'));
  return workspace;
}

function hostOf(workspace: BriefWorkspace): CodeActionHost {
  return {
    workspace,
    config,
    diagnosticsOf: (brief) => lintBrief(workspace, brief, { config }),
    freeBriefUri: () => undefined,
    canCreateFiles: false,
    relativePath: (uri) => uri,
  };
}

describe('language code actions: status-optimistic', () => {
  const uri = 'file:///ws/programs/web.md';

  it('offers "Set status to `at-risk`" (preferred) and "Set status to `off-track`"; each edit sets the status and clears the diagnostic', () => {
    const workspace = chainWorkspace();
    const brief = workspace.get(uri)!;
    const optimistic = lintBrief(workspace, brief, { config }).filter((d) => d.rule === 'status-optimistic');
    assert.equal(optimistic.length, 1);
    const actions = codeActionsFor(hostOf(workspace), brief, optimistic.map(toLspDiagnostic));
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Set status to `at-risk`', 'quickfix', true],
      ['Set status to `off-track`', 'quickfix', false],
      ['Disable `status-optimistic` for this line', 'quickfix', false],
      ['Disable `status-optimistic` for this file', 'quickfix', false],
    ]);
    for (const [action, status] of [[actions[0], 'at-risk'], [actions[1], 'off-track']] as const) {
      const edits = action.edit!.changes![uri] as TextEdit[];
      const fixed = applyEdits(brief.text, edits);
      assert.equal(fixed, brief.text.replace(/^status: on-track$/m, `status: ${status}`));
      const after = chainWorkspace();
      const relinted = lintBrief(after, after.setText(uri, fixed), { config });
      assert.deepEqual(relinted.filter((d) => d.rule === 'status-optimistic'), [], `${status}: no status-optimistic once applied`);
    }
  });

  it('no action once the text at the diagnostic changed (the guard), and none for a diagnostic the server does not find', () => {
    const workspace = chainWorkspace();
    const brief = workspace.get(uri)!;
    const [optimistic] = lintBrief(workspace, brief, { config }).filter((d) => d.rule === 'status-optimistic');
    // The client asks about a diagnostic at another range: not ours now.
    const moved = { ...toLspDiagnostic(optimistic), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
    assert.deepEqual(codeActionsFor(hostOf(workspace), brief, [moved]), []);
    // The fix itself refuses text that no longer says what the diagnostic covered.
    const fix = setStatusFix(brief.text, optimistic.range, 'at-risk')!;
    assert.equal(fix.guards[0].text, 'on-track');
    assert.equal(fix.edits[0].newText, 'at-risk');
  });
});
