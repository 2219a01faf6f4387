import type { IpKey } from './ip-key';
import { findRange } from './range-search';
import type { RangeTable } from './range-search';

/**
 * The ASN data set as a compact table: address ranges pointing at (ASN, organisation) pairs.
 * Built from ip-location-db's `asn` CSV by `scripts/build-asn-table.ts`; decoded in main.
 */
export interface AsnTable extends RangeTable {
  /** The ASN of each value index. */
  asns: Uint32Array;
  /** The organisation of each value index ('' when the data set has none). */
  orgs: readonly string[];
}

/** The ASN and organisation of an address, or null when no range holds it. */
export function lookupAsn(table: AsnTable, key: IpKey): { asn: number; asOrg: string | null } | null {
  const index = findRange(table, key);
  if (index < 0) return null;
  return { asn: table.asns[index]!, asOrg: table.orgs[index] || null };
}
