/** Editing help in briefs: completion, hover, go to definition, find references. */
import * as vscode from 'vscode';
import type { BriefIndex } from '../briefIndex';
import { BriefCompletionProvider, COMPLETION_TRIGGERS } from './completion';
import { BriefNavigationProvider } from './navigation';

/** Markdown files on disk or in any file system the workspace uses; the index decides what is a brief. */
export const BRIEF_SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

export function registerLanguageFeatures(index: BriefIndex): vscode.Disposable[] {
  const navigation = new BriefNavigationProvider(index);
  return [
    vscode.languages.registerCompletionItemProvider(BRIEF_SELECTOR, new BriefCompletionProvider(index), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(BRIEF_SELECTOR, navigation),
    vscode.languages.registerDefinitionProvider(BRIEF_SELECTOR, navigation),
    vscode.languages.registerReferenceProvider(BRIEF_SELECTOR, navigation),
  ];
}
