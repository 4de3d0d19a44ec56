/** Small text helpers every surface shares (one of each). */

/** "1 brief", "3 briefs", "0 briefs"; `noun` is singular, and `info` stays `info`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 || noun === 'info' ? '' : 's'}`;
}

/** Ids, paths and other workspace strings in a stable order (code units, as the JSON outputs sort), not the locale's. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const BOM = '\uFEFF';

/** Editors hide a byte order mark; the core sees text the way the editor does. */
export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}
