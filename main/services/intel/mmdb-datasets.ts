import { Reader } from 'mmdb-lib';

import type { AddressLookup } from '../../../shared/intel/enricher';
import type { DatasetId } from '../../../shared/intel/types';

/**
 * MMDB files (the bundled country database, or a country or ASN database the analyst imports)
 * read with mmdb-lib. Records are other people's data: only a two-letter country code, a number
 * and a bounded string are taken from them.
 */
type MmdbRecord = Record<string, unknown>;

export interface MmdbDataset {
  kinds: Array<Extract<DatasetId, 'ip-country' | 'ip-asn'>>;
  /** The database's build time (ISO). */
  date: string | null;
  databaseType: string;
  /** The search tree's node count: the size of the data set, roughly. */
  entries: number;
  country: AddressLookup<string>;
  asn: AddressLookup<{ asn: number; asOrg: string | null }>;
}

/** Addresses that every country or ASN database places, probed to learn what the records hold. */
const probes = ['8.8.8.8', '1.1.1.1', '9.9.9.9', '208.67.222.222', '2001:4860:4860::8888', '2606:4700:4700::1111'];

function countryOf(record: MmdbRecord | null): string | null {
  const code = record?.country_code ?? (record?.country as MmdbRecord | undefined)?.iso_code;
  return typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : null;
}

function asnOf(record: MmdbRecord | null): { asn: number; asOrg: string | null } | null {
  // GeoLite2-ASN's shape, or ipinfo's (`asn: "AS15169"`, `as_name`).
  const raw = record?.autonomous_system_number ?? record?.asn;
  const asn = typeof raw === 'number' ? raw : typeof raw === 'string' && /^AS\d{1,10}$/.test(raw) ? Number(raw.slice(2)) : NaN;
  if (!Number.isInteger(asn) || asn < 0 || asn > 0xffffffff) return null;
  const org = record?.autonomous_system_organization ?? record?.as_name;
  return { asn, asOrg: typeof org === 'string' && org !== '' ? org.slice(0, 200) : null };
}

/**
 * Opens an MMDB and probes it; throws when it is not one (mmdb-lib refuses its metadata or a
 * lookup fails) or when its records hold neither a country nor an ASN.
 */
export function openMmdb(bytes: Buffer): MmdbDataset {
  let reader: Reader<MmdbRecord>;
  try {
    reader = new Reader<MmdbRecord>(bytes);
  } catch (error) {
    throw new Error(`not an MMDB database (${error instanceof Error ? error.message : String(error)})`);
  }
  const get = (ip: string): MmdbRecord | null => {
    try {
      return reader.get(ip);
    } catch {
      return null;
    }
  };
  const kinds: MmdbDataset['kinds'] = [];
  let probed: MmdbRecord[];
  try {
    probed = probes.map((ip) => reader.get(ip)).filter((record): record is MmdbRecord => record !== null);
  } catch (error) {
    throw new Error(`the MMDB database is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  if (probed.some((record) => countryOf(record) !== null)) kinds.push('ip-country');
  if (probed.some((record) => asnOf(record) !== null)) kinds.push('ip-asn');
  if (kinds.length === 0) throw new Error(`the MMDB database (${reader.metadata.databaseType}) holds neither a country code nor an ASN for well-known addresses`);
  const built = reader.metadata.buildEpoch;
  return {
    kinds,
    date: Number.isFinite(built.getTime()) ? built.toISOString() : null,
    databaseType: String(reader.metadata.databaseType).slice(0, 100),
    entries: reader.metadata.nodeCount,
    country: (ip) => countryOf(get(ip)),
    asn: (ip) => asnOf(get(ip)),
  };
}
