/**
 * Issue 10, item 5 (spec §3.7): when paths name single files (a pre-commit hook linting what
 * changed), the workspace is read from the folder of `briefs.config.json` above them, else the
 * git root, else the current folder, so that cross-file references resolve; only the named
 * files are reported.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot } from '../../../src/host/workspaceFiles';
import { cli, removeTempWorkspaces, tempWorkspace } from './harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface JsonLint {
  briefs: number;
  diagnostics: { file: string; rule: string; message: string }[];
}

function brief(program: string, extra = ''): string {
  return `---\nprogram: ${program}\ntitle: ${program}\nowner: "@o"\n${extra}---\n# ${program}\n\n- [ ] ${program} task @o\n`;
}

/** a depends on b (a cross-file reference); b has an error of its own (it depends on a program nobody defines). */
const FILES = {
  'programs/a.md': brief('a', 'depends_on:\n  - b\n'),
  'programs/b.md': brief('b', 'depends_on:\n  - nowhere\n'),
};

async function lintJson(args: string[], cwd: string) {
  const result = await cli(['lint', '-f', 'json', ...args], { cwd });
  return { ...result, json: result.stdout ? (JSON.parse(result.stdout) as JsonLint) : undefined };
}

after(removeTempWorkspaces);

describe('cli: single files (spec §3.7)', () => {
  it('examples/: linting payments-v2.md alone reports no false dependency-unknown', async () => {
    const result = await lintJson(['examples/programs/payments-v2.md'], ROOT);
    assert.equal(result.stderr, '');
    assert.deepEqual(result.json?.diagnostics.filter((d) => d.rule === 'dependency-unknown'), []);
    assert.equal(result.json?.briefs, 1);
    assert.equal(result.code, 0);
    // …while billing-core's real error is in the workspace: it is not reported here.
    assert.ok(!result.json?.diagnostics.some((d) => d.file !== 'examples/programs/payments-v2.md'));
  });

  it('examples/: the command of the issue, `brief lint programs/payments-v2.md` in examples/, stylish', async () => {
    const result = await cli(['lint', 'programs/payments-v2.md'], { cwd: path.join(ROOT, 'examples') });
    assert.deepEqual(result, { code: 0, stdout: '✔ 1 brief checked, no problems\n', stderr: '' });
  });

  it('examples/: a real error in the named file still shows (from any folder below the config)', async () => {
    for (const [cwd, file, shown] of [
      [ROOT, 'examples/programs/billing-core.md', 'examples/programs/billing-core.md'],
      [path.join(ROOT, 'examples', 'programs'), 'billing-core.md', 'billing-core.md'],
    ]) {
      const result = await lintJson([file], cwd);
      assert.equal(result.code, 1, cwd);
      assert.deepEqual(result.json?.diagnostics.map((d) => [d.file, d.rule]), [[shown, 'dependency-unknown']]);
      assert.match(result.json!.diagnostics[0].message, /`vendor-portal`/);
    }
  });

  it('the root is the folder of briefs.config.json above the files: its config applies', async () => {
    const dir = tempWorkspace({ ...FILES, 'briefs.config.json': '{ "people": ["@o"] }', 'programs/deep/x.txt': '' });
    const onlyA = await lintJson(['programs/a.md'], dir);
    assert.deepEqual(onlyA.json?.diagnostics, []);
    assert.equal(onlyA.code, 0);
    assert.equal(onlyA.json?.briefs, 1);

    const onlyB = await lintJson(['b.md'], path.join(dir, 'programs'));
    assert.equal(onlyB.code, 1);
    assert.deepEqual(onlyB.json?.diagnostics.map((d) => [d.file, d.rule]), [['b.md', 'dependency-unknown']]);

    const both = await lintJson(['programs/a.md', 'programs/b.md'], dir);
    assert.deepEqual(both.json?.diagnostics.map((d) => d.file), ['programs/b.md']);
    assert.equal(both.json?.briefs, 2);

    // The config found above is the one that applies: its rules are used.
    fs.writeFileSync(path.join(dir, 'briefs.config.json'), '{ "rules": { "dependency-unknown": "off" } }');
    assert.equal((await lintJson(['b.md'], path.join(dir, 'programs'))).code, 0);
  });

  it('without a config, the git root (a .git folder, or a .git file as in a worktree); without either, the current folder', async () => {
    for (const gitEntry of ['.git/HEAD', '.git']) {
      const dir = tempWorkspace({ ...FILES, [gitEntry]: 'ref: refs/heads/main\n' });
      const result = await lintJson(['a.md'], path.join(dir, 'programs'));
      assert.deepEqual(result.json?.diagnostics, [], gitEntry);
      assert.deepEqual(await findWorkspaceRoot(dir, [path.join(dir, 'programs')]), { folder: dir, reason: 'git' });
    }
    const plain = tempWorkspace(FILES);
    assert.deepEqual((await lintJson(['programs/a.md'], plain)).json?.diagnostics, []);
    assert.deepEqual(await findWorkspaceRoot(plain, [path.join(plain, 'programs')]), { folder: plain, reason: 'cwd' });
  });

  it('a config above the git root is not the repository\'s: the search stops at the git root', async () => {
    const dir = tempWorkspace({ 'briefs.config.json': '{}', 'repo/.git/HEAD': '', 'repo/programs/a.md': FILES['programs/a.md'] });
    assert.deepEqual(await findWorkspaceRoot(dir, [path.join(dir, 'repo', 'programs')]), { folder: path.join(dir, 'repo'), reason: 'git' });
    const nested = tempWorkspace({ 'repo/.git/HEAD': '', 'repo/sub/briefs.config.json': '{}', 'repo/sub/a.md': '' });
    assert.deepEqual(await findWorkspaceRoot(nested, [path.join(nested, 'repo', 'sub')]), { folder: path.join(nested, 'repo', 'sub'), reason: 'config' });
  });

  it('the root walk keeps the config\'s include/exclude; the named file is read whatever they say', async () => {
    const dir = tempWorkspace({ ...FILES, 'briefs.config.json': '{ "exclude": ["programs/b.md", "programs/a.md"] }' });
    const result = await lintJson(['programs/a.md'], dir);
    // b.md is excluded from the workspace, so a's reference to b is unknown; a itself is read.
    assert.deepEqual(result.json?.diagnostics.map((d) => [d.file, d.rule]), [['programs/a.md', 'dependency-unknown']]);
  });

  it('a link in the workspace never leads out of the workspace root', async () => {
    const outside = tempWorkspace({ 'b.md': brief('b') });
    const dir = tempWorkspace({ 'briefs.config.json': '{}', 'programs/a.md': FILES['programs/a.md'] });
    fs.symlinkSync(path.join(outside, 'b.md'), path.join(dir, 'programs', 'b.md'));
    const result = await lintJson(['programs/a.md'], dir);
    assert.match(result.stderr, /warning: skipped programs\/b\.md: it is a symbolic link to a file outside the folders given/);
    assert.deepEqual(result.json?.diagnostics.map((d) => d.rule), ['dependency-unknown']);
  });

  it('folders, or folders and files mixed, are read as given (every file reported)', async () => {
    const dir = tempWorkspace({ ...FILES, 'briefs.config.json': '{}', 'other/c.md': brief('c', 'depends_on:\n  - gone\n') });
    const folder = await lintJson(['programs'], dir);
    assert.deepEqual(folder.json?.diagnostics.map((d) => d.file), ['programs/b.md']);
    const mixed = await lintJson(['programs', 'other/c.md'], dir);
    assert.deepEqual(mixed.json?.diagnostics.map((d) => d.file), ['other/c.md', 'programs/b.md']);
  });

  it('checklist lists the named files only; graph draws the workspace around them', async () => {
    const dir = tempWorkspace({ ...FILES, 'briefs.config.json': '{}' });
    const checklist = JSON.parse((await cli(['checklist', '-f', 'json', 'programs/a.md'], { cwd: dir })).stdout);
    assert.deepEqual(JSON.stringify(checklist).match(/"program":"\w+"/g), ['"program":"a"']);
    const graph = JSON.parse((await cli(['graph', '-f', 'json', 'programs/a.md'], { cwd: dir })).stdout);
    const b = graph.nodes.find((n: { id: string }) => n.id === 'b');
    assert.equal(b?.file, 'programs/b.md', 'b is read from the workspace, not a missing node');
    assert.deepEqual(graph.edges, [{ from: 'a', to: 'b' }]);
  });

  it('a named file that is a link to a file of the workspace is read once (no false id-duplicate)', async () => {
    const dir = tempWorkspace({ ...FILES, 'briefs.config.json': '{}' });
    fs.symlinkSync(path.join(dir, 'programs', 'a.md'), path.join(dir, 'a-link.md'));
    const result = await lintJson(['a-link.md'], dir);
    assert.deepEqual(result.json?.diagnostics, []);
    assert.equal(result.json?.briefs, 1);
  });

  it('a named file that does not exist is still exit 2 with its name', async () => {
    const dir = tempWorkspace({ ...FILES, 'briefs.config.json': '{}' });
    const result = await cli(['lint', 'programs/nope.md'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read programs\/nope\.md: no such file or directory/);
  });
});
