/**
 * What `vscode` resolves to under the core's tsconfig (its `paths`): a module with nothing in
 * it, so any use of the VS Code API in src/core fails to compile (docs/architecture.md).
 * Without the mapping, TypeScript would find @types/vscode in node_modules.
 */
export declare const vscodeIsNotAvailableInSrcCore: unique symbol;
