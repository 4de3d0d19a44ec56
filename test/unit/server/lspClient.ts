/**
 * A minimal LSP client for the protocol tests: starts `node dist/cli.js lsp --stdio` as a real
 * child process, speaks JSON-RPC over its pipes (vscode-jsonrpc, the library VS Code's client
 * uses), keeps every published diagnostic, answers `workspace/configuration` from a settings
 * function, and records what the server registered. Waits are for conditions, with a deadline.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams, Registration } from 'vscode-languageserver-protocol';
import { removeTempFolders } from './workspaces';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface ClientOptions {
  folders: string[];
  capabilities?: ClientCapabilities;
  /** What `workspace/configuration` answers for a scope uri (default: nothing set). */
  settings?: (scopeUri: string | undefined) => unknown;
  initializationOptions?: unknown;
  /** More environment for the server process. */
  env?: Record<string, string>;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
  textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
};

export class LspTestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publish, in order (uri and count), to tell "published empty" from "never published". */
  readonly publishes: { uri: string; count: number }[] = [];
  readonly registrations: Registration[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  /** Every other notification from the server (the custom ones), in order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  initializeResult?: InitializeResult;
  stderr = '';
  private readonly publishWaiters: { uri: string; resolve: () => void }[] = [];
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  private constructor(readonly process: ChildProcessWithoutNullStreams, readonly connection: MessageConnection) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve((this.exitCode = code))));
    process.stderr.on('data', (chunk) => (this.stderr += String(chunk)));
  }

  static async start(options: ClientOptions): Promise<LspTestClient> {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: options.folders[0], stdio: 'pipe', env: { PATH: process.env.PATH ?? '', ...options.env } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params.diagnostics);
      client.publishes.push({ uri: params.uri, count: params.diagnostics.length });
      for (const waiter of client.publishWaiters.splice(0)) {
        if (waiter.uri === params.uri) waiter.resolve();
        else client.publishWaiters.push(waiter);
      }
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => client.logs.push(params.message));
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => client.messages.push(params));
    connection.onNotification('$/progress', (params: unknown) => client.progress.push(params));
    connection.onNotification((method: string, params: unknown) => client.notifications.push({ method, params }));
    connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      client.messages.push(params);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => options.settings?.(item.scopeUri) ?? null));
    connection.listen();
    const folders = options.folders.map((folder, i) => ({ uri: pathToFileURL(folder).href, name: `folder${i}` }));
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      ...(options.initializationOptions !== undefined && { initializationOptions: options.initializationOptions }),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Waits until `condition` holds (polled every 20 ms), or fails after `timeoutMs` saying what it waited for. */
  async waitFor<T>(condition: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = condition();
      if (value) return value;
      if (this.exitCode !== undefined) throw new Error(`the server exited (${this.exitCode}) while waiting for ${what}; stderr: ${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; logs: ${this.logs.slice(-5).join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Resolves at the next publish for `uri`, as soon as it arrives (no polling: the benchmark
   * times keystroke-to-diagnostics with it). Call it before sending what causes the publish.
   */
  nextPublish(uri: string, timeoutMs = 30_000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.publishWaiters.push({ uri, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  /** Rules of the diagnostics published for a uri (sorted), once published. */
  rulesOf(uri: string): string[] | undefined {
    return this.diagnostics.get(uri)?.map((d) => String(d.code)).sort();
  }

  /** `shutdown` then `exit`, as a client does; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    if (this.exitCode === undefined) {
      await this.request('shutdown', null).catch(() => undefined);
      await this.notify('exit', null).catch(() => undefined);
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    const code = await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}

/**
 * The hooks every server suite needs, registered in the calling `describe`: the CLI is built
 * once, the clients a test starts are stopped after it, and the temporary folders go at the end.
 * Returns `start`, which starts a client and keeps it for that clean-up.
 */
export function useLspClients(): (options: ClientOptions) => Promise<LspTestClient> {
  const clients: LspTestClient[] = [];
  before(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.stop();
  });
  after(() => {
    removeTempFolders();
  });
  return async (options) => {
    const client = await LspTestClient.start(options);
    clients.push(client);
    return client;
  };
}
