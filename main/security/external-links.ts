/**
 * The one check every external link passes before the system browser opens it. Event data is
 * written by attackers, so a link must be https, carry no credentials, and point at an origin
 * the analyst works with: the AWS consoles, Atlassian Cloud, or the configured Jira site.
 */
export const defaultAllowedHosts = ['console.aws.amazon.com', '*.console.aws.amazon.com', 'signin.aws.amazon.com', '*.atlassian.net', 'docs.aws.amazon.com'];

/** Returns the normalised URL when it may be opened, or null. */
export function checkExternalUrl(candidate: string, allowedHosts: readonly string[] = defaultAllowedHosts): string | null {
  if (typeof candidate !== 'string' || candidate.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  const allowed = allowedHosts.some((pattern) => matchesHost(host, pattern.toLowerCase()));
  return allowed ? url.toString() : null;
}

function matchesHost(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return host === pattern;
}

/** The host pattern for a configured Jira site, to add to the allow-list. */
export function hostOfSite(site: string | null | undefined): string[] {
  if (!site) return [];
  try {
    const url = new URL(site);
    return url.protocol === 'https:' ? [url.hostname.toLowerCase()] : [];
  } catch {
    return [];
  }
}
