/**
 * Suppression comments in the CLI's outputs: `brief lint` over the suppressions fixture
 * workspace reports, in json and in SARIF, exactly what the fixture's expected.json says
 * remains (the suppressed diagnostics are absent from both), and the SARIF log is still valid.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli } from './harness';
import { sarifSchemaErrors } from './sarif';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'workspaces', 'suppressions');
const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, { rule: string; line: number; character: number }[]>;
const want = Object.entries(expected).flatMap(([file, list]) => list.map((d) => `${file}:${d.line + 1}:${d.character + 1} ${d.rule}`)).sort();

describe('cli: suppressed diagnostics are absent from json and SARIF', () => {
  it('--format json', async () => {
    const result = await cli(['lint', '--format', 'json', '--today', '2026-03-01'], { cwd: DIR });
    assert.equal(result.code, 0, result.stderr); // warnings only
    const diagnostics = JSON.parse(result.stdout).diagnostics as { file: string; rule: string; range: { start: { line: number; character: number } } }[];
    const got = diagnostics.map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.rule}`).sort();
    assert.deepEqual(got, want);
  });

  it('--format sarif', async () => {
    const result = await cli(['lint', '--format', 'sarif', '--today', '2026-03-01'], { cwd: DIR });
    const log = JSON.parse(result.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const got = (log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[])
      .map((r) => { const p = r.locations[0].physicalLocation; return `${p.artifactLocation.uri}:${p.region.startLine}:${p.region.startColumn} ${r.ruleId}`; }).sort();
    assert.deepEqual(got, want);
    assert.ok(log.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'suppression-invalid'), 'the new rule is in the driver');
  });
});
