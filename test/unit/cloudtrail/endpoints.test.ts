import { describe, expect, test } from 'vitest';

import { checkEndpoint, configuredEndpoint } from '../../../main/services/aws/endpoints';

describe('configured endpoints', () => {
  test.each(['https://cloudtrail.example.test', 'http://127.0.0.1:4566', 'http://localhost:8080', 'http://[::1]:9000'])(
    '%s is accepted',
    (url) => {
      expect(checkEndpoint(url, 'AWS_ENDPOINT_URL')).toBe(url);
    },
  );

  test.each(['http://10.0.0.5:4566', 'http://cloudtrail.example.test', 'ftp://127.0.0.1', 'not a url', 'http://127.0.0.1.evil.test'])(
    '%s is refused: signed requests never cross a network in clear',
    (url) => {
      expect(() => checkEndpoint(url, 'AWS_ENDPOINT_URL')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    },
  );

  test('the service variable wins over the general one, which wins over the profile setting', () => {
    expect(
      configuredEndpoint(
        'CLOUDTRAIL',
        { AWS_ENDPOINT_URL_CLOUDTRAIL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL: 'http://127.0.0.1:2' },
        'http://127.0.0.1:3',
      ),
    ).toBe('http://127.0.0.1:1');
    expect(configuredEndpoint('CLOUDTRAIL', { AWS_ENDPOINT_URL: 'http://127.0.0.1:2' }, 'http://127.0.0.1:3')).toBe('http://127.0.0.1:2');
    expect(configuredEndpoint('CLOUDTRAIL', {}, 'http://127.0.0.1:3')).toBe('http://127.0.0.1:3');
    expect(
      configuredEndpoint('CLOUDTRAIL', { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:2' }),
    ).toBeUndefined();
  });
});
