/** Reading a generated workspace folder the way the CLI does, for the in-process measurements and tools. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeConfig, parseConfig, RULE_IDS, type BriefsConfig, type ConfigOverrides } from '../../src/core';

/** Every `.md` file under `folder` (skipping node_modules and hidden folders), sorted. */
export function markdownFilesIn(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(path);
    }
  };
  walk(folder);
  return out.sort();
}

/** The folder's `briefs.config.json` merged over the defaults (and `extra`); the defaults when there is none. */
export function folderConfig(folder: string, extra?: ConfigOverrides): BriefsConfig {
  let text: string | undefined;
  try {
    text = readFileSync(join(folder, 'briefs.config.json'), 'utf8');
  } catch {
    text = undefined;
  }
  return mergeConfig(text === undefined ? undefined : parseConfig(text, 'briefs.config.json', RULE_IDS), extra);
}
