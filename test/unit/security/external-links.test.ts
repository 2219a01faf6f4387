import { describe, expect, it } from 'vitest';

import { allowedSiteOrigins, checkExternalUrl } from '../../../main/security/external-links';

describe('checkExternalUrl', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['smb://evil.test/share'],
    ['ms-msdt:/id PCWDiagnostic'],
    ['https://console.aws.amazon.com.evil.test/'],
    ['https://console.aws.amazon.com@evil.test/'],
    ['https://user:pass@console.aws.amazon.com/'],
    ['http://console.aws.amazon.com/'],
    ['https://console.aws.amazon.com:8443/'],
    ['https://evil.test/'],
    ['https://atlassian.net.evil.test/'],
    // Anyone can own an Atlassian Cloud site: only the configured one is allowed.
    ['https://acme.atlassian.net/browse/SEC-1'],
    ['not a url'],
    [''],
    ['https://'],
    [`https://console.aws.amazon.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (url) => {
    expect(checkExternalUrl(url)).toBeNull();
  });

  it.each([
    ['https://console.aws.amazon.com/cloudtrail/home', 'https://console.aws.amazon.com/cloudtrail/home'],
    ['https://us-east-1.console.aws.amazon.com/iam/home', 'https://us-east-1.console.aws.amazon.com/iam/home'],
  ])('opens %s', (url, expected) => {
    expect(checkExternalUrl(url)).toBe(expected);
  });

  it('opens the configured Jira site, and only its exact origin', () => {
    const allowed = allowedSiteOrigins('https://acme.atlassian.net');
    expect(allowed).toEqual(['https://acme.atlassian.net']);
    expect(checkExternalUrl('https://acme.atlassian.net/browse/SEC-2', allowed)).toBe('https://acme.atlassian.net/browse/SEC-2');
    for (const url of [
      'https://evil.atlassian.net/browse/SEC-2',
      'https://acme.atlassian.net.evil.test/',
      'https://acme.atlassian.net:8443/browse/SEC-2',
      'http://acme.atlassian.net/browse/SEC-2',
      'https://x@acme.atlassian.net/',
    ])
      expect(checkExternalUrl(url, allowed), url).toBeNull();
  });

  it('matches a site with a port on that port only', () => {
    const allowed = allowedSiteOrigins('https://jira.example.com:8443');
    expect(checkExternalUrl('https://jira.example.com:8443/browse/SEC-2', allowed)).toBe('https://jira.example.com:8443/browse/SEC-2');
    expect(checkExternalUrl('https://jira.example.com/browse/SEC-2', allowed)).toBeNull();
  });

  it('adds nothing for a site that is not https', () => {
    expect(allowedSiteOrigins('http://127.0.0.1:8080')).toEqual([]);
    expect(allowedSiteOrigins('garbage')).toEqual([]);
    expect(allowedSiteOrigins(null)).toEqual([]);
  });
});
