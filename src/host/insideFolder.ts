/**
 * Whether a real path is a folder or inside it: the one check, for the CLI and the extension,
 * behind "never follow a link out of the workspace" (docs/security.md, guarantee 7). Both
 * arguments are real paths (`fs.realpath`), so links are already resolved.
 */
import { isAbsolute, relative, sep } from 'node:path';

export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
