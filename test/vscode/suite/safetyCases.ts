/**
 * Hostile-workspace cases of issue 9 (finding 7, editor part), run by the trusted suite
 * (safety.test.ts) and by the Restricted Mode suite (test/vscode/restricted/): links out of the
 * workspace are never followed, FIFOs never block the index, and a workspace cannot raise
 * `programBriefs.maxFileSizeKB` unless it is trusted. Files are made at run time (links, FIFOs,
 * megabytes): nothing of it is committed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { NOT_REGULAR_REASON, OUTSIDE_LINK_REASON as OUTSIDE_REASON } from '../../../src/host/workspaceFiles';
import { BRIEFS, REINDEX, type BriefsResult } from '../../../src/server/protocol';
import { extensionApi, reindex, root, serverFile, waitFor } from './helpers';

/** The language server's model as these cases check it: its programs, its skipped files, its texts. */
async function server() {
  const api = await extensionApi();
  const skipped = await api.model.skipped();
  const programs = new Set(api.model.briefs().map((b) => b.program));
  return { skipped, program: (id: string) => programs.has(id) };
}

const brief = (program: string) => `---\nprogram: ${program}\ntitle: ${program}\nowner: "@maria"\n---\n\n- [ ] secret item of ${program}\n`;

export function safetySuite(mode: 'trusted' | 'restricted'): void {
  suite(`Hostile workspace: links, FIFOs, restricted settings (${mode})`, () => {
    let outside: string;
    const made: string[] = [];
    const ws = () => root().fsPath;
    const uriOf = (relative: string) => vscode.Uri.file(path.join(ws(), relative)).toString();

    suiteSetup(async () => {
      await extensionApi();
      outside = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-outside-'));
      await fs.mkdir(path.join(outside, 'dir'));
      await fs.writeFile(path.join(outside, 'secret.md'), brief('outside-secret'));
      await fs.writeFile(path.join(outside, 'late.md'), brief('outside-late'));
      await fs.writeFile(path.join(outside, 'dir', 'deep.md'), brief('outside-deep'));
    });

    suiteTeardown(async () => {
      for (const entry of made.reverse()) await fs.rm(path.join(ws(), entry), { recursive: true, force: true });
      await fs.rm(outside, { recursive: true, force: true });
      await reindex();
    });

    test(`the workspace is ${mode === 'trusted' ? 'trusted' : 'not trusted (Restricted Mode)'}`, () => {
      assert.equal(vscode.workspace.isTrusted, mode === 'trusted');
    });

    test('file and folder links out of the workspace are never followed; a link inside it is', async () => {
      made.push('safety-links', 'safety-inside');
      await fs.mkdir(path.join(ws(), 'safety-links'));
      await fs.mkdir(path.join(ws(), 'safety-inside'));
      await fs.writeFile(path.join(ws(), 'safety-inside', 'target.txt'), brief('link-inside'));
      await fs.symlink(path.join(outside, 'secret.md'), path.join(ws(), 'safety-links', 'secret.md'));
      await fs.symlink(path.join(outside, 'dir'), path.join(ws(), 'safety-links', 'dir'));
      await fs.symlink(path.join(ws(), 'safety-inside', 'target.txt'), path.join(ws(), 'safety-links', 'alias.md'));
      await reindex();
      let model = await server();
      assert.equal(model.program('outside-secret'), false, 'a file link out of the workspace was read');
      // A folder link is never entered (the walk follows no folder link): nothing under it is seen at all.
      assert.equal(model.program('outside-deep'), false, 'a folder link out of the workspace was descended into');
      assert.equal(model.skipped.get(uriOf('safety-links/secret.md')), OUTSIDE_REASON);
      assert.ok(model.program('link-inside'), 'a link to a file inside the workspace is read');
      // A link made later (the file watcher's path) is refused too.
      await fs.symlink(path.join(outside, 'late.md'), path.join(ws(), 'safety-links', 'late.md'));
      await waitFor(async () => (await server()).skipped.get(uriOf('safety-links/late.md')) === OUTSIDE_REASON, 'the late link to be refused', 30_000);
      model = await server();
      assert.equal(model.program('outside-late'), false);
      // Nothing of the outside files reached any feature: the Checklist, completion, symbols.
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'outside');
      assert.deepEqual((symbols ?? []).filter((symbol) => /outside-/.test(symbol.name)).map((symbol) => symbol.name), []);
      const api = await extensionApi();
      const texts = (await Promise.all(api.model.briefs().map((b) => serverFile(b.uri)))).map((file) => file.text ?? '').join('\n');
      assert.doesNotMatch(texts, /secret item of outside-/);
    });

    test('in a folder of 200+ files a link out is not followed either', async () => {
      made.push('safety-many');
      await fs.mkdir(path.join(ws(), 'safety-many'));
      await Promise.all(Array.from({ length: 220 }, (_, i) => fs.writeFile(path.join(ws(), 'safety-many', `n${i}.md`), `# note ${i}\n`)));
      await fs.symlink(path.join(outside, 'secret.md'), path.join(ws(), 'safety-many', 'secret.md'));
      await reindex();
      const model = await server();
      assert.equal(model.program('outside-secret'), false);
      assert.equal(model.skipped.get(uriOf('safety-many/secret.md')), OUTSIDE_REASON);
    });

    test('a FIFO named like a brief, or as briefs.config.json, never blocks the index', async function () {
      if (process.platform === 'win32') this.skip();
      // In a folder that is already watched: a file made in a folder created a moment before can
      // be missed by the watcher (the folder's watch is not set up yet), and the folder scan that
      // covers that case lists files with ripgrep, which never lists a FIFO.
      made.push('safety-fifo.brief.md');
      const fifo = path.join(ws(), 'safety-fifo.brief.md');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
      // The file watcher reports it; reading it would block forever.
      await waitFor(async () => (await server()).skipped.get(uriOf('safety-fifo.brief.md')) === NOT_REGULAR_REASON, 'the FIFO to be refused', 30_000);
      await reindex();
      assert.equal((await server()).skipped.get(uriOf('safety-fifo.brief.md')), NOT_REGULAR_REASON);
      const configProblem = () => vscode.languages.getDiagnostics(vscode.Uri.file(config)).map((d) => d.message).join('\n');

      const config = path.join(ws(), 'briefs.config.json');
      const saved = await fs.readFile(config, 'utf8').catch(() => undefined);
      try {
        await fs.rm(config, { force: true });
        assert.equal(spawnSync('mkfifo', [config]).status, 0, 'mkfifo');
        await reindex();
        // The server says so on the file (a diagnostic) and reads on with the defaults.
        await waitFor(() => /not a regular file/.test(configProblem()), 'the config FIFO to be reported', 30_000);
      } finally {
        await fs.rm(config, { force: true });
        if (saved !== undefined) await fs.writeFile(config, saved);
        await reindex();
      }
      await waitFor(() => configProblem() === '', 'the config problem to be cleared', 30_000);
    });

    test(mode === 'trusted'
      ? 'a trusted workspace may raise programBriefs.maxFileSizeKB'
      : 'in Restricted Mode the workspace value of programBriefs.maxFileSizeKB is ignored', async () => {
      const settings = () => vscode.workspace.getConfiguration('programBriefs');
      if (mode === 'trusted') {
        await settings().update('maxFileSizeKB', 999999, vscode.ConfigurationTarget.Workspace);
        await waitFor(() => settings().get('maxFileSizeKB') === 999999, 'the workspace setting to apply');
      } else {
        // The restricted workspace ships .vscode/settings.json with 999999 (and programBriefs.me,
        // which is not restricted and does apply).
        assert.equal(settings().get('me'), '@restricted-me', 'workspace settings are read');
        assert.equal(settings().get('maxFileSizeKB'), 2048, 'the restricted setting keeps its default');
      }
      made.push('safety-big');
      await fs.mkdir(path.join(ws(), 'safety-big'));
      const big = path.join(ws(), 'safety-big', 'big.md');
      // 3 MB, over the 2048 KB default; a code block is cheap to parse.
      await fs.writeFile(big, `${brief('big-one')}\n\`\`\`\n${`${'x'.repeat(99)}\n`.repeat(31_500)}\`\`\`\n`);
      try {
        // The language server reads the files, with the settings the client gives it.
        const { client } = await extensionApi();
        await client.sendRequest(REINDEX, {});
        const serverPrograms = (await client.sendRequest<BriefsResult>(BRIEFS, {})).briefs.map((b) => b.program);
        if (mode === 'trusted') {
          assert.ok(serverPrograms.includes('big-one'), 'a 3 MB brief is read under a trusted 999999 KB limit');
        } else {
          assert.ok(!serverPrograms.includes('big-one'), 'the language server read a 3 MB brief in Restricted Mode');
          assert.match((await server()).skipped.get(uriOf('safety-big/big.md')) ?? '', /larger than 2048 KB/);
        }
      } finally {
        await fs.rm(big, { force: true });
        if (mode === 'trusted') await settings().update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });
}
