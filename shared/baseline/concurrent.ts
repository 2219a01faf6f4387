import type { AnalysisEvent } from '../analysis/analysis-event';
import type { BaselineField } from '../analysis/baseline';
import type { FindingDraft } from '../analysis/findings/finding';
import { address, count, says } from '../analysis/findings/finding-text';
import type { IdentityBaseline } from './identity-baseline';
import { onBehalfOf } from './on-behalf';

const hourMs = 3_600_000;

/** The first index of a sorted list of times at or after `from`. */
function lowerBound(times: readonly number[], from: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (times[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Two parties holding one identity's credentials: calls from an address or network the baseline
 * never showed, while the identity's usual address (frequent in the baseline) was active within
 * the same hour. One finding per new address, naming both sets of events (`parties`).
 */
export function detectConcurrentSessions(
  timed: readonly AnalysisEvent[],
  newFields: ReadonlyArray<readonly BaselineField[]>,
  baseline: IdentityBaseline,
): Array<FindingDraft & { parties: { usual: AnalysisEvent[]; fresh: AnalysisEvent[] } }> {
  const byIdentity = new Map<string, AnalysisEvent[]>();
  for (const item of timed) {
    if (onBehalfOf(item.event)) continue;
    const list = byIdentity.get(item.identity);
    if (list) list.push(item);
    else byIdentity.set(item.identity, [item]);
  }
  const drafts: Array<FindingDraft & { parties: { usual: AnalysisEvent[]; fresh: AnalysisEvent[] } }> = [];
  for (const [identity, items] of byIdentity) {
    if (!baseline.knows(identity)) continue;
    const usualAddresses = new Set(baseline.frequentValues(identity, 'sourceIP'));
    if (usualAddresses.size === 0) continue;
    const usual = items.filter((item) => usualAddresses.has(item.event.sourceIPAddress));
    if (usual.length === 0) continue;
    const usualTimes = usual.map((item) => item.event.time);
    const freshByAddress = new Map<string, AnalysisEvent[]>();
    for (const item of items) {
      const fresh = newFields[item.index]!;
      if (!fresh.includes('sourceIP') && !fresh.includes('asn')) continue;
      const list = freshByAddress.get(item.event.sourceIPAddress);
      if (list) list.push(item);
      else freshByAddress.set(item.event.sourceIPAddress, [item]);
    }
    for (const [freshAddress, freshItems] of freshByAddress) {
      const matchedUsual = new Set<AnalysisEvent>();
      const matchedFresh: AnalysisEvent[] = [];
      for (const item of freshItems) {
        const time = item.event.time;
        let hit = false;
        for (let i = lowerBound(usualTimes, time - hourMs); i < usual.length && usualTimes[i]! <= time + hourMs; i++) {
          matchedUsual.add(usual[i]!);
          hit = true;
        }
        if (hit) matchedFresh.push(item);
      }
      if (matchedFresh.length === 0) continue;
      const usualList = [...matchedUsual];
      const usualShown = address(usualList[0]!.event.sourceIPAddress);
      drafts.push({
        kind: 'concurrent-sessions',
        severity: 'high',
        title: `Concurrent activity from ${address(freshAddress)} and the usual ${usualShown}`,
        summary: says`${count(matchedFresh.length, 'event')} came from ${address(freshAddress)}, which the baseline never showed for this identity, while its usual address ${usualShown} made ${count(usualList.length, 'call')} within the same hour: two parties may hold the credentials.`,
        events: [...matchedFresh, ...usualList],
        attack: ['T1078.004'],
        parties: { usual: usualList, fresh: matchedFresh },
      });
    }
  }
  return drafts;
}
