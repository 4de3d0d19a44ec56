/**
 * A stand-in for `brief lint <folder> --format json`: the benchmark times it when dist/cli.js is
 * missing (it was, before the CLI was written), and with `--standin`, to separate the cost of the
 * core from the cost of the CLI around it. It does what the CLI does in the simplest way: find the
 * `.md` files, read them, index them in a BriefWorkspace, lint every brief, print the JSON report.
 *
 *   node bench/.workspace/.build/standin-cli.js lint <folder> --format json
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { BriefWorkspace, lintWorkspace, type Diagnostic } from '../src/core';
import { folderConfig, markdownFilesIn } from './measure/folder';

function main(argv: string[]): number {
  const [command, folder = '.'] = argv;
  if (command !== 'lint') {
    process.stderr.write('usage: standin-cli lint <folder> --format json\n');
    return 2;
  }
  const config = folderConfig(folder);
  const files = markdownFilesIn(folder);
  const workspace = new BriefWorkspace();
  for (const file of files) workspace.setText(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  const results = lintWorkspace(workspace, { config });
  const diagnostics: (Omit<Diagnostic, 'uri' | 'data'> & { file: string })[] = [];
  let errors = 0;
  for (const [uri, list] of results) {
    const file = relative(process.cwd(), fileURLToPath(uri)).split(sep).join('/');
    for (const { uri: _uri, data: _data, ...rest } of list) {
      diagnostics.push({ file, ...rest });
      if (rest.severity === 'error') errors++;
    }
  }
  process.stdout.write(`${JSON.stringify({ version: 1, briefs: workspace.briefs().length, diagnostics })}\n`);
  return errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
}
