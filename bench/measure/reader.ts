/**
 * Which reader read each brief's body (issue 15): the fast scanner (src/core/parse/fastBody.ts)
 * or remark, over every `.md` file of the workspace, in this process; and how long parsing all of
 * them takes both ways (the default, fast where it can, and remark for every file), one pass each
 * (the first includes warming up, so it errs on the slow side). The fast reader's share is what makes a cold lint cheap or not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseBrief } from '../../src/core/parse/parseBrief';
import type { Measurement, Row } from './types';
import { fmt } from './util';

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, out);
    else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}

export const reader: Measurement = {
  id: 'reader',
  title: 'Body readers: the fast scanner or remark (in-process)',
  async run(context) {
    const files = markdownFiles(context.workspaceDir).sort().map((path) => ({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }));
    const counts = { fast: 0, remark: 0, skipped: 0 };
    const parseAll = (fast: boolean, count: boolean) => {
      const started = performance.now();
      for (const file of files) parseBrief(file.uri, file.text, { fast, onBodyRead: count ? (which) => counts[which]++ : undefined });
      return performance.now() - started;
    };
    const fastMs = parseAll(true, true);
    const remarkMs = parseAll(false, false);
    const read = counts.fast + counts.remark;
    context.log(`  ${counts.fast} bodies read by the fast scanner, ${counts.remark} by remark, ${counts.skipped} not read; parse ${fmt(fastMs, 0)} ms (remark for all: ${fmt(remarkMs, 0)} ms)`);
    const rows: Row[] = [
      { id: 'reader.fast', label: 'bodies read by the fast scanner', value: counts.fast, unit: 'count', note: read > 0 ? `${fmt((100 * counts.fast) / read, 1)}% of ${read}` : undefined },
      { id: 'reader.remark', label: 'bodies given to remark', value: counts.remark, unit: 'count', note: counts.skipped > 0 ? `${counts.skipped} not read (body-skipped)` : undefined },
      { id: 'reader.parseMs', label: `parse every file, fast readers where they can (${files.length} files, 1 thread)`, value: fastMs, unit: 'ms' },
      { id: 'reader.remarkMs', label: 'parse every file with yaml and remark only', value: remarkMs, unit: 'ms' },
    ];
    return rows;
  },
};
