import { describe, expect, test } from 'vitest';

import { resolveEndpoint } from '../../../main/services/aws/endpoints';

const sections = {
  'services.corp': { 'cloudtrail.endpoint_url': 'https://cloudtrail.corp.example', 'sts.endpoint_url': 'http://127.0.0.1:4566' },
  'services.evil': { 'cloudtrail.endpoint_url': 'http://evil.example' },
};

describe('resolving the endpoint of a service for the chosen profile', () => {
  test('reads the chosen profile only: a profile that names none gets AWS’s own endpoint', () => {
    // [default] and AWS_PROFILE's profile are not the chosen one, whatever they hold.
    expect(resolveEndpoint('CLOUDTRAIL', { env: { AWS_PROFILE: 'other' }, profile: { region: 'eu-west-1' }, sections })).toBeUndefined();
  });

  test('takes the service line of the profile’s services section, then its endpoint_url', () => {
    const profile = { services: 'corp', endpoint_url: 'https://all.corp.example' };
    expect(resolveEndpoint('CLOUDTRAIL', { env: {}, profile, sections })).toBe('https://cloudtrail.corp.example');
    expect(resolveEndpoint('STS', { env: {}, profile, sections })).toBe('http://127.0.0.1:4566');
    expect(resolveEndpoint('IAM', { env: {}, profile, sections })).toBe('https://all.corp.example');
  });

  test.each(['CLOUDTRAIL', 'STS', 'SSO', 'IAM', 'S3', 'ATHENA'] as const)(
    'AWS_ENDPOINT_URL_%s wins over AWS_ENDPOINT_URL and the profile',
    (service) => {
      const env = { [`AWS_ENDPOINT_URL_${service}`]: 'https://one.example', AWS_ENDPOINT_URL: 'https://all.example' };
      expect(resolveEndpoint(service, { env, profile: { services: 'corp', endpoint_url: 'https://p.example' }, sections })).toBe(
        'https://one.example',
      );
      expect(
        resolveEndpoint(service, { env: { AWS_ENDPOINT_URL: 'https://all.example' }, profile: { endpoint_url: 'https://p.example' } }),
      ).toBe('https://all.example');
    },
  );

  test('checks every source: plain http to a host that is not loopback is refused, naming the setting', () => {
    expect(() => resolveEndpoint('CLOUDTRAIL', { env: {}, profile: { services: 'evil' }, sections })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('[services evil]') }),
    );
    expect(() => resolveEndpoint('S3', { env: {}, profile: { endpoint_url: 'http://evil.example' } })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('endpoint_url must be an https URL') }),
    );
    expect(() => resolveEndpoint('ATHENA', { env: { AWS_ENDPOINT_URL_ATHENA: 'http://10.0.0.5' }, profile: {} })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('AWS_ENDPOINT_URL_ATHENA') }),
    );
  });

  test('a services section the config file lacks is a configuration error, not AWS’s endpoint', () => {
    expect(() => resolveEndpoint('CLOUDTRAIL', { env: {}, profile: { services: 'gone' }, sections })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  test('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS and ignore_configured_endpoint_urls turn every configured endpoint off', () => {
    const profile = { services: 'corp', endpoint_url: 'https://p.example' };
    expect(
      resolveEndpoint('CLOUDTRAIL', {
        env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'https://a.example' },
        profile,
        sections,
      }),
    ).toBeUndefined();
    expect(
      resolveEndpoint('CLOUDTRAIL', { env: {}, profile: { ...profile, ignore_configured_endpoint_urls: 'true' }, sections }),
    ).toBeUndefined();
  });
});
