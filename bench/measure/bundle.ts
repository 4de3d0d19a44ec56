/**
 * What activation has to load, and where Mermaid lives: the sizes of the bundles, built by
 * `npm run build`. The extension's main bundle is the one file activation loads; Mermaid must
 * only be in the webview's bundle (media/dist/diagram.js), which only the webview loads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement, Row } from './types';

const MB = 1024 * 1024;

export const bundleSize: Measurement = {
  id: 'bundle',
  title: 'Bundles: what activation loads',
  async run(context) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: context.root, stdio: 'ignore' });
    const size = (file: string) => statSync(join(context.root, file)).size / MB;
    const extension = readFileSync(join(context.root, 'dist/extension.js'), 'utf8');
    // Mermaid's bundle always carries its own name and its flowchart parser's grammar.
    const mermaidInExtension = /mermaid/i.test(extension) && /flowchart-v2|securityLevel/.test(extension);
    const rows: Row[] = [
      { id: 'bundle.extension', label: 'dist/extension.js (loaded on activation)', value: size('dist/extension.js'), unit: 'MB', target: { max: 2 } },
      { id: 'bundle.extension.mermaid', label: 'Mermaid in the extension bundle (1 = yes)', value: mermaidInExtension ? 1 : 0, unit: 'count', target: { max: 0 } },
      { id: 'bundle.webview', label: 'media/dist/diagram.js (loaded only by the diagram webview; Mermaid)', value: size('media/dist/diagram.js'), unit: 'MB' },
    ];
    const vsix = ['program-briefs-0.1.0.vsix'].map((name) => join(context.root, name)).find(existsSync);
    if (vsix) rows.push({ id: 'bundle.vsix', label: 'the packaged .vsix (npm run package)', value: statSync(vsix).size / MB, unit: 'MB', target: { max: 5 } });
    return rows;
  },
};
