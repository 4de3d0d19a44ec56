/**
 * When the views refresh after a change: soon (one refresh per burst of changes), but while a
 * brief is being typed in, only once the typing pauses. Every refresh asks the language server
 * something that reads the whole workspace, and a request between two keystrokes makes the next
 * keystroke's diagnostics wait behind it (docs/benchmark.md: at 10,000 briefs a keystroke waited
 * seconds behind the views' requests). The Programs, Checklist, People and Due views and the
 * status bar all refresh this way.
 */
import * as vscode from 'vscode';
import { briefSelector } from '../client';
import { debounce } from './shared';

/** Model changes arrive per file (a re-read, files on disk): one refresh per burst. */
export const REFRESH_DEBOUNCE_MS = 100;
/** While typing, a refresh waits until the typing pauses this long (each keystroke restarts the wait). */
export const TYPING_REFRESH_DEBOUNCE_MS = 1500;

export interface RefreshScheduler extends vscode.Disposable {
  /**
   * Something changed: refresh soon, or once the typing pauses while a Markdown document is being
   * typed in. `change`: the server's model change (`all`, a change of everything, is never held
   * back); without it, something else (the diagnostics).
   */
  schedule(change?: { all?: boolean; changed?: readonly string[] }): void;
  /** Refresh now, dropping what was scheduled. */
  now(): void;
}

/**
 * An edit whose change has not come back from the server yet holds a typing refresh back (its
 * answer is on its way, and a refresh now would queue before the next keystroke), but not for
 * longer than this: an edit of a Markdown file that is no brief may never come back as a change.
 */
const UNANSWERED_EDIT_MAX_WAIT_MS = 10_000;

export function refreshAfterTypingPause(refresh: () => void): RefreshScheduler {
  /** When a Markdown document was last edited, and whether a refresh waits for the typing to pause. */
  let lastEdit = -Infinity;
  let typingRefreshPending = false;
  /** Edits not answered by a model change yet, per document uri (a keystroke is one edit, and one change), with the last one's time. */
  const unanswered = new Map<string, { edits: number; at: number }>();
  /** Whether an edit's change is still on its way; an edit unanswered for too long is forgotten. */
  const waitingForAnswer = () => {
    const at = performance.now();
    for (const [uri, entry] of unanswered) if (at - entry.at >= UNANSWERED_EDIT_MAX_WAIT_MS) unanswered.delete(uri);
    return unanswered.size > 0;
  };
  const now = () => {
    typingRefreshPending = false;
    soon.dispose();
    afterTyping.dispose();
    refresh();
  };
  const soon = debounce(now, REFRESH_DEBOUNCE_MS);
  const afterTyping = debounce(() => {
    // An edit's change is still on its way (a slow answer is no pause in the typing).
    if (waitingForAnswer()) afterTyping();
    else now();
  }, TYPING_REFRESH_DEBOUNCE_MS);
  const typing = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length === 0 || event.document.languageId !== 'markdown') return;
    lastEdit = performance.now();
    if (typingRefreshPending) afterTyping();
    // Only a document the language server follows comes back as a change.
    if (vscode.languages.match(briefSelector(), event.document) === 0) return;
    const uri = event.document.uri.toString();
    unanswered.set(uri, { edits: (unanswered.get(uri)?.edits ?? 0) + 1, at: lastEdit });
  });
  return {
    schedule(change) {
      // Typing: a refresh already waits for the pause (an edit can come back as more than one
      // change), an edit in the last moments, or one the server has not answered yet.
      const typingNow = typingRefreshPending || performance.now() - lastEdit < TYPING_REFRESH_DEBOUNCE_MS || waitingForAnswer();
      if (change?.all) unanswered.clear();
      for (const uri of change?.changed ?? []) {
        const entry = unanswered.get(uri);
        if (entry && entry.edits > 1) entry.edits--;
        else unanswered.delete(uri);
      }
      if (!change?.all && typingNow) {
        typingRefreshPending = true;
        afterTyping();
      } else {
        soon();
      }
    },
    now,
    dispose() {
      typing.dispose();
      soon.dispose();
      afterTyping.dispose();
    },
  };
}
