/**
 * The one check every external link passes before the system browser opens it. Event data is
 * written by attackers, so a link must be https, carry no credentials, and point at an origin
 * the analyst works with: the AWS consoles and docs, MITRE ATT&CK (technique pages), or exactly the configured Jira site.
 * Atlassian Cloud as a whole is not allowed: anyone can own a `*.atlassian.net` site, and a
 * link's path and query can carry data out.
 */
export const defaultAllowedHosts = ['console.aws.amazon.com', '*.console.aws.amazon.com', 'signin.aws.amazon.com', 'docs.aws.amazon.com', 'attack.mitre.org'];

/**
 * Returns the normalised URL when it may be opened, or null. An allow-list entry is a host
 * (`name` or `*.suffix`, default port only) or an exact origin (`https://host[:port]`).
 */
export function checkExternalUrl(candidate: string, allowed: readonly string[] = defaultAllowedHosts): string | null {
  if (typeof candidate !== 'string' || candidate.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const host = url.hostname.toLowerCase();
  const ok = allowed.some((entry) =>
    entry.includes('://') ? entry.toLowerCase() === url.origin : url.port === '' && matchesHost(host, entry.toLowerCase()),
  );
  return ok ? url.toString() : null;
}

function matchesHost(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return host === pattern;
}

/** The allow-list entry for a configured Jira site: its exact https origin, or none. */
export function allowedSiteOrigins(site: string | null | undefined): string[] {
  if (!site) return [];
  try {
    const url = new URL(site);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? [url.origin] : [];
  } catch {
    return [];
  }
}
