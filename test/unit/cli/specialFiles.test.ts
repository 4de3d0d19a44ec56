/**
 * Issue 9, finding 7 (CLI part) and the CLI's share of finding 3: the CLI reads regular files
 * only (a FIFO blocked it forever, /dev/zero read 610 MB), applies the extension's size and
 * binary policy (a 50 MB brief made it run out of memory), decodes UTF-16 with a byte order mark
 * (it was silently not a brief), never follows a link out of the folders given, and prints an
 * internal error as one line, the stack only with BRIEF_DEBUG.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../../src/cli/run';
import { BINARY_REASON, decodeFile, maxFileBytes, textProblem } from '../../../src/core/workspace/filePolicy';
import { cli, FIXTURES, removeTempWorkspaces, tempWorkspace } from './harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const BRIEF = '---\nprogram: good\ntitle: Good\nowner: "@g"\n---\n# Good\n';
const NO_OWNER = '---\nprogram: utf\ntitle: Unicode ✓\n---\n# Ünïcode\n';

/** The built CLI in a child process, so that a read that blocks is a timeout here, not a hung test run. */
function brief(args: string[], cwd: string, options: { heapMB?: number; env?: Record<string, string> } = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [...(options.heapMB ? [`--max-old-space-size=${options.heapMB}`] : []), CLI, ...args], {
    cwd, encoding: 'utf8', timeout: 20_000, maxBuffer: 1 << 26, env: { PATH: process.env.PATH ?? '', ...options.env },
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return endian === 'le' ? le : le.swap16();
}

after(removeTempWorkspaces);

describe('core: file policy (shared by the CLI and the extension)', () => {
  it('decodes UTF-8 (BOM skipped), UTF-16 LE and BE with a BOM; NUL bytes are binary', () => {
    assert.deepEqual(decodeFile(Buffer.from(BRIEF), 1 << 20, 's'), { kind: 'text', text: BRIEF, encoding: 'utf-8' });
    assert.deepEqual(decodeFile(Buffer.from(`\ufeff${BRIEF}`), 1 << 20, 's'), { kind: 'text', text: BRIEF, encoding: 'utf-8' });
    assert.deepEqual(decodeFile(utf16(NO_OWNER, 'le'), 1 << 20, 's'), { kind: 'text', text: NO_OWNER, encoding: 'utf-16le' });
    assert.deepEqual(decodeFile(utf16(NO_OWNER, 'be'), 1 << 20, 's'), { kind: 'text', text: NO_OWNER, encoding: 'utf-16be' });
    assert.deepEqual(decodeFile(Buffer.from('ab\u0000cd'), 1 << 20, 's'), { kind: 'skipped', reason: BINARY_REASON });
    assert.deepEqual(decodeFile(utf16('ab\u0000cd', 'le'), 1 << 20, 's'), { kind: 'skipped', reason: BINARY_REASON });
    assert.deepEqual(decodeFile(Buffer.from('ab\u0000'.padStart(9000, 'x')), 1 << 20, 's').kind, 'text', 'only the first 8 KB are sniffed');
  });

  it('too large: by size in bytes, the message naming the setting', () => {
    assert.equal(maxFileBytes(), 2048 * 1024);
    assert.equal(maxFileBytes(0), 1024);
    assert.deepEqual(decodeFile(Buffer.alloc(2049, 0x61), 2048, 'setting x'), { kind: 'skipped', reason: 'it is larger than 2 KB (setting x)' });
    assert.equal(textProblem('a'.repeat(2049), 2048, 'x'), 'it is larger than 2 KB (x)');
    assert.equal(textProblem('a\u0000b', 2048, 'x'), BINARY_REASON);
    assert.equal(textProblem(BRIEF, 2048, 'x'), undefined);
  });
});

describe('cli: encodings, size and binary policy', () => {
  it('lints a UTF-16 brief with a byte order mark (LE and BE) like its UTF-8 twin', async () => {
    const dir = tempWorkspace({ 'utf8.md': NO_OWNER, 'bom8.md': `\ufeff${NO_OWNER}` });
    fs.writeFileSync(path.join(dir, 'le.md'), utf16(NO_OWNER, 'le'));
    fs.writeFileSync(path.join(dir, 'be.md'), utf16(NO_OWNER, 'be'));
    const result = await cli(['lint', '-f', 'json'], { cwd: dir });
    assert.equal(result.stderr, '');
    const output = JSON.parse(result.stdout);
    assert.equal(output.briefs, 4);
    const byFile = (file: string) => output.diagnostics.filter((d: { file: string }) => d.file === file).map((d: { rule: string; range: unknown }) => [d.rule, d.range]);
    assert.deepEqual(byFile('utf8.md').map((d: unknown[]) => d[0]), ['owner-missing', 'id-duplicate']);
    for (const file of ['bom8.md', 'le.md', 'be.md']) assert.deepEqual(byFile(file), byFile('utf8.md'), file);
  });

  it('skips binary files and files over --max-file-size with a warning on stderr; exit code from the rest', async () => {
    const dir = tempWorkspace({ 'good.md': BRIEF, 'big.brief.md': `${BRIEF}${'- [ ] item\n'.repeat(300)}` });
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from('---\nprogram: bin\n---\n\u0000\u0001'));
    const result = await cli(['lint', '--max-file-size', '2'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(result.stderr, [
      'brief: warning: skipped big.brief.md: it is larger than 2 KB (--max-file-size)',
      `brief: warning: skipped binary.md: ${BINARY_REASON}`,
      '',
    ].join('\n'));
    assert.equal(result.stdout, '✔ 1 brief checked, no problems\n');
    assert.equal((await cli(['lint', '-f', 'json'], { cwd: dir })).stderr, `brief: warning: skipped binary.md: ${BINARY_REASON}\n`, 'the default limit is 2048 KB');
    assert.equal((await cli(['lint', '--max-file-size', '0'], { cwd: dir })).code, 2);
  });

  it('a file named on the command line gets the same policy', async () => {
    const dir = tempWorkspace({ 'good.md': BRIEF });
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0, 1, 2]));
    const result = await cli(['lint', 'good.md', 'binary.md'], { cwd: dir });
    assert.equal(result.code, 0);
    assert.match(result.stderr, /^brief: warning: skipped binary\.md: it looks binary/);
  });
});

describe('cli: symbolic links never lead out of the folders given', () => {
  it('follows a link to a file inside, skips one to a file outside (with a warning)', async () => {
    const outside = tempWorkspace({ 'secret.md': '---\nprogram: secret\ntitle: S\n---\n' });
    const dir = tempWorkspace({ 'programs/good.md': BRIEF, 'programs/data/real.txt': '---\nprogram: real\ntitle: R\nowner: "@r"\n---\n' });
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'programs', 'leak.md'));
    fs.symlinkSync(path.join(dir, 'programs', 'data', 'real.txt'), path.join(dir, 'programs', 'alias.brief.md'));
    const result = await cli(['lint', 'programs', '-f', 'json'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^brief: warning: skipped programs\/leak\.md: it is a symbolic link to a file outside the folders given \(.*secret\.md\)\n$/);
    const output = JSON.parse(result.stdout);
    assert.equal(output.briefs, 2, 'good and the alias of a file inside');
    assert.ok(!result.stdout.includes('secret'));
    // Given on the command line, the same link is read: it was asked for.
    const explicit = await cli(['lint', 'programs/leak.md', '-f', 'json'], { cwd: dir });
    assert.equal(JSON.parse(explicit.stdout).briefs, 1);
  });

  it('a link into another folder given is followed', async () => {
    const dir = tempWorkspace({ 'a/good.md': BRIEF, 'b/other.brief.md': '---\nprogram: other\ntitle: O\nowner: "@o"\n---\n' });
    fs.symlinkSync(path.join(dir, 'b', 'other.brief.md'), path.join(dir, 'a', 'link.brief.md'));
    const result = await cli(['lint', 'a', 'b', '-f', 'json'], { cwd: dir });
    assert.equal(result.stderr, '');
    assert.equal(JSON.parse(result.stdout).briefs, 3);
  });
});

describe('cli: a config found by the CLI stays in its folder', () => {
  it('a briefs.config.json linked to a file outside its folder ends the run; --config may name it', async () => {
    const outside = tempWorkspace({ 'secret.json': 'SECRET=hunter2 and more' });
    const dir = tempWorkspace({ 'good.md': BRIEF });
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(dir, 'briefs.config.json'));
    const result = await cli(['lint'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^brief: cannot read config file briefs\.config\.json: it is a symbolic link to a file outside its folder \(.*secret\.json\); name the file with --config to use it\n$/);
    assert.doesNotMatch(result.stderr, /hunter2/);
    const named = await cli(['lint', '--config', 'briefs.config.json'], { cwd: dir });
    assert.equal(named.code, 2);
    assert.match(named.stderr, /not valid JSON \(Unexpected token 'S'\)/);
    assert.doesNotMatch(named.stderr, /hunter2/, 'a parse error never quotes the file');
  });

  it('a link inside its folder is fine', async () => {
    const dir = tempWorkspace({ 'good.md': BRIEF, 'shared/briefs.json': '{ "rules": { "owner-missing": "off" } }' });
    fs.symlinkSync(path.join(dir, 'shared', 'briefs.json'), path.join(dir, 'briefs.config.json'));
    const result = await cli(['lint'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
  });
});

describe('cli: internal errors', () => {
  it('one line and a hint, no stack trace; the stack with BRIEF_DEBUG=1; exit 2', async () => {
    for (const env of [{}, { BRIEF_DEBUG: '1' }]) {
      let stderr = '';
      const code = await run(['schema'], {
        cwd: FIXTURES,
        stdout: { write: () => { throw new RangeError('Invalid string length'); } },
        stderr: { write: (chunk: string) => void (stderr += chunk) },
        env,
      });
      assert.equal(code, 2);
      const lines = stderr.trimEnd().split('\n');
      assert.equal(lines[0], 'brief: internal error: RangeError: Invalid string length');
      if ('BRIEF_DEBUG' in env) {
        assert.match(stderr, /\n\s+at /, 'the stack when asked for');
      } else {
        assert.doesNotMatch(stderr, /\bat .*\(|\n\s+at /, 'no stack trace');
        assert.deepEqual(lines.length, 2);
        assert.match(lines[1], /BRIEF_DEBUG=1/);
      }
    }
  });
});

describe('cli: special files (node dist/cli.js)', function () {
  this.timeout(120_000);
  let dir = '';

  before(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    dir = tempWorkspace({ 'good.md': BRIEF });
    execFileSync('mkfifo', [path.join(dir, 'pipe.md'), path.join(dir, 'pipe.json')]);
  });

  it('a FIFO named on the command line: exit 2 at once, "not a regular file"', () => {
    const result = brief(['lint', 'pipe.md'], dir);
    assert.equal(result.signal, null, 'it did not block (killed by the timeout)');
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'brief: cannot read pipe.md: not a regular file (a named pipe)\n');
  });

  it('a FIFO as --config: exit 2 at once', () => {
    const result = brief(['lint', '--config', 'pipe.json'], dir);
    assert.equal(result.signal, null, 'it did not block');
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'brief: cannot read config file pipe.json: not a regular file (a named pipe)\n');
  });

  it('a FIFO found in a folder: skipped with a warning, the rest linted', () => {
    const result = brief(['lint'], dir);
    assert.equal(result.signal, null);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, 'brief: warning: skipped pipe.md: not a regular file\n');
    assert.equal(result.stdout, '✔ 1 brief checked, no problems\n');
  });

  it('/dev/zero, as a path or --config: exit 2 at once, nothing read', () => {
    for (const args of [['lint', '/dev/zero'], ['checklist', '--config', '/dev/zero', 'good.md']]) {
      const result = brief(args, dir, { heapMB: 64 });
      assert.equal(result.signal, null);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /^brief: cannot read (config file )?(\.\.\/)*dev\/zero: not a regular file \(a character device\)\n$/);
      assert.ok(result.ms < 10_000, `${result.ms} ms`);
    }
  });

  it('a 50 MB brief is skipped without being read (in a 64 MB heap)', () => {
    const big = tempWorkspace({ 'good.md': BRIEF });
    const fd = fs.openSync(path.join(big, 'huge.md'), 'w');
    const chunk = Buffer.from(`${BRIEF}${'- [ ] ##[x] *a* `b` [[w]] item\n'.repeat(32_000)}`);
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const result = brief(['lint', '-f', 'json'], big, { heapMB: 64 });
    assert.equal(result.signal, null);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, 'brief: warning: skipped huge.md: it is larger than 2048 KB (--max-file-size)\n');
    assert.equal(JSON.parse(result.stdout).briefs, 1);
    fs.rmSync(path.join(big, 'huge.md'));
  });
});
