import type { AnalysisEvent } from '../analysis-event';
import { isAwsAddress } from '../analysis-event';
import { leastDistanceKm } from '../geo/distance';
import type { Detector } from './detector';
import type { FindingDraft } from './finding';
import { groupBy } from './finding';
import { address, count, country, duration, name, says } from './finding-text';

/** Faster than an airliner, over a distance a VPN hop alone rarely explains. */
export const travelLimits = { minKm: 500, maxKmPerHour: 1000 };

export const travelMethod =
  "Places are the countries the addresses are registered in (country data set), and distances the least the two countries allow (centre to centre less each country's size), " +
  'so moves within one country or between neighbours are never seen, addresses of AWS are left out, and a VPN, proxy or Tor can make one person look like two places.';

interface Hop {
  from: AnalysisEvent;
  to: AnalysisEvent;
  km: number;
  kmPerHour: number;
}

/** Whether an event can be placed: a public, non-AWS address with a country. */
const isPlaced = ({ intel }: AnalysisEvent) => intel.kind === 'public' && intel.country !== null && !isAwsAddress(intel);

/** The moves of one actor, from its placed events in time order. */
function hopsOf(events: readonly AnalysisEvent[]): Hop[] {
  const hops: Hop[] = [];
  let last: AnalysisEvent | null = null;
  for (const item of events) {
    if (last && last.intel.country !== item.intel.country) {
      const km = leastDistanceKm(last.intel.country!, item.intel.country!);
      const hours = Math.max(item.event.time - last.event.time, 1000) / 3_600_000;
      if (km !== null && km >= travelLimits.minKm && km / hours > travelLimits.maxKmPerHour) hops.push({ from: last, to: item, km, kmPerHour: km / hours });
    }
    last = item;
  }
  return hops;
}

const round = (n: number, step: number) => (Math.round(n / step) * step).toLocaleString('en-US');

/**
 * Calls or sign-ins of one user or role session from two countries too far apart for the time
 * between them. One finding per actor and pair of countries, naming the events at each hop.
 */
export const detectImpossibleTravel: Detector = (events, context) => {
  if (!context.has('ip-country')) {
    if (events.some(({ intel }) => intel.kind === 'public')) context.note('Impossible travel was not checked: no country data set is loaded.');
    return [];
  }
  const drafts: FindingDraft[] = [];
  for (const actorEvents of context.byActor.values()) {
    const byPair = groupBy(hopsOf(actorEvents.filter(isPlaced)), (hop) => [hop.from.intel.country, hop.to.intel.country].sort().join('-'));
    for (const hops of byPair.values()) {
      const fastest = hops.reduce((a, b) => (b.kmPerHour > a.kmPerHour ? b : a));
      const { from, to } = fastest;
      const viaTor = hops.some((hop) => hop.from.intel.tor === true || hop.to.intel.tor === true);
      drafts.push({
        kind: 'impossible-travel',
        severity: viaTor ? 'medium' : 'high',
        title: `Impossible travel: ${country(from.intel.country)} and ${country(to.intel.country)}`,
        summary: says`${name(from.event.actor)} acted from ${country(from.intel.country)} (${address(from.event.sourceIPAddress)}) and ${duration(to.event.time - from.event.time)} later from ${country(to.intel.country)} (${address(to.event.sourceIPAddress)}): at least ${round(fastest.km, 100)} km apart, more than ${round(fastest.kmPerHour, 1000)} km/h${hops.length > 1 ? ` (${count(hops.length, 'such move')} between these countries)` : ''}. ${viaTor ? 'At least one end is a Tor exit: one person whose Tor circuit changed country looks the same.' : 'Two people using the same credentials look like this.'} ${travelMethod}`,
        events: hops.flatMap((hop) => [hop.from, hop.to]),
        attack: ['T1078.004'],
      });
    }
  }
  return drafts;
};
