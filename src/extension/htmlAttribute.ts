/**
 * A value for a double-quoted HTML attribute of a webview page the extension writes (a script or
 * style uri): `&`, `"` and `<` escaped. The webview pages (diagram, report, timeline) share it.
 */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
