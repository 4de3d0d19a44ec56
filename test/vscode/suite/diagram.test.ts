/**
 * The dependency diagram in a real VS Code: the command opens the panel beside the brief, its
 * webview draws what the host built (it reports back with `rendered`), node clicks open briefs,
 * settings, scopes and live edits redraw it, and it follows the active brief. What the webview
 * looks like (SVG, text, screenshots, reload) is checked in test/vscode/ui/diagram.check.mjs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DiagramApi, DiagramRenderEvent } from '../../../src/extension/diagram';
import { closeAllEditors, extensionApi, fileUri, open, rangeOf, replaceInDocument, Snapshot, waitFor } from './helpers';

const RENDER_TIMEOUT = 30_000;

suite('Dependency diagram', () => {
  const snapshot = new Snapshot();
  let diagram: DiagramApi;
  const renders: DiagramRenderEvent[] = [];
  let subscription: vscode.Disposable;

  suiteSetup(async () => {
    diagram = (await extensionApi()).diagram as DiagramApi;
    assert.ok(diagram, 'the extension exposes the diagram');
    subscription = diagram.onDidRender((event) => renders.push(event));
  });

  suiteTeardown(async () => {
    subscription.dispose();
    await vscode.workspace.getConfiguration('programBriefs.diagram').update('depth', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  teardown(async () => {
    await snapshot.restore();
  });

  /** Waits until the webview reports a drawn diagram after `since` renders, and returns it. */
  async function nextRender(since: number, what: string, accept: (event: DiagramRenderEvent) => boolean = () => true): Promise<DiagramRenderEvent> {
    return waitFor(() => renders.slice(since).reverse().find((event) => accept(event)), what, RENDER_TIMEOUT);
  }

  function diagramTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('programBriefs.diagram'));
  }

  function shownIds(): string[] {
    const model = diagram.panel?.model;
    return model?.kind === 'diagram' ? model.nodes.map((node) => node.id).sort() : [];
  }

  test('the command opens the panel beside the brief; the webview draws the brief and its neighbourhood', async () => {
    await closeAllEditors();
    const editor = await vscode.window.showTextDocument(await open('diagram-checkout.md'), vscode.ViewColumn.One);
    const since = renders.length;
    await vscode.commands.executeCommand('programBriefs.showDiagram');
    const panel = await waitFor(() => diagram.panel, 'the diagram panel');
    const drawn = await nextRender(since, 'the first drawing');
    assert.ok(drawn.ok, drawn.message);
    assert.equal(panel.currentFocus, 'diagram-checkout');
    assert.deepEqual(panel.currentOptions, { scope: 'brief', depth: 2, direction: 'LR' });
    assert.deepEqual(shownIds(), [
      'diagram-checkout', 'diagram-checkout#build', 'diagram-checkout#design', 'diagram-checkout#launch',
      'diagram-ledger', 'diagram-ledger#api', 'diagram-ledger#audit', 'diagram-ledger#reconcile',
      'diagram-xss', 'diagram-xss#click',
    ]);
    assert.equal(drawn.nodes, 10, 'the webview drew every node it was sent');
    await waitFor(() => diagramTabs().length === 1, 'one diagram tab');
    assert.notEqual(panel.panel.viewColumn, editor.viewColumn, 'beside the editor, not over it');
    assert.match(panel.panel.title, /diagram-checkout/);

    // Running it again reveals the same panel.
    await vscode.commands.executeCommand('programBriefs.showDiagram');
    assert.equal(diagramTabs().length, 1);
  });

  /** The editor groups' widths (one row), from the workbench. */
  async function groupWidths(): Promise<number[]> {
    const layout = await vscode.commands.executeCommand<{ orientation: number; groups: { size?: number }[] }>('vscode.getEditorLayout');
    return layout.groups.map((group) => group.size ?? 0);
  }

  function diagramShare(widths: number[], panel: vscode.WebviewPanel): number {
    return widths[(panel.viewColumn ?? 1) - 1] / widths.reduce((sum, width) => sum + width, 0);
  }

  test('the panel opens at a usable width: at least half of a row of editor groups', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllGroups');
    await waitFor(() => diagram.panel === undefined, 'no panel');
    // Two briefs side by side, the second active: the diagram opens as a third group.
    await vscode.window.showTextDocument(await open('diagram-ledger.md'), vscode.ViewColumn.One);
    await vscode.window.showTextDocument(await open('diagram-checkout.md'), vscode.ViewColumn.Two);
    const since = renders.length;
    await vscode.commands.executeCommand('programBriefs.showDiagram');
    const panel = await waitFor(() => diagram.panel, 'the diagram panel');
    await nextRender(since, 'the drawing');
    try {
      await waitFor(async () => (await groupWidths()).length === 3 && diagramShare(await groupWidths(), panel.panel) >= 0.45, 'the diagram at half the width', 15_000)
        .catch(async (error) => {
          throw new Error(`${error}: widths ${(await groupWidths()).join(', ')}, diagram in column ${panel.panel.viewColumn}`);
        });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllGroups');
      await waitFor(() => diagram.panel === undefined, 'no panel');
    }
  });

  test('a node click opens its brief in the other group: no new group, the diagram keeps its width', async () => {
    await vscode.window.showTextDocument(await open('diagram-checkout.md'), vscode.ViewColumn.One);
    const since = renders.length;
    await vscode.commands.executeCommand('programBriefs.showDiagram');
    const panel = await waitFor(() => diagram.panel, 'the diagram panel');
    await nextRender(since, 'the drawing');
    await waitFor(() => vscode.window.tabGroups.all.length === 2, 'two groups');
    const before = await groupWidths();
    await panel.receive({ type: 'open', nodeId: 'diagram-ledger#audit' });
    const ledger = await open('diagram-ledger.md');
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === ledger.uri.toString()), 'the ledger brief in an editor');
    assert.notEqual(editor.viewColumn, panel.panel.viewColumn);
    assert.equal(vscode.window.tabGroups.all.length, 2, 'no new group');
    assert.deepEqual(await groupWidths(), before, 'the layout is unchanged');

    // The diagram alone: the brief opens in a new group beside it, and the diagram keeps half.
    for (const group of vscode.window.tabGroups.all.filter((g) => g.viewColumn !== panel.panel.viewColumn)) await vscode.window.tabGroups.close(group);
    await waitFor(() => vscode.window.tabGroups.all.length === 1, 'the diagram alone');
    await panel.receive({ type: 'open', nodeId: 'diagram-ledger#audit' });
    await waitFor(() => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === ledger.uri.toString()), 'the ledger brief beside the diagram');
    assert.equal(vscode.window.tabGroups.all.length, 2);
    assert.ok(diagramShare(await groupWidths(), panel.panel) >= 0.4, `diagram share ${diagramShare(await groupWidths(), panel.panel)}`);
    await vscode.commands.executeCommand('workbench.action.closeAllGroups');
    await waitFor(() => diagram.panel === undefined, 'no panel');
  });

  test('a node click opens its brief at the node\'s line, beside the diagram', async () => {
    await vscode.window.showTextDocument(await open('diagram-checkout.md'), vscode.ViewColumn.One);
    const since = renders.length;
    await vscode.commands.executeCommand('programBriefs.showDiagram');
    const panel = await waitFor(() => diagram.panel, 'the diagram panel');
    await nextRender(since, 'the drawing', (event) => event.ok && event.nodes === 10);
    await panel.receive({ type: 'open', nodeId: 'diagram-ledger#api' });
    const ledger = await open('diagram-ledger.md');
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === ledger.uri.toString()), 'the ledger brief in an editor');
    assert.equal(editor.selection.active.line, rangeOf(ledger, 'id: api').start.line);
    assert.notEqual(editor.viewColumn, panel.panel.viewColumn);
    // The ledger is in the diagram already: the view stays focused where it was.
    assert.equal(panel.currentFocus, 'diagram-checkout');
    // Ids that name nothing open nothing.
    await panel.receive({ type: 'open', nodeId: 'no-such-program' });
    await panel.receive({ type: 'open', nodeId: 42 });
  });

  test('edits to a brief redraw the diagram (debounced), keeping its focus', async () => {
    await snapshot.keep('diagram-ledger.md');
    const ledger = await open('diagram-ledger.md');
    const since = renders.length;
    // A new ledger milestone that the checkout's `api` dependency now depends on: one more node.
    await replaceInDocument(ledger, '  - id: migration', '  - id: backfill\n    title: Backfill\n    owner: "@ana"\n    due: 2026-03-20\n  - id: migration');
    await replaceInDocument(ledger, '    status: at-risk\n  - id: backfill', '    status: at-risk\n    depends_on: [backfill]\n  - id: backfill');
    await nextRender(since, 'a drawing with the new upstream milestone', (event) => event.ok && event.nodes === 11);
    assert.ok(shownIds().includes('diagram-ledger#backfill'));
    assert.equal(diagram.panel?.currentFocus, 'diagram-checkout');
  });

  test('the depth setting and the toolbar scope change what is drawn', async () => {
    const settings = vscode.workspace.getConfiguration('programBriefs.diagram');
    let since = renders.length;
    await settings.update('depth', 0, vscode.ConfigurationTarget.Workspace);
    await nextRender(since, 'a drawing at depth 0', (event) => event.ok && event.nodes === 4);
    assert.deepEqual(shownIds(), ['diagram-checkout', 'diagram-checkout#build', 'diagram-checkout#design', 'diagram-checkout#launch']);
    since = renders.length;
    await settings.update('depth', undefined, vscode.ConfigurationTarget.Workspace);
    await nextRender(since, 'a drawing at depth 2 again', (event) => event.ok && event.nodes === 10);

    since = renders.length;
    await diagram.panel!.receive({ type: 'setOptions', options: { scope: 'workspace' } });
    const programLevel = () => diagram.panel?.model?.kind === 'diagram' && diagram.panel.model.level === 'program' ? diagram.panel.model : undefined;
    const all = await nextRender(since, 'the program-level drawing', (event) => event.ok && event.nodes === programLevel()?.nodes.length);
    const ids = shownIds();
    for (const program of ['diagram-checkout', 'diagram-ledger', 'diagram-xss', 'payments-v2']) assert.ok(ids.includes(program), program);
    assert.ok(ids.every((id) => !id.includes('#')), 'program level: no milestones');
    assert.equal(all.nodes, ids.length);
    assert.match(diagram.panel!.panel.title, /all programs/);

    since = renders.length;
    await diagram.panel!.receive({ type: 'setOptions', options: { scope: 'brief', direction: 'TB' } });
    await nextRender(since, 'back to the focused drawing', (event) => event.ok && event.nodes === 10);
    assert.equal(diagram.panel!.currentOptions.direction, 'TB');
  });

  test('selecting a node answers with its critical path', async () => {
    const panel = diagram.panel!;
    const posted: unknown[] = [];
    const original = panel.panel.webview.postMessage.bind(panel.panel.webview);
    panel.panel.webview.postMessage = (message: unknown) => {
      posted.push(message);
      return original(message);
    };
    try {
      await panel.receive({ type: 'select', nodeId: 'diagram-checkout#build' });
      const answer = await waitFor(() => posted.find((m) => (m as { type?: string }).type === 'criticalPath'), 'the critical path') as { nodeId: string; path: { id: string; forecast?: string; slack?: number }[] };
      assert.equal(answer.nodeId, 'diagram-checkout#build');
      // The remaining critical path (docs/schedule.md): the build does not slip, the ledger API
      // it waits for has 16 days of slack and the design is done, so nothing upstream is on it.
      // The build itself can move 45 days before the launch (06-15) moves.
      assert.deepEqual(answer.path.map((step) => [step.id, step.forecast, step.slack]), [['diagram-checkout#build', '2026-05-01', 45]]);
    } finally {
      panel.panel.webview.postMessage = original;
    }
  });

  test('export writes the SVG the webview sent where the save dialog says; copy puts the Mermaid source on the clipboard', async () => {
    const panel = diagram.panel!;
    const target = fileUri('diagram-export-test.svg');
    await snapshot.keep('diagram-export-test.svg');
    const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = window.showSaveDialog;
    window.showSaveDialog = async () => target;
    try {
      await panel.receive({ type: 'exportSvg', svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>exported</text></svg>' });
    } finally {
      window.showSaveDialog = original;
    }
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(written, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"><text>exported<\/text><\/svg>$/);
    // Anything but an SVG is refused before a dialog opens.
    await panel.receive({ type: 'exportSvg', svg: '<html><script>alert(1)</script></html>' });

    await panel.receive({ type: 'copySource' });
    const model = panel.model;
    assert.ok(model?.kind === 'diagram');
    assert.equal(await vscode.env.clipboard.readText(), model.source);
  });

  test('the diagram follows the active brief when the brief is not in view', async () => {
    const since = renders.length;
    // In the first column: opening it over the diagram would hide the diagram.
    await vscode.window.showTextDocument(await open('programs/mobile.md'), vscode.ViewColumn.One);
    await waitFor(() => diagram.panel?.currentFocus === 'mobile-app', 'focus on the mobile brief');
    await nextRender(since, 'the mobile drawing', (event) => event.ok);
    assert.ok(shownIds().includes('mobile-app'));
  });

  test('the hostile brief is drawn, not failed (what it shows is checked in the UI check)', async () => {
    const since = renders.length;
    await vscode.commands.executeCommand('programBriefs.showDiagram', fileUri('diagram-xss.md'));
    await waitFor(() => diagram.panel?.currentFocus === 'diagram-xss', 'focus on the hostile brief');
    const drawn = await nextRender(since, 'the hostile drawing');
    assert.ok(drawn.ok, drawn.message);
    assert.ok(shownIds().includes('diagram-xss#click'));
  });

  test('closing the panel disposes it; the command opens a new one', async () => {
    await vscode.window.tabGroups.close(diagramTabs());
    await waitFor(() => diagram.panel === undefined, 'the panel gone');
    await vscode.window.showTextDocument(await open('diagram-ledger.md'), vscode.ViewColumn.One);
    await vscode.commands.executeCommand('programBriefs.showDiagram');
    await waitFor(() => diagram.panel?.currentFocus === 'diagram-ledger', 'a new panel on the ledger');
    await waitFor(() => diagramTabs().length === 1, 'one diagram tab');
  });
});
