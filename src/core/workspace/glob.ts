/**
 * `include` / `exclude` of `briefs.config.json` (spec §3), matched against workspace-relative
 * paths with picomatch. Pure: hosts walk their own file system and ask these predicates.
 *
 * Paths use `/` (a `\` is read as a separator too) and are relative to the workspace root,
 * without a leading `./`. As with picomatch's defaults, `*` and `**` do not match names that
 * start with a dot, so hidden folders are skipped unless a pattern names them (`.github/**`).
 */
import picomatch from 'picomatch';
import type { BriefsConfig } from './config';

export type PathPredicate = (relativePath: string) => boolean;

type Patterns = Pick<BriefsConfig, 'include' | 'exclude'>;

/** Whether a file is to be checked: it matches an `include` pattern and no `exclude` pattern. */
export function createFileFilter(config: Patterns): PathPredicate {
  const included = matcher(config.include);
  const excluded = matcher(config.exclude);
  return (relativePath) => {
    const path = normalizeRelativePath(relativePath);
    return included(path) && !excluded(path);
  };
}

/**
 * Whether a folder walk should enter a directory: false when an `exclude` pattern matches the
 * directory itself (`**\/node_modules/**` matches `node_modules`), so excluded trees are never
 * read. Files inside an entered directory still go through `createFileFilter`.
 */
export function createDirectoryFilter(config: Pick<BriefsConfig, 'exclude'>): PathPredicate {
  const excluded = matcher(config.exclude);
  return (relativePath) => !excluded(normalizeRelativePath(relativePath));
}

/** `a\b/./c.md` → `a/b/c.md`; `./x.md` → `x.md`. */
export function normalizeRelativePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/(^|\/)(?:\.\/)+/g, '$1').replace(/\/+/g, '/');
}

function matcher(patterns: readonly string[]): PathPredicate {
  const valid = patterns.filter((pattern) => pattern.trim() !== '');
  if (valid.length === 0) return () => false;
  return picomatch(valid);
}
