import { visibleText } from '../../../shared/display/visible-text';

/** How deep the detail tree goes; below that the raw JSON is the way to look. */
export const maxTreeDepth = 12;
/** Strings longer than this are cut in the tree (the raw view has them whole). */
const maxTreeString = 2000;
const maxChildren = 500;

/** Values CloudTrail writes in place of parameters it chose not to record. */
export const omittedMarkers = ['HIDDEN_DUE_TO_SECURITY_REASONS', '<sensitiveDataRemoved>'];

/**
 * A copy of untrusted JSON that is safe and quick to show as a tree: keys and strings with
 * hidden characters made visible and long strings cut, at most `maxTreeDepth` levels and 500
 * children per level (the rest is summarised). Built with Object.fromEntries, so a `__proto__`
 * key stays a plain key and pollutes nothing.
 */
export function inertJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    if (omittedMarkers.includes(value)) return `⟨omitted by CloudTrail: ${value}⟩`;
    const cut = value.length > maxTreeString ? `${value.slice(0, maxTreeString)}… (${value.length} characters; see raw)` : value;
    return visibleText(cut);
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxTreeDepth) return `⟨nested deeper than ${maxTreeDepth} levels — see the raw record⟩`;
  if (Array.isArray(value)) {
    const items = value.slice(0, maxChildren).map((item) => inertJson(item, depth + 1));
    if (value.length > maxChildren) items.push(`⟨${value.length - maxChildren} more items — see the raw record⟩`);
    return items;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const shown = entries.slice(0, maxChildren).map(([key, child]) => [visibleText(key), inertJson(child, depth + 1)] as const);
  if (entries.length > maxChildren) shown.push(['⟨more⟩', `${entries.length - maxChildren} more keys — see the raw record`]);
  return Object.fromEntries(shown);
}

/** The record as pretty JSON for the raw view, hidden characters made visible; raw text when it cannot be printed. */
export function prettyRaw(record: unknown, raw: string | null): string {
  try {
    const pretty = JSON.stringify(record, null, 2);
    // Indentation grows with depth: a 5,000-deep record pretty-printed is 25 MB of spaces, which
    // froze the page. A record that swells like that is shown as CloudTrail sent it.
    if (raw !== null && pretty.length > 4 * raw.length + 100_000) return visibleText(raw, { keepLineBreaks: true });
    return visibleText(pretty, { keepLineBreaks: true });
  } catch {
    return visibleText(raw ?? '', { keepLineBreaks: true });
  }
}
