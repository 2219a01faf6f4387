import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { classifyAddress } from '../../../shared/intel/address-kind';
import { lookupAws, parseAwsIpRanges } from '../../../shared/intel/aws-ranges';
import type { AwsRanges } from '../../../shared/intel/aws-ranges';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/intel', name), 'utf8');

function loaded(): AwsRanges {
  const parsed = parseAwsIpRanges(fixture('ip-ranges.json'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function awsOf(ranges: AwsRanges, ip: string) {
  const classified = classifyAddress(ip);
  if (classified.kind !== 'public') throw new Error(`${ip} is not public`);
  return lookupAws(ranges, classified.key);
}

describe('AWS ip-ranges.json', () => {
  const ranges = loaded();

  it('reads its date and counts its prefixes', () => {
    expect(ranges.date).toBe('2026-11-30T21:13:05Z');
    expect(ranges.syncToken).toBe('1764537185');
    expect(ranges.entries).toBe(11);
  });

  it('prefers the specific service over AMAZON on the same prefix', () => {
    expect(awsOf(ranges, '18.209.1.1')).toEqual({ service: 'EC2', region: 'us-east-1' });
    expect(awsOf(ranges, '52.218.10.20')).toEqual({ service: 'S3', region: 'eu-west-1' });
  });

  it('takes the most specific prefix of a service', () => {
    expect(awsOf(ranges, '18.208.5.9')).toEqual({ service: 'EC2_INSTANCE_CONNECT', region: 'us-east-1' });
  });

  it('keeps the specific service when a narrower prefix is listed only as AMAZON', () => {
    expect(awsOf(ranges, '18.210.0.7')).toEqual({ service: 'EC2', region: 'us-east-1' });
  });

  it('answers AMAZON when that is all AWS lists', () => {
    expect(awsOf(ranges, '52.94.1.2')).toEqual({ service: 'AMAZON', region: 'us-east-1' });
    expect(awsOf(ranges, '13.33.0.1')).toEqual({ service: 'CLOUDFRONT', region: 'GLOBAL' });
  });

  it('looks IPv6 addresses up by their own prefixes', () => {
    expect(awsOf(ranges, '2600:1f18:4a3:6900::10')).toEqual({ service: 'EC2', region: 'us-east-1' });
    expect(awsOf(ranges, '2600:1f80::1')).toEqual({ service: 'AMAZON', region: 'us-east-1' });
    expect(awsOf(ranges, '2a05:d07f:ffff::1')).toEqual({ service: 'AMAZON', region: 'eu-west-1' });
    expect(awsOf(ranges, '2a05:d080::1')).toBeNull();
  });

  it('answers null for an address AWS does not list', () => {
    expect(awsOf(ranges, '8.8.8.8')).toBeNull();
    expect(awsOf(ranges, '18.216.0.1')).toBeNull();
  });

  it('refuses a file with one bad prefix whole, naming its line', () => {
    const parsed = parseAwsIpRanges(fixture('ip-ranges-bad-prefix.json'));
    expect(parsed).toEqual({ ok: false, line: 30, message: 'prefixes[4]: "ip_prefix" is not an IPv4 CIDR' });
  });

  it('names the line of a JSON syntax error', () => {
    // The comma after line 37's region is gone: the parser stops at the next key, on line 38.
    const text = fixture('ip-ranges.json').replace('"region": "eu-west-1",', '"region": "eu-west-1"');
    expect(parseAwsIpRanges(text)).toEqual({ ok: false, line: 38, message: 'not JSON' });
  });

  it.each([
    ['an entry without a service', (t: string) => t.replace('"service": "S3",', '"servic": "S3",'), /prefixes\[6\]: "service" is missing/],
    ['an IPv4 prefix in the IPv6 list', (t: string) => t.replace('"2a05:d000::/25"', '"10.0.0.0/8"'), /ipv6_prefixes\[2\]: "ipv6_prefix" is not an IPv6 CIDR/],
    ['a region that is not a name', (t: string) => t.replace('"region": "GLOBAL"', '"region": "<b>x</b>"'), /prefixes\[7\]: "region"/],
    ['no createDate', (t: string) => t.replace('"createDate": "2026-11-30-21-13-05",', ''), /createDate/],
    ['another JSON document', () => '{"Records": []}', /no "prefixes" list/],
  ])('refuses %s', (_name, edit, message) => {
    const parsed = parseAwsIpRanges(edit(fixture('ip-ranges.json')));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});
