/**
 * Bounded work per file (issue 9, findings 2 and 3): every worst case of test/unit/worstCases.ts
 * (each took from 10 s to forever before the fix) is parsed and linted in a child process, on the
 * fast path and, where it has one, the slow path (remark and `yaml` for everything). A case that
 * makes no progress for 20 s is killed and fails by name, so a regression fails the suite instead
 * of hanging it. Times are asserted loosely (speed targets belong in the benchmark): the 2 s
 * target, with room for a loaded machine.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { worstCases } from './worstCases';

const CHILD = path.join(__dirname, 'parseBoundedChild.ts');
/** A case that has not finished after this long has hung. */
const HANG_MS = 20_000;
/** Far below what any of them took before the fix, well above the 2 s target. */
const LOOSE_LIMIT_MS = 8_000;

interface Run {
  times: Map<string, number>;
  /** Per run: what became of the body, and the number of headings, checklist items and references read. */
  outcomes: Map<string, string>;
  hung?: string;
  exitCode: number | null;
  stderr: string;
}

function runChild(): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: path.join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    const times = new Map<string, number>();
    const outcomes = new Map<string, string>();
    let current = '(start-up)';
    let hung: string | undefined;
    let stderr = '';
    let buffered = '';
    let timer = setTimeout(() => onHang(), HANG_MS * 2); // start-up compiles the sources
    const onHang = () => {
      hung = current;
      child.kill('SIGKILL');
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const start = /^start (.+)$/.exec(line);
        const done = /^done (.+?) (\d+) (\w+ \d+ \d+ \d+)$/.exec(line);
        if (start) current = start[1];
        if (done) {
          times.set(done[1], Number(done[2]));
          outcomes.set(done[1], done[3]);
        }
        clearTimeout(timer);
        timer = setTimeout(onHang, HANG_MS);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ times, outcomes, hung, exitCode, stderr });
    });
  });
}

describe('parse: bounded work per file (worst cases, in a child process)', function () {
  this.timeout(600_000);
  const cases = worstCases();
  let run: Run;
  before(async () => {
    run = await runChild();
  });

  it('the child ran every case to the end, without hanging or crashing', () => {
    const label = (key: string | undefined) => (key === undefined ? '' : `${key}: ${cases[Number(key.split(' ')[0])]?.name ?? key}`);
    assert.equal(run.hung, undefined, `hung on ${label(run.hung)}`);
    assert.equal(run.exitCode, 0, run.stderr.slice(0, 2000));
    const expected = cases.flatMap((c, i) => (c.slow ? [`${i}`, `${i} slow`] : [`${i}`]));
    assert.deepEqual([...run.times.keys()], expected);
  });

  for (const [index, worst] of cases.entries()) {
    it(`${worst.name} (${Math.round(worst.text.length / 1024)} KB): well under ${LOOSE_LIMIT_MS / 1000} s`, () => {
      for (const key of worst.slow ? [`${index}`, `${index} slow`] : [`${index}`]) {
        const ms = run.times.get(key);
        assert.ok(ms !== undefined, `${key} did not finish`);
        assert.ok(ms < LOOSE_LIMIT_MS, `${key}: ${ms} ms`);
        if (worst.body) assert.equal(run.outcomes.get(key)?.split(' ')[0], worst.body, key);
      }
      // The fast and the slow path read the same.
      if (worst.slow) assert.equal(run.outcomes.get(`${index} slow`), run.outcomes.get(`${index}`));
    });
  }
});
