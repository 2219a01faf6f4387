import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bundledCountryDb } from '../../../main/services/intel/bundled-data';
import { importIntelFile } from '../../../main/services/intel/import-intel';
import { intelDir } from '../../../main/services/intel/intel-files';
import { loadIntel, loadIpEnricher } from '../../../main/services/intel/load-enricher';

const fixture = (name: string) => resolve('test/fixtures/intel', name);
const at = (iso: string) => Date.parse(iso);
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'trailcase-intel-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the bundled data sets', () => {
  it('give a well-known public address its country and ASN', async () => {
    const enricher = await loadIpEnricher(dataDir);
    expect(enricher.lookup('8.8.8.8', Date.now())).toEqual({ ip: '8.8.8.8', kind: 'public', country: 'US', asn: 15169, asOrg: 'Google LLC', aws: null, awsRegion: null, inAws: null, tor: null });
    expect(enricher.lookup('2001:4860:4860::8888', Date.now())).toMatchObject({ country: 'US', asn: 15169 });
    expect(enricher.lookup('1.1.1.1', Date.now())).toMatchObject({ asn: 13335, asOrg: 'Cloudflare, Inc.' });
  });

  it('say which data sets are in use, bundled, with their dates, and that AWS and Tor are missing', async () => {
    const { status } = await loadIntel(dataDir);
    expect(status.datasets.map((d) => [d.id, d.origin, d.date])).toEqual([
      ['ip-country', 'bundled', '2026-06-17T19:51:40.000Z'],
      ['ip-asn', 'bundled', '2026-06-17'],
    ]);
    expect(status.datasets.every((d) => /CC BY 4\.0/.test(d.credit ?? ''))).toBe(true);
    expect(status.missing).toEqual(['aws-ip-ranges', 'tor-exits']);
    expect(status.problems).toEqual([]);
  });

  it('is loaded once and reused until a data set is replaced', async () => {
    const first = await loadIpEnricher(dataDir);
    expect(await loadIpEnricher(dataDir)).toBe(first);
    await importIntelFile(dataDir, { kind: 'aws-ip-ranges', file: fixture('ip-ranges.json') });
    expect(await loadIpEnricher(dataDir)).not.toBe(first);
  });
});

describe('intel import', () => {
  it("replaces the AWS data set with AWS's ip-ranges.json, stored privately", async () => {
    const [dataset] = await importIntelFile(dataDir, { kind: 'aws-ip-ranges', file: fixture('ip-ranges.json') });
    expect(dataset).toMatchObject({ id: 'aws-ip-ranges', origin: 'imported', date: '2026-11-30T21:13:05Z', entries: 11, source: 'ip-ranges.json' });
    expect((await loadIpEnricher(dataDir)).lookup('18.209.1.1', Date.now())).toMatchObject({ aws: 'EC2', awsRegion: 'us-east-1', inAws: true });
    expect((await loadIpEnricher(dataDir)).lookup('8.8.8.8', Date.now())).toMatchObject({ aws: null, inAws: false });
    expect(statSync(intelDir(dataDir)).mode & 0o777).toBe(0o700);
    expect(statSync(join(intelDir(dataDir), 'aws-ip-ranges.data')).mode & 0o777).toBe(0o600);
    expect(statSync(join(intelDir(dataDir), 'aws-ip-ranges.meta.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a malformed file whole, naming the line, and keeps the data set in use', async () => {
    await importIntelFile(dataDir, { kind: 'aws-ip-ranges', file: fixture('ip-ranges.json') });
    await expect(importIntelFile(dataDir, { kind: 'aws-ip-ranges', file: fixture('ip-ranges-bad-prefix.json') })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'ip-ranges-bad-prefix.json was refused, nothing was changed: line 30: prefixes[4]: "ip_prefix" is not an IPv4 CIDR',
    });
    const { status, enricher } = await loadIntel(dataDir);
    expect(status.datasets.find((d) => d.id === 'aws-ip-ranges')).toMatchObject({ source: 'ip-ranges.json', entries: 11 });
    expect(enricher.lookup('52.94.1.2', Date.now()).aws).toBe('AMAZON');
  });

  it('leaves a data set missing when its first import is refused', async () => {
    await expect(importIntelFile(dataDir, { kind: 'tor-exits', file: fixture('exit-addresses-bad') })).rejects.toThrow(/line 7: not an IP address/);
    expect((await loadIntel(dataDir)).status.missing).toContain('tor-exits');
  });

  it("reads Tor's exit-addresses with its own times", async () => {
    const [dataset] = await importIntelFile(dataDir, { kind: 'tor-exits', file: fixture('exit-addresses') });
    expect(dataset).toMatchObject({ id: 'tor-exits', origin: 'imported', date: '2026-11-30T13:05:11.000Z', entries: 3 });
    const enricher = await loadIpEnricher(dataDir);
    expect(enricher.lookup('185.220.101.47', at('2026-11-30T10:00:00Z'))).toMatchObject({ tor: true, country: 'DE' });
    expect(enricher.lookup('8.8.8.8', at('2026-11-30T10:00:00Z')).tor).toBe(false);
    expect(enricher.lookup('185.220.101.47', at('2025-01-01T00:00:00Z')).tor).toBeNull();
  });

  it('dates a plain Tor list by --date, else by the file time', async () => {
    await importIntelFile(dataDir, { kind: 'tor-exits', file: fixture('torbulkexitlist'), listDate: '2026-11-30T12:00:00Z' });
    const enricher = await loadIpEnricher(dataDir);
    expect(enricher.lookup('192.42.116.16', at('2026-11-29T12:00:00Z')).tor).toBe(true);
    expect(enricher.lookup('192.42.116.16', at('2026-12-05T12:00:00Z')).tor).toBeNull();
    await expect(importIntelFile(dataDir, { kind: 'tor-exits', file: fixture('torbulkexitlist'), listDate: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const copy = join(dataDir, 'list.txt');
    writeFileSync(copy, readFileSync(fixture('torbulkexitlist')));
    const [dataset] = await importIntelFile(dataDir, { kind: 'tor-exits', file: copy });
    expect(Date.parse(dataset!.date!)).toBe(Math.floor(statSync(copy).mtimeMs));
  });

  it('takes a country MMDB as the country data set', async () => {
    const [dataset] = await importIntelFile(dataDir, { kind: 'ip-db', file: bundledCountryDb().path });
    expect(dataset).toMatchObject({ id: 'ip-country', origin: 'imported', source: 'geo-whois-asn-country.mmdb' });
    const { status, enricher } = await loadIntel(dataDir);
    expect(status.datasets.map((d) => [d.id, d.origin])).toEqual([
      ['ip-country', 'imported'],
      ['ip-asn', 'bundled'],
    ]);
    expect(enricher.lookup('8.8.8.8', Date.now()).country).toBe('US');
  });

  it('refuses a file that is not an MMDB', async () => {
    await expect(importIntelFile(dataDir, { kind: 'ip-db', file: fixture('ip-ranges.json') })).rejects.toThrow(/refused, nothing was changed: not an MMDB database/);
    expect((await loadIntel(dataDir)).status.datasets.every((d) => d.origin === 'bundled')).toBe(true);
  });

  it('says so, and uses nothing, when a stored data set no longer matches its record', async () => {
    await importIntelFile(dataDir, { kind: 'aws-ip-ranges', file: fixture('ip-ranges.json') });
    writeFileSync(join(intelDir(dataDir), 'aws-ip-ranges.data'), '{"prefixes": []}');
    // A fresh stamp: the meta file is rewritten as it was, so the cache is checked again.
    const meta = join(intelDir(dataDir), 'aws-ip-ranges.meta.json');
    writeFileSync(meta, `${readFileSync(meta, 'utf8')} `);
    const { status, enricher } = await loadIntel(dataDir);
    expect(status.missing).toContain('aws-ip-ranges');
    expect(status.problems).toEqual([expect.stringMatching(/^aws-ip-ranges: the stored aws-ip-ranges data set does not match its record/)]);
    expect(enricher.lookup('18.209.1.1', Date.now()).aws).toBeNull();
  });
});
