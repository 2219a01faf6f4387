import { describe, expect, it } from 'vitest';

import { classifyAddress } from '../../../shared/intel/address-kind';

describe('classifying a sourceIPAddress', () => {
  it.each(['8.8.8.8', '185.220.101.47', '2001:4860:4860::8888', '2a05:d000::1', '::ffff:8.8.8.8'])('%s is public', (value) => {
    expect(classifyAddress(value).kind).toBe('public');
  });

  it.each([
    ['RFC 1918', '10.1.2.3'],
    ['RFC 1918', '172.16.0.9'],
    ['RFC 1918', '192.168.1.1'],
    ['loopback', '127.0.0.1'],
    ['link-local', '169.254.169.254'],
    ['CGNAT', '100.64.0.1'],
    ['documentation', '203.0.113.7'],
    ['multicast', '224.0.0.1'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unique local', 'fd12:3456:789a::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 link-local with a zone', 'fe80::1%eth0'],
    ['IPv6 documentation', '2001:db8::1'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
  ])('a %s address (%s) is private', (_range, value) => {
    expect(classifyAddress(value).kind).toBe('private');
  });

  it('reads AWS Internal as a call inside AWS', () => {
    expect(classifyAddress('AWS Internal').kind).toBe('aws-internal');
  });

  it.each(['signin.amazonaws.com', 'lambda.amazonaws.com', 'cloudformation.amazonaws.com', 'ec2.amazonaws.com.cn'])('reads %s as a service name', (value) => {
    expect(classifyAddress(value).kind).toBe('service');
  });

  it.each(['', '   ', 'not an address!', '1', '0x7f.1', '01.2.3.4', '999.1.1.1', '1.2.3', '<script>', 'a'.repeat(300)])('reads %j as invalid, not as an address', (value) => {
    expect(classifyAddress(value).kind).toBe('invalid');
  });

  it('gives the IPv4 key of an IPv4-mapped IPv6 address', () => {
    const mapped = classifyAddress('::ffff:8.8.8.8');
    const plain = classifyAddress('8.8.8.8');
    expect(mapped.kind === 'public' && mapped.key).toEqual(plain.kind === 'public' && plain.key);
  });
});
