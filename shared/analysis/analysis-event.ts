import type { AddressIntel, IpEnricher } from '../intel/types';
import type { NormalizedEvent } from '../records/types';
import type { RuleHit } from '../rules/types';
import { actorKeyOf, identityKeyOf } from './identity-key';

/**
 * One event as the finding detectors see it: the normalised event, its flags, what its source
 * address is (looked up at the event's time), and who acted. Built once per event.
 */
export interface AnalysisEvent {
  event: NormalizedEvent;
  /** Position in the input, so findings can name events in file order. */
  index: number;
  flags: RuleHit[];
  intel: AddressIntel;
  /** The identity whose baseline this event is compared with. */
  identity: string;
  /** The user or role session behind the call, for where it came from. */
  actor: string;
}

/** Whether AWS's ranges hold the address (with the AWS data set loaded; read `aws` where `inAws` is not given). */
export function isAwsAddress(intel: AddressIntel): boolean {
  return intel.inAws === undefined ? intel.aws !== null : intel.inAws === true;
}

/**
 * Looks up each event's source address. Addresses repeat a lot (one identity, a few addresses),
 * so answers are cached per address; Tor membership depends on time, so the cache only serves
 * an answer whose Tor value cannot change with time (no Tor data, or an address never listed).
 */
export function createIntelLookup(enricher: IpEnricher): (address: string, atMs: number) => AddressIntel {
  const stable = new Map<string, AddressIntel>();
  return (address, atMs) => {
    const cached = stable.get(address);
    if (cached) return cached;
    const intel = enricher.lookup(address, Number.isFinite(atMs) ? atMs : 0);
    if (intel.tor !== true && (intel.tor === null || intel.kind !== 'public')) stable.set(address, intel);
    return intel;
  };
}

/** Prepares every event once: flags, enrichment, identity. */
export function prepareEvents(
  events: readonly NormalizedEvent[],
  flagsOf: (event: NormalizedEvent) => RuleHit[],
  lookup: (address: string, atMs: number) => AddressIntel,
): AnalysisEvent[] {
  const prepared: AnalysisEvent[] = new Array(events.length);
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    prepared[index] = {
      event,
      index,
      flags: flagsOf(event),
      intel: lookup(event.sourceIPAddress, event.time),
      identity: identityKeyOf(event),
      actor: actorKeyOf(event),
    };
  }
  return prepared;
}
