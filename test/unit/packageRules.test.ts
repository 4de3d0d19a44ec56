/** The `programBriefs.rules` setting in package.json offers every rule id, in the catalogue's order (VS Code completes and checks the setting from it). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '../../src/core/rules';

describe('package.json: programBriefs.rules', () => {
  it('lists every rule, each with the four severities', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    type Setting = { properties: Record<string, { enum: string[] }> };
    const configurations = [manifest.contributes.configuration].flat() as { properties: Record<string, Setting | undefined> }[];
    const setting = configurations.map((c) => c.properties['programBriefs.rules']).find((s): s is Setting => s !== undefined);
    assert.ok(setting, 'the setting exists');
    assert.deepEqual(Object.keys(setting.properties), [...RULE_IDS]);
    for (const [id, rule] of Object.entries(setting.properties)) assert.deepEqual(rule.enum, ['error', 'warning', 'info', 'off'], id);
  });
});
