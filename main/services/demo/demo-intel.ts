import type { AddressIntel, DatasetInfo, IpEnricher } from '../../../shared/intel/types';
import type { NormalizedEvent } from '../../../shared/records/types';
import { DEMO_ACCOUNT_ID, attacker } from './demo-identities';

/**
 * The demo's own Tor exit list: the two exits its story's attacker uses. The demo has no network
 * and Tor's list changes daily, so the demo carries this much of its world itself, named as the
 * demo's data wherever a data set is named, and only ever for the demo account's records. Both
 * addresses are in long-standing public Tor exit ranges, so an imported Tor list agrees.
 */
export const demoTorExits: ReadonlySet<string> = new Set([attacker.ip, attacker.laterIp]);

export const demoTorDataset: DatasetInfo = {
  id: 'tor-exits',
  name: "Trailcase demo: the demo story's Tor exits (the demo's own data, not Tor's list)",
  origin: 'bundled',
  date: null,
  entries: demoTorExits.size,
};

/** Whether the events are the demo account's (every parsed record names its account, and it is the demo's). */
export function isDemoAccount(events: readonly NormalizedEvent[]): boolean {
  const parsed = events.filter((event) => event.record !== null);
  return parsed.length > 0 && parsed.every((event) => event.accountId === DEMO_ACCOUNT_ID);
}

/**
 * The enricher with the demo's Tor exits added: a listed address is a Tor exit; any other answer
 * is the underlying data's (null, unknown, when it has no Tor list of its own).
 */
export function withDemoTorExits(base: IpEnricher): IpEnricher {
  return {
    lookup(address: string, atMs: number): AddressIntel {
      const intel = base.lookup(address, atMs);
      return intel.kind === 'public' && demoTorExits.has(address.trim()) ? { ...intel, tor: true } : intel;
    },
    datasets: () => [...base.datasets(), demoTorDataset],
  };
}
