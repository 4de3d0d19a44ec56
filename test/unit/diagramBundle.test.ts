/**
 * Mermaid (with DOMPurify, d3, dagre…) belongs to the webview bundle only: the extension host
 * generates Mermaid text and never loads the library. Checked on what esbuild bundles.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const BROWSER_ONLY = /node_modules\/(mermaid|dompurify|d3[^/]*|dagre[^/]*|cytoscape[^/]*|katex|khroma|roughjs)\//;

async function inputsOf(entry: string, platform: 'node' | 'browser'): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)], bundle: true, platform, format: platform === 'node' ? 'cjs' : 'iife',
    external: ['vscode'], write: false, metafile: true, logLevel: 'silent', outdir: path.join(ROOT, 'dist-unused'),
  });
  return Object.keys(result.metafile.inputs);
}

describe('diagram bundles', function () {
  this.timeout(60_000);

  it('the extension host never bundles Mermaid or its browser dependencies', async () => {
    for (const entry of ['src/extension/diagram/index.ts', 'src/extension/extension.ts']) {
      const offending = (await inputsOf(entry, 'node')).filter((input) => BROWSER_ONLY.test(input));
      assert.deepEqual(offending, [], `${entry} pulls in ${offending.slice(0, 5).join(', ')}`);
    }
  });

  it('the webview bundle carries Mermaid itself (nothing is fetched at run time)', async () => {
    const inputs = await inputsOf('src/webview/main.ts', 'browser');
    assert.ok(inputs.some((input) => /node_modules\/mermaid\//.test(input)));
    assert.ok(inputs.some((input) => /node_modules\/dompurify\//.test(input)), 'DOMPurify, which strict mode uses');
  });
});
