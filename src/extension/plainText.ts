/**
 * The extension's only ways to show text that may come from the workspace (file and folder
 * names, config keys, brief content): notifications that render no link, and MarkdownStrings
 * that are never trusted, never render HTML or icons, with the workspace parts escaped by the
 * caller through `md` (src/core/render/markdownEscape.ts). Every sink in src/extension uses these.
 */
import * as vscode from 'vscode';
import { escapeIcons, escapeMarkdown, markdownCodeSpan, plainNotificationText } from '../core/render/markdownEscape';

export { escapeIcons, escapeMarkdown, markdownCodeSpan, plainNotificationText };

/** A MarkdownString of our own markup: not trusted (no command links), no HTML, no `$(icons)`. */
export function safeMarkdown(value = ''): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value, false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}

export function showInformation<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(plainNotificationText(message), ...items);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(plainNotificationText(message), ...items);
}

export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(plainNotificationText(message), ...items);
}
