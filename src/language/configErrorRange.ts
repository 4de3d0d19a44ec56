/**
 * Where in `briefs.config.json` a config error points, so the broken file gets a diagnostic on
 * the right line. Pure (no vscode): works on the file's text and the error's message.
 */
import { LineIndex, type Range, withoutBom } from '../core';

export function configErrorRange(text: string, message: string): Range {
  const lines = new LineIndex(withoutBom(text));
  const body = lines.text;
  // JSON syntax errors: Node names the offset ("... at position 42 (line 3 column 5)").
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const offset = Math.min(Number(position[1]), body.length);
    return lines.rangeOf(offset, Math.min(body.length, offset + 1));
  }
  if (/Unexpected end of JSON input/.test(message)) {
    const end = lines.positionAt(body.length);
    return { start: end, end };
  }
  // Validation errors name a key path (`rules.foo`) or unknown keys/rules in backticks.
  const names = [...message.matchAll(/`([^`]+)`/g)].map((m) => m[1].split('.').pop() ?? m[1]);
  for (const name of names) {
    const at = body.indexOf(JSON.stringify(name));
    if (at >= 0) return lines.rangeOf(at, at + JSON.stringify(name).length);
  }
  return lines.lineRange(0);
}
