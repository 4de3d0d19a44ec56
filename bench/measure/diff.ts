/**
 * `brief diff --since HEAD` over the whole workspace committed to a temporary git repository,
 * with a due date moved in 20 briefs and one brief moved to another folder (separate processes,
 * median of `runs`): git history read in one `ls-tree` and one `cat-file --batch`, both sides
 * parsed, compared, and both schedules computed for the slip impact.
 *
 *   cp -r bench/.workspace/<briefs> $TMP && git init && git commit -a && <edit> && node dist/cli.js diff --since HEAD --format json
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Measurement } from './types';
import { fmt, median, timeCommand } from './util';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

export const diff: Measurement = {
  id: 'diff',
  title: 'brief diff --since HEAD over the whole workspace in git (separate processes)',
  async run(context) {
    const cli = join(context.root, 'dist/cli.js');
    if (!existsSync(cli)) return [{ id: 'diff.wallMs', label: 'brief diff --since HEAD', unit: 'ms', note: 'dist/cli.js missing: run `npm run build:cli` (or `npm run bench`)' }];
    const repo = mkdtempSync(join(tmpdir(), 'brief-bench-diff-'));
    try {
      // The briefs only (the workspace folder also holds the bench's own build output).
      for (const name of readdirSync(context.workspaceDir)) {
        const path = join(context.workspaceDir, name);
        if (name.startsWith('.') || name === 'build' || name === 'manifest.json' || name === 'results.json') continue;
        cpSync(path, join(repo, name), { recursive: true });
      }
      const git = (args: string[]) => execFileSync('git', args, { cwd: repo, env: GIT_ENV, stdio: ['ignore', 'ignore', 'pipe'] });
      git(['init', '-q', '-b', 'main']);
      git(['add', '-A']);
      git(['commit', '-q', '-m', 'bench workspace']);
      const files = markdownFiles(repo).sort();
      let moved = 0;
      for (const file of files) {
        if (moved >= 20) break;
        const text = readFileSync(file, 'utf8');
        const edited = text.replace(/due: 2027-(\d\d)-(\d\d)/, 'due: 2028-$1-$2');
        if (edited !== text) {
          writeFileSync(file, edited);
          moved++;
        }
      }
      mkdirSync(join(repo, 'moved-here'), { recursive: true });
      renameSync(files[files.length - 1], join(repo, 'moved-here', 'renamed.md'));
      const runs: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < context.runs; i++) {
        const run = await timeCommand(process.execPath, [cli, 'diff', '--since', 'HEAD', '--format', 'json'], { cwd: repo, scratchDir: context.buildDir });
        if (run.exitCode !== 0) throw new Error(`brief diff exited with ${run.exitCode}: ${run.stderr.slice(0, 2000)}`);
        context.log(`  brief diff run ${i + 1}/${context.runs}: ${fmt(run.wallMs / 1000, 2)} s`);
        runs.push(run.wallMs);
        if (run.cpuMs !== undefined) cpu.push(run.cpuMs);
      }
      return [{
        id: 'diff.wallMs',
        label: `brief diff --since HEAD, ${files.length.toLocaleString('en-US')} files, ${moved} due dates moved (median of ${runs.length})`,
        value: median(runs), unit: 'ms', target: { max: 3000 },
        ...(cpu.length === runs.length && { note: `CPU ${fmt(median(cpu) / 1000, 2)} s` }),
      }];
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  },
};
