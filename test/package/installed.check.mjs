// What a user sees after installing the packaged .vsix (no development extension): the
// harness (run with --vsix) installed it into code-server's extensions dir and opened a copy
// of examples/. Checks that the extension activates from its installed location and shows the
// diagnostics in the Problems panel, the Programs and Checklist trees, the diagram webview and
// the getting-started walkthrough. Screenshots: test-results/screenshots/package-*.png.
// Every wait is on a condition (page or log), never a fixed sleep.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findCommand, runCommand, until, waitForWorkbench, showProgramBriefs } from '../vscode/ui/workbench.mjs';

const EXTENSION_ID = 'program-briefs.program-briefs';
const log = (...args) => console.error('[package]', ...args);

/** The text of every extension host log of this run (USER_DATA_DIR/logs/<session>/exthost<N>/remoteexthost.log). */
function extensionHostLog(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  let text = '';
  for (const session of existsSync(logs) ? readdirSync(logs) : []) {
    for (const sub of readdirSync(path.join(logs, session))) {
      const file = path.join(logs, session, sub, 'remoteexthost.log');
      if (sub.startsWith('exthost') && existsSync(file)) text += readFileSync(file, 'utf8');
    }
  }
  return text;
}

export default async ({ page, screenshotsDir, userDataDir, extensionsDir }) => {
  const shot = (name) => page.screenshot({ path: path.join(screenshotsDir, `package-${name}.png`) });
  const checks = [];
  const step = async (name, body) => {
    const started = Date.now();
    try {
      await body();
    } catch (error) {
      // Own name: the harness's failure.png is shared with other runs.
      await shot('failure').catch(() => {});
      log(`✘ ${name} (screenshot: package-failure.png)`);
      throw error;
    }
    checks.push(name);
    log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  };

  await waitForWorkbench(page);

  await step('the extension is installed, not loaded for development', async () => {
    const installed = readdirSync(extensionsDir).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
    if (installed.length !== 1) throw new Error(`expected one ${EXTENSION_ID}-<version> folder in ${extensionsDir}, found: ${readdirSync(extensionsDir).join(', ')}`);
    if (page.url().includes('extensionDevelopmentPath')) throw new Error(`the workbench was opened with a development extension: ${page.url()}`);
  });

  await step('activates on the workspace (extension host log)', async () => {
    const activated = await until(async () => extensionHostLog(userDataDir).split('\n').find((line) => line.includes(`ExtensionService#_doActivateExtension ${EXTENSION_ID}`)), `${EXTENSION_ID} to activate`, 60_000);
    log(`  ${activated.replace(/^.*ExtensionService#_doActivateExtension /, '')}`);
    const errors = extensionHostLog(userDataDir).split('\n').filter((line) => /\[error\]/.test(line) && line.includes(EXTENSION_ID));
    if (errors.length > 0) throw new Error(`errors from the extension in the extension host log:\n${errors.join('\n')}`);
  });

  await step('the first run reveals the Program Briefs view and offers the walkthrough', async () => {
    await page.locator('.part.sidebar .pane-header .title', { hasText: /^Programs$/i }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Program Briefs found 8 briefs' }).first();
    await toast.getByRole('button', { name: 'Open Walkthrough' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.part.statusbar .statusbar-item', { hasText: '8 programs · 1 error · 1 overdue' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // Out of the screenshots below (the README's).
    await runCommand(page, 'Notifications: Clear All Notifications');
    await toast.waitFor({ state: 'hidden' });
  });

  await step('Problems panel lists the examples\' diagnostics', async () => {
    await runCommand(page, 'View: Focus Problems');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible' });
    const row = (text) => panel.locator('.monaco-list-row', { hasText: text }).first();
    // The one error of examples/: billing-core depends on a program no brief defines.
    const unknown = row('names program `vendor-portal`, which no brief in the workspace defines');
    await unknown.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await unknown.innerText();
    if (!/dependency-unknown/.test(text)) throw new Error(`expected the rule code in the row, got: ${text}`);
    await row('Milestone `mfa-enforced` has no owner').waitFor({ state: 'visible' });
    await shot('problems');
  });

  await step('Programs and Checklist views list the programs', async () => {
    await showProgramBriefs(page);
    const sidebar = page.locator('.part.sidebar');
    const pane = (title) => sidebar.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
    const programs = pane('Programs');
    const checklist = pane('Checklist');
    // A program row shows its title.
    await programs.locator('.monaco-list-row', { hasText: 'Payments platform v2' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await checklist.locator('.monaco-list-row', { hasText: 'payments-v2' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await shot('views');
  });

  await step('the diagram webview renders an SVG', async () => {
    await runCommand(page, 'Program Briefs: Show Dependency Diagram');
    // The webview's content is a nested iframe: find the frame whose document holds the diagram.
    const frame = await until(async () => {
      for (const candidate of page.frames()) {
        if (candidate.isDetached()) continue;
        if ((await candidate.locator('#app svg g.pb-node').count()) > 0) return candidate;
      }
      return undefined;
    }, 'the diagram webview to draw', 60_000);
    // No brief is open: the whole workspace, every program of examples/ among the nodes.
    await until(async () => {
      const ids = await frame.locator('svg g.pb-node').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-id')));
      return ['payments-v2', 'billing-core', 'identity-sso', 'k8s-migration'].every((id) => ids.includes(id));
    }, 'the programs of examples/ in the diagram');
    await shot('diagram');
  });

  await step('the getting-started walkthrough opens with its four steps', async () => {
    // Room for the steps and their media: no panel, no side bar.
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'View: Close Primary Side Bar');
    // Not runCommand(): this command's quick pick is followed at once by a second one, which
    // lists the walkthroughs of every extension. findCommand tries the palette again when a
    // webview's frame had the keyboard (the diagram's, just before: a CI run's palette closed
    // at once).
    await findCommand(page, 'Welcome: Open Walkthrough...');
    await page.keyboard.press('Enter');
    const choice = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Program Briefs' }).first();
    await choice.waitFor({ state: 'visible' });
    await choice.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const walkthrough = page.locator('.gettingStartedContainer');
    for (const title of ['Create your first brief', 'See what the linter finds', 'Open the dependency diagram', 'Tick off a checklist item']) {
      await walkthrough.getByText(title, { exact: true }).first().waitFor({ state: 'attached', timeout: 30_000 });
    }
    // The first step's media (media/walkthrough/create-brief.md) renders in a webview laid over
    // the media area: wait until that webview is shown there, with the page's text inside.
    const media = await page.locator('.getting-started-media').filter({ visible: true }).first().boundingBox();
    await until(async () => {
      for (const iframe of await page.locator('iframe.webview.ready').filter({ visible: true }).all()) {
        const box = await iframe.boundingBox();
        if (!box || Math.abs(box.x - media.x) > 2 || Math.abs(box.y - media.y) > 2) continue;
        const content = await (await iframe.elementHandle())?.contentFrame();
        for (const frame of content ? [content, ...content.childFrames()] : []) {
          if (await frame.getByText('A brief is one Markdown file per program').first().isVisible()) return true;
        }
      }
      return false;
    }, 'the walkthrough step\'s Markdown media');
    await shot('walkthrough');
  });

  log(`${checks.length} checks passed`);
};
