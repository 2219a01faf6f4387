/** The scheme the desktop app registers for links that open an investigation. */
export const DEEP_LINK_SCHEME = 'trailcase';

/**
 * Returns the query string of a `trailcase://investigate?...` link, or null for anything else.
 * Only the query is kept (at most 2 KB); its values are validated later by the form's parser.
 */
export function deepLinkQuery(candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  const target = (url.hostname || url.pathname.replace(/^\/+/, '')).toLowerCase();
  if (target !== 'investigate') return null;
  return url.search.replace(/^\?/, '');
}

/** Finds a deep link among command-line arguments (Windows and Linux pass it as one). */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const query = deepLinkQuery(arg);
    if (query !== null) return query;
  }
  return null;
}
