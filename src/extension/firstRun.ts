/**
 * The first run in a workspace with briefs: once the first indexing is done, reveal the Program
 * Briefs view container and offer the getting-started walkthrough, once per workspace (remembered
 * in `workspaceState`). A workspace without briefs gets nothing and nothing is remembered, so
 * the first activation after its first brief is the first run. See docs/extension.md.
 */
import * as vscode from 'vscode';
import type { ServerModel } from './serverModel';
import { showInformation } from './plainText';

/** The workspaceState key: true once the first run has been shown in this workspace. */
export const FIRST_RUN_KEY = 'programBriefs.firstRunShown';
export const REVEAL_COMMAND = 'workbench.view.extension.programBriefs';
export const OPEN_WALKTHROUGH = 'Open Walkthrough';

export type FirstRunOutcome = 'shown' | 'already-shown' | 'no-briefs';

/** What the extension's API exposes (the real-editor tests use it). */
export interface FirstRunApi {
  /** The outcome of the first run of this activation. */
  readonly done: Promise<FirstRunOutcome>;
  /** Whether this workspace's state says the first run has been shown. */
  shown(): boolean;
  /** The walkthrough the notification opens: `publisher.name#id`, from package.json. */
  readonly walkthroughId: string;
  /** Runs the first-run logic again, with other state or brief count (tests). */
  run(options?: { state?: vscode.Memento; briefs?: number }): Promise<FirstRunOutcome>;
}

export function registerFirstRun(context: vscode.ExtensionContext, model: ServerModel): FirstRunApi {
  const walkthroughs = (context.extension.packageJSON as { walkthroughs?: { id: string }[] }).walkthroughs ?? [];
  const walkthroughId = `${context.extension.id}#${walkthroughs[0]?.id ?? 'gettingStarted'}`;

  const run = async (options: { state?: vscode.Memento; briefs?: number } = {}): Promise<FirstRunOutcome> => {
    const state = options.state ?? context.workspaceState;
    if (state.get<boolean>(FIRST_RUN_KEY)) return 'already-shown';
    const briefs = options.briefs ?? model.briefs().length;
    if (briefs === 0) return 'no-briefs';
    // Remembered first: a second window on the same folder, or a reload while the
    // notification is up, must not show it again.
    await state.update(FIRST_RUN_KEY, true);
    await vscode.commands.executeCommand(REVEAL_COMMAND);
    void showInformation(
      `Program Briefs found ${briefs} brief${briefs === 1 ? '' : 's'} in this workspace: see them in the Program Briefs view, or take the walkthrough.`,
      OPEN_WALKTHROUGH,
    ).then((choice) => {
      if (choice === OPEN_WALKTHROUGH) void vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId, false);
    });
    return 'shown';
  };

  const done = model.indexed.then(() => run(), () => run());
  done.catch(() => undefined); // a failed reveal is not worth an unhandled rejection
  return { done, shown: () => context.workspaceState.get<boolean>(FIRST_RUN_KEY) === true, walkthroughId, run };
}
