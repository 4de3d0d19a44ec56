// Tests the packaged extension (the .vsix `npm run package` writes), as a user gets it:
//   1. what is inside: everything the manifest and the code load, nothing else (no sources,
//      tests, maps, node_modules, CLI), the marketplace fields, and its size;
//   2. installed with `code-server --install-extension` into a fresh extensions dir (no
//      development extension) and opened on examples/: it activates and shows the diagnostics,
//      the trees, the diagram and the walkthrough (installed.check.mjs, through the harness).
// Run: npm run test:package (packages first). Alone: [VSIX=file.vsix] npx mocha --no-config
// test/package/install.test.mjs. Screenshots: test-results/screenshots/package-*.png.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { defaultVsixPath, formatBytes, readVsix, REPO_ROOT } from './list-vsix.mjs';

const VSIX = process.env.VSIX ? path.resolve(process.env.VSIX) : defaultVsixPath();
const MAX_BYTES = 5 * 1024 * 1024;

/** What may be in the package, under extension/ (mirrors .vscodeignore). */
const ALLOWED = [
  /^package\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^LICENSE\.txt$/,
  /^dist\/(extension|server|languageServer)\.js$/,
  /^dist\/briefs-config\.schema\.json$/,
  /^media\/icon\.png$/,
  /^media\/icon-activity\.svg$/,
  /^media\/diagram\.css$/,
  /^media\/dist\/diagram\.js$/,
  /^media\/dist\/report\.js$/,
  /^media\/dist\/timeline\.js$/,
  /^media\/walkthrough\/[\w-]+\.md$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^docs\/rules\/[\w-]+\.md$/,
];

/** Files the code (not the manifest) loads from the extension's folder. */
const LOADED_BY_CODE = [
  'dist/server.js', // the language server the client starts (src/extension/client.ts)
  'dist/languageServer.js', // the server's bundle, which dist/server.js runs (src/server/launch.ts)
  'media/dist/diagram.js', // src/extension/diagram/diagramPanel.ts
  'media/diagram.css', // idem
  'media/dist/report.js', // src/extension/report/reportPanel.ts
  'media/dist/timeline.js', // src/extension/timeline/timelinePanel.ts
];

/** Every file path the manifest points at, relative to the extension root. */
function manifestFiles(manifest) {
  const c = manifest.contributes ?? {};
  const local = (p) => (typeof p === 'string' && !/^[a-z][\w+.-]*:/i.test(p) && !p.startsWith('$(') ? path.posix.normalize(p) : undefined);
  return [
    manifest.main,
    manifest.browser,
    manifest.icon,
    ...Object.values(c.viewsContainers ?? {}).flat().map((v) => v.icon),
    ...Object.values(c.views ?? {}).flat().map((v) => v.icon),
    ...(c.commands ?? []).flatMap((cmd) => (typeof cmd.icon === 'object' ? [cmd.icon.light, cmd.icon.dark] : [cmd.icon])),
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.languages ?? []).map((l) => l.configuration),
    ...(c.jsonValidation ?? []).map((j) => j.url),
    ...(c.walkthroughs ?? []).flatMap((w) => w.steps.flatMap((s) => [s.media?.markdown, s.media?.svg, ...[s.media?.image].flat().flatMap((i) => (typeof i === 'object' ? [i?.light, i?.dark, i?.hc] : [i]))])),
  ].map(local).filter(Boolean);
}

describe('the packaged .vsix', function () {
  let vsix;
  let files; // paths under extension/
  let manifest;

  before(function () {
    assert.ok(existsSync(VSIX), `${path.relative(REPO_ROOT, VSIX)} not found: run \`npm run package\` first`);
    vsix = readVsix(VSIX);
    files = vsix.entries.map((e) => e.name).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    manifest = JSON.parse(vsix.read('extension/package.json'));
  });

  it(`is under ${formatBytes(MAX_BYTES)}`, function () {
    const unpacked = vsix.entries.reduce((sum, e) => sum + e.size, 0);
    console.log(`      ${path.basename(VSIX)}: ${formatBytes(vsix.bytes)} (${formatBytes(unpacked)} unpacked, ${vsix.entries.length} files)`);
    assert.ok(vsix.bytes < MAX_BYTES, `${formatBytes(vsix.bytes)}`);
  });

  it('holds only what runs: no sources, tests, maps, node_modules or CLI', function () {
    const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(unexpected, [], 'files the extension never loads');
  });

  it('holds every file the manifest and the code load', function () {
    const needed = [...new Set([...manifestFiles(manifest), ...LOADED_BY_CODE])];
    const missing = needed.filter((f) => !files.includes(f));
    assert.deepEqual(missing, [], 'referenced but not packaged (or not built)');
  });

  it('holds a rule page for every rule the diagnostics link to', function () {
    // src/extension/client.ts: code.target = <extension>/docs/rules/<rule>.md
    const rules = Object.keys(manifest.contributes.configuration.properties['programBriefs.rules'].properties);
    assert.ok(rules.length >= 15, `rules in programBriefs.rules: ${rules.length}`);
    assert.deepEqual(rules.filter((rule) => !files.includes(`docs/rules/${rule}.md`)), []);
  });

  it('holds README, CHANGELOG and LICENSE', function () {
    for (const re of [/^readme\.md$/i, /^changelog\.md$/i, /^LICENSE\.txt$/]) {
      assert.ok(files.some((f) => re.test(f)), `no file matching ${re} (is it in the repo root?)`);
    }
  });

  it('has a marketplace-ready manifest', function () {
    for (const key of ['name', 'publisher', 'displayName', 'description', 'version', 'icon', 'license', 'homepage', 'galleryBanner']) {
      assert.ok(manifest[key], `no ${key}`);
    }
    assert.deepEqual(manifest.repository, { type: 'git', url: 'https://github.com/program-briefs/program-briefs' });
    assert.ok(manifest.bugs?.url, 'no bugs.url');
    assert.ok(manifest.categories?.length > 0 && manifest.keywords?.length > 0, 'categories and keywords');
    const png = vsix.entries.find((e) => e.name === `extension/${manifest.icon}`);
    assert.ok(png && manifest.icon.endsWith('.png'), 'the icon is a packaged PNG (the marketplace rejects SVG icons)');
    const walkthrough = manifest.contributes.walkthroughs?.[0];
    assert.ok(walkthrough, 'no walkthrough');
    const commands = walkthrough.steps.map((s) => s.description.match(/\(command:([\w.]+)/)?.[1]);
    assert.deepEqual(commands, ['programBriefs.newBrief', 'workbench.actions.view.problems', 'programBriefs.showDiagram', 'workbench.view.extension.programBriefs']);
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const id of commands.filter((c) => c.startsWith('programBriefs.'))) assert.ok(declared.has(id), `${id} is not a contributed command`);
  });
});

describe('the .vsix installed into code-server', function () {
  this.timeout(10 * 60_000);
  const screenshots = path.join(REPO_ROOT, 'test-results/screenshots');

  before(function () {
    // Only this run's screenshots count below.
    for (const f of existsSync(screenshots) ? readdirSync(screenshots) : []) {
      if (f.startsWith('package-')) rmSync(path.join(screenshots, f));
    }
  });

  it('activates on examples/ and shows diagnostics, trees, the diagram and the walkthrough', async function () {
    assert.ok(existsSync(VSIX), 'no .vsix');
    const harness = path.join(REPO_ROOT, 'test/harness/run-vscode-tests.mjs');
    const args = [harness, '--vsix', VSIX, '--workspace', path.join(REPO_ROOT, 'examples'), '--playwright', path.join(REPO_ROOT, 'test/package/installed.check.mjs')];
    // The harness starts (and always stops) code-server and Chromium; its output goes to ours.
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    const stop = () => child.kill('SIGTERM'); // the harness's own SIGTERM handler cleans up
    process.once('SIGINT', stop);
    try {
      const code = await new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (status, signal) => resolve(status ?? signal));
      });
      assert.equal(code, 0, 'the harness failed (see its output above)');
    } finally {
      process.removeListener('SIGINT', stop);
    }
    const shots = readdirSync(screenshots).filter((f) => /^package-(?!failure)/.test(f));
    assert.ok(shots.length >= 4, `screenshots: ${shots.join(', ')}`);
  });
});
