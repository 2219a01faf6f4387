import ipaddr from 'ipaddr.js';

import type { AddressIntel, AddressKind, IpEnricher } from '../intel/types';

/** What kind of value `sourceIPAddress` holds, without any data set. */
export function addressKindOf(address: string): AddressKind {
  const value = address.trim();
  if (!value) return 'invalid';
  if (value === 'AWS Internal') return 'aws-internal';
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/.test(value)) return 'service';
  if (!ipaddr.isValid(value)) return 'invalid';
  const parsed = ipaddr.process(value);
  return parsed.range() === 'unicast' ? 'public' : 'private';
}

/**
 * The enricher when no data set is loaded: it tells the kind of each value and answers every
 * question about the address with null (unknown), never "not Tor" or "not AWS" (PROMISES 22).
 */
export function createUnknownEnricher(): IpEnricher {
  return {
    lookup(address): AddressIntel {
      return { ip: address, kind: addressKindOf(address), country: null, asn: null, asOrg: null, aws: null, awsRegion: null, tor: null };
    },
    datasets: () => [],
  };
}
