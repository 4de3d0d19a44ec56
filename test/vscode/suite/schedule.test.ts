/**
 * The schedule in the real VS Code, through the language server (docs/schedule.md, "In the
 * editor"): a milestone's hover explains its date, code lenses give forecast, slip and slack,
 * and "What If This Slips…" lists what moves without changing any file. The workspace's
 * `today` is 2026-03-01; `billing-core#ledger-api` (due 2026-03-15) feeds `payments-v2`
 * (target 2026-06-30).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WhatIfShown } from '../../../src/extension/whatIf';
import { extensionApi, open, rangeOf, waitFor } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

suite('Schedule in the editor', () => {
  suiteSetup(async () => {
    await extensionApi();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('hover on a milestone id explains its date: planned, forecast, slack', async () => {
    const billing = await open('programs/billing.md');
    const position = rangeOf(billing, 'ledger-api').start.translate(0, 3);
    const text = await waitFor(async () => {
      const value = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', billing.uri, position));
      return /Forecast/.test(value) && value;
    }, 'the schedule in the hover of ledger-api', 30_000);
    assert.match(text, /Planned 2026\\?-03\\?-15/);
    assert.match(text, /Forecast \**2026\\?-03\\?-15/);
    assert.match(text, /Slack 107 days/);
  });

  test('code lenses above each milestone: forecast, slip, slack, and What If This Slips…', async () => {
    const billing = await open('programs/billing.md');
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', billing.uri);
      return found && found.length > 0 && found;
    }, 'code lenses in billing.md', 30_000);
    const titles = lenses.map((lens) => lens.command?.title);
    assert.ok(titles.includes('forecast 2026-03-15 · on time · slack 107'), titles.join(' | '));
    const whatIf = lenses.find((lens) => lens.command?.title === 'What If This Slips…' && lens.command.arguments?.[0] === 'billing-core#ledger-api');
    assert.ok(whatIf, `a What If lens for ledger-api among ${titles.join(' | ')}`);
    assert.equal(whatIf.command?.command, 'programBriefs.whatIf');
    assert.equal(whatIf.range.start.line, rangeOf(billing, '- id: ledger-api').start.line);
  });

  test('What If This Slips… lists the moved forecasts and the programs made late, and changes no file', async () => {
    const billing = await open('programs/billing.md');
    const payments = await open('programs/payments.md');
    const before = [billing.getText(), payments.getText()];
    const shown = await vscode.commands.executeCommand<WhatIfShown>('programBriefs.whatIf', 'billing-core#ledger-api', 120);
    assert.ok(shown, 'the command showed an impact');
    const moved = shown.impact.changes.map((change) => `${change.id} ${change.before} → ${change.after}`);
    assert.deepEqual(moved.sort(), ['billing-core#ledger-api 2026-03-15 → 2026-07-13', 'payments-v2 2026-06-30 → 2026-07-13']);
    assert.deepEqual(shown.impact.programsLate, ['payments-v2']);
    const labels = shown.items.map((item) => `${item.label} ${item.description ?? ''}`.trim());
    assert.ok(labels.some((label) => label.startsWith('billing-core#ledger-api 2026-03-15 → 2026-07-13 (+120 days) · late')), labels.join(' | '));
    assert.ok(labels.includes('Programs that become late'), labels.join(' | '));
    assert.match(shown.impact.markdown, /Payments platform v2 \(payments\\-v2\)/);
    const ledger = shown.impact.changes.find((change) => change.id === 'billing-core#ledger-api')!;
    assert.equal(ledger.uri, billing.uri.toString());
    assert.equal(ledger.range.start.line, rangeOf(billing, 'ledger-api').start.line);
    assert.deepEqual([billing.getText(), payments.getText()], before);
    assert.equal(billing.isDirty || payments.isDirty, false);
  });
});
