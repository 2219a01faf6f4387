import { classifyAddress } from '../intel/address-kind';
import type { AddressIntel, AddressKind, IpEnricher } from '../intel/types';

/** What kind of value `sourceIPAddress` holds, without any data set (the enricher's own labels). */
export function addressKindOf(address: string): AddressKind {
  return classifyAddress(address).kind;
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
