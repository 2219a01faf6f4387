import { cellText } from '../../../shared/display/cell-text';

const maxDepth = 8;
const maxPaths = 600;

/**
 * A record as `path → shown value` pairs (`requestParameters.userName → "bob"`), for comparing
 * events side by side. Depth and count are bounded: records are untrusted and may be huge.
 */
export function flattenRecord(value: unknown, into = new Map<string, string>(), prefix = '', depth = 0): Map<string, string> {
  if (into.size >= maxPaths) return into;
  if (value === null || typeof value !== 'object') {
    into.set(prefix || '(value)', cellText(typeof value === 'string' ? value : JSON.stringify(value) ?? String(value), 300));
    return into;
  }
  if (depth >= maxDepth) {
    into.set(prefix, '⟨deeper — see the raw record⟩');
    return into;
  }
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) into.set(prefix || '(value)', Array.isArray(value) ? '[]' : '{}');
  for (const [key, child] of entries) flattenRecord(child, into, prefix ? `${prefix}.${key}` : key, depth + 1);
  return into;
}

/** The union of paths of several flattened records, with whether their values differ. */
export function compareRows(flat: ReadonlyArray<Map<string, string>>): Array<{ path: string; values: Array<string | undefined>; differs: boolean }> {
  const paths = [...new Set(flat.flatMap((map) => [...map.keys()]))].sort();
  return paths.map((path) => {
    const values = flat.map((map) => map.get(path));
    return { path, values, differs: values.some((v) => v !== values[0]) };
  });
}
