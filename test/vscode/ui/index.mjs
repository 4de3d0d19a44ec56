// The UI checks runner: the module the harness's --playwright loads. Runs every
// test/vscode/ui/*.check.mjs (alphabetically, firstrun first), each on a freshly loaded
// workbench, with the harness's context ({ page, workbenchUrl, screenshotsDir, ... }).
// A failing check gets a screenshot <name>-failure.png; the others still run;
// the run fails if any failed. `UI_CHECKS=problems,grammar` runs a subset.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { until, waitForWorkbench } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (...args) => console.error('[ui]', ...args);
const FIRST = 'firstrun.check.mjs';

export default async function runChecks(context) {
  const only = process.env.UI_CHECKS?.split(',').filter(Boolean);
  const checks = readdirSync(here)
    .filter((name) => name.endsWith('.check.mjs'))
    .filter((name) => !only || only.includes(name.replace(/\.check\.mjs$/, '')))
    // firstrun first: it needs the workspace's first activation (the others reload it).
    .sort((a, b) => Number(b === FIRST) - Number(a === FIRST) || a.localeCompare(b));
  if (checks.length === 0) throw new Error(`no *.check.mjs in ${here}`);
  const failures = [];
  for (const [i, name] of checks.entries()) {
    const started = Date.now();
    const { page } = context;
    try {
      // The workbench may veto the unload for a moment ("pending backups" of an edit an earlier
      // check made): the navigation is then aborted; try again until it goes through.
      if (i > 0) await until(() => page.goto(context.workbenchUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 }).then(() => true), 'the workbench to reload', 120_000);
      await waitForWorkbench(page);
      const { default: check } = await import(pathToFileURL(path.join(here, name)).href);
      if (typeof check !== 'function') throw new Error(`${name} has no default export function`);
      await check(context);
      log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    } catch (error) {
      failures.push(name);
      const shot = path.join(context.screenshotsDir, `${name.replace(/\.check\.mjs$/, '')}-failure.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      log(`✘ ${name}: ${error?.stack ?? error}\n  screenshot: ${shot}`);
    }
  }
  log(`${checks.length - failures.length} of ${checks.length} UI checks passed`);
  if (failures.length > 0) throw new Error(`UI checks failed: ${failures.join(', ')}`);
}
