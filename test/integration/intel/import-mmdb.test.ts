import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { importIntelFile } from '../../../main/services/intel/import-intel';
import { loadIntel } from '../../../main/services/intel/load-enricher';
import { writeMmdb } from '../../fixtures/intel/write-mmdb';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'trailcase-mmdb-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const path = join(dataDir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('intel import --ip-db', () => {
  it('takes an ASN MMDB (GeoLite2-ASN shape) as the ASN data set, dated by its build time', async () => {
    const db = writeMmdb({ '8.8.8.0/24': { autonomous_system_number: 64500, autonomous_system_organization: 'Imported Org' } }, 'GeoLite2-ASN', 1_780_000_000);
    const [dataset] = await importIntelFile(dataDir, { kind: 'ip-db', file: file('asn.mmdb', db) });
    expect(dataset).toMatchObject({ id: 'ip-asn', origin: 'imported', date: new Date(1_780_000_000_000).toISOString(), source: 'asn.mmdb' });
    const { enricher, status } = await loadIntel(dataDir);
    expect(enricher.lookup('8.8.8.8', Date.now())).toMatchObject({ asn: 64500, asOrg: 'Imported Org', country: 'US' });
    expect(enricher.lookup('1.1.1.1', Date.now())).toMatchObject({ asn: null, asOrg: null });
    expect(status.datasets.map((d) => [d.id, d.origin])).toEqual([
      ['ip-country', 'bundled'],
      ['ip-asn', 'imported'],
    ]);
  });

  it('takes a database with countries and ASNs (ipinfo shape) as both data sets', async () => {
    const db = writeMmdb({ '1.1.1.0/24': { country_code: 'AU', asn: 'AS13335', as_name: 'Cloudflare' } }, 'ipinfo lite');
    const datasets = await importIntelFile(dataDir, { kind: 'ip-db', file: file('lite.mmdb', db) });
    expect(datasets.map((d) => d.id)).toEqual(['ip-country', 'ip-asn']);
    expect((await loadIntel(dataDir)).enricher.lookup('1.1.1.1', Date.now())).toMatchObject({ country: 'AU', asn: 13335, asOrg: 'Cloudflare' });
  });

  it('refuses a database whose records hold neither a country nor an ASN', async () => {
    const db = writeMmdb({ '8.8.8.0/24': { city: 'Mountain View' } }, 'GeoLite2-City');
    await expect(importIntelFile(dataDir, { kind: 'ip-db', file: file('city.mmdb', db) })).rejects.toThrow(/refused, nothing was changed: the MMDB database \(GeoLite2-City\) holds neither a country code nor an ASN/);
  });

  it('refuses a damaged database whole', async () => {
    const db = writeMmdb({ '8.8.8.0/24': { autonomous_system_number: 64500 } }, 'GeoLite2-ASN');
    const damaged = Buffer.concat([Buffer.alloc(40, 0xff), db.subarray(40)]);
    await expect(importIntelFile(dataDir, { kind: 'ip-db', file: file('damaged.mmdb', damaged) })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    expect((await loadIntel(dataDir)).status.datasets.every((d) => d.origin === 'bundled')).toBe(true);
  });

  it('never takes a malformed country code or ASN from a record', async () => {
    const db = writeMmdb({ '8.8.8.0/24': { country_code: 'US', autonomous_system_number: 1 }, '9.9.9.0/24': { country_code: '<b>', asn: 'AS-1' } }, 'mixed');
    await importIntelFile(dataDir, { kind: 'ip-db', file: file('mixed.mmdb', db) });
    expect((await loadIntel(dataDir)).enricher.lookup('9.9.9.9', Date.now())).toMatchObject({ country: null, asn: null });
  });
});
