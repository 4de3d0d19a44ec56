/**
 * When the views refresh after a change: soon (one refresh per burst of changes), but while a
 * brief is being typed in, only once the typing pauses. Every refresh asks the language server
 * something that reads the whole workspace, and a request between two keystrokes makes the next
 * keystroke's diagnostics wait behind it (docs/benchmark.md: at 10,000 briefs a keystroke waited
 * seconds behind the views' requests). The Programs, Checklist, People and Due views and the
 * status bar all refresh this way.
 */
import * as vscode from 'vscode';
import { debounce } from './shared';

/** Model changes arrive per file (a re-read, files on disk): one refresh per burst. */
export const REFRESH_DEBOUNCE_MS = 100;
/** While typing, a refresh waits until the typing pauses this long (each keystroke restarts the wait). */
export const TYPING_REFRESH_DEBOUNCE_MS = 1500;

export interface RefreshScheduler extends vscode.Disposable {
  /** A change happened: refresh soon, or after the typing pauses if a Markdown document is being typed in (`whole`: a change of everything, never held back). */
  schedule(whole?: boolean): void;
  /** Refresh now, dropping what was scheduled. */
  now(): void;
}

export function refreshAfterTypingPause(refresh: () => void): RefreshScheduler {
  /** When a Markdown document was last edited, and whether a refresh waits for the typing to pause. */
  let lastEdit = -Infinity;
  /** When the last change was scheduled. */
  let lastChange = -Infinity;
  let typingRefreshPending = false;
  const now = () => {
    typingRefreshPending = false;
    soon.dispose();
    afterTyping.dispose();
    refresh();
  };
  const soon = debounce(now, REFRESH_DEBOUNCE_MS);
  const afterTyping = debounce(now, TYPING_REFRESH_DEBOUNCE_MS);
  const typing = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length === 0 || event.document.languageId !== 'markdown') return;
    lastEdit = performance.now();
    if (typingRefreshPending) afterTyping();
  });
  return {
    schedule(whole = false) {
      const at = performance.now();
      // Typing: an edit in the last moments, or one since the previous change (this change is
      // its answer, however long the server took: a slow answer is no pause in the typing).
      const typing = at - lastEdit < TYPING_REFRESH_DEBOUNCE_MS || lastEdit > lastChange;
      lastChange = at;
      if (!whole && typing) {
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
