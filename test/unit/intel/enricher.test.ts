import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseAwsIpRanges } from '../../../shared/intel/aws-ranges';
import { createIpEnricher } from '../../../shared/intel/enricher';
import type { EnricherData } from '../../../shared/intel/enricher';
import { parseTorExits } from '../../../shared/intel/tor-exits';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/intel', name), 'utf8');
const at = (iso: string) => Date.parse(iso);

function data(overrides: Partial<EnricherData> = {}): EnricherData {
  const aws = parseAwsIpRanges(fixture('ip-ranges.json'));
  const tor = parseTorExits(fixture('exit-addresses'), null);
  if (!aws.ok || !tor.ok) throw new Error('fixtures');
  return {
    country: (ip) => (ip.startsWith('18.') ? 'US' : ip === '185.220.101.47' ? 'DE' : null),
    asn: (ip) => (ip.startsWith('18.') ? { asn: 14618, asOrg: 'Amazon.com, Inc.' } : null),
    aws: aws.value,
    tor: tor.value,
    datasets: [],
    ...overrides,
  };
}

describe('the IP enricher', () => {
  it('gives a public address its country, ASN, AWS service and region', () => {
    const intel = createIpEnricher(data()).lookup('18.209.1.1', at('2026-11-30T10:00:00Z'));
    expect(intel).toEqual({ ip: '18.209.1.1', kind: 'public', country: 'US', asn: 14618, asOrg: 'Amazon.com, Inc.', aws: 'EC2', awsRegion: 'us-east-1', inAws: true, tor: false });
  });

  it('says a public address is in no AWS range when the AWS data set is loaded', () => {
    expect(createIpEnricher(data()).lookup('185.220.101.47', at('2026-11-30T10:00:00Z'))).toMatchObject({ aws: null, inAws: false, tor: true, country: 'DE' });
  });

  it('reads a missing AWS or Tor data set as unknown (null), never as "not AWS" or "not Tor"', () => {
    const enricher = createIpEnricher(data({ aws: null, tor: null }));
    expect(enricher.lookup('185.220.101.47', at('2026-11-30T10:00:00Z'))).toMatchObject({ aws: null, awsRegion: null, inAws: null, tor: null });
  });

  it('answers Tor membership for the time of each event', () => {
    const enricher = createIpEnricher(data());
    expect(enricher.lookup('185.220.101.47', at('2026-11-30T10:00:00Z')).tor).toBe(true);
    expect(enricher.lookup('185.220.101.47', at('2026-11-27T12:00:00Z')).tor).toBe(false);
    expect(enricher.lookup('185.220.101.47', at('2026-06-01T00:00:00Z')).tor).toBeNull();
  });

  it('matches a Tor exit written as IPv4-mapped IPv6', () => {
    expect(createIpEnricher(data()).lookup('::ffff:185.220.101.47', at('2026-11-30T10:00:00Z'))).toMatchObject({ kind: 'public', tor: true, country: 'DE' });
  });

  it.each([
    ['10.0.0.5', 'private'],
    ['fd00::1', 'private'],
    ['AWS Internal', 'aws-internal'],
    ['signin.amazonaws.com', 'service'],
    ['lambda.amazonaws.com', 'service'],
    ['', 'invalid'],
  ])('labels %j as %s and looks nothing up', (ip, kind) => {
    const asked: string[] = [];
    const enricher = createIpEnricher(data({ country: (address) => (asked.push(address), 'US'), asn: (address) => (asked.push(address), { asn: 1, asOrg: 'x' }) }));
    expect(enricher.lookup(ip, at('2026-11-30T10:00:00Z'))).toEqual({ ip, kind, country: null, asn: null, asOrg: null, aws: null, awsRegion: null, inAws: null, tor: null });
    expect(asked).toEqual([]);
  });

  it('looks each distinct address up once, however many events carry it', () => {
    let lookups = 0;
    const enricher = createIpEnricher(data({ country: () => (lookups++, 'US') }));
    for (let i = 0; i < 1000; i++) enricher.lookup(`18.209.0.${i % 10}`, at('2026-11-30T10:00:00Z') + i);
    expect(lookups).toBe(10);
  });

  it('names its data sets', () => {
    const datasets = [{ id: 'tor-exits' as const, name: 'Tor exit list', origin: 'imported' as const, date: '2026-11-30T13:05:11.000Z', entries: 3 }];
    expect(createIpEnricher(data({ datasets })).datasets()).toEqual(datasets);
  });
});
