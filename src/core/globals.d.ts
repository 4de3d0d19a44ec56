/**
 * The two WHATWG globals the core uses, which Node, browsers and VS Code's hosts all have. They
 * are declared here, and only for the core's own tsconfig (src/core/tsconfig.json,
 * `types: []`), which leaves out both Node's types and the DOM's. That way no core file can
 * import `node:*` or `vscode`, or touch `process`, `Buffer` or `document` (docs/architecture.md).
 * The root tsconfig excludes this file, because there Node's types declare these globals.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
}
