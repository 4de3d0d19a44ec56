/**
 * The parse worker pool (src/host/parsePool.ts) outside the extension host: in a plain Node
 * process, whose event loop nothing else keeps alive, awaiting a parse must not let the process
 * exit before the answer arrives (idle workers are unref'd; busy ones must not be).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

describe('parse worker pool in a plain Node process', function () {
  this.timeout(120_000);

  before(() => {
    execFileSync('npm', ['run', '--silent', 'build:extension'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('answers every request before the process may exit, then lets it exit', () => {
    const script = `
      const { ParsePool } = require(${JSON.stringify(path.join(ROOT, 'src', 'host', 'parsePool.ts'))});
      const pool = ParsePool.create(2, ${JSON.stringify(path.join(ROOT, 'dist'))});
      if (!pool) throw new Error('no pool: dist/parseWorker.js missing');
      const texts = Array.from({ length: 50 }, (_, i) => '---\\nprogram: p' + i + '\\ntitle: P\\nowner: "@a"\\n---\\n');
      Promise.all(texts.map((text, i) => pool.parse({ uri: 'file:///p' + i + '.md', text, maxBytes: 1 << 20 })))
        .then((answers) => console.log(JSON.stringify(answers.map((a) => a.kind === 'brief' ? a.brief.program.value : a.kind))));
    `;
    // A script file, not -e: the workers inherit the process's flags, and -e's would stop them.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parse-pool-'));
    const file = path.join(dir, 'probe.cjs');
    fs.writeFileSync(file, script);
    const result = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), Array.from({ length: 50 }, (_, i) => `p${i}`), 'every brief parsed by a worker and printed');
  });
});
