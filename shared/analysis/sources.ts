import type { AnalysisEvent } from './analysis-event';
import type { AnalyzedSource } from './types';

/**
 * Each distinct source address with its enrichment and how many events came from it, most
 * events first. Tor is per event time: a source is `true` when any of its events came while it
 * was an exit, `false` only when the data covered every one of its events, else unknown (null).
 */
export function sourcesOf(events: readonly AnalysisEvent[]): AnalyzedSource[] {
  const byAddress = new Map<string, AnalyzedSource>();
  for (const { event, intel } of events) {
    const ip = event.sourceIPAddress;
    let source = byAddress.get(ip);
    if (!source) {
      source = {
        ip,
        country: intel.country,
        asn: intel.asn,
        asOrg: intel.asOrg,
        aws: intel.aws,
        tor: intel.tor,
        events: 0,
        kind: intel.kind,
        awsRegion: intel.awsRegion,
      };
      byAddress.set(ip, source);
    } else if (source.tor !== true && intel.tor !== false) {
      source.tor = intel.tor;
    }
    source.events++;
  }
  return [...byAddress.values()].sort((a, b) => b.events - a.events || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}
