import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { decodeAsnTable } from '../../../main/services/intel/asn-table-file';
import { bundledAsnTablePath, bundledCountryDb, versionDate } from '../../../main/services/intel/bundled-data';

describe('the bundled data', () => {
  it('has an ASN table built from the pinned @ip-location-db/asn (rebuild it with scripts/build-asn-table.ts after a bump)', () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['@ip-location-db/asn'];
    const { header } = decodeAsnTable(readFileSync(bundledAsnTablePath()));
    expect(header).toMatchObject({ source: '@ip-location-db/asn', version: pinned, date: versionDate(pinned!) });
    expect(header.v4).toBeGreaterThan(400_000);
    expect(header.v6).toBeGreaterThan(100_000);
  });

  it('reads the country MMDB of the pinned package', () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies['@ip-location-db/geo-whois-asn-country-mmdb'];
    expect(bundledCountryDb()).toMatchObject({ version: pinned, path: expect.stringMatching(/geo-whois-asn-country\.mmdb$/) });
  });

  it('reads the date of an ip-location-db version', () => {
    expect(versionDate('2.3.2026061719')).toBe('2026-06-17');
    expect(versionDate('1.0.0')).toBeNull();
  });
});
