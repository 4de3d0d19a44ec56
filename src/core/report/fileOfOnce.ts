/**
 * A `fileOf` (uri → the file as the user reads it) that works each uri out once: the owners and
 * due lists sort by file, and a sort asks O(n log n) times; the server's `fileOf` parses the uri
 * and makes it relative to its folder, which at 10,000 briefs was most of an answer's time
 * (docs/benchmark.md).
 */
export function fileOfOnce(fileOf: ((uri: string) => string) | undefined): (uri: string) => string {
  if (!fileOf) return (uri) => uri;
  const known = new Map<string, string>();
  return (uri) => {
    let file = known.get(uri);
    if (file === undefined) known.set(uri, (file = fileOf(uri)));
    return file;
  };
}
