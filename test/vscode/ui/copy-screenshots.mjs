// Copies the README's screenshots, taken by the UI checks of `npm test`, from
// test-results/screenshots/ into docs/images/ (committed, so the README and the .vsix show them).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const from = join(root, 'test-results', 'screenshots');
const to = join(root, 'docs', 'images');
/** README image ← screenshot of a UI check. */
const pictures = {
  'problems.png': 'problems.png',
  'views.png': 'package-views.png',
  'diagram.png': 'package-diagram.png',
  'diagram-dark.png': 'diagram-dark.png',
  'diagram-light.png': 'diagram-light.png',
  'diagram-hc.png': 'diagram-hc.png',
  'quick-fix.png': 'quick-fix.png',
  'new-brief.png': 'new-brief-snippet.png',
  'checklist-nested.png': 'checklist-nested.png',
  'first-run.png': 'first-run.png',
  'status-bar.png': 'status-bar.png',
  'people.png': 'people.png', // test/vscode/ui/peopledue.check.mjs
  'due.png': 'due.png',
  'report.png': 'report.png', // test/unit/cli/report.test.ts (brief report --format html in Chromium)
  'report-webview.png': 'report-webview-light.png', // test/vscode/ui/report.check.mjs (Program Briefs: Status Report)
};
mkdirSync(to, { recursive: true });
let missing = 0;
for (const [image, screenshot] of Object.entries(pictures)) {
  const source = join(from, screenshot);
  if (!existsSync(source)) {
    console.error(`missing ${source}: run npm test (or the UI check that takes it) first`);
    missing++;
    continue;
  }
  copyFileSync(source, join(to, image));
  console.log(`docs/images/${image} <- test-results/screenshots/${screenshot}`);
}
process.exit(missing > 0 ? 1 : 0);
