/**
 * History from the real `git` command (Node only): which commit a working tree is on, what a
 * `--since REF` names (a commit-ish, or a date meaning the last commit on or before it), and
 * the files of a folder at a commit, read in one batch: one `git ls-tree -r` and one
 * `git cat-file --batch` for all of them, never one process per file.
 *
 * Failures a user can fix are `GitError`s with a message that says what to do (the CLI prints
 * them and exits 2): not a git repository, git not installed, an unknown revision, a shallow
 * clone that lacks the revision (fetch more history), no commit on or before a date.
 *
 * REF is passed to git as one argument after `--end-of-options` where git takes it, so a REF
 * that starts with `-` is never read as an option.
 */
import { spawn } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git with `args` in `cwd`; `input` goes to its stdin. Never a shell. */
function git(cwd: string, args: string[], input?: string): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      // No pager, no prompts, no locale surprises; dates in UTC.
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', TZ: 'UTC' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new GitError('git is not installed (or not on PATH); brief reads history with the git command') : error);
    });
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => { /* git may exit before reading all of stdin; its exit code says why */ });
    child.stdin.end(input ?? '');
  });
}

async function gitText(cwd: string, args: string[]): Promise<Run & { text: string }> {
  const run = await git(cwd, args);
  return { ...run, text: run.stdout.toString('utf8').trim() };
}

export interface Repository {
  /** The top folder of the working tree. */
  root: string;
  shallow: boolean;
}

/** The repository `cwd` is in; a `GitError` when it is in none. */
export async function openRepository(cwd: string): Promise<Repository> {
  const top = await gitText(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  if (top.code !== 0) throw new GitError(`not a git repository: ${cwd} (run it inside a clone; --since reads the briefs at REF from git history)`);
  const [root, shallow] = top.text.split('\n');
  // git names the real path; paths are shown from cwd as the user typed it (maybe through a link).
  const logical = resolve(cwd, relative(await realpath(cwd), resolve(root)));
  return { root: logical, shallow: shallow === 'true' };
}

/** The commit HEAD is on and whether the working tree has changes; undefined outside git or before the first commit. */
export async function headCommit(cwd: string): Promise<{ id: string; dirty: boolean } | undefined> {
  let head: Run & { text: string };
  try {
    head = await gitText(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
  if (head.code !== 0 || head.text === '') return undefined;
  const status = await gitText(cwd, ['status', '--porcelain', '--untracked-files=no']);
  return { id: head.text, dirty: status.code === 0 && status.text !== '' };
}

export interface Since {
  /** As given. */
  ref: string;
  commit: string;
  /** The commit's date (committer date, UTC). */
  date: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What `--since REF` names: a commit-ish, or `YYYY-MM-DD`, the last commit (reachable from HEAD) on or before that day (UTC). */
export async function resolveSince(repository: Repository, ref: string): Promise<Since> {
  const cwd = repository.root;
  let commit: string;
  if (DATE.test(ref)) {
    const found = await gitText(cwd, ['rev-list', '-1', `--before=${ref}T23:59:59Z`, 'HEAD', '--']);
    if (found.code !== 0 && /does not have any commits|unknown revision|bad revision/i.test(found.stderr)) throw new GitError(`no commit on or before ${ref}: the repository has no commits yet`);
    if (found.code !== 0) throw new GitError(`cannot read the history before ${ref}: ${firstLine(found.stderr)}`);
    if (found.text === '') {
      const first = await gitText(cwd, ['log', '--reverse', '--format=%cs', '-1', 'HEAD']);
      const oldest = (await gitText(cwd, ['log', '--format=%cs', '--max-parents=0', 'HEAD'])).text.split('\n').sort()[0] || first.text;
      if (repository.shallow) {
        throw new GitError(`no commit on or before ${ref} in this shallow clone (its oldest commit is of ${oldest}); fetch more history with \`git fetch --shallow-since=${ref}\`, \`git fetch --deepen=100\` or \`git fetch --unshallow\``);
      }
      throw new GitError(`no commit on or before ${ref}: the first commit is of ${oldest}`);
    }
    commit = found.text;
  } else {
    const found = await gitText(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    if (found.code !== 0 || found.text === '') {
      if (repository.shallow) {
        throw new GitError(`unknown revision \`${ref}\` in this shallow clone (it may lie beyond the history fetched); fetch more history with \`git fetch --deepen=100\` or \`git fetch --unshallow\` (for a branch: \`git fetch origin <branch>\`)`);
      }
      throw new GitError(`unknown revision \`${ref}\`: not a branch, tag, commit or date (YYYY-MM-DD) of this repository`);
    }
    commit = found.text;
  }
  const when = await gitText(cwd, ['show', '-s', '--format=%ct', commit, '--']);
  const date = new Date(Number(when.text) * 1000).toISOString().slice(0, 10);
  return { ref, commit, date };
}

export interface TreeFile {
  /** Absolute path the file had (in the working tree's layout). */
  path: string;
  /** Its bytes at the commit. */
  bytes: Buffer;
}

/**
 * The files at `commit` under `folders` (absolute; inside the repository) whose path `keep`
 * accepts, with their content: one `git ls-tree -r` and one `git cat-file --batch`.
 * Symbolic links and submodules are left out (only regular blobs); blobs larger than `maxBytes`
 * are not read.
 */
export async function filesAt(repository: Repository, commit: string, folders: readonly string[], keep: (path: string) => boolean, maxBytes: number): Promise<TreeFile[]> {
  const prefixes = folders.map((folder) => relative(repository.root, folder).split(sep).join('/'));
  if (prefixes.some((prefix) => prefix === '..' || prefix.startsWith('../') || isAbsolute(prefix))) throw new GitError('the folders given are outside the git repository');
  // The whole tree, filtered here: ls-tree's paths are patterns, and a folder name is the user's.
  const tree = await git(repository.root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit]);
  if (tree.code !== 0) throw new GitError(`cannot list the files of ${commit}: ${firstLine(tree.stderr)}`);
  const wanted: { oid: string; path: string }[] = [];
  for (const entry of tree.stdout.toString('utf8').split('\0')) {
    if (entry === '') continue;
    // <mode> SP <type> SP <object> SP+ <size> TAB <path>
    const tab = entry.indexOf('\t');
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    const repoPath = entry.slice(tab + 1);
    if (!prefixes.some((prefix) => prefix === '' || repoPath.startsWith(`${prefix}/`) || repoPath === prefix)) continue;
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || Number(size) > maxBytes) continue;
    const path = resolve(repository.root, ...repoPath.split('/'));
    if (keep(path)) wanted.push({ oid, path });
  }
  if (wanted.length === 0) return [];
  const batch = await git(repository.root, ['cat-file', '--batch'], `${wanted.map((file) => file.oid).join('\n')}\n`);
  if (batch.code !== 0) throw new GitError(`cannot read the files of ${commit}: ${firstLine(batch.stderr)}`);
  // Output: for each object "<oid> <type> <size>\n<bytes>\n".
  const out = batch.stdout;
  const files: TreeFile[] = [];
  let at = 0;
  for (const file of wanted) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString('utf8').split(' ');
    if (header[1] === 'missing' || header.length < 3) throw new GitError(`cannot read ${file.path} at ${commit}: the object is missing (a partial or shallow clone?)`);
    const size = Number(header[2]);
    files.push({ path: file.path, bytes: out.subarray(end + 1, end + 1 + size) });
    at = end + 1 + size + 1;
  }
  return files;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

export interface Refs {
  /** Local branches, then remote-tracking ones (`origin/main`), each newest commit first. */
  branches: string[];
  /** Newest first. */
  tags: string[];
  /** The last commits of HEAD, newest first: id, committer date (UTC) and subject. */
  commits: { id: string; date: string; subject: string }[];
}

/** The branches, tags and last `count` commits of HEAD (what a picker of `--since REF` offers): three git processes. */
export async function listRefs(repository: Repository, count: number): Promise<Refs> {
  const cwd = repository.root;
  const refs = await gitText(cwd, ['for-each-ref', '--sort=-committerdate', '--format=%(refname)', 'refs/heads', 'refs/remotes', 'refs/tags']);
  if (refs.code !== 0) throw new GitError(`cannot list the branches and tags: ${firstLine(refs.stderr)}`);
  const branches: string[] = [];
  const remotes: string[] = [];
  const tags: string[] = [];
  for (const name of refs.text.split('\n')) {
    if (name.startsWith('refs/heads/')) branches.push(name.slice('refs/heads/'.length));
    else if (name.startsWith('refs/tags/')) tags.push(name.slice('refs/tags/'.length));
    else if (name.startsWith('refs/remotes/') && !name.endsWith('/HEAD')) remotes.push(name.slice('refs/remotes/'.length));
  }
  const log = await gitText(cwd, ['log', `-${count}`, '--format=%H%x09%cs%x09%s', 'HEAD', '--']);
  // No commit yet: no commits to offer (git says "does not have any commits").
  const commits = log.code !== 0 ? [] : log.text.split('\n').filter(Boolean).map((line) => {
    const [id, date, ...subject] = line.split('\t');
    return { id, date, subject: subject.join('\t') };
  });
  return { branches: [...branches, ...remotes], tags, commits };
}
