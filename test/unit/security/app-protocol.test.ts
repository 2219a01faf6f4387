import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  APP_HOST,
  APP_ORIGIN,
  APP_PAGE_URL,
  APP_SCHEME,
  appResponseHeaders,
  appSchemePrivileges,
  isAppPageUrl,
  resolveAppUrl,
} from '../../../main/security/app-protocol';
import { contentSecurityPolicy } from '../../../main/security/csp';

const root = resolve('/opt/trailcase/out/renderer');

describe('resolveAppUrl', () => {
  it.each([
    ['app://trailcase/index.html', 'index.html'],
    ['app://trailcase/', 'index.html'],
    ['app://trailcase', 'index.html'],
    ['app://trailcase/assets/index-D3wb6GzC.js', 'assets/index-D3wb6GzC.js'],
    ['app://trailcase/index.html?token=1#top', 'index.html'],
    ['app://trailcase/my%20file.svg', 'my file.svg'],
    // Dot segments are resolved by the URL parser itself, inside the folder.
    ['app://trailcase/assets/../favicon.svg', 'favicon.svg'],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppUrl(root, url)).toBe(join(root, file));
  });

  it.each([
    ['app://trailcase/..%2f..%2f..%2fhome%2fanalyst%2f.aws%2fcredentials'],
    ['app://trailcase/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['app://trailcase/..%5c..%5cWindows%5cwin.ini'],
    ['app://trailcase/a%5cb.js'],
    ['app://trailcase/index.html%00.js'],
    ['app://trailcase/%E0%A4%A'],
    ['app://evil.test/index.html'],
    ['app://trailcase.evil.test/index.html'],
    ['app://trailcase:8080/index.html'],
    ['app://user:pass@trailcase/index.html'],
    ['app:///etc/passwd'],
    ['file:///etc/passwd'],
    ['https://trailcase/index.html'],
    ['javascript:alert(1)'],
    ['not a url'],
    [`app://trailcase/${'a'.repeat(5000)}`],
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(resolveAppUrl(root, undefined)).toBeNull();
    expect(resolveAppUrl(root, { url: APP_PAGE_URL })).toBeNull();
  });

  it('never names a file outside the folder, whatever the path', () => {
    const hostile = ['..', '%2e%2e', '.%2e', '%2e.', '..%2f', '%2f..', '..%252f', '%00', '%5c', '//', '/./', 'a/../..'];
    for (const a of hostile)
      for (const b of hostile) {
        const file = resolveAppUrl(root, `app://trailcase/${a}/${b}/etc/passwd`);
        if (file !== null) expect(file.startsWith(`${root}/`), file).toBe(true);
      }
  });
});

describe('isAppPageUrl', () => {
  it('accepts our page, with or without query and fragment', () => {
    expect(isAppPageUrl(APP_PAGE_URL)).toBe(true);
    expect(isAppPageUrl(`${APP_PAGE_URL}?profile=demo#x`)).toBe(true);
  });

  it.each([
    ['file:///opt/trailcase/out/renderer/index.html'],
    ['app://evil.test/index.html'],
    ['app://trailcase/other.html'],
    ['app://user@trailcase/index.html'],
    ['https://trailcase/index.html'],
    ['about:blank'],
    [''],
  ])('refuses %s', (url) => {
    expect(isAppPageUrl(url)).toBe(false);
  });
});

describe('the app scheme', () => {
  it('is standard and secure, and neither bypasses the CSP nor opens CORS or service workers', () => {
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true });
    for (const privilege of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream'])
      expect(appSchemePrivileges).not.toHaveProperty(privilege);
  });

  it('sends every file with its type, nosniff and the full CSP header, frame-ancestors included', () => {
    expect(appResponseHeaders(join(root, 'index.html'))).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(appResponseHeaders(join(root, 'assets/index.js'))['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(appResponseHeaders(join(root, 'assets/x.bin'))['Content-Type']).toBe('application/octet-stream');
  });
});

describe('the app origin', () => {
  it('is app://trailcase, the page its index.html', () => {
    expect(APP_ORIGIN).toBe(`${APP_SCHEME}://${APP_HOST}`);
    expect(APP_PAGE_URL).toBe(`${APP_ORIGIN}/index.html`);
  });
});
