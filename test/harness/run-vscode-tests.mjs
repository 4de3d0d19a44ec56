#!/usr/bin/env node
// Runs the extension in a real VS Code (code-server, driven by headless
// Chromium through playwright-core) on a machine that cannot download VS Code.
// See test/harness/README.md for the why; `--help` for the how.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HARNESS_DIR, '../..');
const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(REPO_ROOT, '.cache/code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Read by test/harness/suite-runner.ts inside the extension host, which
// inherits code-server's environment.
const RESULTS_ENV = 'PROGRAM_BRIEFS_TEST_RESULTS';
const GREP_ENV = 'PROGRAM_BRIEFS_TEST_GREP';

const USAGE = `Usage:
  node test/harness/run-vscode-tests.mjs --workspace <dir> --tests <suite/index.js> [options]
  node test/harness/run-vscode-tests.mjs --workspace <dir> --playwright <ui-check.mjs> [options]
  node test/harness/run-vscode-tests.mjs --serve [--workspace <dir>] [--port <n>] [--in-place]
  node test/harness/run-vscode-tests.mjs --vsix <file.vsix> --workspace <dir> --playwright <check.mjs>

Options:
  --workspace <dir>    folder to open (copied to a temp dir first, removed at the end)
  --tests <file>       compiled suite index.js exporting run() (absolute or relative)
  --extension <dir>    extension root (default: repo root)
  --vsix <file>        install this .vsix into the run's extensions dir
                       (code-server --install-extension) and use it as an
                       ordinary installed extension instead of loading
                       --extension as a development extension (not with --tests)
  --playwright <file>  module whose default export gets { page, browser, baseUrl,
                       workbenchUrl, workspaceDir, port, screenshotsDir,
                       userDataDir, extensionsDir }
  --grep <pattern>     only run tests whose full title matches
  --timeout <seconds>  overall limit for the suite (default 300)
  --screenshots <dir>  default: <repo>/test-results/screenshots
  --port <n>           default: a free loopback port
  --serve              start VS Code with the extension and wait for Ctrl-C, SIGTERM
                       or SIGHUP, or for the parent process (npm) to exit; then stop
                       code-server and remove the temp dir (workspace default:
                       <extension>/examples if present)
  --in-place           with --serve: open the workspace folder itself, not a copy
                       (the web editor auto-saves: edits change that folder)
  --state-dir <dir>    keep VS Code's user data (settings, the extensions' storage) in
                       <dir>, across runs, and open the workspace folder itself (not a
                       copy, so that its storage is found again): a second run with the
                       same --workspace and --state-dir is a reopened window
  --restricted         enable Workspace Trust and leave the workspace untrusted
                       (Restricted Mode; default: trust disabled, all trusted)
  --keep               keep the temp dir (logs, workspace copy) even on success`;

// --- small utilities ----------------------------------------------------------

const log = (...args) => console.error('[harness]', ...args);

/**
 * Polls `condition` until it returns a truthy value (returned), throws, or
 * `timeoutMs` passes. Used for every wait: never sleep for a fixed time.
 */
async function waitFor(condition, { timeoutMs, intervalMs = 200, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Asks the kernel for an unused loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function tail(file, lines) {
  try {
    const text = await fs.readFile(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return `(cannot read ${file})`;
  }
}

/** USER_DATA_DIR/logs/<session>/exthost<N>/remoteexthost.log, newest last. */
async function extensionHostLogs(userDataDir) {
  const found = [];
  const logsDir = path.join(userDataDir, 'logs');
  for (const session of await fs.readdir(logsDir).catch(() => [])) {
    for (const sub of await fs.readdir(path.join(logsDir, session)).catch(() => [])) {
      const file = path.join(logsDir, session, sub, 'remoteexthost.log');
      if (sub.startsWith('exthost') && existsSync(file)) found.push(file);
    }
  }
  return found.sort();
}

// --- cleanup --------------------------------------------------------------------

// Everything started registers an undo step here; run once, in reverse order,
// on normal exit, failure, and SIGINT/SIGTERM.
const cleanups = [];
let cleaningUp = null;
function cleanup() {
  cleaningUp ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (err) {
        log('cleanup step failed:', err?.message ?? err);
      }
    }
  })();
  return cleaningUp;
}
// In --serve mode Ctrl-C is the normal way to stop, not a failure.
let serving = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(serving ? 0 : signal === 'SIGINT' ? 130 : 143));
  });
}

/**
 * In --serve mode: stop when the process that started us is gone. `npm start` forwards SIGINT
 * and SIGTERM to its script (whose `exec` makes this process that script), but not SIGHUP, and
 * nothing is forwarded when npm is killed with SIGKILL: then this process is re-parented.
 */
function watchParent() {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    log(`parent process ${parent} exited: stopping`);
    cleanup().finally(() => process.exit(0));
  }, 500);
}

/**
 * XDG base dirs inside the temp dir, so neither code-server (heartbeat,
 * logs, default config) nor Chromium (crash reports, dconf) writes to $HOME.
 */
function xdgDirs(tmp, name) {
  const base = path.join(tmp, 'xdg', name);
  return {
    XDG_CONFIG_HOME: path.join(base, 'config'),
    XDG_DATA_HOME: path.join(base, 'data'),
    XDG_CACHE_HOME: path.join(base, 'cache'),
  };
}

/** Is any process of the group led by `pgid` still alive? */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

// --- code-server ----------------------------------------------------------------

function installCodeServer() {
  const started = Date.now();
  const res = spawnSync('bash', [path.join(HARNESS_DIR, 'install-code-server.sh')], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`install-code-server.sh failed (exit ${res.status ?? res.signal})`);
  log(`code-server ready (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

/** `--state-dir`: VS Code's user data kept across runs (a reopened window), else in the run's temp dir. */
let stateDir;

/** Where a run's code-server keeps its settings, logs and installed extensions. */
function codeServerDirs(tmp) {
  return { userDataDir: stateDir ? path.join(stateDir, 'user-data') : path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions') };
}

function codeServerEnv(tmp, extraEnv = {}) {
  // An empty gallery turns the marketplace off (code-server would otherwise
  // query open-vsx.org): tests must not depend on, or try, the network.
  const env = { EXTENSIONS_GALLERY: '{}', ...process.env, ...xdgDirs(tmp, 'code-server'), ...extraEnv };
  // Launched from a VS Code terminal, VSCODE_IPC_HOOK_CLI would make
  // code-server hand the folder to that editor instead of starting.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_')) delete env[key];
  }
  return env;
}

/**
 * Installs a .vsix into the run's (fresh) extensions dir with code-server's
 * own CLI, as a user would (`code --install-extension`), before the server
 * starts; returns what is then installed (`publisher.name@version`).
 */
function installVsix(tmp, vsix) {
  const { userDataDir, extensionsDir } = codeServerDirs(tmp);
  const run = (...args) => {
    const res = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...args], {
      env: codeServerEnv(tmp),
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (res.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (exit ${res.status ?? res.signal}):\n${res.stdout}${res.stderr}`);
    return res.stdout.trim();
  };
  log(run('--install-extension', vsix));
  const installed = run('--list-extensions', '--show-versions').split('\n').filter(Boolean);
  if (installed.length === 0) throw new Error(`nothing is installed in ${extensionsDir} after --install-extension ${vsix}`);
  return installed;
}

/**
 * Starts code-server in its own process group (detached), so its children
 * (extension host, pty host, file watcher) can be killed together.
 */
async function startCodeServer({ port, tmp, workspace, extraEnv, restricted = false }) {
  const { userDataDir, extensionsDir } = codeServerDirs(tmp);
  await fs.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fs.mkdir(extensionsDir, { recursive: true });
  // Quiet, deterministic workbench: no welcome page, tips, update checks.
  await fs.writeFile(
    path.join(userDataDir, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        // VS Code opens a newly installed extension's walkthrough by itself, at a moment of its
        // choosing: tests open ours when they mean to (the first-run notification's button).
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        // Restricted Mode: trust on, no prompt, nothing trusted (a fresh user-data dir trusts no
        // folder), so the workspace opens untrusted; otherwise trust is off (all trusted).
        ...(restricted
          ? {
              'security.workspace.trust.enabled': true,
              'security.workspace.trust.startupPrompt': 'never',
              'security.workspace.trust.banner': 'never',
              'security.workspace.trust.untrustedFiles': 'open',
              'security.workspace.trust.emptyWindow': false,
            }
          : { 'security.workspace.trust.enabled': false }),
        'git.enabled': false,
      },
      null,
      2,
    ),
  );

  const env = codeServerEnv(tmp, extraEnv);
  const logFile = path.join(tmp, 'code-server.log');
  const out = await fs.open(logFile, 'w');
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(restricted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    // Own config file, so nothing is written to ~/.config/code-server.
    '--config', path.join(tmp, 'code-server.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', out.fd, out.fd] });
  await out.close();
  log(`code-server started (pid ${child.pid}, its own process group)`);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const stop = async () => {
    if (!groupAlive(child.pid)) return;
    process.kill(-child.pid, 'SIGTERM');
    try {
      await waitFor(() => !groupAlive(child.pid), { timeoutMs: 5000, what: 'code-server to stop' });
    } catch {
      log('code-server did not stop on SIGTERM; killing its process group');
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  };
  cleanups.push(stop);
  // Last resort if we die without running cleanup (e.g. an uncaught throw).
  process.on('exit', () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  });

  const server = {
    port,
    userDataDir,
    extensionsDir,
    logFile,
    baseUrl: `http://127.0.0.1:${port}`,
    /** Throws if code-server has died: turns a long wait into a quick failure. */
    assertAlive() {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}`);
    },
  };

  await waitFor(
    async () => {
      server.assertAlive();
      try {
        const res = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
        return res.ok;
      } catch {
        return false;
      }
    },
    { timeoutMs: 60_000, what: `code-server to answer on ${server.baseUrl}` },
  );
  return server;
}

/**
 * The workbench URL. The payload is what `code --extensionDevelopmentPath
 * ... --extensionTestsPath ...` passes; the paths are on the "remote" side,
 * i.e. the code-server machine, hence the vscode-remote:// URIs whose
 * authority must be the host:port the page was loaded from.
 */
function workbenchUrl(server, { workspace, extensionRoot, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  // No extensionRoot (--vsix): only the installed extensions load.
  if (extensionRoot) payload.push(['extensionDevelopmentPath', remote(extensionRoot)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const query = new URLSearchParams({ folder: workspace, ...(payload.length > 0 && { payload: JSON.stringify(payload) }) });
  return `${server.baseUrl}/?${query}`;
}

// --- browser --------------------------------------------------------------------

async function launchBrowser(tmp) {
  // Resolved from the repo, where playwright-core is a devDependency.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, ...xdgDirs(tmp, 'chromium') },
    // launch() always starts from a fresh throwaway profile of its own.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--headless',
      // Only loopback resolves: nothing in the page reaches out (fonts,
      // CDNs, telemetry); such requests fail fast and show in the console log.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  cleanups.push(() => Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000).unref())]));
  const consoleLog = path.join(tmp, 'browser-console.log');
  return { browser, consoleLog };
}

/** A fresh context (own storage) with the workbench loaded. */
async function openWorkbench({ browser, consoleLog }, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const record = (line) => fs.appendFile(consoleLog, line + '\n').catch(() => {});
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') record(`[${msg.type()}] ${msg.text()}`);
  });
  page.on('pageerror', (err) => record(`[pageerror] ${err.stack ?? err}`));
  page.on('requestfailed', (req) => record(`[requestfailed] ${req.url()} ${req.failure()?.errorText ?? ''}`));
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').first().waitFor({ state: 'attached', timeout: 60_000 });
  return { context, page, isCrashed: () => crashed };
}

// --- modes ------------------------------------------------------------------------

async function runSuite({ server, browserInfo, workspace, extensionRoot, testsPath, resultsPath, timeoutMs }) {
  const started = Date.now();
  const url = workbenchUrl(server, { workspace, extensionRoot, testsPath });
  const { context, isCrashed } = await openWorkbench(browserInfo, url);
  try {
    await waitFor(
      async () => {
        if (existsSync(resultsPath)) return true;
        server.assertAlive();
        if (isCrashed()) throw new Error('the workbench page crashed');
        // When run() is done (or could not even be loaded) the workbench
        // shuts the extension host down. Results are written (atomically)
        // before that, so an exit without them means the suite never
        // reported: fail now instead of at the timeout.
        if ((await fs.readFile(server.logFile, 'utf8')).includes('Extension Host Process exited')) {
          if (existsSync(resultsPath)) return true;
          throw new Error(
            'the extension host exited without writing results: did the suite index fail to load, ' +
              'or does its run() not call runMochaSuite? (see the extension host log below)',
          );
        }
        return false;
      },
      { timeoutMs, intervalMs: 250, what: `test results in ${resultsPath}` },
    );
  } finally {
    await context.close().catch(() => {});
  }
  const results = JSON.parse(await fs.readFile(resultsPath, 'utf8'));
  console.log(results.output.trimEnd());
  if (results.failures.length) {
    console.log('\nFailures:');
    results.failures.forEach((f, i) => console.log(`  ${i + 1}) ${f.title}\n${indent(f.error, 6)}`));
  }
  log(`suite finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return results;
}

const indent = (text, n) => text.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

async function runPlaywright({ server, browserInfo, workspace, extensionRoot, modulePath, screenshotsDir }) {
  const { default: check } = await import(pathToFileURL(modulePath).href);
  if (typeof check !== 'function') throw new Error(`${modulePath} has no default export function`);
  await fs.mkdir(screenshotsDir, { recursive: true });
  const url = workbenchUrl(server, { workspace, extensionRoot });
  const { context, page } = await openWorkbench(browserInfo, url);
  try {
    await check({
      page,
      browser: browserInfo.browser,
      baseUrl: server.baseUrl,
      workbenchUrl: url,
      workspaceDir: workspace,
      port: server.port,
      screenshotsDir,
      userDataDir: server.userDataDir,
      extensionsDir: server.extensionsDir,
    });
  } catch (err) {
    // Keep what the page looked like when the check failed.
    const shot = path.join(screenshotsDir, 'failure.png');
    await page.screenshot({ path: shot }).catch(() => {});
    log(`playwright check failed; screenshot at ${shot}`);
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

async function printDiagnostics(server, browserInfo) {
  if (server) {
    for (const file of await extensionHostLogs(server.userDataDir)) {
      console.error(`\n--- tail of ${file} ---\n${await tail(file, 60)}`);
    }
    console.error(`\n--- tail of ${server.logFile} ---\n${await tail(server.logFile, 30)}`);
  }
  if (browserInfo && existsSync(browserInfo.consoleLog)) {
    console.error(`\n--- tail of ${browserInfo.consoleLog} ---\n${await tail(browserInfo.consoleLog, 30)}`);
  }
}

/** The extension's examples/ folder when it has one: something to look at. */
function defaultServeWorkspace(extensionRoot) {
  const examples = path.join(extensionRoot, 'examples');
  return existsSync(examples) ? examples : extensionRoot;
}

async function main() {
  const { values: opts } = parseArgs({
    options: {
      workspace: { type: 'string' },
      tests: { type: 'string' },
      extension: { type: 'string' },
      vsix: { type: 'string' },
      playwright: { type: 'string' },
      grep: { type: 'string' },
      timeout: { type: 'string' },
      screenshots: { type: 'string' },
      port: { type: 'string' },
      serve: { type: 'boolean' },
      'in-place': { type: 'boolean' },
      'state-dir': { type: 'string' },
      restricted: { type: 'boolean' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const abs = (p) => (p ? path.resolve(p) : undefined);
  const vsix = abs(opts.vsix);
  if (vsix && opts.tests) {
    console.error('--vsix cannot be combined with --tests (a suite needs the development extension)');
    return 2;
  }
  const extensionRoot = abs(opts.extension) ?? REPO_ROOT;
  const testsPath = abs(opts.tests);
  const playwrightModule = abs(opts.playwright);
  const workspaceSrc = abs(opts.workspace) ?? (opts.serve ? defaultServeWorkspace(extensionRoot) : undefined);
  if (!workspaceSrc || (!opts.serve && !testsPath && !playwrightModule)) {
    console.error(USAGE);
    return 2;
  }
  for (const p of [workspaceSrc, extensionRoot, testsPath, playwrightModule, vsix]) {
    if (p && !existsSync(p)) throw new Error(`not found: ${p}`);
  }

  installCodeServer();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vscode-harness-'));
  let keepTmp = Boolean(opts.keep);
  cleanups.push(async () => {
    if (keepTmp) log(`kept ${tmp}`);
    else await fs.rm(tmp, { recursive: true, force: true });
  });

  // Loaded as a development extension, unless --vsix installs one instead.
  const devExtension = vsix ? undefined : extensionRoot;

  const port = opts.port ? Number(opts.port) : await freePort();
  const resultsPath = path.join(tmp, 'results.json');
  // Tests mutate files: give them a copy. So does --serve (the web editor auto-saves, so one
  // quick fix would change the repository's examples/), unless --in-place asks for the folder.
  const copyWorkspace = async (name) => {
    const dest = path.join(tmp, name);
    await fs.cp(workspaceSrc, dest, { recursive: true });
    return dest;
  };
  stateDir = opts['state-dir'] ? path.resolve(opts['state-dir']) : undefined;
  const inPlace = Boolean((opts.serve && opts['in-place']) || stateDir);
  const workspace = inPlace ? workspaceSrc : await copyWorkspace(opts.serve ? path.basename(workspaceSrc) : 'workspace');

  let server;
  let browserInfo;
  try {
    if (vsix) log(`installed ${installVsix(tmp, vsix).join(', ')} from ${vsix}`);
    server = await startCodeServer({
      port,
      tmp,
      workspace,
      extraEnv: { [RESULTS_ENV]: resultsPath, ...(opts.grep ? { [GREP_ENV]: opts.grep } : {}) },
      restricted: Boolean(opts.restricted),
    });
    if (opts.restricted) log('Restricted Mode: workspace trust enabled, the workspace is not trusted');

    if (opts.serve) {
      serving = true;
      const what = vsix ? `${path.basename(vsix)} installed` : `the extension from ${extensionRoot}`;
      console.log(`\nVS Code with ${what}:\n\n  ${workbenchUrl(server, { workspace, extensionRoot: devExtension })}\n`);
      console.log(inPlace
        ? `Serving ${workspace} itself (--in-place): edits change it.`
        : `Serving a copy of ${workspaceSrc} in ${workspace}: edits there are discarded when this stops (--in-place serves the folder itself).`);
      watchParent();
      console.log(vsix ? 'Ctrl-C to stop.' : 'Reload the window (Developer: Reload Window) after rebuilding the extension. Ctrl-C to stop.');
      await new Promise(() => {}); // until a signal runs cleanup and exits
    }

    browserInfo = await launchBrowser(tmp);
    let failed = 0;
    if (testsPath) {
      const timeoutMs = Number(opts.timeout ?? 300) * 1000;
      const results = await runSuite({ server, browserInfo, workspace, extensionRoot, testsPath, resultsPath, timeoutMs });
      failed += results.failed;
      // The plain summary line CI reads.
      console.log(`${results.passed} passed, ${results.failed} failed` + (results.pending ? `, ${results.pending} skipped` : ''));
    }
    if (playwrightModule) {
      const screenshotsDir = abs(opts.screenshots) ?? path.join(REPO_ROOT, 'test-results/screenshots');
      // A workspace untouched by the suite above.
      const uiWorkspace = testsPath ? await copyWorkspace('workspace-ui') : workspace;
      await runPlaywright({ server, browserInfo, workspace: uiWorkspace, extensionRoot: devExtension, modulePath: playwrightModule, screenshotsDir });
      log(`playwright check passed (screenshots in ${screenshotsDir})`);
    }
    if (failed) {
      keepTmp = true;
      await printDiagnostics(server, browserInfo);
    }
    return failed ? 1 : 0;
  } catch (err) {
    keepTmp = true;
    console.error(`\n[harness] FAILED: ${err?.stack ?? err}`);
    await printDiagnostics(server, browserInfo);
    return 1;
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  console.error(`[harness] ${err?.stack ?? err}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
