/** Runs the CLI in-process and keeps what it prints; temporary workspaces for file-system cases. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/run';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'cli');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  color?: boolean;
}

export async function cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: options.cwd ?? FIXTURES,
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.isTTY },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: options.env ?? {},
    ...(options.color !== undefined && { color: options.color }),
  });
  return { code, stdout, stderr };
}

/** A fresh folder with the given files (`content: null` makes a dangling symbolic link). */
export function tempWorkspace(files: Record<string, string | null>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-cli-'));
  created.push(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (content === null) fs.symlinkSync(path.join(root, 'does-not-exist', name), file);
    else fs.writeFileSync(file, content);
  }
  return root;
}

const created: string[] = [];

export function removeTempWorkspaces(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function fixtureText(relative: string): string {
  return fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
}
