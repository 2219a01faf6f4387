import { gunzipSync, gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { classifyAddress } from '../../../shared/intel/address-kind';
import { buildAsnTable, parseAsnCsv } from '../../../shared/intel/asn-csv';
import { lookupAsn } from '../../../shared/intel/asn-table';
import type { AsnTable } from '../../../shared/intel/asn-table';
import { decodeAsnTable, encodeAsnTable } from '../../../main/services/intel/asn-table-file';

const csv = [
  '1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."',
  '8.8.8.0,8.8.8.255,15169,Google LLC',
  '8.8.4.0,8.8.4.255,15169,Google LLC',
  '214.95.0.0,215.0.255.255,749,United States Department of Defense (DoD)',
  '215.0.0.0,215.1.3.255,721,DoD Network Information Center',
  '2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC',
  '2a05:d000::,2a05:d000::ff,16509,"Amazon.com, Inc."',
].join('\n');

function table(text = csv): AsnTable {
  const rows = parseAsnCsv(text);
  if (!rows.ok) throw new Error(rows.message);
  const built = buildAsnTable(rows.value);
  if (!built.ok) throw new Error(built.message);
  return built.value;
}

function asnOf(t: AsnTable, ip: string) {
  const classified = classifyAddress(ip);
  if (classified.kind !== 'public') throw new Error(`${ip} is not public`);
  return lookupAsn(t, classified.key);
}

describe('the compact ASN table', () => {
  it('finds the range holding an address, bounds included, in either family', () => {
    const t = table();
    expect(asnOf(t, '8.8.8.8')).toEqual({ asn: 15169, asOrg: 'Google LLC' });
    expect(asnOf(t, '8.8.4.0')).toEqual({ asn: 15169, asOrg: 'Google LLC' });
    expect(asnOf(t, '1.0.0.255')).toEqual({ asn: 13335, asOrg: 'Cloudflare, Inc.' });
    expect(asnOf(t, '2001:4860:4860::8888')).toEqual({ asn: 15169, asOrg: 'Google LLC' });
    expect(asnOf(t, '2a05:d000::ff')).toEqual({ asn: 16509, asOrg: 'Amazon.com, Inc.' });
  });

  it('answers null between ranges and past the last one', () => {
    const t = table();
    expect(asnOf(t, '1.0.1.0')).toBeNull();
    expect(asnOf(t, '9.9.9.9')).toBeNull();
    expect(asnOf(t, '223.1.1.1')).toBeNull();
    expect(asnOf(t, '2a05:d000::100')).toBeNull();
  });

  it('cuts a range that runs into the next one, so the later range holds the overlap', () => {
    const t = table();
    expect(asnOf(t, '214.255.0.1')?.asn).toBe(749);
    expect(asnOf(t, '215.0.0.1')?.asn).toBe(721);
  });

  it('survives encoding and decoding unchanged', () => {
    const t = table();
    const { header, table: decoded } = decodeAsnTable(encodeAsnTable(t, { source: 'test', version: '1', date: '2026-06-17' }));
    expect(header).toEqual({ source: 'test', version: '1', date: '2026-06-17', v4: 5, v6: 2, values: 5 });
    expect(decoded).toEqual(t);
    expect(asnOf(decoded, '215.1.3.255')?.asn).toBe(721);
  });

  it('refuses a file that is not a table, or one cut short', () => {
    expect(() => decodeAsnTable(gzipSync(Buffer.from('hello world, not a table')))).toThrow(/not a Trailcase ASN table/);
    const whole = encodeAsnTable(table(), { source: 'test', version: '1', date: null });
    const cut = gzipSync(gunzipSync(whole).subarray(0, 100));
    expect(() => decodeAsnTable(cut)).toThrow(/truncated/);
  });

  it('refuses a CSV with one bad row whole, naming its line', () => {
    expect(parseAsnCsv('1.0.0.0,1.0.0.255,13335,Cloudflare\n1.0.4.0,1.0.7.255,AS38803,Gtelecom\n')).toEqual({ ok: false, line: 2, message: 'the ASN is not a number' });
    expect(parseAsnCsv('1.0.0.0,2001::1,1,mixed\n')).toMatchObject({ ok: false, line: 1 });
    expect(parseAsnCsv('1.0.0.0,1.0.0.9,1,"open quote\n')).toMatchObject({ ok: false, line: 1 });
  });
});
