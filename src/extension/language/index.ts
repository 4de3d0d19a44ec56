/** Editing help in briefs: completion, hover, go to definition, find references. */
import * as vscode from 'vscode';
import type { BriefIndex } from '../briefIndex';
import { BriefCompletionProvider, COMPLETION_TRIGGERS } from './completion';
import { BriefNavigationProvider } from './navigation';

/**
 * Markdown files in the file systems of the workspace's folders (`file`, or a virtual one);
 * the index decides which of them are briefs.
 */
export function briefSelector(): vscode.DocumentFilter[] {
  const schemes = new Set((vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme));
  if (schemes.size === 0) schemes.add('file');
  return [...schemes].map((scheme) => ({ language: 'markdown', scheme }));
}

export function registerLanguageFeatures(index: BriefIndex, selector: vscode.DocumentSelector): vscode.Disposable[] {
  const navigation = new BriefNavigationProvider(index);
  return [
    vscode.languages.registerCompletionItemProvider(selector, new BriefCompletionProvider(index), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(selector, navigation),
    vscode.languages.registerDefinitionProvider(selector, navigation),
    vscode.languages.registerReferenceProvider(selector, navigation),
  ];
}
