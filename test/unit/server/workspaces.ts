/** Temporary workspaces for the language-server tests: a copy of examples/, or given files; removed by `removeTempFolders`. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lspClient';

const temps: string[] = [];

export function copyOfExamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-lsp-'));
  temps.push(dir);
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

export function tempFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-lsp-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export const uriOf = (dir: string, relative: string) => pathToFileURL(path.join(dir, relative)).href;

export function removeTempFolders(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
