/**
 * "What If This Slips…" (docs/schedule.md, "What if"): asks for a milestone or program (unless
 * the code lens gave one) and a number of days (negative pulls the work in), asks the language
 * server for the impact (`programBriefs/impact`), and lists what moves in a quick pick: each
 * milestone with its forecast before and after, the change and its owner, then the programs
 * that become late. Picking one opens its line; "Copy as Markdown" copies the owners' message.
 * It changes no file.
 *
 * Everything shown from the workspace (ids, titles, owners) goes through `escapeIcons`: a quick
 * pick renders `$(name)` as an icon (docs/security.md).
 */
import * as vscode from 'vscode';
import {
  IMPACT_REQUEST, MAX_IMPACT_DAYS, SCHEDULE_REQUEST, WHAT_IF_COMMAND,
  type ImpactParams, type ImpactResponse, type ScheduleParams, type ScheduleResponse,
} from '../language/scheduleProtocol';
import { plural } from '../core/model/text';
import { escapeIcons, showError, showInformation } from './plainText';
import type { ServerModel } from './serverModel';

type Change = ImpactResponse['changes'][number];

interface ImpactItem extends vscode.QuickPickItem {
  change?: Change;
  copy?: true;
}

/** What the command shows, returned for the real-editor tests (the pick itself stays open for the user). */
export interface WhatIfShown {
  impact: ImpactResponse;
  items: { label: string; description?: string; detail?: string; kind?: vscode.QuickPickItemKind }[];
}

const COPY_LABEL = '$(copy) Copy as Markdown';

export function registerWhatIf(model: ServerModel): vscode.Disposable {
  return vscode.commands.registerCommand(WHAT_IF_COMMAND, async (ref?: unknown, days?: unknown) => {
    const node = typeof ref === 'string' && ref.length > 0 ? ref : await pickNode(model);
    if (node === undefined) return undefined;
    const move = Number.isInteger(days) ? (days as number) : await askDays(node);
    if (move === undefined) return undefined;
    let impact: ImpactResponse | undefined;
    try {
      impact = await model.request<ImpactResponse>(IMPACT_REQUEST, { ref: node, days: move } satisfies ImpactParams);
    } catch (error) {
      void showError(`What if: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (!impact) return undefined;
    return showImpact(impact);
  });
}

/** The schedule's nodes, those of the active brief first, the one at or above the cursor active. */
async function pickNode(model: ServerModel): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const schedule = await model.request<ScheduleResponse>(SCHEDULE_REQUEST, {} satisfies ScheduleParams);
  if (!schedule || schedule.nodes.length === 0) {
    void showInformation('What if: no milestone or program has a date to move.');
    return undefined;
  }
  const here = editor?.document.uri.toString();
  const line = editor?.selection.active.line ?? -1;
  const nodes = [...schedule.nodes].sort((a, b) => Number(b.uri === here) - Number(a.uri === here));
  const items = nodes.map((node) => ({
    label: escapeIcons(node.id),
    description: escapeIcons([node.title ?? '', node.forecast ? `forecast ${node.forecast}` : 'no forecast'].filter(Boolean).join(' · ')),
    id: node.id,
    node,
  }));
  const pick = vscode.window.createQuickPick<(typeof items)[number]>();
  pick.title = 'What If This Slips…';
  pick.placeholder = 'The milestone or program that moves';
  pick.items = items;
  const atCursor = items.filter((item) => item.node.uri === here && item.node.range.start.line <= line).pop();
  if (atCursor) pick.activeItems = [atCursor];
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.id);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

async function askDays(ref: string): Promise<number | undefined> {
  const answer = await vscode.window.showInputBox({
    title: `What if ${ref} slips…`,
    prompt: 'Days later (a negative number pulls it in)',
    value: '7',
    validateInput: (value) => (parseDays(value) === undefined ? `A whole number of days between -${MAX_IMPACT_DAYS} and ${MAX_IMPACT_DAYS}` : undefined),
  });
  return answer === undefined ? undefined : parseDays(answer);
}

/** "7", "+7", "-3" → a whole number of days within the server's bounds. */
export function parseDays(value: string): number | undefined {
  const text = value.trim();
  if (!/^[+-]?\d{1,5}$/.test(text)) return undefined;
  const days = Number(text);
  return Math.abs(days) <= MAX_IMPACT_DAYS ? days : undefined;
}

function signed(days: number): string {
  return `${days > 0 ? '+' : ''}${plural(days, 'day')}`;
}

function showImpact(impact: ImpactResponse): WhatIfShown {
  const verb = impact.days >= 0 ? `slips ${plural(impact.days, 'day')}` : `is pulled in ${plural(-impact.days, 'day')}`;
  const items: ImpactItem[] = [{ label: COPY_LABEL, copy: true, description: 'the message for the owners' }];
  items.push({ label: impact.changes.length === 0 ? 'Nothing moves' : `${plural(impact.changes.length, 'forecast')} move`, kind: vscode.QuickPickItemKind.Separator });
  for (const change of impact.changes) {
    const move = change.days === null ? '' : ` (${signed(change.days)})`;
    items.push({
      label: escapeIcons(change.id),
      description: `${change.before ?? 'no forecast'} → ${change.after ?? 'no forecast'}${move}${change.late ? ' · late' : ''}`,
      detail: escapeIcons(change.owner ? `owner ${change.owner}` : 'no owner'),
      change,
    });
  }
  if (impact.programsLate.length > 0) {
    items.push({ label: 'Programs that become late', kind: vscode.QuickPickItemKind.Separator });
    for (const program of impact.programsLate) {
      const change = impact.changes.find((candidate) => candidate.id === program);
      items.push({ label: escapeIcons(program), description: 'becomes late', ...(change && { change }) });
    }
  }
  const pick = vscode.window.createQuickPick<ImpactItem>();
  pick.title = escapeIcons(`What if ${impact.ref} ${verb}`);
  pick.placeholder = 'Pick a milestone to open it; nothing is changed';
  pick.matchOnDescription = true;
  pick.items = items;
  pick.onDidAccept(async () => {
    const item = pick.selectedItems[0];
    if (item?.copy) {
      await vscode.env.clipboard.writeText(impact.markdown);
      void showInformation('What if: the message for the owners is on the clipboard.');
      return;
    }
    if (item?.change) {
      pick.hide();
      const { uri, range } = item.change;
      const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: false });
    }
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return { impact, items: items.map(({ label, description, detail, kind }) => ({ label, description, detail, kind })) };
}
