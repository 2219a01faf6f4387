import { classifyAddress } from './address-kind';
import { lookupAsn } from './asn-table';
import type { AsnTable } from './asn-table';
import { lookupAws } from './aws-ranges';
import type { AwsRanges } from './aws-ranges';
import type { IpKey } from './ip-key';
import { canonicalAddress, isTorExit } from './tor-exits';
import type { TorExitList } from './tor-exits';
import type { AddressIntel, DatasetInfo, IpEnricher } from './types';

/** A data set read by address: a bundled table, or an MMDB read in main. */
export type AddressLookup<T> = (ip: string, key: IpKey) => T | null;

/** What the enricher answers from; a null data set is missing, and what it would say reads as null. */
export interface EnricherData {
  country: AddressLookup<string> | null;
  asn: AsnTable | AddressLookup<{ asn: number; asOrg: string | null }> | null;
  aws: AwsRanges | null;
  tor: TorExitList | null;
  datasets: readonly DatasetInfo[];
}

/** The time-independent part of an address's enrichment, computed once an address. */
interface Known {
  intel: Omit<AddressIntel, 'tor'>;
  torKey: string | null;
  /** The full answers, one per Tor value (true, false, null), made when first needed: events of one address share them. */
  answers: Map<boolean | null, AddressIntel>;
}

/** Distinct addresses remembered; past this the memo starts again (addresses are attacker-written). */
const memoLimit = 100_000;

/**
 * The enricher over loaded data: each distinct address is classified and looked up once (country,
 * ASN, AWS), and Tor membership is answered per event time. Only public addresses are looked up.
 */
export function createIpEnricher(data: EnricherData): IpEnricher {
  const memo = new Map<string, Known>();
  const table = data.asn;
  const asnOf: AddressLookup<{ asn: number; asOrg: string | null }> | null =
    table === null ? null : typeof table === 'function' ? table : (_ip, key) => lookupAsn(table, key);

  function know(ip: string): Known {
    const classified = classifyAddress(ip);
    const intel: Known['intel'] = { ip, kind: classified.kind, country: null, asn: null, asOrg: null, aws: null, awsRegion: null, inAws: null };
    if (classified.kind !== 'public') return { intel, torKey: null, answers: new Map() };
    const text = canonicalAddress(classified.address);
    intel.country = data.country?.(text, classified.key) ?? null;
    const asn = asnOf?.(text, classified.key) ?? null;
    if (asn) Object.assign(intel, asn);
    if (data.aws) {
      const aws = lookupAws(data.aws, classified.key);
      Object.assign(intel, { aws: aws?.service ?? null, awsRegion: aws?.region ?? null, inAws: aws !== null });
    }
    return { intel, torKey: text, answers: new Map() };
  }

  return {
    lookup(address, atMs) {
      let known = memo.get(address);
      if (!known) {
        if (memo.size >= memoLimit) memo.clear();
        known = know(address);
        memo.set(address, known);
      }
      const tor = known.torKey !== null && data.tor ? isTorExit(data.tor, known.torKey, atMs) : null;
      let answer = known.answers.get(tor);
      if (!answer) known.answers.set(tor, (answer = { ...known.intel, tor }));
      return answer;
    },
    datasets: () => data.datasets,
  };
}
