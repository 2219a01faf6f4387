/**
 * Splits a URL query string into its parameters. A small parser of our own because `shared/`
 * has no URLSearchParams (no DOM, no Node). Keys are kept in a Map, so `__proto__` is just a key;
 * a key given twice keeps its first value; text that does not decode is dropped.
 */
export function parseQueryString(input: string): Map<string, string> {
  const params = new Map<string, string>();
  const queryStart = input.indexOf('?');
  const query = queryStart >= 0 ? input.slice(queryStart + 1) : input;
  for (const part of query.split('#')[0]!.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq >= 0 ? part.slice(0, eq) : part;
    const rawValue = eq >= 0 ? part.slice(eq + 1) : '';
    try {
      const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
      if (!params.has(key)) params.set(key, value);
    } catch {
      // Malformed percent-encoding: the parameter is ignored, like any other invalid input.
    }
  }
  return params;
}
