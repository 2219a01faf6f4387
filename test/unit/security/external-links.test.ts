import { describe, expect, it } from 'vitest';

import { checkExternalUrl, hostOfSite } from '../../../main/security/external-links';

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
    ['https://acme.atlassian.net/browse/SEC-1', 'https://acme.atlassian.net/browse/SEC-1'],
  ])('opens %s', (url, expected) => {
    expect(checkExternalUrl(url)).toBe(expected);
  });

  it('accepts the configured Jira site when it is added to the allow-list', () => {
    const hosts = hostOfSite('https://jira.example.com');
    expect(checkExternalUrl('https://jira.example.com/browse/SEC-2', hosts)).toBe('https://jira.example.com/browse/SEC-2');
    expect(checkExternalUrl('https://other.example.com/', hosts)).toBeNull();
  });

  it('adds no host for a site that is not https', () => {
    expect(hostOfSite('http://127.0.0.1:8080')).toEqual([]);
    expect(hostOfSite('garbage')).toEqual([]);
  });
});
