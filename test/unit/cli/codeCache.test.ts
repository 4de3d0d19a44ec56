/**
 * The `brief` launcher's code cache (src/host/codeCache.ts): written after a run, used by the next,
 * and never trusted when it is not this bundle's: a missing, truncated, corrupt or other bundle's
 * cache is ignored (the bundle compiles as before) and rewritten; a cache that cannot be written
 * changes nothing.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runWithCodeCache } from '../../../src/host/codeCache';

/** A CommonJS module with functions enough to make a code cache, that says which bundle it is. */
const bundleText = (name: string) => [
  `const path = require('node:path');`,
  ...Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x * ${i} + ${JSON.stringify(name)}.length; }`),
  `module.exports = { name: ${JSON.stringify(name)}, file: path.basename(__filename), dir: __dirname, sum: [${Array.from({ length: 50 }, (_, i) => `f${i}(2)`).join(', ')}].reduce((a, b) => a + b, 0) };`,
  `function thrower() { throw new Error('where'); }`,
  `module.exports.thrower = thrower;`,
  '',
].join('\n');

describe('cli: the code cache of the brief bundle', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-code-cache-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A run in a process of its own, as each `brief` command is (V8 keeps compiled scripts for the rest of a process). */
  const runApart = (bundle: string, cache: string): { cacheUsed: boolean; name: string } => JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'codeCacheChild.ts'), bundle, cache], { encoding: 'utf8' }),
  ) as { cacheUsed: boolean; name: string };

  const write = (name: string, text = bundleText(name)) => {
    const file = path.join(dir, `${name}.js`);
    fs.writeFileSync(file, text);
    return file;
  };

  it('runs the bundle as a CommonJS module, writes a cache after the first run, and the next run uses it', () => {
    const bundle = write('a');
    const cache = `${bundle}.cache`;
    const first = runWithCodeCache(bundle, cache);
    assert.equal(first.cacheUsed, false);
    assert.deepEqual({ ...(first.exports as object), thrower: undefined }, { name: 'a', file: 'a.js', dir, sum: 2 * 1225 + 50, thrower: undefined });
    first.save();
    const written = fs.readFileSync(cache);
    assert.deepEqual(written.subarray(0, 32), createHash('sha256').update(bundleText('a')).digest(), 'the cache starts with the hash of its bundle');
    assert.ok(written.length > 1000);
    const second = runWithCodeCache(bundle, cache);
    assert.equal(second.cacheUsed, true);
    assert.equal((second.exports as { sum: number }).sum, 2 * 1225 + 50);
    second.save();
    assert.deepEqual(runApart(bundle, cache), { cacheUsed: true, name: 'a' }, 'and so does a process of its own');
    assert.deepEqual(fs.readFileSync(cache), written, 'a cache that was used is not written again');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.js', 'a.js.cache'], 'no temporary file is left');
  });

  it('keeps the bundle\'s own line numbers in stack traces', () => {
    const bundle = write('a');
    const { thrower } = runWithCodeCache(bundle, `${bundle}.cache`).exports as { thrower: () => void };
    assert.throws(thrower, (error: Error) => {
      assert.match(error.stack ?? '', new RegExp(`${path.basename(bundle)}:53:`), error.stack);
      return true;
    });
  });

  it('never uses the cache of another bundle, even one of the same length', () => {
    const a = write('a');
    const b = write('b');
    assert.equal(fs.statSync(a).size, fs.statSync(b).size);
    const runA = runWithCodeCache(a, `${a}.cache`);
    runA.save();
    fs.copyFileSync(`${a}.cache`, `${b}.cache`);
    assert.deepEqual(runApart(b, `${b}.cache`), { cacheUsed: false, name: 'b' });
    assert.deepEqual(runApart(b, `${b}.cache`), { cacheUsed: true, name: 'b' }, 'rewritten for its own bundle');
  });

  for (const [label, damage] of [
    ['empty', () => Buffer.alloc(0)],
    ['truncated to its hash', (good: Buffer) => good.subarray(0, 32)],
    ['truncated halfway', (good: Buffer) => good.subarray(0, good.length >> 1)],
    ['corrupt after a right hash', (good: Buffer) => Buffer.concat([good.subarray(0, 32), Buffer.alloc(good.length - 32, 0x5a)])],
    ['some other file', () => Buffer.from('{"not": "a cache"}')],
  ] as const) {
    it(`ignores a cache that is ${label}, and rewrites it`, () => {
      const bundle = write('a');
      const cache = `${bundle}.cache`;
      runWithCodeCache(bundle, cache).save();
      fs.writeFileSync(cache, damage(fs.readFileSync(cache)));
      assert.deepEqual(runApart(bundle, cache), { cacheUsed: false, name: 'a' });
      assert.deepEqual(runApart(bundle, cache), { cacheUsed: true, name: 'a' }, 'rewritten');
    });
  }

  it('runs without a cache where none can be written', () => {
    const bundle = write('a');
    const cache = path.join(dir, 'no-such-folder', 'a.js.cache');
    const run = runWithCodeCache(bundle, cache);
    assert.doesNotThrow(() => run.save());
    assert.equal(fs.existsSync(cache), false);
    assert.deepEqual(fs.readdirSync(dir), ['a.js']);
  });

  it('writes the cache once, however often it is asked to save (the server saves on a timer and again at exit)', () => {
    const bundle = write('once');
    const cache = path.join(dir, 'once.js.cache');
    const run = runWithCodeCache(bundle, cache);
    run.save();
    assert.ok(fs.readFileSync(cache).length > 32);
    fs.rmSync(cache);
    run.save();
    assert.equal(fs.existsSync(cache), false);
  });

  it('dist/cli.js runs dist/brief.js and leaves its cache beside it', () => {
    const dist = path.join(__dirname, '..', '..', '..', 'dist');
    for (const file of ['cli.js', 'brief.js']) fs.copyFileSync(path.join(dist, file), path.join(dir, file));
    const version = (execFileSync(process.execPath, [path.join(dir, 'cli.js'), '--version'], { encoding: 'utf8' })).trim();
    assert.match(version, /^\d+\.\d+\.\d+/);
    assert.ok(fs.readFileSync(path.join(dir, 'brief.js.cache')).length > 100_000);
    assert.equal(execFileSync(process.execPath, [path.join(dir, 'cli.js'), '--version'], { encoding: 'utf8' }).trim(), version);
  });
});
